/**
 * The steroid ledger (issue 20 point 3): how much steroid a patient was GIVEN across their
 * procedures in the last 12 months, per drug, for the time-out to see beside today's plan.
 *
 * What the fact base allows (shared/clinical/fact-reference.md §2.1, §7 item 13): it gives no
 * common steroid equivalent and no cumulative limit. Its dose notes ("methylprednisolone 40 mg
 * as effective as 80 mg") are efficacy claims from AI summaries, not a conversion. So totals
 * are per drug (by the generic the steroid table recognises), never converted, and both gaps
 * are printed as lines that need clinical review. Nothing here guesses: a dose in mL (no
 * concentration) or one that does not read as an amount and unit is listed, not summed.
 */
import { classifySteroid, compactName, looksLikeSteroid } from '../clinical/steroid-table';
import type { EncounterRecord } from '../contract/encounter-records';
import { clinicDate } from './clinic-time';
import { latestOf } from './record-access';

export const NO_EQUIVALENT_LINE = 'No common steroid equivalent in the fact base: needs clinical review';
export const NO_LIMIT_LINE = 'No cumulative limit in the fact base: needs clinical review';
/** The window in days, today included: see windowStart. */
export const LEDGER_DAYS = 365;

/** A steroid the procedure record says was given. */
export interface GivenSteroid {
  encounterId: string;
  /** When the procedure record was entered (the nearest the record has to when it was given). */
  at: string;
  name: string;
  dose: string;
}

export interface LedgerEntry extends GivenSteroid {
  /** The clinic's date of `at`. */
  date: string;
  /** The dose in mg, or null when it is in mL or does not read as an amount and unit. */
  mg: number | null;
}

export interface LedgerDrug {
  /** The generic the steroid table recognises, or the name as entered when the table does not classify it. */
  drug: string;
  /** false: a name (or salt) the steroid table does not classify, kept by its entered name. */
  recognised: boolean;
  /** The sum of the entries in mg (only those with an mg dose). */
  totalMg: number;
  /** How many procedures (encounters) gave it with an mg dose. */
  procedures: number;
  entries: LedgerEntry[];
}

export interface SteroidLedger {
  /** The first and last clinic dates counted. */
  from: string;
  to: string;
  drugs: LedgerDrug[];
  /** Given but not summed: dose in mL (no concentration) or not an amount with mg, mcg or g. */
  unsummed: (LedgerEntry & { drug: string; why: string })[];
  /** Today's planned steroid (this encounter, no procedure record yet), shown apart from the given total. */
  planned: { drug: string; name: string; dose: string; mg: number | null } | null;
  /** The two gaps in the fact base, always shown. */
  reviewLines: string[];
}

const AMOUNT = /^(\d+(?:\.\d+)?)\s*(mg|mcg|µg|micrograms?|g|ml)(?![a-zµ/])(?!\s*\/)/i;

/** A dose in mg, or why it is not summed. Microgram and gram doses convert; mL needs a concentration, which is never guessed. */
export function doseInMg(dose: string): { mg: number } | { why: string } {
  const m = AMOUNT.exec(dose.trim());
  if (!m) return { why: dose.trim() ? 'not an amount with its unit, not summed' : 'no dose recorded, not summed' };
  const amount = Number(m[1]);
  const unit = m[2]!.toLowerCase();
  if (unit === 'ml') return { why: 'dose in mL, not summed' };
  if (unit === 'g') return { mg: amount * 1000 };
  if (unit === 'mg') return { mg: amount };
  return { mg: amount / 1000 };
}

/** The drug an entry counts under: the recognised generic, or the entered name when the table does not classify it. */
export function ledgerDrugOf(name: string): { drug: string; key: string; recognised: boolean } {
  const c = classifySteroid(name);
  if (c.generic && c.particulate !== 'unknown') return { drug: c.generic, key: `g:${c.generic}`, recognised: true };
  return { drug: c.entered, key: `n:${compactName(c.entered)}`, recognised: false };
}

