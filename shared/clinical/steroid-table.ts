/**
 * Injectable corticosteroids as data: which entered names (generic or brand) mean which
 * product, and whether the fact base calls that product particulate.
 *
 * What the fact base supports (shared/clinical/fact-reference.md):
 * - §2.1 "Choice of steroid" [V2, SIS 2019]: particulate steroids are triamcinolone,
 *   betamethasone and methylprednisolone; preservative-free dexamethasone is the steroid
 *   preferred for transforaminal injection, and the only kind for cervical TFESI.
 * - §3.2 item 7 [M, Rathmell 2015]: "a nonparticulate steroid (dexamethasone)".
 * The fact base names generics only. Brand ↔ generic identity and the dosage form come from
 * each product's FDA label (shared/library/sources-steroid.ts): [V] where read on DailyMed or
 * openFDA, [V2] where read only in reproductions of the label. A name covered only by its
 * brand family (Kenalog-10, a bare "Celestone") is tagged 'inference': needs clinical review.
 *
 * A salt or ester the fact base does not classify (methylprednisolone sodium succinate,
 * betamethasone sodium phosphate on its own, dexamethasone acetate) is 'unknown', as is any
 * name not in the table: it must be confirmed, never passed silently.
 *
 * Matching ignores case, accents, spaces, hyphens and punctuation ("kenalog 40",
 * "KENALOG-40", "Depo Medrol 80mg"), and an entry naming two products is judged by the
 * worse of them (particulate over unknown over nonparticulate).
 */
import { I, M, V, V2 } from '../library/evidence';
import type { SourceRef } from '../library/schema';

export type Particulate = boolean | 'unknown';

export interface SteroidProduct {
  id: string;
  /** The generic name, as a label prints it. */
  generic: string;
  particulate: Particulate;
  /** Why, in one line, naming the fact-base section. */
  basis: string;
  sources: readonly SourceRef[];
}

export interface SteroidName {
  /** As the label or the fact base prints it: 'Kenalog-40', 'triamcinolone acetonide'. */
  name: string;
  /** 'family': a brand name without the strength the label names (Kenalog, Celestone). */
  kind: 'generic' | 'brand' | 'family';
  product: string;
  /** Where the name ↔ product identity (and the dosage form) comes from. */
  sources: readonly SourceRef[];
  /** A generic without its salt or ester ("methylprednisolone"): followed by a salt the table does not name, the entry is unknown. */
  bare?: true;
}

const SIS = 'sis-2019-dexamethasone-shortage';
const PARTICULATE_BASIS = 'Fact base §2.1: triamcinolone, betamethasone and methylprednisolone are particulate steroids.';
const PARTICULATE_SOURCES = [V2(SIS)] as const;

