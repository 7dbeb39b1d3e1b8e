import { useId, useRef, useState, type FormEvent } from 'react';
import { errorAt } from './outcome-form-helpers';
import { useFormSave } from './useFormSave';

const REASON_MIN = 5;

/**
 * "Void…" for a follow-up or a pain diary entered in error: asks the reason,
 * then the core keeps the record, marked voided with who, when and why.
 */
export function VoidControl({ what, onVoid }: { what: string; onVoid: (reason: string) => Promise<Record<string, string> | null> }) {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, check, save } = useFormSave();
  const openRef = useRef<HTMLButtonElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check(reason.trim().length < REASON_MIN ? { reason: `Give the reason in a few words (at least ${REASON_MIN} characters).` } : {})) return;
    await save(() => onVoid(reason.trim()));
  }

  if (!asking) {
    return (
      <button ref={openRef} type="button" className="link" aria-label={`Void ${what}`} onClick={() => setAsking(true)}>
        Void…
      </button>
    );
  }
  const reasonError = errorAt(errors, 'reason');
  const other = Object.entries(errors).filter(([k]) => k !== 'reason' && !k.endsWith('.reason')).map(([, v]) => v);
  return (
    <form className="na-form void-form" aria-label={`Void ${what}`} onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label>
          Reason for voiding
          <input type="text" autoFocus value={reason} onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!reasonError} aria-describedby={reasonError ? `${id}-reason-error` : undefined} />
        </label>
        {reasonError && <p id={`${id}-reason-error`} className="error field-error">{reasonError}</p>}
      </div>
      <button type="submit" className="secondary" disabled={busy}>Void</button>
      <button type="button" className="link" onClick={() => { setAsking(false); setErrors({}); }}>Keep it</button>
      {other.length > 0 && <p role="alert" className="error">{other.join(' ')}</p>}
    </form>
  );
}
