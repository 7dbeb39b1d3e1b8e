import { useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { VitalsSchema } from '#shared/contract/encounter-records';
import { FormFooter } from './FormFooter';
import { errorAt } from './outcome-form-helpers';
import { useFormSave } from './useFormSave';

/** What the form sends: every field present (empty numbers as null), so it is both the schema's input and its output. */
export type VitalsData = z.infer<typeof VitalsSchema>;
export type VitalsPhase = VitalsData['phase'];

/** How each phase is named on the form and in the record history. */
export const VITALS_PHASE_LABELS: Record<VitalsPhase, string> = {
  'pre-procedure': 'pre-procedure',
  'time-out': 'time-out',
  procedure: 'procedure',
  recovery: 'recovery',
};

export interface VitalsFormProps {
  phase: VitalsPhase;
  disabled?: boolean;
  /** Resolves null when stored (the form then clears), or errors keyed by input path ('record.data.painScore', 'form'). */
  onSubmit: (data: VitalsData) => Promise<Record<string, string> | null>;
}

type NumericField = 'systolic' | 'diastolic' | 'heartRate' | 'spo2' | 'respiratoryRate';

const NUMERIC_FIELDS: readonly { key: NumericField; label: string; unit: string }[] = [
  { key: 'systolic', label: 'Systolic BP', unit: 'mmHg' },
  { key: 'diastolic', label: 'Diastolic BP', unit: 'mmHg' },
  { key: 'heartRate', label: 'Heart rate', unit: 'beats/min' },
  { key: 'spo2', label: 'SpO2', unit: '%' },
  { key: 'respiratoryRate', label: 'Respiratory rate', unit: 'breaths/min' },
];
const FIELD_KEYS = [...NUMERIC_FIELDS.map((f) => f.key), 'painScore', 'note'];

const PAIN_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

type Draft = Record<NumericField, string> & { painScore: number | null; note: string };
const EMPTY: Draft = { systolic: '', diastolic: '', heartRate: '', spo2: '', respiratoryRate: '', painScore: null, note: '' };

/** Errors no field shows ('form', or a path this form has no field for): shown in the alert. */
function formLevel(errors: Record<string, string>, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === 'form' || !fields.some((f) => k === f || k.endsWith(`.${f}`)))
    .map(([, v]) => v);
}

/** "" is not recorded (null); anything else must be a whole number, or the form says so. */
function parseWhole(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : 'invalid';
}

/**
 * One set of observations with the pain score, for the given phase. Empty fields are sent
 * as not recorded (null). Presentational: the caller stores it and returns any errors.
 */
export function VitalsForm({ phase, disabled = false, onSubmit }: VitalsFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { errors, busy, savedAt, check, save } = useFormSave();
  const firstRef = useRef<HTMLInputElement>(null);
  const phaseLabel = VITALS_PHASE_LABELS[phase];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (disabled) return;
    const local: Record<string, string> = {};
    const values = {} as Record<NumericField, number | null>;
    for (const f of NUMERIC_FIELDS) {
      const v = parseWhole(draft[f.key]);
      if (v === 'invalid') local[f.key] = `${f.label}: enter a whole number, or leave it empty.`;
      else values[f.key] = v;
    }
    if (!check(local)) return;
    await save(() => onSubmit({ phase, ...values, painScore: draft.painScore, note: draft.note.trim() }), () => {
      setDraft(EMPTY);
      firstRef.current?.focus();
    });
  }

  const formErrors = formLevel(errors, FIELD_KEYS);
  const painError = errorAt(errors, 'painScore');
  const noteError = errorAt(errors, 'note');
  return (
    <form className="card record-form vitals-form" aria-label={`Vitals (${phaseLabel})`} aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <h2>
        Vitals and pain score <span className="muted">({phaseLabel})</span>
      </h2>
      <fieldset className="bare" disabled={disabled}>
        <div className="row">
          {NUMERIC_FIELDS.map((f, i) => {
            const error = errorAt(errors, f.key);
            const errorId = `${id}-${f.key}-error`;
            return (
              <div key={f.key} className="field short">
                <label>
                  {f.label} ({f.unit})
                  <input
                    ref={i === 0 ? firstRef : undefined}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={draft[f.key]}
                    onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
                    aria-invalid={!!error}
                    aria-describedby={error ? errorId : undefined}
                  />
                </label>
                {error && <p id={errorId} className="error field-error">{error}</p>}
              </div>
            );
          })}
        </div>
        {/* The pain score and the note share a row at desktop width (styles.css, issue 18). */}
        <fieldset className="vitals-pain" aria-describedby={painError ? `${id}-pain-error` : undefined}>
          <legend>Pain score (0 = no pain, 10 = worst pain imaginable)</legend>
          <div className="choices pain-scale">
            {PAIN_SCORES.map((n) => (
              <label key={n} className="choice">
                <input type="radio" name={`${id}-pain`} checked={draft.painScore === n} onChange={() => setDraft({ ...draft, painScore: n })} />
                {n}
              </label>
            ))}
            <label className="choice">
              <input type="radio" name={`${id}-pain`} checked={draft.painScore === null} onChange={() => setDraft({ ...draft, painScore: null })} />
              Not recorded
            </label>
          </div>
          {painError && <p id={`${id}-pain-error`} className="error field-error">{painError}</p>}
        </fieldset>
        <div className="field vitals-note">
          <label>
            Note
            <input type="text" value={draft.note} onChange={(e) => setDraft({ ...draft, note: e.target.value })}
              aria-invalid={!!noteError} aria-describedby={noteError ? `${id}-note-error` : undefined} />
          </label>
          {noteError && <p id={`${id}-note-error`} className="error field-error">{noteError}</p>}
        </div>
        <FormFooter errors={formErrors} busy={busy} submitLabel="Record vitals" busyText={'Saving…'} doneText={savedAt ? `Vitals recorded ${savedAt}` : null} />
      </fieldset>
    </form>
  );
}
