/**
 * Whose coverage rules apply to the patient, in the encounter's plan: coverage readiness reads that
 * payer's rules (Medicare's while none is recorded, and it says so). Each change is kept with who and when.
 */
import { PAYER_LABELS, PayerSchema, type PayerId } from '#shared/contract/patient';
import { useEncounter } from '../stores/encounter';
import { usePatientFacts } from '../stores/patient-facts';
import { EditableDetail } from './EditableDetail';

export function PatientPayer() {
  const payer = useEncounter((s) => s.detail!.patient.payer);
  const setPayer = usePatientFacts((s) => s.setPayer);
  return (
    <EditableDetail
      label="Payer" saveLabel="Save payer"
      shown={payer ? PAYER_LABELS[payer] : "Not recorded (Medicare's coverage rules are shown)"} current={payer ?? ''}
      field={(value, onChange) => (
        <label>
          Payer
          <select value={value} autoFocus onChange={(e) => onChange(e.target.value)}>
            <option value="">Not recorded</option>
            {PayerSchema.options.map((id) => <option key={id} value={id}>{PAYER_LABELS[id]}</option>)}
          </select>
        </label>
      )}
      save={(value) => setPayer(value === '' ? null : (value as PayerId))}
    />
  );
}
