import { useId, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { TimeOutRecordSchema } from '#shared/contract/encounter-records';
import { FormFooter } from './FormFooter';
import { NameRoleRow } from './NameRoleRow';
import { errorAt } from './outcome-form-helpers';
import { useFormSave } from './useFormSave';

/** What the form sends (names and roles trimmed): the schema's input and output alike. */
export type TimeOutData = z.infer<typeof TimeOutRecordSchema>;
export interface TimeOutParticipant {
  name: string;
  role: string;
}

export interface TimeOutFormProps {
  /** Who is expected in the room; the signed-in user first. Editable before signing. */
  defaultParticipants: readonly TimeOutParticipant[];
  disabled?: boolean;
  /** The team of the day the people start from: its room, and whether one has been picked. */
  team?: { room: string; picked: boolean };
  /** Opens the team picker ("Today's team"). */
  onPickTeam?: () => void;
  /** Resolves null when signed (the form then resets), or errors keyed by input path ('password', 'record.data.participants', 'form'). */
  onSubmit: (data: TimeOutData, password: string) => Promise<Record<string, string> | null>;
}

/** Errors no field shows: 'form', or a path with no field here. */
function formLevel(errors: Record<string, string>, shown: (key: string) => boolean): string[] {
  return Object.entries(errors).filter(([k]) => k === 'form' || !shown(k)).map(([, v]) => v);
}

/**
 * The time-out sign-off: who took part, by name and role, signed with the password again.
 * Presentational: the caller stores it and returns any errors.
 */
export function TimeOutForm({ defaultParticipants, disabled = false, team, onPickTeam, onSubmit }: TimeOutFormProps) {
  const id = useId();
  const [participants, setParticipants] = useState<TimeOutParticipant[]>(() => defaultParticipants.map((p) => ({ ...p })));
  const [password, setPassword] = useState('');
  const { errors, setErrors, busy, savedAt: signedAt, check, save } = useFormSave();
  const passwordRef = useRef<HTMLInputElement>(null);
  /** After "Add person", the new row's name field takes focus when it mounts (keyboard flow). */
  const focusRow = useRef<number | null>(null);

  function update(i: number, patch: Partial<TimeOutParticipant>) {
    setParticipants((list) => list.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  }
  function add() {
    setParticipants((list) => [...list, { name: '', role: '' }]);
    focusRow.current = participants.length;
  }
  function remove(i: number) {
    setParticipants((list) => list.filter((_, j) => j !== i));
    // Field errors are keyed by row index; they no longer line up.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !/participants\.\d+/.test(k))));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || disabled) return;
    if (!password) {
      check({ password: 'Enter your password to sign the time-out.' });
      passwordRef.current?.focus();
      return;
    }
    const data = { participants: participants.map((p) => ({ name: p.name.trim(), role: p.role.trim() })) };
    const refused = await save(() => onSubmit(data, password), () => {
      setParticipants(defaultParticipants.map((p) => ({ ...p })));
      setPassword('');
    }, 'Not signed');
    // A wrong password is typed again; never kept in the field.
    if (refused && errorAt(refused, 'password')) setPassword('');
  }

  const rowField = /participants\.(\d+)\.(name|role)$/;
  const shown = (k: string) => {
    const row = rowField.exec(k);
    if (row) return Number(row[1]) < participants.length;
    return ['password', 'participants'].some((f) => k === f || k.endsWith(`.${f}`));
  };
  const formErrors = formLevel(errors, shown);
  const listError = errorAt(errors, 'participants');
  const passwordError = errorAt(errors, 'password');
  // Beside the team's line when there is one, so the list of people has no row of its own for it.
  const addPerson = <button type="button" className="secondary" onClick={add}>Add person</button>;

  return (
    <form className="card record-form time-out-form" aria-label="Time-out sign-off" aria-busy={busy} onSubmit={(e) => void submit(e)} noValidate>
      <div className="section-head">
        <h2>Time-out</h2>
        <p className="muted">Everyone introduces themselves by name and role; patient, procedure, site, level and side are confirmed aloud.</p>
      </div>
      <fieldset className="bare" disabled={disabled}>
        <fieldset aria-describedby={listError ? `${id}-list-error` : undefined}>
          <legend>People taking part</legend>
          {team && (
            <div className="row team-of-the-day">
              <p className="muted">
                {team.picked ? `Today's team in ${team.room}; remove anyone not here.` : `No team picked for today in ${team.room}.`}
              </p>
              {onPickTeam && <button type="button" className="secondary" onClick={onPickTeam}>{team.picked ? "Change today's team" : "Pick today's team"}</button>}
              {addPerson}
            </div>
          )}
          {participants.length === 0 && <p className="empty">No one listed yet.</p>}
          <ol className="participants">
            {participants.map((p, i) => (
              <NameRoleRow key={i} noun="person" index={i} value={p}
                nameError={errorAt(errors, `participants.${i}.name`)} roleError={errorAt(errors, `participants.${i}.role`)}
                nameRef={(el) => {
                  if (el && focusRow.current === i) {
                    focusRow.current = null;
                    el.focus();
                  }
                }}
                onChange={(patch) => update(i, patch)} onRemove={() => remove(i)} />
            ))}
          </ol>
          {!team && addPerson}
          {listError && <p id={`${id}-list-error`} className="error field-error">{listError}</p>}
        </fieldset>
        <div className="field">
          <label>
            Your password (signs the time-out)
            <input ref={passwordRef} type="password" autoComplete="current-password" value={password}
              onChange={(e) => setPassword(e.target.value)} aria-invalid={!!passwordError}
              aria-describedby={passwordError ? `${id}-password-error` : undefined} />
          </label>
          {passwordError && <p id={`${id}-password-error`} className="error field-error">{passwordError}</p>}
        </div>
        <FormFooter errors={formErrors} busy={busy} submitLabel="Sign the time-out" busyText={'Signing…'} doneText={signedAt ? `Time-out signed ${signedAt}` : null} />
      </fieldset>
    </form>
  );
}
