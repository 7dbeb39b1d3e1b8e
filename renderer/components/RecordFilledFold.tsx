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
 * form (two or more, or one whose wording runs over several lines), fold behind one line, since saving
 * the form answers them (issue 18: record once, and 3 viewport heights). Once the form is saved,
 * whatever it did not answer shows as a row again. A lone one-line item stays a row: a fold would save nothing.
 */
export function splitRecordFilled<T extends { id: string }>(rows: readonly T[], records: readonly EncounterRecord[], isOpen: (id: string) => boolean, long: (row: T) => boolean = () => false): { shown: T[]; folded: [Kind, T[]][] } {
  const saved = new Set<Kind>(records.filter((r) => !r.voided).map((r) => r.entry.kind));
  const groups = new Map<Kind, T[]>();
  for (const row of rows) {
    const kind = recordKindOf(row.id);
    if (kind && !saved.has(kind) && isOpen(row.id)) groups.set(kind, [...(groups.get(kind) ?? []), row]);
  }
  const folded = [...groups].filter(([, g]) => g.length > 1 || long(g[0]!));
  const hidden = new Set(folded.flatMap(([, g]) => g.map((r) => r.id)));
  return { shown: rows.filter((r) => !hidden.has(r.id)), folded };
}

/** Wording long enough to wrap over several lines of a row at 1366 px: folding it alone saves room. */
export const LONG_ITEM_CHARACTERS = 160;

/** What the fold's line says: what ticks the items, and how many. */
export function recordFilledSummary(kind: Kind, count: number): string {
  const items = count === 1 ? '1 item is' : `${count} items are`;
  if (kind === 'read-back') return `${items} ticked by “Read back aloud and confirmed by the team”`;
  if (kind === 'time-out') return `${items} ticked when the time-out is signed`;
  return `${items} ticked when ${RECORD_NAMES[kind]} is saved`;
}

/** One line for the folded rows: what fills them, how many; open, they are the usual rows. */
export function RecordFilledFold({ kind, count, children }: { kind: Kind; count: number; children: ReactNode }) {
  return (
    <li className="record-filled">
      <details className="fold">
        <summary>{recordFilledSummary(kind, count)} ▸</summary>
        <ul className="items">{children}</ul>
      </details>
    </li>
  );
}
