import { progress, type ChecklistSection } from '#shared/domain/checklist';
import { useEncounter } from '../stores/encounter';
import { ChecklistItemRow } from './ChecklistItemRow';

const HINTS: Partial<Record<ChecklistSection['id'], string>> = {
  risks: 'Check each risk once it has been discussed with the patient, in the words shown.',
};

export function ChecklistSectionView({ section, sources }: { section: ChecklistSection; sources: readonly { id: string; citation: string }[] }) {
  const items = useEncounter((s) => s.items);
  const resolved = Object.values(items).filter((i) => i.status !== 'unchecked').map((i) => i.itemId);
  const p = progress(section.items, resolved);
  const headingId = `heading-${section.id}`;
  return (
    <section id={`section-${section.id}`} aria-labelledby={headingId} className="card checklist-section">
      <h2 id={headingId}>
        {section.title}{' '}
        <span className="muted">{p.done} of {p.total} done</span>
      </h2>
      <progress max={p.total} value={p.done} aria-label={`${section.title} progress`} />
      {HINTS[section.id] && <p className="muted">{HINTS[section.id]}</p>}
      {section.items.length === 0 ? (
        <p className="muted">No items for this phase in this template.</p>
      ) : (
        <ul className="items">
          {section.items.map((item) => (
            <ChecklistItemRow key={item.id} item={item} sources={sources} />
          ))}
        </ul>
      )}
    </section>
  );
}