/** YYYY-MM-DD plus days, on the calendar (no time zone involved). */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The rolling 12 months are the 365 clinic calendar days ending today, today included: on
 * 2026-12-05 they run from 2025-12-06. A dose given exactly a year ago (2025-12-05) has left
 * the window; one given the day after still counts.
 */
export function windowStart(today: string): string {
  return addDays(today, -(LEDGER_DAYS - 1));
}

/** What one encounter's records say was given: the steroids in its latest standing procedure record (a voided one does not count). */
export function givenSteroids(encounterId: string, records: readonly EncounterRecord[]): GivenSteroid[] {
  const procedure = latestOf(records, 'procedure');
  if (!procedure) return [];
  return procedure.entry.data.medications
    .filter((m) => m.name.trim() && looksLikeSteroid(m.name))
    .map((m) => ({ encounterId, at: procedure.at, name: m.name.trim(), dose: m.dose.trim() }));
}

/** Today's planned steroid: only while this encounter has no standing procedure record (then the given one counts). */
export function plannedSteroid(records: readonly EncounterRecord[]): { name: string; dose: string } | null {
  if (latestOf(records, 'procedure')) return null;
  return latestOf(records, 'injectate-plan')?.entry.data.steroid ?? null;
}

export function steroidLedger(input: { given: readonly GivenSteroid[]; planned: { name: string; dose: string } | null; now: string; timeZone: string }): SteroidLedger {
  const to = clinicDate(input.now, input.timeZone);
  const from = windowStart(to);
  const drugs = new Map<string, LedgerDrug>();
  const unsummed: SteroidLedger['unsummed'] = [];
  const inWindow = input.given
    .map((g) => ({ ...g, date: clinicDate(g.at, input.timeZone) }))
    .filter((g) => g.date >= from && g.date <= to)
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const g of inWindow) {
    const { drug, key, recognised } = ledgerDrugOf(g.name);
    const dose = doseInMg(g.dose);
    if ('why' in dose) {
      unsummed.push({ ...g, mg: null, drug, why: dose.why });
      continue;
    }
    const row = drugs.get(key) ?? { drug, recognised, totalMg: 0, procedures: 0, entries: [] };
    row.entries.push({ ...g, mg: dose.mg });
    row.totalMg = roundMg(row.totalMg + dose.mg);
    row.procedures = new Set(row.entries.map((e) => e.encounterId)).size;
    drugs.set(key, row);
  }
  const planned = input.planned
    ? (() => {
        const dose = doseInMg(input.planned.dose);
        return { drug: ledgerDrugOf(input.planned.name).drug, name: input.planned.name, dose: input.planned.dose, mg: 'mg' in dose ? dose.mg : null };
      })()
    : null;
  return { from, to, drugs: [...drugs.values()], unsummed, planned, reviewLines: [NO_EQUIVALENT_LINE, NO_LIMIT_LINE] };
}

/** Sums of decimal doses without binary noise (0.1 + 0.2). */
const roundMg = (mg: number) => Math.round(mg * 1000) / 1000;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * "dexamethasone 30 mg (3 procedures) · 1 dose not summed · + today 10 mg planned": the one line the
 * time-out shows (the fold says why a dose was not summed). Today's drug is named unless it is the
 * one drug listed.
 */
export function ledgerLine(ledger: SteroidLedger): string {
  const parts = ledger.drugs.map((d) => `${d.drug} ${d.totalMg} mg (${plural(d.procedures, 'procedure')})`);
  if (ledger.unsummed.length) parts.push(`${plural(ledger.unsummed.length, 'dose')} not summed`);
  if (!parts.length) parts.push('none recorded');
  const p = ledger.planned;
  if (p) {
    const same = ledger.drugs.length === 1 && ledger.drugs[0]!.drug === p.drug && ledger.unsummed.every((u) => u.drug === p.drug);
    parts.push(`+ today ${p.mg !== null ? `${p.mg} mg` : p.dose}${same ? '' : ` ${p.drug}`} planned`);
  }
  return parts.join(' · ');
}
