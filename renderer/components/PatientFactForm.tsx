import { useState, type FormEvent } from 'react';
import { firstError, useFormSave } from './useFormSave';
import { ANTICOAGULANT_TABLE, DRUG_GROUPS } from '#shared/clinical/anticoagulant-table';
import {
  ALLERGY_CATEGORY_LABELS, ALLERGY_SEVERITIES, DEVICE_LABELS, DIABETES_LABELS, MEDICATION_CATEGORY_LABELS, PREGNANCY_LABELS,
  type PatientFact, type PatientFactData, type PatientFactKind,
} from '#shared/contract/patient-facts';
import { localInputToInstant } from '#shared/domain/zoned-time';
import { usePatientFacts } from '../stores/patient-facts';
import { dateTimeError, DateTimeField } from './DateTimeField';
import { QuickFacts } from './QuickFacts';

const KIND_LABELS: Record<PatientFactKind, string> = {
  allergy: 'Allergy',
  antithrombotic: 'Anticoagulant or antiplatelet',
  medication: 'GLP-1 agonist or diabetes medicine',
  diabetes: 'Diabetes',
  pregnancy: 'Pregnancy',
  device: 'Implanted device',
};

type Fields = Record<string, string>;

const SEVERITY_LABELS: Record<string, string> = Object.fromEntries(ALLERGY_SEVERITIES.map((s): [string, string] => [s, s.replace('-', ' ')]));

/** The fact the fields describe, or the first problem keyed by its field ("form" when none fits). */
function factOf(kind: PatientFactKind, f: Fields, timeZone: string): PatientFactData | { problems: Record<string, string> } {
  const when = (v: string | undefined) => (v?.trim() ? localInputToInstant(v, timeZone) : null);
  const badDose = () => (f.lastDose?.trim() && !when(f.lastDose) ? { problems: { lastDose: dateTimeError('the last dose') } } : null);
  switch (kind) {
    case 'allergy':
      return { kind, data: { category: (f.category ?? 'other') as never, agent: f.agent ?? '', reaction: f.reaction ?? '', severity: (f.severity ?? 'not-known') as never } };
    case 'antithrombotic': {
      const lastDoseAt = when(f.lastDose);
      if (!f.drugId) return { problems: { form: 'Choose the drug.' } };
      if (!lastDoseAt) return { problems: { lastDose: dateTimeError('the last dose') } };
      return { kind, data: { drugId: f.drugId, lastDoseAt } };
    }
    case 'medication':
      return badDose() ?? { kind, data: { category: (f.category ?? 'glp1-agonist') as never, name: f.name ?? '', dose: f.dose ?? '', lastDoseAt: when(f.lastDose) } };
    case 'diabetes':
      return { kind, data: { status: (f.status ?? 'none') as never, note: f.note ?? '' } };
    case 'pregnancy':
      return { kind, data: { status: (f.status ?? 'not-applicable') as never, note: f.note ?? '' } };
    case 'device':
      return { kind, data: { type: (f.type ?? 'other') as never, description: f.description ?? '' } };
  }
}

