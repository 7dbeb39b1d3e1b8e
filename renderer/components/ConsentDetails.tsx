/**
 * The parts of the consent discussion beyond benefits and alternatives: when
 * and where, diagnosis, capacity or surrogate, who was present, the interpreter
 * and teach-back. Fields the clinic switched off for this procedure are not
 * shown here and the note lists them as not used.
 */
import type { Capacity, InterpreterMode } from '#shared/contract/consent';
import { findLanguage } from '#shared/domain/languages';
import { LanguageSelect } from './LanguageSelect';
import type { OptionalNoteField } from '#shared/contract/settings';
import type { ConsentDraft } from '../stores/consent';
import { useState } from 'react';
import { instantToLocalInput, localInputToInstant } from '#shared/domain/zoned-time';
import { useEncounter } from '../stores/encounter';
import { dateTimeError, DateTimeField } from './DateTimeField';
import { useFormSave } from './useFormSave';

export interface DraftProps {
  draft: ConsentDraft;
  /** Replace the draft; `saveNow` for choices, text saves on blur (commit). */
  update: (next: ConsentDraft, saveNow: boolean) => void;
  commit: () => void;
  off: ReadonlySet<OptionalNoteField>;
}

/**
 * When the discussion happened, typed in clinic time and stored as a UTC instant. A real
 * date-time saves at once; anything else changes nothing and says the format on leaving.
 */
function DiscussedAtField({ draft, update }: Pick<DraftProps, 'draft' | 'update'>) {
  const timeZone = useEncounter((s) => s.settings?.timeZone) ?? 'UTC';
  const stored = draft.discussedAt ?? null;
  const [text, setText] = useState(() => (stored ? instantToLocalInput(stored, timeZone) : ''));
  const { errors, check } = useFormSave();
  // Follow a stored value that changed elsewhere ("Now", another save), unless it is what is typed.
  const [seen, setSeen] = useState(stored);
  if (seen !== stored) {
    setSeen(stored);
    if (localInputToInstant(text, timeZone) !== stored) setText(stored ? instantToLocalInput(stored, timeZone) : '');
  }
  function change(value: string) {
    setText(value);
    const at = value.trim() ? localInputToInstant(value, timeZone) : null;
    if (value.trim() && !at) return;
    check();
    if (at !== stored) update({ ...draft, discussedAt: at }, true);
  }
  const judge = () => check(text.trim() && !localInputToInstant(text, timeZone) ? { discussedAt: dateTimeError('the date and time of the discussion') } : {});
  return (
    <DateTimeField label="Date and time of the discussion" timeZone={timeZone} value={text} onChange={change} error={errors.discussedAt}
      onBlur={judge} onKeyDown={(e) => e.key === 'Enter' && judge()} />
  );
}

export function WhenWhereFields({ draft, update, commit, off }: DraftProps) {
  return (
    <fieldset className="when-where">
      <legend>When, where and why</legend>
      {/* One row at desktop width: the time, "Now", the place and the diagnosis (issue 18). */}
      <div className="row">
        <DiscussedAtField draft={draft} update={update} />
        <button type="button" className="secondary" onClick={() => update({ ...draft, discussedAt: new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString() }, true)}>
          Now
        </button>
        {!off.has('place') && (
          <label>
            Place
            <input value={draft.place ?? ''} maxLength={120} onBlur={commit} onChange={(e) => update({ ...draft, place: e.target.value }, false)} />
          </label>
        )}
        {!off.has('diagnosis') && (
          <label className="grow">
            Diagnosis
            <input value={draft.diagnosis ?? ''} onBlur={commit} onChange={(e) => update({ ...draft, diagnosis: e.target.value }, false)} />
          </label>
        )}
      </div>
    </fieldset>
  );
}

const CAPACITY_CHOICES: { kind: Capacity['kind']; label: string }[] = [
  { kind: 'patient-has-capacity', label: 'The patient has capacity to decide' },
  { kind: 'surrogate', label: 'The patient lacks capacity: a surrogate decides' },
];

