import { IMAGING_MODALITY_LABELS } from '#shared/domain/imaging';
import { useEffect, useMemo, useRef } from 'react';
import { applicableSections } from '#shared/domain/encounter-plan';
import { procedureTraits } from '#shared/workflow/traits';
import type { ChecklistSection, SectionId } from '#shared/domain/checklist';
import { patientName } from '#shared/note/format';
import { useChecklist } from '../stores/checklist';
import { partOfItem, PART_OF_STATE, useEncounterPart, type EncounterPart } from '../stores/encounter-part';
import { useEncounter } from '../stores/encounter';
import { openEncounter } from '../stores/open-encounter';
import { useNavigation } from '../stores/navigation';
import { ChecklistSectionView } from './ChecklistSectionView';
import { ConsentPanel } from './ConsentPanel';
import { ContentReviewed } from './ContentReviewed';
import { CoverageReadiness } from './CoverageReadiness';
import { ExportPanel } from './ExportPanel';
import { ProcedureReference } from './ProcedureReference';
import { PatientHeader } from './PatientHeader';
import { PatientLanguage } from './PatientLanguage';
import { PatientPayer } from './PatientPayer';
import { EncounterRail, PartPanel } from './EncounterRail';
import { PhasePanel } from './PhasePanel';
import { TimeOutReadBack } from './TimeOutReadBack';
import { PhaseRecords } from './PhaseRecords';
import { IntakeSummary } from './IntakeSummary';
import { PartWayOn } from './PartWayOn';
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
  const bySection = useMemo(() => partSections(sections), [sections]);
  const contentReview = useEncounter((s) => s.contentReview);
  const error = useEncounter((s) => s.error);
  const go = useNavigation((s) => s.go);
  const heading = useRef<HTMLHeadingElement>(null);
  const now = useNow();

  useEffect(() => {
    void openEncounter(encounterId);
  }, [encounterId]);

  // The current state's part opens with each encounter and after each move on.
  const state = detail?.encounter.state;
  useEffect(() => {
    if (state) useEncounterPart.getState().open(PART_OF_STATE[state]);
  }, [detail?.encounter.id, state]);

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
  const checklist = (part: EncounterPart) => bySection(part).map((s) => (
    <ChecklistSectionView key={s.id} section={s} sources={library.sources} reviewed={contentReview?.reviewed ?? false} />
  ));
  // The current state's panel shows in its own part, which opens by itself after each move on.
  const here = PART_OF_STATE[encounter.state];
  const phase = (part: EncounterPart) => part === here && (
    <PhasePanel template={t} now={now} sources={library.sources}>
      <PhaseRecords template={t} now={now} />
    </PhasePanel>
  );
  return (
    <div className="encounter">
      <div className="row">
        <button type="button" className="secondary" onClick={() => go({ name: 'worklist' })}>← Worklist</button>
        <button type="button" className="secondary" onClick={() => go({ name: 'outcomes', patientId: patient.id })}>Follow-up and outcomes</button>
      </div>
      <h1 ref={heading} tabIndex={-1}>
        {patientName(patient)} <span className="muted">MRN {patient.mrn} · DOB {patient.birthDate}</span>
      </h1>
      {/* What is done to whom on every part: the procedure, its level(s) and side. */}
      <p className="encounter-line">
        <strong>{t.name}</strong> <span className="muted">(template v{t.version})</span> · {[encounter.levels.join(', ') || 'no level', encounter.laterality ?? 'no side'].join(' · ')}
      </p>
      <PatientHeader template={t} disabled={encounter.state === 'discharged' || encounter.state === 'cancelled'} />
      <EncounterRail template={t} now={now} />
      <PartPanel id="plan">
        <dl className="summary">
          <dt>Imaging</dt>
          <dd>{IMAGING_MODALITY_LABELS[encounter.imagingModality]}</dd>
          <dt>Sedation</dt>
          <dd>{encounter.sedationPlanned ? 'Planned' : 'None planned'}</dd>
          <dt>Planned</dt>
          <dd>{encounter.plannedDate}</dd>
          <dt>Indication</dt>
          <dd>{encounter.indication}</dd>
          <dt>Preferred language</dt>
          <dd><PatientLanguage /></dd>
          <dt>Payer</dt>
          <dd><PatientPayer /></dd>
        </dl>
        <ProcedureReference template={t} citations={library.sources} reviews={library.reviews} />
        <ContentReviewed backlog={contentReview} />
      </PartPanel>
      <PartPanel id="pre">
        <IntakeSummary patientId={patient.id} disabled={encounter.state === 'discharged' || encounter.state === 'cancelled'} />
        <CoverageReadiness />
        {phase('pre')}{checklist('pre')}
      </PartPanel>
      <PartPanel id="consent">
        {checklist('consent')}
        <ConsentPanel key={encounter.id} />
        {/* The consent is done during pre-procedure: its way on, so no trip back through the rail. */}
        {here === 'pre' && <PartWayOn template={t} now={now} />}
      </PartPanel>
      <PartPanel id="time-out">{encounter.state === 'time-out' && <TimeOutReadBack template={t} />}{phase('time-out')}{checklist('time-out')}</PartPanel>
      <PartPanel id="intra">{phase('intra')}{checklist('intra')}</PartPanel>
      <PartPanel id="post">{phase('post')}{checklist('post')}</PartPanel>
      <PartPanel id="note">{phase('note')}<ExportPanel /></PartPanel>
    </div>
  );
}

/**
 * Each part's checklist sections, holding only the items done in that part. A section split over
 * parts (imaging, intra-procedure monitoring) keeps its own id where it first shows; later parts
 * give theirs a suffix, so no two elements share an id.
 */
function partSections(sections: readonly ChecklistSection[]): (part: EncounterPart) => ChecklistSection[] {
  const seen = new Set<SectionId>();
  const parts = new Map<EncounterPart, ChecklistSection[]>();
  for (const part of ['pre', 'consent', 'time-out', 'intra', 'post'] as const) {
    const here = sections.flatMap((s) => {
      const items = s.items.filter((i) => partOfItem(s.id, i.id) === part);
      if (!items.length) return [];
      const id = seen.has(s.id) ? (`${s.id}-${part}` as SectionId) : s.id;
      seen.add(s.id);
      return [{ ...s, id, items }];
    });
    parts.set(part, here);
  }
  return (part) => parts.get(part) ?? [];
}
