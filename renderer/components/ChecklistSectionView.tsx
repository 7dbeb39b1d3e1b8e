import { memo, useMemo } from 'react';
import type { ChecklistSection } from '#shared/domain/checklist';
import { templateItemPhase } from '#shared/workflow/requirements';
import { useResolvedCount } from '../stores/checklist';
import { ChecklistItemRow } from './ChecklistItemRow';
import { GroupConfirm } from './GroupConfirm';

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
        <ul className="items">
          {section.items.map((item) => (
            <ChecklistItemRow key={item.id} item={item} sources={sources} reviewed={reviewed} />
          ))}
        </ul>
      )}
    </section>
  );
});
