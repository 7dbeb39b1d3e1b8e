import { useId, useRef, useState, type FormEvent } from 'react';
import { DURATION_UNITS, type AddFollowUpInput } from '#shared/contract/follow-up';
import { instantToLocalInput, localInputToInstant } from '#shared/domain/zoned-time';
import { FormFooter } from './FormFooter';
import { useFormSave } from './useFormSave';
import { errorAt, formLevel, parseWhole, SCORES } from './outcome-form-helpers';
import { dateTimeError, DateTimeField } from './DateTimeField';

type Unit = (typeof DURATION_UNITS)[number];
type FunctionKey = 'work' | 'sleep' | 'dailyActivities';

const FUNCTION_FIELDS: readonly { key: FunctionKey; label: string }[] = [
  { key: 'work', label: 'Work' },
  { key: 'sleep', label: 'Sleep' },
  { key: 'dailyActivities', label: 'Daily activities' },
];
const FIELDS = ['seenAt', 'painScore', 'function', 'percentRelief', 'reliefDuration', 'reliefOngoing', 'notes'];

interface Draft {
  seenAt: string;
  painScore: number | null;
  function: Record<FunctionKey, string>;
  percentRelief: string;
  duration: string;
  unit: Unit;
  ongoing: boolean;
  notes: string;
}

const empty = (seenAt: string): Draft => ({
  seenAt, painScore: null, function: { work: '', sleep: '', dailyActivities: '' }, percentRelief: '', duration: '', unit: 'days', ongoing: false, notes: '',
});

export interface FollowUpFormProps {
  encounterId: string;
  procedure: string;
  timeZone: string;
  /** Resolves null when stored (the form then clears), or errors keyed by input path. */
  onSubmit: (input: AddFollowUpInput) => Promise<Record<string, string> | null>;
}

