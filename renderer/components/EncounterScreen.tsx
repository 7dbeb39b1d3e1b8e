import { IMAGING_MODALITY_LABELS } from '#shared/domain/imaging';
import { useEffect, useMemo, useRef } from 'react';
import { applicableSections } from '#shared/domain/encounter-plan';
import { procedureTraits } from '#shared/workflow/traits';
import type { ChecklistSection } from '#shared/domain/checklist';
import { patientName } from '#shared/note/format';
import { useResolvedCount, useChecklist } from '../stores/checklist';
import { useEncounter } from '../stores/encounter';
import { openEncounter } from '../stores/open-encounter';
import { useNavigation } from '../stores/navigation';
import { ChecklistSectionView } from './ChecklistSectionView';
import { ChecklistShortcuts } from './ChecklistShortcuts';
import { ConsentPanel } from './ConsentPanel';
import { ContentReviewed } from './ContentReviewed';
import { ExportPanel } from './ExportPanel';
import { ProcedureReference } from './ProcedureReference';
import { PatientHeader } from './PatientHeader';
import { EncounterRail } from './EncounterRail';
import { PhasePanel } from './PhasePanel';
import { TimeOutReadBack } from './TimeOutReadBack';
import { PhaseRecords } from './PhaseRecords';
import { useMaybeEncounterPlan } from './useEncounterPlan';
import { useNow } from './useNow';

export function EncounterScreen({ encounterId }: { encounterId: string }) {
  // Each piece on its own: a checklist save changes none of these, so the screen
  // does not render again for it (the row, its section's count and the counts here do).
  const detail = useEncounter((s) => s.detail);
  const library = useEncounter((s) => s.library);
  const allSections = useChecklist((s) => s.sections);
  // Only the template items that apply to this plan (no "if sedated" items when none is planned).
  const plan = useMaybeEncounterPlan();
  const template = library?.template;
  const sections = useMemo(() => (plan && template ? applicableSections(allSections, procedureTraits(template), plan) : allSections), [allSections, plan, template]);
  const contentReview = useEncounter((s) => s.contentReview);
  const error = useEncounter((s) => s.error);
  const go = useNavigation((s) => s.go);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();

  useEffect(() => {
    void openEncounter(encounterId);
  }, [encounterId]);

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
  return (
    <div className="encounter">
      <button type="button" className="secondary" onClick={() => go({ name: 'worklist' })}>← Worklist</button>
      <button type="button" className="secondary" onClick={() => go({ name: 'outcomes', patientId: patient.id })}>Follow-up and outcomes</button>
      <EncounterRail template={t} now={now} />
      <h1 ref={heading} tabIndex={-1}>
        {patientName(patient)} <span className="muted">MRN {patient.mrn} · DOB {patient.birthDate}</span>
      </h1>
      <dl className="summary">
        <dt>Procedure</dt>
        <dd>{t.name} <span className="muted">(template v{t.version})</span></dd>
        <dt>Level(s) and side</dt>
        <dd>{[encounter.levels.join(', ') || 'n/a', encounter.laterality ?? 'n/a'].join(' · ')}</dd>
        <dt>Imaging</dt>
        <dd>{IMAGING_MODALITY_LABELS[encounter.imagingModality]}</dd>
        <dt>Sedation</dt>
        <dd>{encounter.sedationPlanned ? 'Planned' : 'None planned'}</dd>
        <dt>Planned</dt>
        <dd>{encounter.plannedDate}</dd>
        <dt>Indication</dt>
        <dd>{encounter.indication}</dd>
      </dl>
      <PatientHeader template={t} disabled={encounter.state === 'discharged' || encounter.state === 'cancelled'} />
      {encounter.state === 'time-out' && <TimeOutReadBack template={t} />}
      <PhasePanel template={t} now={now} sources={library.sources}>
        <PhaseRecords template={t} now={now} />
      </PhasePanel>
      <nav aria-label="Checklist sections" className="section-nav">
        <ul>
          {sections.map((s) => (
            <SectionLink key={s.id} section={s} />
          ))}
        </ul>
        <ChecklistShortcuts />
      </nav>
      <ProcedureReference template={t} citations={library.sources} reviews={library.reviews} />
      <ContentReviewed backlog={contentReview} />
      {sections.map((s) => (
        <ChecklistSectionView key={s.id} section={s} sources={library.sources} reviewed={contentReview?.reviewed ?? false} />
      ))}
      <ConsentPanel key={encounter.id} />
      <ExportPanel />
    </div>
  );
}

/** A section in the checklist's navigation with its done count (renders again only when the count changes). */
function SectionLink({ section }: { section: ChecklistSection }) {
  const done = useResolvedCount(section.items);
  const total = section.items.length;
  return (
    <li>
      <a href={`#section-${section.id}`}>{section.title}</a>{' '}
      <span className={done === total ? 'done' : 'muted'} aria-label={`${section.title}: ${done} of ${total} done`}>
        {done}/{total}
      </span>
    </li>
  );
}
