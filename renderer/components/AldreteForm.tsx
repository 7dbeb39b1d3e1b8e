import { useId, useRef, useState, type FormEvent } from 'react';
import { SOURCES } from '#shared/library/sources';
import {
  ALDRETE_COMPONENTS,
  ALDRETE_COMPONENT_LABELS,
  ALDRETE_DISCHARGE_MIN,
  ALDRETE_LEVEL_WORDS,
  ALDRETE_SOURCES,
  ALDRETE_WORDS_SOURCES,
  aldreteTotal,
  type AldreteComponent,
  type AldreteScores,
} from '#shared/workflow/aldrete';
import { EvidenceBadges } from './EvidenceBadges';
import { FormFooter } from './FormFooter';
import { errorAt } from './outcome-form-helpers';
import { useFormSave } from './useFormSave';
import { useClinicTime } from './useClinicTime';

export interface AldreteFormProps {
  disabled?: boolean;
  /** Resolves null when stored (the form then clears), or errors keyed by input path ('record.data.activity', 'form'). */
  onSubmit: (scores: AldreteScores) => Promise<Record<string, string> | null>;
}

type Score = 0 | 1 | 2;
/** Highest first, as the words read from well to unwell. */
const SCORES: readonly Score[] = [2, 1, 0];
const CITATIONS = SOURCES.map((s) => ({ id: s.id, citation: s.citation }));

function complete(scores: Partial<AldreteScores>): scores is AldreteScores {
  return ALDRETE_COMPONENTS.every((c) => scores[c] !== undefined);
}

/**
 * The Aldrete score after sedation: five components, each 0, 1 or 2, with the words for each
 * score beside it (shared/workflow/aldrete.ts; not in the reference, so marked needs clinical
 * review), the running total and the discharge threshold. Presentational: the caller stores the scores.
 */
export function AldreteForm({ disabled = false, onSubmit }: AldreteFormProps) {
  const clock = useClinicTime();
  const id = useId();
  const [scores, setScores] = useState<Partial<AldreteScores>>({});
  const { errors, busy, savedAt, check, save } = useFormSave();
  const formRef = useRef<HTMLFormElement>(null);

  const scored = ALDRETE_COMPONENTS.filter((c) => scores[c] !== undefined).length;
  const total = ALDRETE_COMPONENTS.reduce((sum, c) => sum + (scores[c] ?? 0), 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || disabled) return;
    if (!complete(scores)) {
      const missing = ALDRETE_COMPONENTS.filter((c) => scores[c] === undefined);
      check(Object.fromEntries(missing.map((c) => [c, `Score ${ALDRETE_COMPONENT_LABELS[c].toLowerCase()}: 0, 1 or 2.`])));
      // Take the keyboard to the first component still to score.
      const radios = Array.from(formRef.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? []);
      radios.find((r) => r.name === `${id}-${missing[0]}`)?.focus();
      return;
    }
    await save(() => onSubmit({ ...scores }), () => {
      setScores({});
      return `${clock.time(Date.now())} (total ${aldreteTotal(scores)} of 10)`;
    });
  }

  const formErrors = Object.entries(errors)
    .filter(([k]) => k === 'form' || !ALDRETE_COMPONENTS.some((c) => k === c || k.endsWith(`.${c}`)))
    .map(([, v]) => v);

  return (
    <form ref={formRef} className="card record-form aldrete-form" aria-label="Aldrete score" aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <h2>Aldrete score</h2>
      <div className="aldrete-threshold">
        <span>Score each component 0, 1 or 2. Blood-pressure and saturation cut-offs: the clinic’s chart.</span>
        <EvidenceBadges sources={ALDRETE_WORDS_SOURCES} citations={CITATIONS} />
      </div>
      <fieldset className="bare" disabled={disabled}>
        {ALDRETE_COMPONENTS.map((c: AldreteComponent) => {
          const error = errorAt(errors, c);
          const errorId = `${id}-${c}-error`;
          return (
            <fieldset key={c} className="aldrete-component" aria-invalid={!!error} aria-describedby={error ? errorId : undefined}>
              <legend>{ALDRETE_COMPONENT_LABELS[c]}</legend>
              <div className="choices">
                {SCORES.map((n) => (
                  <label key={n} className="choice aldrete-level">
                    <input type="radio" name={`${id}-${c}`} checked={scores[c] === n} onChange={() => setScores((s) => ({ ...s, [c]: n }))} />
                    <strong className="aldrete-score">{n}</strong> {ALDRETE_LEVEL_WORDS[c][n]}
                  </label>
                ))}
              </div>
              {error && <p id={errorId} className="error field-error">{error}</p>}
            </fieldset>
          );
        })}
        <p className="aldrete-total" aria-live="polite">
          <strong>Total: {total} of 10</strong>
          {scored < ALDRETE_COMPONENTS.length
            ? ` (${scored} of ${ALDRETE_COMPONENTS.length} components scored)`
            : total >= ALDRETE_DISCHARGE_MIN
              ? ': meets the discharge threshold'
              : ': below the discharge threshold'}
        </p>
        <div className="aldrete-threshold">
          <span>Discharge threshold: {ALDRETE_DISCHARGE_MIN} or more</span>
          <EvidenceBadges sources={ALDRETE_SOURCES} citations={CITATIONS} />
        </div>
        <FormFooter errors={formErrors} busy={busy} submitLabel="Record Aldrete score" busyText={'Saving…'} doneText={savedAt ? `Aldrete score recorded ${savedAt}` : null} />
      </fieldset>
    </form>
  );
}
