import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { z } from 'zod';
import type { ProcedureRecordSchema } from '#shared/contract/encounter-records';
import { ImagingModalitySchema, type ImagingModality } from '#shared/library/schema';
import { IMAGING_MODALITY_LABELS } from '#shared/domain/imaging';
import type { ProcedureTraits } from '#shared/workflow/traits';
import { FormFooter } from './FormFooter';
import { errorAt } from './outcome-form-helpers';
import { ProcedureMedications, type FieldError, type Medication } from './ProcedureMedications';
import { useFormSave } from './useFormSave';

/** What the form sends: every field present (empty text as '', no time as null), so it is both the schema's input and its output. */
export type ProcedureRecordData = z.infer<typeof ProcedureRecordSchema>;

export interface ProcedureRecordFormProps {
  /** The template's default imaging; the form starts from it. */
  defaultImaging: ImagingModality;
  /** The levels planned for this encounter; each starts ticked. */
  plannedLevels: readonly string[];
  /** Decides the live steroid warning (the route's rule: cervical or lumbar transforaminal). */
  traits: ProcedureTraits;
  disabled?: boolean;
  /** Resolves null when stored (the form then resets), or errors keyed by input path ('record.data.medications.0.name', 'form'). */
  onSubmit: (data: ProcedureRecordData) => Promise<Record<string, string> | null>;
}

const IMAGING: readonly ImagingModality[] = ImagingModalitySchema.options;

interface Level {
  level: string;
  treated: boolean;
}
interface Draft {
  imagingUsed: ImagingModality;
  contrastUsed: boolean;
  contrastAgent: string;
  fluoroscopyTime: string;
  radiationDose: string;
  medications: Medication[];
  levels: Level[];
  complications: string;
}

function initial(defaultImaging: ImagingModality, plannedLevels: readonly string[]): Draft {
  return {
    imagingUsed: defaultImaging,
    contrastUsed: false,
    contrastAgent: '',
    fluoroscopyTime: '',
    radiationDose: '',
    medications: [],
    levels: plannedLevels.map((level) => ({ level, treated: true })),
    complications: '',
  };
}

const SIMPLE_FIELDS = ['imagingUsed', 'contrastUsed', 'contrastAgent', 'fluoroscopyTimeSeconds', 'radiationDose', 'medications', 'levelsTreated', 'complications'];

/**
 * What was done: imaging, contrast, dose, medications, levels and complications. While
 * medications are typed, each steroid (by brand or generic name) is checked against the
 * route as at the time-out (a warning here, not a block: the record says what was given).
 * Presentational: the caller stores the record.
 */
