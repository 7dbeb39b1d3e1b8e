/** The end of every record form: its form-level errors, the submit button, and what was saved when. */
export function FormFooter({ errors, busy, submitLabel, busyText = 'Saving…', doneText }: { errors: readonly string[]; busy: boolean; submitLabel: string; busyText?: string; doneText: string | null }) {
  return (
    <>
      {errors.length > 0 && (
        <div role="alert" className="error">
          {errors.map((e) => <p key={e}>{e}</p>)}
        </div>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>{submitLabel}</button>
        <span aria-live="polite" className="save saved">{busy ? busyText : (doneText ?? '')}</span>
      </div>
    </>
  );
}
