import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Laterality } from '#shared/contract/encounter';
import type { TemplateWithSources } from '#shared/contract/library';
import type { Patient } from '#shared/contract/patient';
import type { ImagingModality } from '#shared/library/schema';
import { IMAGING_MODALITY_LABELS } from '#shared/domain/imaging';
import { patientName } from '#shared/note/format';
import { formErrors } from '../api/client';
import { useNavigation } from '../stores/navigation';
import { isDateText } from '#shared/domain/field-format';
import { localIsoDate } from '../time/local-date';
import { useWorklist } from '../stores/worklist';
import { dateError, DateField } from './DateField';
import { PatientPicker } from './PatientPicker';
import { useFormSave } from './useFormSave';


/** Opens an encounter: patient (found or registered), procedure, levels, side, date, indication. */
export function NewEncounterPanel() {
  const { library, loadLibrary, createEncounter, getTemplate } = useWorklist();
  const go = useNavigation((s) => s.go);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [template, setTemplate] = useState<TemplateWithSources | null>(null);
  const [levels, setLevels] = useState<string[]>([]);
  const [laterality, setLaterality] = useState<Laterality | null>(null);
  const [sedationPlanned, setSedationPlanned] = useState(false);
  const [imaging, setImaging] = useState<ImagingModality | ''>('');
  const [plannedDate, setPlannedDate] = useState(localIsoDate());
  const [indication, setIndication] = useState('');
  const { errors, busy, check, save } = useFormSave();

  useEffect(() => {
    void loadLibrary();
  }, [loadLibrary]);

  const latestChoice = useRef('');

  async function chooseTemplate(id: string) {
    setTemplateId(id);
    setTemplate(null);
    setLevels([]);
    setLaterality(null);
    const summary = library.find((t) => t.id === id);
    if (!summary) return;
    latestChoice.current = id;
    const t = await getTemplate(summary);
    // A quicker second choice wins over a slower first one.
    if (latestChoice.current !== id) return;
    setTemplate(t);
    setImaging(t.template.imaging.options.find((o) => o.isDefault)?.modality ?? '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!patient) problems.patientId = 'Choose or register the patient first.';
    if (!templateId) problems.templateId = 'Choose the procedure.';
    if (!isDateText(plannedDate)) problems.plannedDate = dateError('the planned date');
    if (!indication.trim()) problems.indication = 'Enter the indication.';
    if (!check(problems) || !patient) return;
    await save(() => createEncounter({
      patientId: patient.id,
      templateId,
      levels,
      laterality,
      ...(imaging ? { imagingModality: imaging } : {}),
      plannedDate: plannedDate.trim(),
      indication,
      sedationPlanned,
    }).then((id) => {
      go({ name: 'encounter', encounterId: id });
      return null;
    }, formErrors));
  }

  const t = template?.template;
  return (
    <section className="card new-encounter" aria-labelledby="new-encounter-heading">
      <h2 id="new-encounter-heading">New encounter</h2>
      <PatientPicker selected={patient} onSelect={setPatient} />
      {errors.patientId && <p role="alert" className="error">{errors.patientId}</p>}
      <form onSubmit={(e) => void submit(e)} aria-label="New encounter">
        <p className="muted">Patient: {patient ? `${patientName(patient)} (MRN ${patient.mrn})` : 'none chosen'}</p>
        <label>
          Procedure
          <select value={templateId} onChange={(e) => void chooseTemplate(e.target.value)} aria-invalid={!!errors.templateId}>
            <option value="">Choose a procedure…</option>
            {library.map((s) => (
              <option key={s.id} value={s.id}>{s.name} (v{s.version})</option>
            ))}
          </select>
        </label>
        {errors.templateId && <p role="alert" className="error">{errors.templateId}</p>}
        {t?.levels && (
          <fieldset>
            <legend>Level(s), up to {t.levels.max}</legend>
            <div className="choices">
              {t.levels.options.map((level) => (
                <label key={level} className="choice">
                  <input
                    type="checkbox"
                    checked={levels.includes(level)}
                    onChange={(e) => setLevels(e.target.checked ? [...levels, level] : levels.filter((l) => l !== level))}
                  />
                  {level}
                </label>
              ))}
            </div>
            {errors.levels && <p role="alert" className="error">{errors.levels}</p>}
          </fieldset>
        )}
        {t?.lateralityRequired && (
          <fieldset>
            <legend>Laterality</legend>
            <div className="choices">
              {(['left', 'right', 'bilateral'] as const).map((side) => (
                <label key={side} className="choice">
                  <input type="radio" name="laterality" checked={laterality === side} onChange={() => setLaterality(side)} />
                  {side[0]?.toUpperCase() + side.slice(1)}
                </label>
              ))}
            </div>
            {errors.laterality && <p role="alert" className="error">{errors.laterality}</p>}
          </fieldset>
        )}
        {t && (
          <label>
            Imaging guidance
            <select value={imaging} onChange={(e) => setImaging(e.target.value as ImagingModality)}>
              {t.imaging.options.map((o) => (
                <option key={o.modality} value={o.modality}>
                  {IMAGING_MODALITY_LABELS[o.modality]}{o.isDefault ? ' (default)' : ''}, contrast {o.contrast.replace('-', ' ')}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="choice">
          <input type="checkbox" checked={sedationPlanned} onChange={(e) => setSedationPlanned(e.target.checked)} />
          Sedation planned (adds fasting, escort and an Aldrete score before discharge)
        </label>
        <DateField label="Planned date" value={plannedDate} onChange={setPlannedDate} error={errors.plannedDate} required />
        <label>
          Indication (physician)
          <textarea value={indication} onChange={(e) => setIndication(e.target.value)} rows={3} aria-invalid={!!errors.indication} />
        </label>
        {errors.indication && <p role="alert" className="error">{errors.indication}</p>}
        {errors.form && <p role="alert" className="error">{errors.form}</p>}
        <button type="submit" className="primary" disabled={busy}>Create encounter</button>
      </form>
    </section>
  );
}
