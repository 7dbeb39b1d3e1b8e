/**
 * Warn when a particulate corticosteroid is chosen for a cervical transforaminal injection.
 *
 * What the fact base supports:
 * - §2.1 steroid choice [V2, SIS 2019]: "Only nonparticulate steroid for cervical TFESI";
 *   particulate steroids named: triamcinolone, betamethasone, methylprednisolone;
 *   preservative-free dexamethasone is preferred.
 * - §3.2 item 6 [M, Rathmell 2015]: particulate steroids should not be used in therapeutic
 *   cervical transforaminal injections.
 * - §2.1 catastrophic events [V, FDA risk assessment]: embolic infarction after inadvertent
 *   intra-arterial injection of particulate steroid.
 *
 * Lumbar transforaminal injection is not warned about: the fact base prefers dexamethasone
 * there but allows particulate steroid in some circumstances (§2.1 [V2]; §3.2 items 7–8 [M]),
 * and the lumbar template carries that advice itself.
 *
 * Matching is by the generic names the fact base gives (case-insensitive, anywhere in the
 * entered name, so "Triamcinolone acetonide 40 mg/mL" matches). The fact base names no
 * brand and no salt form, so no brand is matched and no salt is called particulate. A name
 * containing "acetate" or "acetonide" that is none of those generics is only flagged for
 * confirmation, so an entry that names the product some other way is not passed silently.
 */
import { M, V, V2 } from '../library/evidence';
import type { SourceRef } from '../library/schema';
import type { ProcedureTraits } from './traits';

const PARTICULATE_GENERICS = ['triamcinolone', 'betamethasone', 'methylprednisolone'] as const;
const SUSPENSION_WORDS = /\b(acetate|acetonide)\b/i;

export const PARTICULATE_STEROID_SOURCES: readonly SourceRef[] = [
  V2('sis-2019-dexamethasone-shortage'),
  M('rathmell-2015'),
  V('racoosin-2017-nejm'),
];

export interface SteroidWarning {
  warning: string;
  sources: SourceRef[];
}

function particulateGeneric(name: string): string | null {
  const lower = name.toLowerCase();
  return PARTICULATE_GENERICS.find((g) => lower.includes(g)) ?? null;
}

export function particulateSteroidWarning(input: { traits: ProcedureTraits; medications: readonly { name: string }[] }): SteroidWarning | null {
  if (!input.traits.cervicalTransforaminal) return null;
  const named = input.medications.filter((m) => particulateGeneric(m.name) !== null).map((m) => m.name.trim());
  const unconfirmed = input.medications
    .filter((m) => particulateGeneric(m.name) === null && SUSPENSION_WORDS.test(m.name))
    .map((m) => m.name.trim());
  if (named.length === 0 && unconfirmed.length === 0) return null;

  const lines: string[] = [];
  if (named.length) lines.push(`Particulate corticosteroid chosen: ${named.join(', ')}.`);
  if (unconfirmed.length) lines.push(`Confirm these are nonparticulate (the name contains "acetate" or "acetonide"): ${unconfirmed.join(', ')}.`);
  lines.push(
    'Only nonparticulate steroid (preservative-free dexamethasone) is used for cervical transforaminal injection; inadvertent intra-arterial injection of particulate steroid can cause embolic infarction.',
  );
  return { warning: lines.join(' '), sources: [...PARTICULATE_STEROID_SOURCES] };
}