export function CapacityFields({ draft, update, commit, off }: DraftProps) {
  if (off.has('capacity')) return null;
  const capacity: Capacity = draft.capacity ?? { kind: 'not-recorded' };
  const surrogate = capacity.kind === 'surrogate' ? capacity : null;
  const setSurrogate = (patch: Partial<Extract<Capacity, { kind: 'surrogate' }>>) =>
    update({ ...draft, capacity: { kind: 'surrogate', name: surrogate?.name ?? '', relationship: surrogate?.relationship ?? '', reason: surrogate?.reason ?? '', ...patch } }, false);
  return (
    <fieldset>
      <legend>Decision-making capacity</legend>
      <div className="choices">
        {CAPACITY_CHOICES.map((c) => (
          <label key={c.kind} className="choice">
            <input type="radio" name="capacity" checked={capacity.kind === c.kind}
              onChange={() => update({ ...draft, capacity: c.kind === 'surrogate' ? { kind: 'surrogate', name: '', relationship: '', reason: '' } : { kind: c.kind } }, c.kind !== 'surrogate')} />
            {c.label}
          </label>
        ))}
      </div>
      {surrogate && (
        <div className="row">
          <label>
            Surrogate's name
            <input value={surrogate.name} onBlur={commit} onChange={(e) => setSurrogate({ name: e.target.value })} />
          </label>
          <label>
            Relationship to the patient
            <input value={surrogate.relationship} onBlur={commit} onChange={(e) => setSurrogate({ relationship: e.target.value })} />
          </label>
          <label>
            Why the patient cannot decide
            <input value={surrogate.reason} onBlur={commit} onChange={(e) => setSurrogate({ reason: e.target.value })} />
          </label>
        </div>
      )}
    </fieldset>
  );
}

export function PresentFields({ draft, update, commit, off }: DraftProps) {
  if (off.has('present')) return null;
  const present = draft.present ?? [];
  const set = (i: number, patch: Partial<{ name: string; role: string }>) =>
    update({ ...draft, present: present.map((p, j) => (j === i ? { ...p, ...patch } : p)) }, false);
  return (
    <fieldset>
      <legend>Who was present</legend>
      {present.map((p, i) => (
        <div key={i} className="row">
          <label>
            Person {i + 1} name
            <input value={p.name} onBlur={commit} onChange={(e) => set(i, { name: e.target.value })} />
          </label>
          <label>
            Person {i + 1} role
            <input value={p.role} placeholder="e.g. nurse, daughter" onBlur={commit} onChange={(e) => set(i, { role: e.target.value })} />
          </label>
          <button type="button" className="link" aria-label={`Remove person ${i + 1}`} onClick={() => update({ ...draft, present: present.filter((_, j) => j !== i) }, true)}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => update({ ...draft, present: [...present, { name: '', role: '' }] }, false)}>
        Add person present
      </button>
    </fieldset>
  );
}

const MODES: { mode: InterpreterMode; label: string }[] = [
  { mode: 'in-person', label: 'In person' },
  { mode: 'phone', label: 'Telephone' },
  { mode: 'video', label: 'Video' },
];

export function InterpreterFields({ draft, update, commit, off }: DraftProps) {
  if (off.has('interpreter')) return null;
  const interpreter = draft.interpreter;
  return (
    <fieldset>
      <legend>Interpreter</legend>
      <label className="choice">
        <input type="checkbox" checked={interpreter.used}
          onChange={(e) => update({ ...draft, interpreter: e.target.checked ? { used: true, language: '', interpreterId: '', mode: null } : { used: false } }, !e.target.checked)} />
        Interpreter used
      </label>
      {interpreter.used && (
        <>
          <div className="row">
            <LanguageSelect label="Language" value={interpreter.language} emptyLabel="Choose…"
              onChange={(language) => update({ ...draft, interpreter: { ...interpreter, language } }, true)} />
            <label>
              Interpreter id
              <input value={interpreter.interpreterId} onBlur={commit}
                onChange={(e) => update({ ...draft, interpreter: { ...interpreter, interpreterId: e.target.value } }, false)} />
            </label>
          </div>
          <div className="choices" role="radiogroup" aria-label="How the interpreter took part">
            {MODES.map((m) => (
              <label key={m.mode} className="choice">
                <input type="radio" name="interpreter-mode" checked={interpreter.mode === m.mode}
                  onChange={() => update({ ...draft, interpreter: { ...interpreter, mode: m.mode } }, true)} />
                {m.label}
              </label>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}

export function TeachBackField({ draft, update, commit, off }: DraftProps) {
  if (off.has('teachBack')) return null;
  return (
    <label>
      Teach-back: the patient's own words
      <textarea rows={2} value={draft.teachBack ?? ''} onBlur={commit} onChange={(e) => update({ ...draft, teachBack: e.target.value }, false)} />
    </label>
  );
}

/** A draft the contract would refuse waits until complete; says what is missing. */
export function draftProblem(d: ConsentDraft): string | null {
  if (d.interpreter.used && (!d.interpreter.language.trim() || !d.interpreter.interpreterId.trim())) return 'Complete the interpreter’s language and id to save.';
  if (d.interpreter.used && !findLanguage(d.interpreter.language)) return 'Choose the interpreter’s language from the list to save.';
  if (!d.questions.every((q) => q.question.trim().length > 0)) return 'Complete each question to save.';
  const c = d.capacity;
  if (c?.kind === 'surrogate' && (!c.name.trim() || !c.relationship.trim() || !c.reason.trim())) return 'Complete the surrogate’s name, relationship and the reason to save.';
  if ((d.present ?? []).some((p) => !p.name.trim() || !p.role.trim())) return 'Complete the name and role of each person present to save.';
  return null;
}
