import { memo, useMemo } from 'react';
import type { ChecklistSection } from '#shared/domain/checklist';
import { templateItemPhase } from '#shared/workflow/requirements';
import { useChecklist, useResolvedCount } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { ChecklistItemRow } from './ChecklistItemRow';
import { GroupConfirm } from './GroupConfirm';
import { LONG_ITEM_CHARACTERS, RecordFilledFold, recordKindOf, splitRecordFilled } from './RecordFilledFold';

const HINTS: Partial<Record<ChecklistSection['id'], string>> = {
  risks: 'Check each risk once it has been discussed with the patient, in the words shown.',
};

/**
 * One section of the template's checklist. It reads only its own done count
 * from the store, so it renders again when that count changes; its rows are
 * memoised and read their own item, so a save renders only the row saved.
 */
export const ChecklistSectionView = memo(function ChecklistSectionView({ section, sources, reviewed = false }: {
  section: ChecklistSection;
  sources: readonly { id: string; citation: string }[];
  /** The clinic has reviewed the template version's content: its rows show no evidence badges. */
  reviewed?: boolean;
}) {
  const done = useResolvedCount(section.items);
  const total = section.items.length;
  const headingId = `heading-${section.id}`;
  const group = useMemo(() => section.items.map((i) => ({ id: i.id, phase: templateItemPhase(section.id, i.id) })), [section]);
  return (
    <section id={`section-${section.id}`} aria-labelledby={headingId} className="card checklist-section">
      {/* Heading, progress and the group's confirm on one line (issue 18: each part within 3 viewport heights). */}
      <div className="section-head">
        <h2 id={headingId}>
          {section.title}{' '}
          <span className="muted">{done} of {total} done</span>
        </h2>
        <progress max={total} value={done} aria-label={`${section.title} progress`} />
        <GroupConfirm items={group} title={section.title} risks={section.id === 'risks'} />
      </div>
      {HINTS[section.id] && <p className="muted">{HINTS[section.id]}</p>}
      {section.items.length === 0 ? (
        <p className="muted">No items for this phase in this template.</p>
      ) : (
        <SectionItems items={section.items} sources={sources} reviewed={reviewed} />
      )}
    </section>
  );
});

/**
 * The section's rows. A template item a form on the encounter will tick (the signed time-out ticks
 * "Time-out immediately before starting…") folds behind one line until that form is saved, as the
 * procedure-day items do (RecordFilledFold), when folding saves room.
 */
function SectionItems({ items, sources, reviewed }: { items: ChecklistSection['items']; sources: readonly { id: string; citation: string }[]; reviewed: boolean }) {
  const records = useEncounter((s) => s.detail?.records ?? NO_RECORDS);
  // Only the items a form ticks are read from the store, as one string, so a save of any other row renders nothing here.
  const formTicked = useMemo(() => items.filter((i) => recordKindOf(i.id) !== null).map((i) => i.id), [items]);
  const openKey = useChecklist((s) => formTicked.filter((id) => (s.items[id]?.status ?? 'unchecked') === 'unchecked').join(' '));
  const open = new Set(openKey.split(' '));
  const { shown, folded } = splitRecordFilled(items, records, (id) => open.has(id), (item) => item.label.length >= LONG_ITEM_CHARACTERS);
  const row = (item: ChecklistSection['items'][number]) => <ChecklistItemRow key={item.id} item={item} sources={sources} reviewed={reviewed} />;
  return (
    <ul className="items">
      {shown.map(row)}
      {folded.map(([kind, group]) => <RecordFilledFold key={kind} kind={kind} count={group.length}>{group.map(row)}</RecordFilledFold>)}
    </ul>
  );
}

const NO_RECORDS: readonly never[] = [];
