import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_REVIEW_COMMENT } from '#shared/contract/library';
import { errorAt, formLevel } from './outcome-form-helpers';
import { useFormSave } from './useFormSave';

const LABEL = 'Why this is acceptable for this clinic';

/**
 * "Accept after review…" for one fact: the physician says in a few words why it is
 * acceptable for this clinic; the core stores the acceptance with who and when.
 */
export function AcceptFactForm({ factLabel, onAccept }: { factLabel: string; onAccept: (comment: string) => Promise<Record<string, string> | null> }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const { errors, setErrors, busy, check, save } = useFormSave();
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!comment.trim()) {
      check({ comment: 'Say why this fact is acceptable for this clinic.' });
      field.current?.focus();
      return;
    }
    // Accepted: the list shows the fact with its acceptance, and this form goes with it.
    await save(() => onAccept(comment.trim()));
  }

  function close() {
    setOpen(false);
    setErrors({});
    // The opener comes back in place of the form: keep keyboard focus on it.
    queueMicrotask(() => opener.current?.focus());
  }

  if (!open) {
    return (
      <button ref={opener} type="button" className="secondary" aria-label={`Accept after review: ${factLabel}`} onClick={() => setOpen(true)}>
        Accept after review…
      </button>
    );
  }
  const commentError = errorAt(errors, 'comment');
  const other = formLevel(errors, ['comment']);
  return (
    <form className="accept-form" aria-label={`Accept: ${factLabel}`} onSubmit={(e) => void submit(e)} noValidate>
      <label>
        {LABEL}
        <textarea ref={field} autoFocus rows={3} maxLength={MAX_REVIEW_COMMENT} value={comment} onChange={(e) => setComment(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Escape') close(); }}
          aria-invalid={!!commentError} aria-describedby={`${id}-count${commentError ? ` ${id}-error` : ''}`} />
      </label>
      <p id={`${id}-count`} className="muted field-hint">Required; {comment.length} of {MAX_REVIEW_COMMENT} characters. Kept with your name and the date.</p>
      {commentError && <p id={`${id}-error`} className="error field-error">{commentError}</p>}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>Accept fact</button>
        <button type="button" className="link" onClick={close}>Cancel</button>
      </div>
      {other.length > 0 && <p role="alert" className="error">{other.join(' ')}</p>}
    </form>
  );
}
