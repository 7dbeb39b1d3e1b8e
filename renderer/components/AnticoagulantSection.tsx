import { useState, type FormEvent } from 'react';
import type { Template } from '#shared/library/schema';
import { NO_RISK_FACTORS } from '#shared/domain/anticoagulant-check';
import { anticoagulantInputOf } from '#shared/domain/anticoagulant-verdict';
import { latestOf, recordsOf, timedAnticoagulantCheck } from '#shared/domain/encounter-workflow';
import { localInputToInstant } from '#shared/domain/zoned-time';
import { clinicDateTime } from '#shared/domain/clinic-time';
import { useEncounter } from '../stores/encounter';
import { useWorkflow } from '../stores/workflow';
import { usePatientFacts } from '../stores/patient-facts';
import { useSession } from '../stores/session';
import { AnticoagulantCheck } from './AnticoagulantCheck';
import { BleedingRiskClass } from './BleedingRiskClass';
import { firstError, useFormSave } from './useFormSave';
import { dateTimeError, DateTimeField } from './DateTimeField';

/**
 * The anticoagulant check of the open encounter: the nurse enters each drug
 * and its last dose (a patient fact, carried to the patient's later encounters),
 * the patient factors and the INR; removing a drug voids it with a reason kept in the history.
 * Above it, the encounter's bleeding-risk class that the check uses, which a
 * physician may raise with a reason.
 */
export function AnticoagulantSection({ template, disabled }: { template: Template; disabled: boolean }) {
  const detail = useEncounter((s) => s.detail)!;
  const settings = useEncounter((s) => s.settings);
  const addRecord = useWorkflow((s) => s.addRecord);
  const voidRecord = useWorkflow((s) => s.voidRecord);
  const recordFact = usePatientFacts((s) => s.record);
  const removeFact = usePatientFacts((s) => s.remove);
  const raiseBleedingRisk = useWorkflow((s) => s.raiseBleedingRisk);
  const voidBleedingRiskRaise = useWorkflow((s) => s.voidBleedingRiskRaise);
  const role = useSession((s) => s.user?.role);
  // Errors without a save of its own: the check's parts save, and the first refusal shows here.
  const { errors, setErrors } = useFormSave();
  if (!settings) return null;
  // Judged at the planned start a person entered, or over the whole planned day (the header and the core judge the same).
  const input = anticoagulantInputOf(detail);
  const timed = timedAnticoagulantCheck(template, detail.records, detail.bleedingRiskRaises, settings, input);
  const { risk } = timed;
  const result = input.plannedStartAt ? timed.result : { ...timed.result, plannedStartLocal: 'not entered (judged over the whole planned day)' };
  const factors = latestOf(detail.records, 'risk-factors')?.entry.data ?? NO_RISK_FACTORS;
  // The patient's drugs (recorded once, for every encounter) and any entered on this encounter before patient facts existed.
  const legacy = recordsOf(detail.records, 'anticoagulant').map((r) => ({ id: r.id, ...r.entry.data }));
  const entries = [...input.patientEntries, ...legacy];
  const isLegacy = (id: string) => legacy.some((e) => e.id === id);
  const report = (refused: Record<string, string> | null) => setErrors(refused ? { form: Object.values(refused)[0] ?? 'Not saved.' } : {});
  const error = errors.form;

  return (
    <>
      <BleedingRiskClass
        risk={risk}
        raises={detail.bleedingRiskRaises}
        template={template}
        canRaise={role === 'physician'}
        disabled={disabled}
        timeZone={settings.timeZone}
        onRaise={raiseBleedingRisk}
        onVoid={voidBleedingRiskRaise}
      />
      <AnticoagulantCheck
        entries={entries}
        result={result}
        risk={risk}
        factors={factors}
        timeZone={settings.timeZone}
        disabled={disabled}
        onAdd={(entry) => void recordFact({ kind: 'antithrombotic', data: entry }).then(report)}
        onRemove={(id) => void (isLegacy(id) ? voidRecord(id, 'Removed from the anticoagulant list') : removeFact(id, 'Removed from the anticoagulant list')).then(report)}
        onFactorsChange={(next) => void addRecord({ kind: 'risk-factors', data: next }).then(report)}
      />
      {error && <p role="alert" className="error">{error}</p>}
      <InrForm timeZone={settings.timeZone} threshold={settings.inrThreshold} disabled={disabled} latest={latestOf(detail.records, 'inr')?.entry.data ?? null} />
    </>
  );
}

function InrForm({ timeZone, threshold, disabled, latest }: { timeZone: string; threshold: number | null; disabled: boolean; latest: { value: number; takenAt: string } | null }) {
  const addRecord = useWorkflow((s) => s.addRecord);
  const [value, setValue] = useState('');
  const [takenAt, setTakenAt] = useState('');
  const { errors, check, save } = useFormSave();
  const error = errors.takenAt ? null : firstError(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = localInputToInstant(takenAt, timeZone);
    const number = Number(value);
    if (!value.trim() || !Number.isFinite(number)) return void check({ value: 'Enter the INR as a number, e.g. 1.1.' });
    if (!at) return void check({ takenAt: dateTimeError('when the sample was taken') });
    if (await save(() => addRecord({ kind: 'inr', data: { value: number, takenAt: at } }))) return;
    setValue('');
    setTakenAt('');
  }

  return (
    <form className="card row" aria-label="INR result" onSubmit={(e) => void submit(e)}>
      <p className="grow">
        {latest ? `Latest INR ${latest.value} (sample ${clinicDateTime(latest.takenAt, timeZone)}). ` : 'No INR recorded. '}
        {threshold === null ? 'The lab-defined normal INR threshold is not set (an administrator sets it).' : `Normal at or below ${threshold} (lab-defined).`}
      </p>
      <label>
        INR
        <input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} disabled={disabled} />
      </label>
      <DateTimeField label="Sample taken (clinic time)" timeZone={timeZone} value={takenAt} onChange={setTakenAt} disabled={disabled} error={errors.takenAt} />
      <button type="submit" className="secondary" disabled={disabled}>Record INR</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
