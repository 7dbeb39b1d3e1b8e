/**
 * The patient's intake (issue 20, point 1): symptoms, pain and function, previous therapies,
 * imaging, the neurological exam, goals and questions. Saved as a new version naming the latest;
 * any field wrong and nothing is saved, each problem shown beside its field.
 */
import { useState, type FormEvent } from 'react';
import { DEFICITS, FUNCTION_MEASURE_REVIEW, IMAGING_MODALITIES, RESPONSES, SIDES, THERAPY_KINDS, THERAPY_LABELS, type Intake } from '#shared/contract/intake';
import { useIntake } from '../stores/intake';
import { emptyImaging, emptySymptom, emptyTherapy, draftOf, emptyDraft, intakeOf, type IntakeDraft } from './intake-draft';
import { Choice, Day, Text } from './IntakeFields';
import { firstError, useFormSave } from './useFormSave';

const opts = (values: readonly string[], labels: Record<string, string> = {}, none?: string) =>
  ({ ...(none ? { '': none } : {}), ...Object.fromEntries(values.map((v) => [v, labels[v] ?? v.replace('-', ' ')])) });
const MODALITY_LABELS: Record<string, string> = { mri: 'MRI', ct: 'CT', 'x-ray': 'X-ray', ultrasound: 'Ultrasound', other: 'Other' };

type Rows = 'symptoms' | 'therapies' | 'imaging';

