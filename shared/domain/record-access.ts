/**
 * Reading an encounter's records: the ones still standing, the latest of a kind, and the
 * records and raises as they stood at a moment (what a note signed then saw).
 */
import type { BleedingRiskRaise } from '../contract/encounter-bleeding-risk';
import type { EncounterRecord, RecordData } from '../contract/encounter-records';

export type Entry<K extends RecordData['kind']> = Extract<RecordData, { kind: K }>;

/** Records still standing (not voided), oldest first. */
export function activeRecords(records: readonly EncounterRecord[]): EncounterRecord[] {
  return records.filter((r) => !r.voided);
}

export function recordsOf<K extends RecordData['kind']>(records: readonly EncounterRecord[], kind: K): (EncounterRecord & { entry: Entry<K> })[] {
  return activeRecords(records).filter((r): r is EncounterRecord & { entry: Entry<K> } => r.entry.kind === kind);
}

export function latestOf<K extends RecordData['kind']>(records: readonly EncounterRecord[], kind: K): (EncounterRecord & { entry: Entry<K> }) | null {
  return recordsOf(records, kind).at(-1) ?? null;
}

/**
 * The records and raises as they stood at `at`: later ones left out, and a void
 * or void made after `at` not yet applied (what a note signed then saw).
 */
export function asOf(records: readonly EncounterRecord[], raises: readonly BleedingRiskRaise[], at: string): { records: EncounterRecord[]; raises: BleedingRiskRaise[] } {
  return {
    records: records.filter((r) => r.at <= at).map((r) => (r.voided && r.voided.at > at ? { ...r, voided: null } : r)),
    raises: raises.filter((r) => r.at <= at).map((r) => (r.voided && r.voided.at > at ? { ...r, voided: null } : r)),
  };
}
