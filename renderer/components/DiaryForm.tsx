import { useId, useRef, useState, type FormEvent } from 'react';
import { DIARY_HOURS, type AddDiaryInput, type DiaryHour } from '#shared/contract/follow-up';
import { formatHours } from '#shared/domain/outcomes';
import { localInputToInstant } from '#shared/domain/zoned-time';
import { FormFooter } from './FormFooter';
import { useFormSave } from './useFormSave';
import { errorAt, formLevel, parseWhole, SCORES } from './outcome-form-helpers';
import { dateTimeError, DateTimeField } from './DateTimeField';

// Scores typed on the sheet are checked here (keys scores.<hours>); the core's checks of the entries it got show in the alert.
const FIELDS = ['blockAt', 'baseline', 'localAnaesthetic', 'scores', 'notes'];

interface Draft {
  blockAt: string;
  baseline: string;
  localAnaesthetic: string;
  scores: Record<DiaryHour, string>;
  notes: string;
}

const EMPTY: Draft = {
  blockAt: '', baseline: '', localAnaesthetic: '', notes: '',
  scores: Object.fromEntries(DIARY_HOURS.map((h) => [h, ''])) as Record<DiaryHour, string>,
};

export interface DiaryFormProps {
  encounterId: string;
  procedure: string;
  timeZone: string;
  onSubmit: (input: AddDiaryInput) => Promise<Record<string, string> | null>;
}

/**
 * The patient's pain diary after a diagnostic block, typed in from the sheet:
 * the baseline, then the score at each time the patient recorded (empty
 * where they did not). One text field per time, so Tab walks the sheet.
 */
export function DiaryForm({ encounterId, procedure, timeZone, onSubmit }: DiaryFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { errors, busy, savedAt, check, save } = useFormSave();
  const firstRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    const blockAt = localInputToInstant(draft.blockAt, timeZone);
    if (!blockAt) local.blockAt = dateTimeError('when the block was done');
    const baseline = parseWhole(draft.baseline, 0, 10);
    if (baseline === null || baseline === 'invalid') local.baseline = 'Enter the baseline score, 0 to 10.';
    const entries: { hours: DiaryHour; score: number }[] = [];
    DIARY_HOURS.forEach((hours) => {
      const v = parseWhole(draft.scores[hours], 0, 10);
      if (v === 'invalid') local[`scores.${hours}`] = `${formatHours(hours)}: 0 to 10, or leave it empty.`;
      else if (v !== null) entries.push({ hours, score: v });
    });
    if (!entries.length && !Object.keys(local).some((k) => k.startsWith('scores.'))) local.scores = 'Enter at least one score after the block.';
    if (!check(local) || !blockAt || baseline === null || baseline === 'invalid') return;
    await save(() => onSubmit({ encounterId, blockAt, baseline, localAnaesthetic: draft.localAnaesthetic.trim(), entries, notes: draft.notes.trim() }), () => {
      setDraft(EMPTY);
      firstRef.current?.focus();
    });
  }

  const err = (path: string) => errorAt(errors, path);
  const described = (path: string) => (err(path) ? `${id}-${path.replace('.', '-')}-error` : undefined);
  const fieldError = (path: string) => err(path) && <p id={`${id}-${path.replace('.', '-')}-error`} className="error field-error">{err(path)}</p>;
  return (
    <form className="card record-form diary-form" aria-label={`Enter the pain diary: ${procedure}`} aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <h3>Enter the pain diary</h3>
      <p className="muted">
        Scores as the patient wrote them, 0 = no pain, 10 = worst pain imaginable. Leave a time empty if the patient did not record it.
        The times are a fixed sheet; judge the curve against the local anaesthetic used.
      </p>
      <div className="row">
        <DateTimeField label="Block done at" timeZone={timeZone} inputRef={firstRef} value={draft.blockAt} onChange={(blockAt) => setDraft({ ...draft, blockAt })} error={err('blockAt')} />
        <div className="field">
          <label>
            Baseline pain before the block
            <select value={draft.baseline} onChange={(e) => setDraft({ ...draft, baseline: e.target.value })} aria-invalid={!!err('baseline')} aria-describedby={described('baseline')}>
              <option value="">Choose…</option>
              {SCORES.map((n) => <option key={n} value={String(n)}>{n}</option>)}
            </select>
          </label>
          {fieldError('baseline')}
        </div>
        <div className="field grow">
          <label>
            Local anaesthetic (as recorded)
            <input type="text" value={draft.localAnaesthetic} onChange={(e) => setDraft({ ...draft, localAnaesthetic: e.target.value })} placeholder="e.g. drug, strength, volume"
              aria-invalid={!!err('localAnaesthetic')} aria-describedby={described('localAnaesthetic')} />
          </label>
          {fieldError('localAnaesthetic')}
        </div>
      </div>
      <fieldset aria-describedby={errors.scores ? `${id}-scores-error` : undefined}>
        <legend>Pain score after the block</legend>
        <div className="row diary-times">
          {DIARY_HOURS.map((hours) => (
            <div key={hours} className="field short">
              <label>
                {formatHours(hours)}
                <input type="text" inputMode="numeric" autoComplete="off" value={draft.scores[hours]}
                  onChange={(e) => setDraft({ ...draft, scores: { ...draft.scores, [hours]: e.target.value } })}
                  aria-invalid={!!err(`scores.${hours}`)} aria-describedby={described(`scores.${hours}`)} />
              </label>
              {fieldError(`scores.${hours}`)}
            </div>
          ))}
        </div>
        {errors.scores && <p id={`${id}-scores-error`} className="error field-error">{errors.scores}</p>}
      </fieldset>
      <div className="field">
        <label>
          Notes
          <input type="text" value={draft.notes} onChange={(e) => setDraft({ ...draft, notes: e.target.value })} />
        </label>
      </div>
      <FormFooter errors={formLevel(errors, FIELDS)} busy={busy} submitLabel="Save pain diary" doneText={savedAt ? `Pain diary saved ${savedAt}` : null} />
    </form>
  );
}
