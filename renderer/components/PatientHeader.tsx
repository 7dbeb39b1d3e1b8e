import { useState, type FormEvent } from 'react';
import { firstError, useFormSave } from './useFormSave';
import { findAnticoagulant } from '#shared/clinical/anticoagulant-table';
import {
  ALLERGY_CATEGORY_LABELS, currentFacts, DEVICE_LABELS, DIABETES_LABELS, MEDICATION_CATEGORY_LABELS, PREGNANCY_LABELS,
  type AnticoagulantVerdict, type PatientFact,
} from '#shared/contract/patient-facts';
import { anticoagulantInputOf, verdictOf } from '#shared/domain/anticoagulant-verdict';
import { timedAnticoagulantCheck } from '#shared/domain/encounter-workflow';
import { clinicDateTime } from '#shared/domain/clinic-time';
import { localInputToInstant } from '#shared/domain/zoned-time';
import type { Template } from '#shared/library/schema';
import { useEncounter, type OpenEncounter } from '../stores/encounter';
import { usePatientFacts } from '../stores/patient-facts';
import { PatientFactForm } from './PatientFactForm';
import { dateTimeError, DateTimeField } from './DateTimeField';

/** The encounter's anticoagulant verdict, from the patient's drugs and the planned start a person entered (the core judges the same). */
export function encounterVerdict(detail: OpenEncounter, template: Template, settings: { inrThreshold: number | null; timeZone: string }): AnticoagulantVerdict {
  const input = anticoagulantInputOf(detail);
  return verdictOf(timedAnticoagulantCheck(template, detail.records, detail.bleedingRiskRaises, settings, input), input.plannedStartAt);
}

/** One fact in words, as the header lists it. */
export function factLine(fact: PatientFact, timeZone: string): string {
  const at = (iso: string | null) => (iso ? clinicDateTime(iso, timeZone) : null);
  const { entry } = fact;
  switch (entry.kind) {
    case 'antithrombotic':
      return `${findAnticoagulant(entry.data.drugId)?.name ?? entry.data.drugId}, last dose ${at(entry.data.lastDoseAt)}`;
    case 'medication':
      return `${MEDICATION_CATEGORY_LABELS[entry.data.category]}: ${[entry.data.name, entry.data.dose].filter(Boolean).join(' ')}${entry.data.lastDoseAt ? `, last dose ${at(entry.data.lastDoseAt)}` : ''}`;
    case 'allergy':
      return `${entry.data.agent} (${ALLERGY_CATEGORY_LABELS[entry.data.category].toLowerCase()}): ${entry.data.reaction}, ${entry.data.severity.replace('-', ' ')}`;
    case 'diabetes':
      return [DIABETES_LABELS[entry.data.status], entry.data.note].filter(Boolean).join(': ');
    case 'pregnancy':
      return [PREGNANCY_LABELS[entry.data.status], entry.data.note].filter(Boolean).join(': ');
    case 'device':
      return [DEVICE_LABELS[entry.data.type], entry.data.description].filter(Boolean).join(': ');
  }
}

const GROUPS: readonly { label: string; kinds: readonly PatientFact['entry']['kind'][] }[] = [
  { label: 'Allergies', kinds: ['allergy'] },
  { label: 'Anticoagulants and antiplatelets', kinds: ['antithrombotic'] },
  { label: 'GLP-1 agonists and diabetes medicines', kinds: ['medication'] },
  { label: 'Diabetes', kinds: ['diabetes'] },
  { label: 'Pregnancy', kinds: ['pregnancy'] },
  { label: 'Implanted devices', kinds: ['device'] },
];

/**
 * The patient header of an encounter: the anticoagulant verdict as soon as a drug and its
 * last dose are known, the planned start it is judged against, and the patient's clinical
 * facts (recorded once, carried to every encounter) with this encounter's confirmation.
 */