export function ProcedureRecordForm({ defaultImaging, plannedLevels, traits, disabled = false, onSubmit }: ProcedureRecordFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => initial(defaultImaging, plannedLevels));
  const { errors, setErrors, busy, savedAt, check, save } = useFormSave();
  const [otherLevel, setOtherLevel] = useState('');
  const focusMedication = useRef<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function setMedication(i: number, patch: Partial<Medication>) {
    setDraft((d) => ({ ...d, medications: d.medications.map((m, j) => (j === i ? { ...m, ...patch } : m)) }));
  }
  function addMedication() {
    focusMedication.current = draft.medications.length;
    set({ medications: [...draft.medications, { name: '', dose: '', route: '' }] });
  }
  function removeMedication(i: number) {
    set({ medications: draft.medications.filter((_, j) => j !== i) });
    // Row errors are keyed by index; they no longer line up.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !/medications\.\d+/.test(k))));
  }
  function addLevel() {
    const level = otherLevel.trim();
    if (!level) return;
    if (!draft.levels.some((l) => l.level === level)) set({ levels: [...draft.levels, { level, treated: true }] });
    else set({ levels: draft.levels.map((l) => (l.level === level ? { ...l, treated: true } : l)) });
    setOtherLevel('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled) return;
    const seconds = draft.fluoroscopyTime.trim();
    const bad = seconds && !/^\d+(\.\d+)?$/.test(seconds);
    if (!check(bad ? { fluoroscopyTimeSeconds: 'Fluoroscopy time: enter the number of seconds, or leave it empty.' } : {})) return;
    await save(() => onSubmit({
      imagingUsed: draft.imagingUsed,
      contrastUsed: draft.contrastUsed,
      contrastAgent: draft.contrastUsed ? draft.contrastAgent.trim() : '',
      fluoroscopyTimeSeconds: seconds ? Number(seconds) : null,
      radiationDose: draft.radiationDose.trim(),
      medications: draft.medications.map((m) => ({ name: m.name.trim(), dose: m.dose.trim(), route: m.route.trim() })),
      levelsTreated: draft.levels.filter((l) => l.treated).map((l) => l.level),
      complications: draft.complications.trim(),
    }), () => {
      setDraft(initial(defaultImaging, plannedLevels));
      setOtherLevel('');
    });
  }

  /** Enter adds a line in the complications box; Ctrl+Enter (or Cmd+Enter) saves the record. */
  function textareaKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const medRow = /medications\.(\d+)\.(name|dose|route)$/;
  const formErrors = Object.entries(errors)
    .filter(([k]) => {
      if (k === 'form') return true;
      const row = medRow.exec(k);
      if (row) return Number(row[1]) >= draft.medications.length;
      return !SIMPLE_FIELDS.some((f) => k === f || k.endsWith(`.${f}`));
    })
    .map(([, v]) => v);
  const fieldError = (path: string): FieldError => {
    const error = errorAt(errors, path);
    const errorId = `${id}-${path.replace(/\./g, '-')}-error`;
    return {
      error,
      aria: { 'aria-invalid': !!error, 'aria-describedby': error ? errorId : undefined },
      node: error ? <p id={errorId} className="error field-error">{error}</p> : null,
    };
  };
  const agent = fieldError('contrastAgent');
  const fluoro = fieldError('fluoroscopyTimeSeconds');
  const dose = fieldError('radiationDose');
  const complications = fieldError('complications');
  const levels = fieldError('levelsTreated');
  const imaging = fieldError('imagingUsed');

  return (
    <form ref={formRef} className="card record-form procedure-form" aria-label="Procedure record" aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <h2>Procedure record</h2>
      {/* At desktop width the parts flow side by side (styles.css, issue 18): imaging, contrast, time and dose; medications, levels, complications. */}
      <fieldset className="bare" disabled={disabled}>
        <fieldset className="pr-imaging" aria-describedby={imaging.aria['aria-describedby']}>
          <legend>Imaging used</legend>
          <div className="choices">
            {IMAGING.map((m) => (
              <label key={m} className="choice">
                <input type="radio" name={`${id}-imaging`} checked={draft.imagingUsed === m} onChange={() => set({ imagingUsed: m })} />
                {IMAGING_MODALITY_LABELS[m]}
              </label>
            ))}
          </div>
          {imaging.node}
        </fieldset>

        <div className="row pr-contrast">
          <label className="choice">
            <input type="checkbox" checked={draft.contrastUsed} onChange={(e) => set({ contrastUsed: e.target.checked })} />
            Contrast used
          </label>
          {draft.contrastUsed && (
            <div className="field grow">
              <label>
                Contrast agent
                <input type="text" value={draft.contrastAgent} onChange={(e) => set({ contrastAgent: e.target.value })} {...agent.aria} />
              </label>
              {agent.node}
            </div>
          )}
        </div>

        <div className="row pr-fluoro">
          <div className="field">
            <label>
              Fluoroscopy time (seconds)
              <input type="text" inputMode="decimal" autoComplete="off" value={draft.fluoroscopyTime}
                onChange={(e) => set({ fluoroscopyTime: e.target.value })} {...fluoro.aria} />
            </label>
            {fluoro.node}
          </div>
          <div className="field">
            <label>
              Radiation dose, with its unit (e.g. 12 mGy)
              <input type="text" autoComplete="off" value={draft.radiationDose} onChange={(e) => set({ radiationDose: e.target.value })} {...dose.aria} />
            </label>
            {dose.node}
          </div>
        </div>

        <ProcedureMedications medications={draft.medications} traits={traits} fieldError={fieldError} focusRow={focusMedication}
          onChange={setMedication} onAdd={addMedication} onRemove={removeMedication} />

        <fieldset className="pr-levels" aria-describedby={levels.aria['aria-describedby']}>
          <legend>Levels treated</legend>
          {draft.levels.length === 0 && <p className="empty">No levels planned for this procedure.</p>}
          <div className="choices">
            {draft.levels.map((l, i) => (
              <label key={l.level} className="choice">
                <input type="checkbox" checked={l.treated}
                  onChange={(e) => set({ levels: draft.levels.map((x, j) => (j === i ? { ...x, treated: e.target.checked } : x)) })} />
                {l.level}
              </label>
            ))}
          </div>
          <div className="row">
            <label>
              Another level treated
              <input type="text" autoComplete="off" value={otherLevel} onChange={(e) => setOtherLevel(e.target.value)}
                onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addLevel(); } }} />
            </label>
            <button type="button" className="secondary" disabled={!otherLevel.trim()} onClick={addLevel}>Add level</button>
          </div>
          {levels.node}
        </fieldset>

        <div className="field pr-complications">
          <label>
            Complications (write “None” if there were none)
            <textarea rows={3} value={draft.complications} onChange={(e) => set({ complications: e.target.value })} onKeyDown={textareaKey} {...complications.aria} />
          </label>
          {complications.node}
          <button type="button" className="secondary" onClick={() => set({ complications: 'None' })}>No complications</button>
        </div>

        <FormFooter errors={formErrors} busy={busy} submitLabel="Save procedure record" busyText={'Saving…'} doneText={savedAt ? `Procedure record saved ${savedAt}` : null} />
      </fieldset>
    </form>
  );
}
