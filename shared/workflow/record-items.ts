/**
 * Which "…recorded" items a saved record resolves, in one place. A form that records the
 * thing an item asks about ticks that item: the core reads the resolution from the record
 * (so a voided record reopens its items, and the record's own audited save is the audit of
 * the tick), and the screen shows the item as "recorded with the vitals at 14:05".
 *
 * Each rule resolves an item only when the record holds what the item asks for: baseline
 * vitals need an observation, the pain-score item a pain score, the medications item at
 * least one medication, and so on. Item ids are those of phase-items.ts (and the template's
 * 'time-out' fact); an id, once shipped, never changes.
 */
import type { Actor } from '../contract/common';
import type { EncounterRecord, RecordData } from '../contract/encounter-records';
import { aldreteDischargeReady } from './aldrete';

type Entry<K extends RecordData['kind']> = Extract<RecordData, { kind: K }>['data'];
type Rule<K extends RecordData['kind']> = Readonly<Record<string, (data: Entry<K>) => boolean>>;

const observed = (v: Entry<'vitals'>) => [v.systolic, v.diastolic, v.heartRate, v.spo2, v.respiratoryRate].some((x) => x !== null);

/** Record kind → item id → whether this record resolves it. */
export const RECORD_ITEMS: { readonly [K in RecordData['kind']]?: Rule<K> } = {
  vitals: {
    'wf-baseline-vitals': (v) => v.phase === 'pre-procedure' && observed(v),
    'wf-baseline-pain-score': (v) => v.phase === 'pre-procedure' && v.painScore !== null,
    'wf-recovery-vitals-pain': (v) => v.phase === 'recovery' && observed(v) && v.painScore !== null,
  },
  procedure: {
    'wf-imaging-modality-recorded': () => true,
    'wf-contrast-recorded': () => true,
    'wf-fluoroscopy-time-dose-recorded': (p) => p.fluoroscopyTimeSeconds !== null && p.radiationDose.trim() !== '',
    'wf-medications-recorded': (p) => p.medications.length > 0,
    'wf-levels-treated-recorded': (p) => p.levelsTreated.length > 0,
    'wf-procedure-complications-recorded': (p) => p.complications.trim() !== '',
  },
  aldrete: {
    'wf-aldrete-score': (a) => aldreteDischargeReady(a),
  },
  'time-out': {
    // The signed record names everyone who took part, by name and role, and is the time-out itself.
    'wf-team-introduced': (t) => t.participants.length >= 2,
    'time-out': () => true,
  },
};

/** How the screen names the record that resolved an item: "recorded with the vitals at 14:05". */
export const RECORD_NAMES: Readonly<Record<RecordData['kind'], string>> = {
  vitals: 'the vitals',
  anticoagulant: 'the anticoagulant record',
  'risk-factors': 'the bleeding-risk factors',
  inr: 'the INR',
  'time-out': 'the signed time-out',
  procedure: 'the procedure record',
  aldrete: 'the Aldrete score',
  'injectate-plan': 'the planned injectate',
};

/** The item ids one record resolves. */
export function itemsResolvedBy(entry: RecordData): string[] {
  const rules = (RECORD_ITEMS as Record<string, Rule<RecordData['kind']> | undefined>)[entry.kind];
  if (!rules) return [];
  return Object.entries(rules).filter(([, rule]) => rule(entry.data as never)).map(([id]) => id);
}

export interface RecordResolution {
  itemId: string;
  recordId: string;
  kind: RecordData['kind'];
  at: string;
  by: Actor;
}

/** Items resolved by the records standing (not voided): the latest record that resolves each. */
export function recordResolutions(records: readonly EncounterRecord[]): Map<string, RecordResolution> {
  const out = new Map<string, RecordResolution>();
  for (const r of records) {
    if (r.voided) continue;
    for (const itemId of itemsResolvedBy(r.entry)) out.set(itemId, { itemId, recordId: r.id, kind: r.entry.kind, at: r.at, by: r.by });
  }
  return out;
}