export function PatientHeader({ template, disabled }: { template: Template; disabled: boolean }) {
  const detail = useEncounter((s) => s.detail)!;
  const settings = useEncounter((s) => s.settings);
  if (!settings) return null;
  const { timeZone } = settings;
  const verdict = encounterVerdict(detail, template, settings);
  const standing = currentFacts(detail.patientFacts.facts);
  // Confirmed for this encounter and unchanged since: the header shrinks to the verdict and one line of facts.
  const last = detail.patientFacts.confirmations.at(-1);
  const confirmed = !!last && last.factIds.length === standing.length && standing.every((f) => last.factIds.includes(f.id));
  const full = (
    <>
      <PlannedStart timeZone={timeZone} disabled={disabled} />
      <dl className="summary patient-facts">
        {GROUPS.map((g) => {
          const facts = standing.filter((f) => g.kinds.includes(f.entry.kind));
          return (
            <div key={g.label}>
              <dt>{g.label}</dt>
              <dd>{facts.length ? <FactList facts={facts} timeZone={timeZone} disabled={disabled} /> : <span className="muted">None recorded</span>}</dd>
            </div>
          );
        })}
      </dl>
      <Confirmation standing={standing} timeZone={timeZone} disabled={disabled} />
    </>
  );
  return (
    <section className={confirmed ? 'card patient-header compact' : 'card patient-header'} aria-label="Patient facts">
      <VerdictLine verdict={verdict} />
      {confirmed ? (
        <details className="fact-form">
          <summary>
            <FactsLine standing={standing} timeZone={timeZone} /> <span className="fold-hint">Show patient facts</span>
          </summary>
          {full}
          <PatientFactForm standing={standing} timeZone={timeZone} disabled={disabled} factLine={(f) => factLine(f, timeZone)} />
        </details>
      ) : (
        <>
          {full}
          {/* Folded (issue 18: each screen within 3 viewport heights) except before the time-out while this
              encounter has not confirmed the facts, when recording them is the work at hand. */}
          <details className="fact-form" open={(detail.patientFacts.confirmations.length === 0 && ['scheduled', 'pre-procedure'].includes(detail.encounter.state)) || undefined}>
            <summary>Record facts: one-click answers or the full form</summary>
            <PatientFactForm standing={standing} timeZone={timeZone} disabled={disabled} factLine={(f) => factLine(f, timeZone)} />
          </details>
        </>
      )}
    </section>
  );
}

/**
 * The confirmed facts in a line or two, beside the verdict (which has the anticoagulants): the allergies always by
 * name, then every other group with a fact, then the groups with none in one list.
 */
function FactsLine({ standing, timeZone }: { standing: readonly PatientFact[]; timeZone: string }) {
  const groups = GROUPS.filter((g) => g.label !== 'Anticoagulants and antiplatelets').map((g) => ({ g, facts: standing.filter((f) => g.kinds.includes(f.entry.kind)) }));
  const [allergies, ...rest] = groups;
  const parts = [`${allergies!.g.label}: ${allergies!.facts.length ? allergies!.facts.map((f) => factLine(f, timeZone)).join('; ') : 'none recorded'}`];
  for (const { g, facts } of rest) if (facts.length) parts.push(`${g.label}: ${facts.map((f) => factLine(f, timeZone)).join('; ')}`);
  const none = rest.filter(({ facts }) => !facts.length).map(({ g }) => g.label);
  if (none.length) parts.push(`None recorded: ${none.join(', ')}`);
  return <span className="facts-line">{parts.join(' · ')}</span>;
}

function VerdictLine({ verdict }: { verdict: AnticoagulantVerdict }) {
  if (verdict.status === 'hard-stop') {
    return (
      <div role="alert" className="hard-stop">
        <strong>Anticoagulant hard stop.</strong> {verdict.text}
        <ul>{verdict.drugs.filter((d) => d.hardStop).map((d) => <li key={d.drugName}>{d.drugName}: {d.statusText}{d.earliestSafeLocal ? ` (earliest safe start ${d.earliestSafeLocal})` : ''}</li>)}</ul>
      </div>
    );
  }
  return <p className={`anticoag-verdict ${verdict.status}`}><strong>Anticoagulants:</strong> {verdict.text}</p>;
}

