import type { PatientFact, PatientFactData } from '#shared/contract/patient-facts';
import { DIABETES_LABELS, PREGNANCY_LABELS } from '#shared/contract/patient-facts';
import { usePatientFacts } from '../stores/patient-facts';
import { firstError, useFormSave } from './useFormSave';

/**
 * The common answers in one click each, recording what the long form records: diabetes and
 * pregnancy potential are facts (a new one replaces the standing one, as in the form). No
 * allergy and no anticoagulant are not facts in the model but the absence that "Confirm
 * patient facts" records for the whole list at once; a button naming only one of them would
 * confirm the other unseen, so there is none.
 */
export function QuickFacts({ standing, disabled }: { standing: readonly PatientFact[]; disabled: boolean }) {
  const record = usePatientFacts((s) => s.record);
  const { errors, busy, save } = useFormSave();
  const error = firstError(errors);
  const is = (fact: PatientFactData) => standing.some((f) => JSON.stringify(f.entry.data) === JSON.stringify(fact.data) && f.entry.kind === fact.kind);
  const facts: PatientFactData[] = [
    { kind: 'diabetes', data: { status: 'none', note: '' } },
    { kind: 'diabetes', data: { status: 'type-2', note: '' } },
    { kind: 'diabetes', data: { status: 'type-1', note: '' } },
    { kind: 'pregnancy', data: { status: 'not-applicable', note: '' } },
    { kind: 'pregnancy', data: { status: 'possible', note: '' } },
  ];
  const label = (f: PatientFactData) => (f.kind === 'diabetes' ? (f.data.status === 'none' ? 'Not diabetic' : DIABETES_LABELS[f.data.status]) : f.kind === 'pregnancy' ? PREGNANCY_LABELS[f.data.status].replace(/:.*/, '') : '');
  return (
    <div className="row quick-facts" role="group" aria-label="Common answers, one click each">
      {facts.filter((f) => !is(f)).map((f) => (
        <button key={`${f.kind}-${JSON.stringify(f.data)}`} type="button" className="secondary" disabled={disabled || busy} onClick={() => void save(() => record(f))}>
          {label(f)}
        </button>
      ))}
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}
