import type { ReactNode } from 'react';
import type { EncounterRecord, RecordData } from '#shared/contract/encounter-records';
import { RECORD_ITEMS, RECORD_NAMES } from '#shared/workflow/record-items';
import { READ_BACK_ITEMS } from './TimeOutReadBack';

/** A record kind, or the time-out read-back's one confirmation. */
type Kind = RecordData['kind'] | 'read-back';

/** What ticks an item in one action, if anything: a saved form (record-items.ts) or the read-back's confirmation. */
export function recordKindOf(itemId: string): Kind | null {
  if ((READ_BACK_ITEMS as readonly string[]).includes(itemId)) return 'read-back';
  for (const [kind, rules] of Object.entries(RECORD_ITEMS)) if (rules && itemId in rules) return kind as Kind;
  return null;
}

/**
 * Splits a section's rows: the open items a not-yet-saved form on this part will tick, grouped by that
 * form (two or more), fold behind one line, since saving the form answers them (issue 18: record once,
 * and 3 viewport heights). Once the form is saved, whatever it did not answer shows as a row again.
 */
export function splitRecordFilled<T extends { id: string }>(rows: readonly T[], records: readonly EncounterRecord[], isOpen: (id: string) => boolean): { shown: T[]; folded: [Kind, T[]][] } {
  const saved = new Set<Kind>(records.filter((r) => !r.voided).map((r) => r.entry.kind));
  const groups = new Map<Kind, T[]>();
  for (const row of rows) {
    const kind = recordKindOf(row.id);
    if (kind && !saved.has(kind) && isOpen(row.id)) groups.set(kind, [...(groups.get(kind) ?? []), row]);
  }
  const folded = [...groups].filter(([, g]) => g.length > 1);
  const hidden = new Set(folded.flatMap(([, g]) => g.map((r) => r.id)));
  return { shown: rows.filter((r) => !hidden.has(r.id)), folded };
}

/** One line for the folded rows: what fills them, how many; open, they are the usual rows. */
export function RecordFilledFold({ kind, count, children }: { kind: Kind; count: number; children: ReactNode }) {
  return (
    <li className="record-filled">
      <details className="fold">
        <summary>{kind === 'read-back' ? `${count} items are ticked by “Read back aloud and confirmed by the team”` : `${count} items are ticked when ${RECORD_NAMES[kind]} is saved`} ▸</summary>
        <ul className="items">{children}</ul>
      </details>
    </li>
  );
}