function Choice({ label, name, options, fields, set }: { label: string; name: string; options: Record<string, string>; fields: Fields; set: (name: string, v: string) => void }) {
  return (
    <label>
      {label}
      <select value={fields[name] ?? Object.keys(options)[0]} onChange={(e) => set(name, e.target.value)}>
        {Object.entries(options).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </label>
  );
}

function Text({ label, name, fields, set }: { label: string; name: string; fields: Fields; set: (name: string, v: string) => void }) {
  return <label>{label}<input value={fields[name] ?? ''} onChange={(e) => set(name, e.target.value)} /></label>;
}

/**
 * Records a patient fact from this encounter, or changes a standing one (the old one stays
 * in the history, replaced). Diabetes and pregnancy are one at a time: a new one replaces the last.
 */
export function PatientFactForm({ standing, timeZone, disabled, factLine }: { standing: readonly PatientFact[]; timeZone: string; disabled: boolean; factLine: (f: PatientFact) => string }) {
  const record = usePatientFacts((s) => s.record);
  const [kind, setKind] = useState<PatientFactKind>('allergy');
  const [fields, setFields] = useState<Fields>({});
  const [replaces, setReplaces] = useState('');
  const { errors, check, save } = useFormSave();
  const error = errors.lastDose ? null : firstError(errors);
  const set = (name: string, value: string) => setFields((f) => ({ ...f, [name]: value }));
  const sameKind = standing.filter((f) => f.entry.kind === kind);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fact = factOf(kind, fields, timeZone);
    if ('problems' in fact) return void check(fact.problems);
    const refused = await save(() => record(fact, replaces || undefined));
    if (!refused) {
      setFields({});
      setReplaces('');
    }
  }

  const drugs: Record<string, string> = { '': 'Choose a drug…' };
  for (const group of DRUG_GROUPS) for (const r of ANTICOAGULANT_TABLE.filter((row) => row.group === group)) drugs[r.id] = r.name;
  return (
    <>
    <QuickFacts standing={standing} disabled={disabled} />
    <form aria-label="Record a patient fact" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={disabled}>
        <legend>Record or change a patient fact</legend>
        <div className="row">
          <label>
            Kind of fact
            <select value={kind} onChange={(e) => { setKind(e.target.value as PatientFactKind); setFields({}); setReplaces(''); }}>
              {Object.entries(KIND_LABELS).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
            </select>
          </label>
          {kind === 'allergy' && <>
            <Choice label="Category" name="category" options={ALLERGY_CATEGORY_LABELS} fields={fields} set={set} />
            <Text label="Agent" name="agent" fields={fields} set={set} />
            <Text label="Reaction" name="reaction" fields={fields} set={set} />
            <Choice label="Severity" name="severity" options={SEVERITY_LABELS} fields={fields} set={set} />
          </>}
          {kind === 'antithrombotic' && <>
            <Choice label="Drug" name="drugId" options={drugs} fields={fields} set={set} />
            <DateTimeField label={`Last dose (clinic time, ${timeZone})`} timeZone={timeZone} value={fields.lastDose ?? ''} onChange={(v) => set('lastDose', v)} error={errors.lastDose} />
          </>}
          {kind === 'medication' && <>
            <Choice label="Category" name="category" options={MEDICATION_CATEGORY_LABELS} fields={fields} set={set} />
            <Text label="Medication" name="name" fields={fields} set={set} />
            <Text label="Dose" name="dose" fields={fields} set={set} />
            <DateTimeField label={`Last dose, if known (clinic time, ${timeZone})`} timeZone={timeZone} value={fields.lastDose ?? ''} onChange={(v) => set('lastDose', v)} error={errors.lastDose} />
          </>}
          {kind === 'diabetes' && <><Choice label="Diabetes" name="status" options={DIABETES_LABELS} fields={fields} set={set} /><Text label="Note" name="note" fields={fields} set={set} /></>}
          {kind === 'pregnancy' && <><Choice label="Pregnancy" name="status" options={PREGNANCY_LABELS} fields={fields} set={set} /><Text label="Note" name="note" fields={fields} set={set} /></>}
          {kind === 'device' && <><Choice label="Device" name="type" options={DEVICE_LABELS} fields={fields} set={set} /><Text label="Description" name="description" fields={fields} set={set} /></>}
          {sameKind.length > 0 && (
            <label>
              Replaces
              <select value={replaces} onChange={(e) => setReplaces(e.target.value)}>
                <option value="">Nothing: a new fact</option>
                {sameKind.map((f) => <option key={f.id} value={f.id}>{factLine(f)}</option>)}
              </select>
            </label>
          )}
          <button type="submit" className="primary">Save patient fact</button>
        </div>
        {error && <p role="alert" className="error">{error}</p>}
      </fieldset>
    </form>
    </>
  );
}