export const STEROID_PRODUCTS: readonly SteroidProduct[] = [
  { id: 'triamcinolone-acetonide', generic: 'triamcinolone acetonide', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  { id: 'triamcinolone-hexacetonide', generic: 'triamcinolone hexacetonide', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  { id: 'triamcinolone', generic: 'triamcinolone', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  { id: 'methylprednisolone-acetate', generic: 'methylprednisolone acetate', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  { id: 'methylprednisolone', generic: 'methylprednisolone', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  {
    id: 'betamethasone-sodium-phosphate-and-acetate',
    generic: 'betamethasone sodium phosphate and betamethasone acetate',
    particulate: true,
    basis: `${PARTICULATE_BASIS} This mixture contains the betamethasone acetate suspension.`,
    sources: PARTICULATE_SOURCES,
  },
  { id: 'betamethasone-acetate', generic: 'betamethasone acetate', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  { id: 'betamethasone', generic: 'betamethasone', particulate: true, basis: PARTICULATE_BASIS, sources: PARTICULATE_SOURCES },
  {
    id: 'dexamethasone-sodium-phosphate',
    generic: 'dexamethasone sodium phosphate',
    particulate: false,
    basis: 'Fact base §2.1 and §3.2 item 7: dexamethasone is the nonparticulate steroid (preservative-free dexamethasone preferred for transforaminal injection).',
    sources: [V2(SIS), M('rathmell-2015')],
  },
  {
    id: 'dexamethasone',
    generic: 'dexamethasone',
    particulate: false,
    basis: 'Fact base §2.1 and §3.2 item 7: dexamethasone is the nonparticulate steroid (preservative-free dexamethasone preferred for transforaminal injection).',
    sources: [V2(SIS), M('rathmell-2015')],
  },
];

export const STEROID_NAMES: readonly SteroidName[] = [
  // Triamcinolone acetonide
  { name: 'triamcinolone acetonide', kind: 'generic', product: 'triamcinolone-acetonide', sources: [V('openfda-triamcinolone-acetonide-suspension')] },
  { name: 'Kenalog-40', kind: 'brand', product: 'triamcinolone-acetonide', sources: [V2('fda-label-kenalog-40-80')] },
  { name: 'Kenalog-80', kind: 'brand', product: 'triamcinolone-acetonide', sources: [V2('fda-label-kenalog-40-80')] },
  // Kenalog-10 and any other Kenalog: the family name only; its own label was not read.
  { name: 'Kenalog', kind: 'family', product: 'triamcinolone-acetonide', sources: [I('fda-label-kenalog-40-80')] },
  // Triamcinolone hexacetonide
  { name: 'triamcinolone hexacetonide', kind: 'generic', product: 'triamcinolone-hexacetonide', sources: [V('openfda-hexatrione')] },
  { name: 'Aristospan', kind: 'brand', product: 'triamcinolone-hexacetonide', sources: [V2('fda-label-aristospan')] },
  { name: 'Hexatrione', kind: 'brand', product: 'triamcinolone-hexacetonide', sources: [V('openfda-hexatrione')] },
  { name: 'triamcinolone', kind: 'generic', product: 'triamcinolone', sources: [V2(SIS)], bare: true },
  // Methylprednisolone acetate
  { name: 'methylprednisolone acetate', kind: 'generic', product: 'methylprednisolone-acetate', sources: [V('openfda-depo-medrol')] },
  { name: 'Depo-Medrol', kind: 'brand', product: 'methylprednisolone-acetate', sources: [V('openfda-depo-medrol')] },
  { name: 'methylprednisolone', kind: 'generic', product: 'methylprednisolone', sources: [V2(SIS)], bare: true },
  // Betamethasone
  {
    name: 'betamethasone sodium phosphate and betamethasone acetate',
    kind: 'generic',
    product: 'betamethasone-sodium-phosphate-and-acetate',
    sources: [V('dailymed-celestone-soluspan')],
  },
  // The same mixture in the order DailyMed's title gives it.
  {
    name: 'betamethasone acetate and betamethasone sodium phosphate',
    kind: 'generic',
    product: 'betamethasone-sodium-phosphate-and-acetate',
    sources: [V('dailymed-celestone-soluspan')],
  },
  { name: 'Celestone Soluspan', kind: 'brand', product: 'betamethasone-sodium-phosphate-and-acetate', sources: [V('dailymed-celestone-soluspan')] },
  // A bare "Celestone": the injectable the label names is Celestone Soluspan.
  { name: 'Celestone', kind: 'family', product: 'betamethasone-sodium-phosphate-and-acetate', sources: [I('dailymed-celestone-soluspan')] },
  { name: 'betamethasone acetate', kind: 'generic', product: 'betamethasone-acetate', sources: [V('dailymed-celestone-soluspan')] },
  { name: 'betamethasone', kind: 'generic', product: 'betamethasone', sources: [V2(SIS)], bare: true },
  // Dexamethasone
  { name: 'dexamethasone sodium phosphate', kind: 'generic', product: 'dexamethasone-sodium-phosphate', sources: [V('dailymed-dexamethasone-sodium-phosphate')] },
  { name: 'dexamethasone phosphate', kind: 'generic', product: 'dexamethasone-sodium-phosphate', sources: [V('dailymed-dexamethasone-sodium-phosphate')] },
  { name: 'dexamethasone', kind: 'generic', product: 'dexamethasone', sources: [V2(SIS)], bare: true },
];

/** Salt and ester words: a bare generic followed by one the table does not name is not classified. */
const SALT_WORDS = /(acetate|acetonide|phosphate|succinate|propionate|valerate|palmitate|butyrate|sodium|tebutate)/;
/** Words that suggest a depot suspension in a name the table does not know. */
const SUSPENSION_WORDS = /(acetate|acetonide|suspension|depot|depo)/;
/** Words that suggest a corticosteroid in a free-text medication list. */
const STEROID_LIKE = /(acetate|acetonide|succinate|steroid|cort|sone\b|olone\b|medrol|kenalog|celestone|aristo)/i;

/** Lower case, accents and everything but letters and digits removed: "Kenalog-40" and "kenalog 40" agree. */
export function compactName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const PRODUCTS = new Map(STEROID_PRODUCTS.map((p) => [p.id, p]));
/** Longest key first, so "Kenalog-40" wins over "Kenalog" and "dexamethasone acetate" is not read as "dexamethasone". */
const KEYS = STEROID_NAMES.map((n) => ({ key: compactName(n.name), entry: n })).sort((a, b) => b.key.length - a.key.length);

export interface SteroidMatch {
  name: SteroidName;
  product: SteroidProduct;
}

export interface SteroidClassification {
  /** The name as entered, trimmed. */
  entered: string;
  /** Every table name found in the entry. */
  matches: SteroidMatch[];
  /** The generic name(s) recognised ('+' between two), or null. */
  generic: string | null;
  particulate: Particulate;
  /** One line for the screen: what was recognised and why it is classed so. */
  reason: string;
  /** The fact base for the class, and the label for each brand ↔ generic identity. */
  sources: SourceRef[];
}

function dedupe(refs: readonly SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = `${r.sourceId}:${r.evidence}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * What a steroid name means: the product(s) it names and whether they are particulate.
 * Particulate if any product named is; else unknown if any is unknown or a salt is left
 * over that the table does not classify; else nonparticulate. Nothing recognised: unknown.
 */
export function classifySteroid(entered: string): SteroidClassification {
  const trimmed = entered.trim();
  let rest = compactName(trimmed);
  const found: (SteroidMatch & { at: number })[] = [];
  for (const { key, entry } of KEYS) {
    const at = key ? rest.indexOf(key) : -1;
    if (at < 0) continue;
    found.push({ name: entry, product: PRODUCTS.get(entry.product)!, at });
    // Consume it (keeping positions), so "betamethasone" is not counted again inside "betamethasone acetate".
    rest = rest.split(key).join(' '.repeat(key.length));
  }
  // In the order the entry names them.
  const matches: SteroidMatch[] = found.sort((a, b) => a.at - b.at).map(({ name, product }) => ({ name, product }));
  if (matches.length === 0) {
    const hint = SUSPENSION_WORDS.test(compactName(trimmed)) ? ' The name suggests a suspension.' : '';
    return {
      entered: trimmed,
      matches,
      generic: null,
      particulate: 'unknown',
      reason: `"${trimmed || '(no name)'}" is not in the steroid table: whether it is particulate is unknown.${hint}`,
      sources: [],
    };
  }
  const generic = [...new Set(matches.map((m) => m.product.generic))].join(' + ');
  const sources = dedupe(matches.flatMap((m) => [...m.product.sources, ...m.name.sources]));
  const named = matches.map((m) => (m.name.kind === 'generic' ? m.name.name : `${m.name.name} (${m.product.generic})`)).join(', ');

  // A generic matched bare with a salt word left over ("dexamethasone acetate",
  // "methylprednisolone sodium succinate") is a form the table does not classify.
  const leftover = SALT_WORDS.exec(rest);
  const classOf = (m: SteroidMatch): Particulate => (m.name.bare && leftover ? 'unknown' : m.product.particulate);
  const particulate = matches.filter((m) => classOf(m) === true);
  if (particulate.length) {
    return { entered: trimmed, matches, generic, particulate: true, reason: `${named}: particulate. ${particulate[0]!.product.basis}`, sources };
  }
  if (matches.some((m) => classOf(m) === 'unknown')) {
    return {
      entered: trimmed,
      matches,
      generic,
      particulate: 'unknown',
      reason: `${named}${leftover ? ` with "${leftover[1]}"` : ''}: a form the steroid table does not classify; whether it is particulate is unknown.`,
      sources,
    };
  }
  return { entered: trimmed, matches, generic, particulate: false, reason: `${named}: nonparticulate. ${matches[0]!.product.basis}`, sources };
}

/**
 * In a free-text medication list (the procedure record), whether an entry should be checked
 * as a steroid: any table name, or a name that looks like a corticosteroid. Local
 * anaesthetics and contrast agents are not.
 */
export function looksLikeSteroid(name: string): boolean {
  return classifySteroid(name).matches.length > 0 || STEROID_LIKE.test(name);
}