function FactList({ facts, timeZone, disabled }: { facts: readonly PatientFact[]; timeZone: string; disabled: boolean }) {
  const remove = usePatientFacts((s) => s.remove);
  const [removing, setRemoving] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { errors, save } = useFormSave();
  const error = firstError(errors);
  async function submit(event: FormEvent, id: string) {
    event.preventDefault();
    if (!(await save(() => remove(id, reason)))) setRemoving(null);
  }
  return (
    <ul className="fact-list">
      {facts.map((f) => (
        <li key={f.id}>
          {factLine(f, timeZone)} <span className="muted">({f.by.name}, {clinicDateTime(f.at, timeZone)})</span>{' '}
          {removing === f.id ? (
            <form className="row" aria-label={`Remove ${factLine(f, timeZone)}`} onSubmit={(e) => void submit(e, f.id)}>
              <label>Reason for removing<input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
              <button type="submit" className="secondary">Remove</button>
              {error && <p role="alert" className="error">{error}</p>}
            </form>
          ) : (
            <button type="button" className="secondary" disabled={disabled} aria-label={`Remove ${factLine(f, timeZone)}`} onClick={() => { setRemoving(f.id); setReason(''); }}>Remove</button>
          )}
        </li>
      ))}
    </ul>
  );
}

function PlannedStart({ timeZone, disabled }: { timeZone: string; disabled: boolean }) {
  const planned = useEncounter((s) => s.detail!.plannedStart);
  const setPlannedStart = usePatientFacts((s) => s.setPlannedStart);
  const [value, setValue] = useState('');
  const { errors, check, save } = useFormSave();
  // The time's own error shows beside its field; anything else (e.g. a refusal from the core) below.
  const error = errors.plannedStartAt ? null : firstError(errors);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = localInputToInstant(value, timeZone);
    if (!at) return void check({ plannedStartAt: dateTimeError('the planned start') });
    if (!(await save(() => setPlannedStart(at)))) setValue('');
  }
  return (
    <form className="row" aria-label="Planned start" onSubmit={(e) => void submit(e)}>
      <p className="grow">
        <strong>Planned start:</strong>{' '}
        {planned ? `${clinicDateTime(planned.plannedStartAt, timeZone)} (entered by ${planned.by.name})` : 'not entered'}
      </p>
      <DateTimeField label={`Planned start (clinic time, ${timeZone})`} timeZone={timeZone} value={value} onChange={setValue} disabled={disabled} error={errors.plannedStartAt} />
      <button type="submit" className="secondary" disabled={disabled}>Save planned start</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}

function Confirmation({ standing, timeZone, disabled }: { standing: readonly PatientFact[]; timeZone: string; disabled: boolean }) {
  const confirmations = useEncounter((s) => s.detail!.patientFacts.confirmations);
  const confirm = usePatientFacts((s) => s.confirm);
  const { errors, save } = useFormSave();
  const error = firstError(errors);
  const last = confirmations.at(-1);
  const ids = standing.map((f) => f.id);
  const current = !!last && last.factIds.length === ids.length && ids.every((id) => last.factIds.includes(id));
  const text = !last
    ? 'Not yet confirmed for this encounter.'
    : `${current ? 'Confirmed' : 'Changed since confirmed'} for this encounter by ${last.by.name} at ${clinicDateTime(last.at, timeZone)}.`;
  return (
    <div className="row">
      <p className={current ? 'grow' : 'grow decision'}>{text}</p>
      {!current && (
        <button type="button" className="primary" disabled={disabled} onClick={() => void save(() => confirm(ids))}>
          Confirm patient facts
        </button>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