export function IntakeForm({ latest, disabled, onSaved }: { latest: Intake | null; disabled: boolean; onSaved: () => void }) {
  const record = useIntake((s) => s.record);
  const [d, setD] = useState<IntakeDraft>(() => (latest ? draftOf(latest) : emptyDraft()));
  const { errors, busy, check, save } = useFormSave();
  const e = (path: string) => errors[`intake.${path}`];
  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) => setD((x) => ({ ...x, [key]: value }));
  function row<R extends Rows>(list: R, i: number, patch: Partial<IntakeDraft[R][number]>) {
    setD((x) => ({ ...x, [list]: x[list].map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  }
  const remove = (list: Rows, i: number) => setD((x) => ({ ...x, [list]: x[list].filter((_, j) => j !== i) }));
  const formError = firstError(Object.fromEntries(Object.entries(errors).filter(([k]) => k === 'form')));
  const fieldCount = Object.keys(errors).filter((k) => k !== 'form').length;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = intakeOf(d);
    if ('problems' in result) return void check({ ...result.problems, form: 'Nothing was saved: please correct the fields marked.' });
    if (!(await save(() => record(result.intake)))) onSaved();
  }

  return (
    <form aria-label="Patient intake" className="intake-form" onSubmit={(ev) => void submit(ev)} noValidate>
      <fieldset disabled={disabled || busy}>
        <fieldset>
          <legend>Symptoms</legend>
          {d.symptoms.map((s, i) => (
            <div className="intake-row" key={i} role="group" aria-label={`Symptom ${i + 1}`}>
              <Text label="Symptom" value={s.description} onChange={(v) => row('symptoms', i, { description: v })} error={e(`symptoms.${i}.description`)} />
              <Text label="Where" value={s.location} onChange={(v) => row('symptoms', i, { location: v })} error={e(`symptoms.${i}.location`)} />
              <Choice label="Side" value={s.side} options={opts(SIDES, {}, 'Not recorded')} onChange={(v) => row('symptoms', i, { side: v })} />
              <Choice label="Radiating" value={s.radiating} options={{ '': 'Not recorded', yes: 'Yes', no: 'No' }} onChange={(v) => row('symptoms', i, { radiating: v })} />
              <Day label="Onset" value={s.onset} onChange={(v) => row('symptoms', i, { onset: v })} error={e(`symptoms.${i}.onset`)} />
              <button type="button" className="secondary" onClick={() => remove('symptoms', i)}>Remove symptom {i + 1}</button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => set('symptoms', [...d.symptoms, emptySymptom()])}>Add a symptom</button>
        </fieldset>

        <fieldset>
          <legend>Pain and function</legend>
          <div className="intake-row">
            <Text label="Pain score (0 to 10)" numeric value={d.painScore} onChange={(v) => set('painScore', v)} error={e('painScore')} />
            <Text label="Function measure (name)" value={d.functionName} onChange={(v) => set('functionName', v)} error={e('functionMeasure.name')} />
            <Text label="Function score" numeric value={d.functionScore} onChange={(v) => set('functionScore', v)} error={e('functionMeasure.score')} />
            <Text label="Score out of (maximum)" numeric value={d.functionMax} onChange={(v) => set('functionMax', v)} error={e('functionMeasure.max')} />
          </div>
          <p className="muted"><span className="badge review">needs clinical review</span> {FUNCTION_MEASURE_REVIEW}.</p>
        </fieldset>

        <fieldset>
          <legend>Previous therapies</legend>
          {d.therapies.map((t, i) => (
            <div className="intake-row" key={i} role="group" aria-label={`Therapy ${i + 1}`}>
              <Choice label="Type" value={t.kind} options={opts(THERAPY_KINDS, THERAPY_LABELS)} onChange={(v) => row('therapies', i, { kind: v as typeof t.kind })} error={e(`therapies.${i}.injection`)} />
              <Text label="What it was" value={t.description} onChange={(v) => row('therapies', i, { description: v })} error={e(`therapies.${i}.description`)} />
              {t.kind === 'medication' && <Text label="Dose (with unit)" value={t.dose} onChange={(v) => row('therapies', i, { dose: v })} error={e(`therapies.${i}.dose`)} />}
              <Day label="Started" value={t.startedOn} onChange={(v) => row('therapies', i, { startedOn: v })} error={e(`therapies.${i}.startedOn`)} />
              <Day label="Ended" value={t.endedOn} onChange={(v) => row('therapies', i, { endedOn: v })} error={e(`therapies.${i}.endedOn`)} />
              <Text label="Weeks" numeric value={t.weeks} onChange={(v) => row('therapies', i, { weeks: v })} error={e(`therapies.${i}.weeks`)} />
              <Choice label="Response" value={t.response} options={opts(RESPONSES)} onChange={(v) => row('therapies', i, { response: v as typeof t.response })} />
              {t.kind === 'injection' && <>
                <Text label="Injection procedure" value={t.procedure} onChange={(v) => row('therapies', i, { procedure: v })} error={e(`therapies.${i}.injection.procedure`)} />
                <Day label="Injection date" value={t.date} onChange={(v) => row('therapies', i, { date: v })} error={e(`therapies.${i}.injection.date`)} />
                <Text label="% relief" numeric value={t.percentRelief} onChange={(v) => row('therapies', i, { percentRelief: v })} error={e(`therapies.${i}.injection.percentRelief`)} />
                <Text label="Weeks of relief" numeric value={t.reliefWeeks} onChange={(v) => row('therapies', i, { reliefWeeks: v })} error={e(`therapies.${i}.injection.reliefWeeks`)} />
              </>}
              <button type="button" className="secondary" onClick={() => remove('therapies', i)}>Remove therapy {i + 1}</button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => set('therapies', [...d.therapies, emptyTherapy()])}>Add a therapy</button>
        </fieldset>

        <fieldset>
          <legend>Imaging</legend>
          {d.imaging.map((m, i) => (
            <div className="intake-row" key={i} role="group" aria-label={`Imaging ${i + 1}`}>
              <Choice label="Modality" value={m.modality} options={opts(IMAGING_MODALITIES, MODALITY_LABELS)} onChange={(v) => row('imaging', i, { modality: v as typeof m.modality })} />
              <Day label="Date" value={m.date} onChange={(v) => row('imaging', i, { date: v })} error={e(`imaging.${i}.date`)} />
              <Text label="Findings" wide value={m.findings} onChange={(v) => row('imaging', i, { findings: v })} error={e(`imaging.${i}.findings`)} />
              <button type="button" className="secondary" onClick={() => remove('imaging', i)}>Remove imaging {i + 1}</button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => set('imaging', [...d.imaging, emptyImaging()])}>Add imaging</button>
        </fieldset>

        <fieldset>
          <legend>Neurological exam</legend>
          <div className="intake-row">
            <Text label="Findings" wide value={d.neuroFindings} onChange={(v) => set('neuroFindings', v)} error={e('neuro.findings')} />
            <Choice label="Deficit" value={d.deficit} options={opts(DEFICITS, { 'bowel-bladder': 'bowel or bladder' }, 'Not recorded')} onChange={(v) => set('deficit', v)} />
          </div>
        </fieldset>

        <fieldset>
          <legend>Goals and questions</legend>
          <div className="intake-row">
            <Text label="The patient's goals" wide value={d.goals} onChange={(v) => set('goals', v)} error={e('goals')} />
            <Text label="The patient's questions" wide value={d.questions} onChange={(v) => set('questions', v)} error={e('questions')} />
          </div>
        </fieldset>

        {(formError || fieldCount > 0) && <p role="alert" className="error">{formError ?? 'Nothing was saved: please correct the fields marked.'}</p>}
        <button type="submit" className="primary">{busy ? 'Saving…' : 'Save intake'}</button>
      </fieldset>
    </form>
  );
}
