import { useEffect, useRef } from 'react';
import { progress } from '#shared/domain/checklist';
import { patientName } from '#shared/note/format';
import { useEncounter } from '../stores/encounter';
import { useNavigation } from '../stores/navigation';
import { ChecklistSectionView } from './ChecklistSectionView';
import { ChecklistShortcuts } from './ChecklistShortcuts';
import { ConsentPanel } from './ConsentPanel';
import { ExportPanel } from './ExportPanel';
import { ProcedureReference } from './ProcedureReference';
import { PhasePanel } from './PhasePanel';
import { PhaseRecords } from './PhaseRecords';
import { useNow } from './useNow';

export function EncounterScreen({ encounterId }: { encounterId: string }) {
  const { detail, library, sections, items, error, open } = useEncounter();
  const go = useNavigation((s) => s.go);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();

  useEffect(() => {
    void open(encounterId);
  }, [encounterId, open]);

  // Focus the patient heading once per opened encounter (not on every save).
  const loadedId = detail?.encounter.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  if (error && !detail) {
    return (
      <div role="alert" className="error">
        {error} <button type="button" onClick={() => go({ name: 'worklist' })}>Back to worklist</button>
      </div>
    );
  }
  if (!detail || !library) return <p aria-live="polite">Loading encounter…</p>;

  const { encounter, patient } = detail;
  const t = library.template;
  const resolved = Object.values(items).filter((i) => i.status !== 'unchecked').map((i) => i.itemId);
  return (
    <div className="encounter">
      <button type="button" className="secondary" onClick={() => go({ name: 'worklist' })}>← Worklist</button>
      <button type="button" className="secondary" onClick={() => go({ name: 'outcomes', patientId: patient.id })}>Follow-up and outcomes</button>
      <h1 ref={heading} tabIndex={-1}>
        {patientName(patient)} <span className="muted">MRN {patient.mrn} · DOB {patient.birthDate}</span>
      </h1>
      <dl className="summary">
        <dt>Procedure</dt>
        <dd>{t.name} <span className="muted">(template v{t.version})</span></dd>
        <dt>Level(s) and side</dt>
        <dd>{[encounter.levels.join(', ') || 'n/a', encounter.laterality ?? 'n/a'].join(' · ')}</dd>
        <dt>Imaging</dt>
        <dd>{encounter.imagingModality}</dd>
        <dt>Sedation</dt>
        <dd>{encounter.sedationPlanned ? 'Planned' : 'None planned'}</dd>
        <dt>Planned</dt>
        <dd>{encounter.plannedDate}</dd>
        <dt>Indication</dt>
        <dd>{encounter.indication}</dd>
      </dl>
      <PhasePanel template={t} now={now} sources={library.sources}>
        <PhaseRecords template={t} now={now} />
      </PhasePanel>
      <nav aria-label="Checklist sections" className="section-nav">
        <ul>
          {sections.map((s) => {
            const p = progress(s.items, resolved);
            return (
              <li key={s.id}>
                <a href={`#section-${s.id}`}>{s.title}</a>{' '}
                <span className={p.done === p.total ? 'done' : 'muted'} aria-label={`${s.title}: ${p.done} of ${p.total} done`}>
                  {p.done}/{p.total}
                </span>
              </li>
            );
          })}
        </ul>
        <ChecklistShortcuts />
      </nav>
      <ProcedureReference template={t} citations={library.sources} />
      {sections.map((s) => (
        <ChecklistSectionView key={s.id} section={s} sources={library.sources} />
      ))}
      <ConsentPanel key={encounter.id} />
      <ExportPanel />
    </div>
  );
}
