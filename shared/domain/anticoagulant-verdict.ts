/**
 * The encounter's anticoagulant verdict as soon as a drug and its last dose are known
 * (issue 18, point 2). The drugs are the patient's (patient facts) plus any entered on the
 * encounter before patient facts existed. The verdict is judged against the planned start
 * a person entered, never the running clock. Without one it is judged over the planned
 * day: a hold rule is a "not before" time, so a drug too recent at the day's last minute
 * is too recent all day (a hard stop), one clear at its first minute is clear all day, and
 * anything between depends on the start time, which a person must then enter.
 */
import type { AnticoagulantVerdict, PatientFact } from '../contract/patient-facts';
import { currentFacts } from '../contract/patient-facts';
import type { CheckResult, AnticoagulantEntry, RowStatus } from './anticoagulant-check';
import { instantOfWallTime, toIso } from './zoned-time';

export interface EncounterAnticoagulantInput {
  /** The patient's standing anticoagulants and antiplatelets (patient facts). */
  patientEntries: readonly (AnticoagulantEntry & { id: string })[];
  plannedStartAt: string | null;
  plannedDate: string;
}

/** The check's input from an encounter as loaded (its patient's facts and its planned start). */
export function anticoagulantInputOf(detail: {
  encounter: { plannedDate: string };
  plannedStart: { plannedStartAt: string } | null;
  patientFacts: { facts: readonly PatientFact[] };
}): EncounterAnticoagulantInput {
  return {
    patientEntries: patientAntithrombotics(detail.patientFacts.facts),
    plannedStartAt: detail.plannedStart?.plannedStartAt ?? null,
    plannedDate: detail.encounter.plannedDate,
  };
}

/** The patient's standing anticoagulants and antiplatelets, as entries for the check (id = the fact's id). */
export function patientAntithrombotics(facts: readonly PatientFact[]): (AnticoagulantEntry & { id: string })[] {
  return currentFacts(facts).flatMap((f) => (f.entry.kind === 'antithrombotic' ? [{ id: f.id, ...f.entry.data }] : []));
}

/** The first and last minute of a planned date in the clinic's zone, as instants. */
export function plannedDayBounds(plannedDate: string, timeZone: string): { first: string; last: string } {
  const [year, month, day] = plannedDate.split('-').map(Number) as [number, number, number];
  const at = (hour: number, minute: number) => toIso(instantOfWallTime({ year, month, day, hour, minute, second: 0, millisecond: 0 }, timeZone));
  return { first: at(0, 0), last: at(23, 59) };
}

const HARD: readonly RowStatus[] = ['too-recent', 'inr-required'];
const DECISION: readonly RowStatus[] = ['shared-assessment', 'unknown', 'see-components', 'confirm-labs'];

export interface TimedCheck {
  /** The check at the planned start, or at the planned day's last minute when none was entered. */
  result: CheckResult;
  /** No planned start entered, and the verdict depends on the time of day. */
  needsPlannedStart: boolean;
}

/**
 * Runs `check` at the planned start, or over the planned day (see the file's comment).
 * `check` is the shared anticoagulant check at a given instant.
 */
export function checkAtPlannedStart(check: (at: string) => CheckResult, plannedStartAt: string | null, plannedDate: string, timeZone: string): TimedCheck {
  if (plannedStartAt) return { result: check(plannedStartAt), needsPlannedStart: false };
  const { first, last } = plannedDayBounds(plannedDate, timeZone);
  const atLast = check(last);
  if (atLast.hardStop) return { result: atLast, needsPlannedStart: false };
  const atFirst = check(first);
  return { result: atLast, needsPlannedStart: atFirst.rows.some((r) => r.status === 'too-recent') };
}

/** The verdict in a few words, for the worklist row, the patient header and the "still open" list. */
export function verdictOf(timed: TimedCheck, plannedStartAt: string | null): AnticoagulantVerdict {
  const { result, needsPlannedStart } = timed;
  const drugs = result.rows.map((r) => ({ drugName: r.drugName, statusText: r.statusText, earliestSafeLocal: r.earliestSafeLocal, hardStop: HARD.includes(r.status) }));
  const names = (statuses: readonly RowStatus[]) => result.rows.filter((r) => statuses.includes(r.status)).map((r) => r.drugName).join(', ');
  const base = { plannedStartAt, drugs };
  if (!result.rows.length) return { ...base, status: 'none', text: 'No anticoagulant or antiplatelet recorded' };
  if (result.hardStop) {
    const when = plannedStartAt ? `at the planned start ${result.plannedStartLocal}` : 'at any time on the planned day';
    return { ...base, status: 'hard-stop', text: `Hard stop ${when}: ${names(HARD)}` };
  }
  if (needsPlannedStart) return { ...base, status: 'needs-planned-start', text: `Enter the planned start: ${names(['too-recent'])} may be too recent, depending on the time` };
  if (result.needsDecision) return { ...base, status: 'decision', text: `Decision needed: ${names(DECISION)}` };
  return { ...base, status: 'clear', text: plannedStartAt ? 'Anticoagulants clear at the planned start' : 'Anticoagulants clear all planned day' };
}