/** Records one follow-up: when, pain, function (0–10 interference), percent relief and how long it lasted. */
export function FollowUpForm({ encounterId, procedure, timeZone, onSubmit }: FollowUpFormProps) {
  const id = useId();
  const now = () => instantToLocalInput(new Date().toISOString(), timeZone);
  const [draft, setDraft] = useState<Draft>(() => empty(now()));
  const { errors, busy, savedAt, check, save } = useFormSave();
  const firstRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const seenAt = localInputToInstant(draft.seenAt, timeZone);
    if (!seenAt) local.seenAt = dateTimeError('the date and time of the follow-up');
    if (draft.painScore === null) local.painScore = 'Choose the pain score.';
    const fn = {} as Record<FunctionKey, number | null>;
    for (const f of FUNCTION_FIELDS) {
      const v = parseWhole(draft.function[f.key], 0, 10);
      if (v === 'invalid') local[`function.${f.key}`] = `${f.label}: 0 to 10, or not asked.`;
      else fn[f.key] = v;
    }
    const relief = parseWhole(draft.percentRelief, 0, 100);
    if (relief === 'invalid') local.percentRelief = 'Percent relief is a whole number from 0 to 100 (or leave it empty).';
    const duration = parseWhole(draft.duration, 0, 1000);
    if (duration === 'invalid') local['reliefDuration.value'] = 'Duration is a whole number (or leave it empty).';
    if (draft.ongoing && duration === null) local['reliefDuration.value'] = 'Say how long the relief has lasted so far.';
    if (!check(local) || !seenAt || draft.painScore === null || relief === 'invalid' || duration === 'invalid') return;
    const painScore = draft.painScore;
    await save(() => onSubmit({
      encounterId,
      seenAt,
      painScore,
      function: fn,
      percentRelief: relief,
      reliefDuration: duration === null ? null : { value: duration, unit: draft.unit },
      reliefOngoing: draft.ongoing,
      notes: draft.notes.trim(),
    }), () => {
      setDraft(empty(now()));
      firstRef.current?.focus();
    });
  }

  // The duration's value, unit or the pair as a whole: all shown at the duration field.
  const err = (path: string) => errorAt(errors, path) ?? (path === 'reliefDuration.value' ? errorAt(errors, 'reliefDuration.unit') ?? errors.reliefDuration : undefined);
  const described = (path: string) => (err(path) ? `${id}-${path}-error` : undefined);
  const fieldError = (path: string) => err(path) && <p id={`${id}-${path}-error`} className="error field-error">{err(path)}</p>;
  return (
    <form className="card record-form follow-up-form" aria-label={`Record a follow-up: ${procedure}`} aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <h3>Record a follow-up</h3>
      {/* At desktop width the parts flow in three rows: when and the pain score; interference and notes; relief and the button (issue 18). */}
      <div className="row fu-when">
        <DateTimeField label="Date and time of the follow-up" timeZone={timeZone} inputRef={firstRef} value={draft.seenAt} onChange={(seenAt) => setDraft({ ...draft, seenAt })} error={err('seenAt')} />
      </div>
      <fieldset className="fu-pain" aria-describedby={described('painScore')} aria-invalid={!!err('painScore')}>
        <legend>Pain score now (0 = no pain, 10 = worst pain imaginable)</legend>
        <div className="choices pain-scale">
          {SCORES.map((n) => (
            <label key={n} className="choice">
              <input type="radio" name={`${id}-pain`} checked={draft.painScore === n} onChange={() => setDraft({ ...draft, painScore: n })} />
              {n}
            </label>
          ))}
        </div>
        {fieldError('painScore')}
      </fieldset>
      <fieldset className="fu-function">
        <legend>How much pain interferes with… (0 = not at all, 10 = completely)</legend>
        <div className="row">
          {FUNCTION_FIELDS.map((f) => (
            <div key={f.key} className="field">
              <label>
                {f.label}
                <select value={draft.function[f.key]} onChange={(e) => setDraft({ ...draft, function: { ...draft.function, [f.key]: e.target.value } })}
                  aria-invalid={!!err(`function.${f.key}`)} aria-describedby={described(`function.${f.key}`)}>
                  <option value="">Not asked</option>
                  {SCORES.map((n) => <option key={n} value={String(n)}>{n}</option>)}
                </select>
              </label>
              {fieldError(`function.${f.key}`)}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field fu-notes">
        <label>
          Notes
          <input type="text" value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} aria-invalid={!!err('notes')} aria-describedby={described('notes')} />
        </label>
        {fieldError('notes')}
      </div>
      <div className="row fu-relief">
        <div className="field short">
          <label>
            Percent relief (0–100)
            <input type="text" inputMode="numeric" autoComplete="off" value={draft.percentRelief} onChange={(e) => setDraft({ ...draft, percentRelief: e.target.value })}
              aria-invalid={!!err('percentRelief')} aria-describedby={described('percentRelief')} />
          </label>
          {fieldError('percentRelief')}
        </div>
        <div className="field short">
          <label>
            Relief lasted
            <input type="text" inputMode="numeric" autoComplete="off" value={draft.duration} onChange={(e) => setDraft({ ...draft, duration: e.target.value })}
              aria-invalid={!!err('reliefDuration.value')} aria-describedby={described('reliefDuration.value')} />
          </label>
          {fieldError('reliefDuration.value')}
        </div>
        <div className="field">
          <label>
            Unit
            <select value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value as Unit })}>
              {DURATION_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
            </select>
          </label>
        </div>
        <label className="choice">
          <input type="checkbox" checked={draft.ongoing} onChange={(e) => setDraft({ ...draft, ongoing: e.target.checked })} />
          Relief still ongoing
        </label>
      </div>
      <FormFooter errors={formLevel(errors, FIELDS)} busy={busy} submitLabel="Record follow-up" doneText={savedAt ? `Follow-up recorded ${savedAt}` : null} />
    </form>
  );
}
