import { IMAGING_MODALITY_LABELS } from '#shared/domain/imaging';
import { useEffect, useMemo, useRef } from 'react';
import { applicableSections } from '#shared/domain/encounter-plan';
import { procedureTraits } from '#shared/workflow/traits';
import type { SectionId } from '#shared/domain/checklist';
import { patientName } from '#shared/note/format';
import { useChecklist } from '../stores/checklist';
import { useEncounterPart } from '../stores/encounter-part';
import { useEncounter } from '../stores/encounter';
import { openEncounter } from '../stores/open-encounter';
import { useNavigation } from '../stores/navigation';
import { ChecklistSectionView } from './ChecklistSectionView';
import { ConsentPanel } from './ConsentPanel';
import { ContentReviewed } from './ContentReviewed';
import { ExportPanel } from './ExportPanel';
import { ProcedureReference } from './ProcedureReference';
import { PatientHeader } from './PatientHeader';
import { EncounterRail, PartPanel } from './EncounterRail';
import { PhasePanel } from './PhasePanel';
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
    // Each encounter opens on its current phase.
    useEncounterPart.getState().open('phase');
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
  const checklist = (id: SectionId) => sections.filter((s) => s.id === id).map((s) => (
    <ChecklistSectionView key={s.id} section={s} sources={library.sources} reviewed={contentReview?.reviewed ?? false} />
  ));
  return (
    <div className="encounter">
      <div className="row">
        <button type="button" className="secondary" onClick={() => go({ name: 'worklist' })}>← Worklist</button>
        <button type="button" className="secondary" onClick={() => go({ name: 'outcomes', patientId: patient.id })}>Follow-up and outcomes</button>
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {patientName(patient)} <span className="muted">MRN {patient.mrn} · DOB {patient.birthDate}</span>
      </h1>
      <PatientHeader template={t} disabled={encounter.state === 'discharged' || encounter.state === 'cancelled'} />
      <EncounterRail template={t} now={now} />
      <PartPanel id="plan">
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
        <ProcedureReference template={t} citations={library.sources} reviews={library.reviews} />
        <ContentReviewed backlog={contentReview} />
        {checklist('indications')}
        {checklist('imaging')}
      </PartPanel>
      <PartPanel id="phase">
        <PhasePanel template={t} now={now} sources={library.sources}>
          <PhaseRecords template={t} now={now} />
        </PhasePanel>
      </PartPanel>
      <PartPanel id="pre">{checklist('monitoring-pre')}</PartPanel>
      <PartPanel id="risks">{checklist('risks')}</PartPanel>
      <PartPanel id="consent"><ConsentPanel key={encounter.id} /></PartPanel>
      <PartPanel id="intra">{checklist('monitoring-intra')}</PartPanel>
      <PartPanel id="post">{checklist('monitoring-post')}</PartPanel>
      <PartPanel id="note"><ExportPanel /></PartPanel>
    </div>
  );
}
