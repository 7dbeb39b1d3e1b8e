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
import { useSchedule } from '../stores/schedule';
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
  // The EHR's visit, optional: typed for now, filled by the schedule import later (issue 19).
  const [visitNumber, setVisitNumber] = useState('');
  const [location, setLocation] = useState('');
  const { errors, busy, check, save } = useFormSave();
  // An appointment chosen in the schedule (issue 19): its patient, date, visit and location, kept by schedule.start.
  const { chosen, choose, start } = useSchedule();
  // Filled once per choice, while rendering (React's "adjusting state when a prop changes"), not in an effect.
  const [filledFrom, setFilledFrom] = useState(chosen);
  if (chosen !== filledFrom) {
    setFilledFrom(chosen);
    if (chosen) {
      setPatient(chosen.patient);
      setPlannedDate(chosen.date);
      setVisitNumber(chosen.visitNumber ?? '');
      setLocation(chosen.location ?? '');
    }
  }

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
    const plan = { templateId, levels, laterality, ...(imaging ? { imagingModality: imaging } : {}), indication, sedationPlanned };
    await save(() => (chosen ? start({ appointmentId: chosen.id, ...plan }) : createEncounter({
      patientId: patient.id,
      ...plan,
      plannedDate: plannedDate.trim(),
      ...(visitNumber.trim() ? { visitNumber: visitNumber.trim() } : {}),
      ...(location.trim() ? { location: location.trim() } : {}),
    })).then((id) => {
      go({ name: 'encounter', encounterId: id });
      return null;
    }, formErrors));
  }

  const t = template?.template;
  return (
    <section className="card new-encounter" aria-labelledby="new-encounter-heading">
      <h2 id="new-encounter-heading">New encounter</h2>
      {chosen ? (
        <p role="status">
          From the schedule: {chosen.time ?? ''} {patientName(chosen.patient)} (MRN {chosen.patient.mrn}){chosen.procedureText ? `, booked for ${chosen.procedureText}` : ''}.{' '}
          <button type="button" className="secondary" onClick={() => { choose(null); setPatient(null); setVisitNumber(''); setLocation(''); }}>Walk-in instead</button>
        </p>
      ) : <PatientPicker selected={patient} onSelect={setPatient} />}
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
        <label>
          Visit or account number (optional, from the EHR)
          <input value={visitNumber} onChange={(e) => setVisitNumber(e.target.value)} autoCapitalize="none" aria-invalid={!!errors.visitNumber} />
          <span className="hint">The chart files the note to this visit</span>
          {errors.visitNumber && <span className="error">{errors.visitNumber}</span>}
        </label>
        <label>
          Location (optional, as the EHR names it)
          <input value={location} onChange={(e) => setLocation(e.target.value)} aria-invalid={!!errors.location} />
          {errors.location && <span className="error">{errors.location}</span>}
        </label>
        {errors.form && <p role="alert" className="error">{errors.form}</p>}
        <button type="submit" className="primary" disabled={busy}>Create encounter</button>
      </form>
    </section>
  );
}
