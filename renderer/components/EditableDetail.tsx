/**
 * A patient detail shown as its value with a Change button, which opens its field with Save and Cancel:
 * the preferred language and the payer in the encounter's "Patient & plan" part. Only nurses and
 * physicians change them (the core refuses anyone else too).
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useSession } from '../stores/session';
import type { FormResult } from '../api/client';
import { firstError, useFormSave } from './useFormSave';

interface Props {
  /** Names the form and the button: "Preferred language" makes "Change the preferred language (now …)". */
  label: string;
  /** The current value as it reads, "Not recorded" when none. */
  shown: string;
  /** The current value as the field holds it ('' for none). */
  current: string;
  /** The field, focused when it opens. */
  field: (value: string, onChange: (value: string) => void) => ReactNode;
  save: (value: string) => Promise<FormResult>;
  saveLabel: string;
}

export function EditableDetail({ label, shown, current, field, save: write, saveLabel }: Props) {
  const clinical = useSession((s) => s.user?.role === 'nurse' || s.user?.role === 'physician');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const { errors, busy, save } = useFormSave();
  const error = firstError(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!(await save(() => write(value)))) setEditing(false);
  }
  if (!editing) {
    return (
      <>
        {shown}{' '}
        {clinical && (
          <button type="button" className="link" aria-label={`Change the ${label.toLowerCase()} (now ${shown})`} onClick={() => { setValue(current); setEditing(true); }}>
            Change
          </button>
        )}
      </>
    );
  }
  return (
    <form className="row detail-change" aria-label={label} onSubmit={(e) => void submit(e)}>
      {field(value, setValue)}
      <button type="submit" className="primary" disabled={busy || value === current}>{saveLabel}</button>
      <button type="button" className="secondary" onClick={() => setEditing(false)}>Cancel</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
