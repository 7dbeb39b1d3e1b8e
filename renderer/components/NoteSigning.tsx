import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DEFAULT_ATTESTATION, SIGNATURE_FAILED, type Addendum, type SignatureVerification } from '#shared/contract/note';
import type { FormResult } from '../api/client';
import { useEncounter } from '../stores/encounter';
import { useSigning } from '../stores/signing';
import { useSession } from '../stores/session';
import { clinicDateTime } from '#shared/domain/clinic-time';
import { FormFooter } from './FormFooter';
import { useFormSave } from './useFormSave';

/** Outside React's render (helpers below): the session's zone as it stands. */
const when = (iso: string) => clinicDateTime(iso, useSession.getState().timeZone);

/** Errors no field of the form shows. */
function formLevel(errors: Record<string, string>, fields: readonly string[]): string[] {
  return Object.entries(errors).filter(([k]) => !fields.includes(k)).map(([, v]) => v);
}

/** A labelled field with its error beside it (described-by, so a screen reader reads it with the field). */
function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: (describedBy: string | undefined) => ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label>
        {label}
        {children(error ? errorId : undefined)}
      </label>
      {error && <p id={errorId} className="error field-error">{error}</p>}
    </div>
  );
}

/**
 * Shared by both forms: the password is sent once and never kept after a
 * refusal; a missing password is caught here, before any call.
 */
function usePasswordForm(submitTo: (password: string) => Promise<FormResult>, onDone: () => void) {
  const [password, setPassword] = useState('');
  const { errors, busy, check, save } = useFormSave();
  const passwordRef = useRef<HTMLInputElement>(null);
  async function submit(event: FormEvent, precheck: () => Record<string, string>) {
    event.preventDefault();
    if (busy) return;
    const problems = precheck();
    if (!password) problems.password = 'Enter your password to sign.';
    if (!check(problems)) {
      if (problems.password && Object.keys(problems).length === 1) passwordRef.current?.focus();
      return;
    }
    await save(async () => {
      const result = await submitTo(password);
      setPassword('');
      return result;
    }, onDone);
  }
  return { password, setPassword, errors, busy, passwordRef, submit };
}

function SignForm() {
  const id = useId();
  const signNote = useSigning((s) => s.signNote);
  const [attestation, setAttestation] = useState(DEFAULT_ATTESTATION);
  const form = usePasswordForm((password) => signNote(attestation.trim(), password), () => undefined);
  const { errors } = form;
  return (
    <form className="record-form sign-form" aria-label="Sign the note" aria-busy={form.busy} noValidate
      onSubmit={(e) => void form.submit(e, (): Record<string, string> => (attestation.trim() ? {} : { attestation: 'Write your attestation.' }))}>
      <h3>Sign the note</h3>
      <p className="muted">
        Signing fixes the note exactly as it reads now, with a SHA-256 fingerprint signed by your key (Ed25519, opened with your password). After that the consent discussion cannot change;
        corrections are added as signed addenda. Checklist changes later in the day do not alter the signed note.
      </p>
      <Field id={`${id}-attestation`} label="Attestation" error={errors.attestation}>
        {(describedBy) => (
          <textarea rows={3} value={attestation} onChange={(e) => setAttestation(e.target.value)}
            aria-invalid={!!errors.attestation} aria-describedby={describedBy} />
        )}
      </Field>
      <Field id={`${id}-password`} label="Your password (signs the note)" error={errors.password}>
        {(describedBy) => (
          <input ref={form.passwordRef} type="password" autoComplete="current-password" value={form.password}
            onChange={(e) => form.setPassword(e.target.value)} aria-invalid={!!errors.password} aria-describedby={describedBy} />
        )}
      </Field>
      <FormFooter errors={formLevel(errors, ['attestation', 'password'])} busy={form.busy} submitLabel="Sign the note" busyText="Signing…" doneText={null} />
    </form>
  );
}

function AddendumForm({ onAdded }: { onAdded: () => void }) {
  const id = useId();
  const addAddendum = useSigning((s) => s.addAddendum);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const form = usePasswordForm((password) => addAddendum(reason.trim(), text.trim(), password), () => {
    setReason('');
    setText('');
    onAdded();
  });
  const { errors } = form;
  const precheck = () => {
    const problems: Record<string, string> = {};
    if (reason.trim().length < 5) problems.reason = 'Give the reason for the addendum (at least 5 characters).';
    if (!text.trim()) problems.text = 'Write the addendum.';
    return problems;
  };
  return (
    <form className="record-form addendum-form" aria-label="Add an addendum" aria-busy={form.busy} noValidate onSubmit={(e) => void form.submit(e, precheck)}>
      <h3>Add an addendum</h3>
      <Field id={`${id}-reason`} label="Reason for the addendum" error={errors.reason}>
        {(describedBy) => (
          <input type="text" value={reason} autoComplete="off" onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!errors.reason} aria-describedby={describedBy} />
        )}
      </Field>
      <Field id={`${id}-text`} label="Addendum" error={errors.text}>
        {(describedBy) => (
          <textarea rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!errors.text} aria-describedby={describedBy} />
        )}
      </Field>
      <Field id={`${id}-password`} label="Your password (signs the addendum)" error={errors.password}>
        {(describedBy) => (
          <input ref={form.passwordRef} type="password" autoComplete="current-password" value={form.password}
            onChange={(e) => form.setPassword(e.target.value)} aria-invalid={!!errors.password} aria-describedby={describedBy} />
        )}
      </Field>
      <FormFooter errors={formLevel(errors, ['reason', 'text', 'password'])} busy={form.busy} submitLabel="Sign the addendum" busyText="Signing…" doneText={null} />
    </form>
  );
}

/**
 * How this read verified the signature, in words: never "verified" for a note
 * signed before cryptographic signatures, whose hash alone was checked. (A
 * signature that fails is never shown: the read is refused with the error.)
 */
export function VerificationState({ verification: v }: { verification: SignatureVerification }) {
  return v.method === 'ed25519'
    ? <p className="verification verified">Signature verified (Ed25519), signing key <code className="hash" title={v.keyId}>{v.keyId.slice(0, 16)}…</code></p>
    : <p className="verification hash-only">Signed before cryptographic signatures (hash only): the SHA-256 matches, but there is no Ed25519 signature to verify.</p>;
}

function AddendumItem({ addendum: a }: { addendum: Addendum }) {
  return (
    <li>
      <p><strong>Addendum {a.seq}</strong> by {a.signedBy.name} ({a.signedBy.role}), {when(a.signedAt)}</p>
      <p>Reason: {a.reason}</p>
      <p className="addendum-text">{a.text}</p>
      <p className="muted">SHA-256 <code className="hash">{a.contentSha256}</code></p>
      <VerificationState verification={a.verification} />
    </li>
  );
}

/**
 * The note could not be read: for a note that fails verification, the
 * headline, what failed and what to do, and nothing of the note itself.
 */
function ReadRefused({ message }: { message: string }) {
  if (!message.startsWith(SIGNATURE_FAILED)) return <p role="alert" className="error">{message}</p>;
  // "<headline> (<what failed>). <what to do>"
  const rest = message.slice(SIGNATURE_FAILED.length).trim();
  const close = rest.startsWith('(') ? rest.indexOf(').') : -1;
  return (
    <div role="alert" className="error signature-failed">
      <p><strong>{SIGNATURE_FAILED}.</strong></p>
      {close > 0 ? <><p>What failed: {rest.slice(1, close)}.</p><p>{rest.slice(close + 2).trim()}</p></> : <p>{rest}</p>}
    </div>
  );
}

/**
 * The note's signature: a physician signs (attestation and password); once
 * signed, who signed when, the content's SHA-256 and how the signature
 * verified on this read, then the addenda in order, and a form to add one
 * (physician or nurse, with their password).
 */
export function NoteSigning() {
  const encounterId = useEncounter((s) => s.encounterId);
  const signature = useSigning((s) => s.signature);
  const signatureError = useSigning((s) => s.signatureError);
  const loadSignature = useSigning((s) => s.loadSignature);
  const role = useSession((s) => s.user?.role);
  const [addedCount, setAddedCount] = useState(0);
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    void loadSignature();
  }, [encounterId, loadSignature]);

  const current = signature?.encounterId === encounterId ? signature : null;
  const note = current?.note ?? null;
  const signedId = note?.id;
  // Once signed, move focus to the signature so a keyboard user hears what happened.
  useEffect(() => {
    if (signedId) status.current?.focus();
  }, [signedId]);

  if (signatureError) return <ReadRefused message={signatureError} />;
  if (!current) return <p className="muted" aria-live="polite">Checking whether the note is signed…</p>;
  if (!note) {
    return role === 'physician'
      ? <SignForm />
      : <p className="muted">Not signed yet. A physician signs the note with their password; it then cannot change.</p>;
  }
  return (
    <div className="signature" aria-label="Signature">
      <p ref={status} tabIndex={-1} className="signed-by">
        Signed by {note.signedBy.name} ({note.signedBy.role}) at {when(note.signedAt)}, SHA-256 <code className="hash">{note.contentSha256}</code>
      </p>
      <VerificationState verification={note.verification} />
      <blockquote className="attestation">{note.attestation}</blockquote>
      <h3>Addenda</h3>
      {current.addenda.length === 0
        ? <p className="muted">No addenda.</p>
        : <ol className="addenda" aria-label="Addenda">{current.addenda.map((a) => <AddendumItem key={a.id} addendum={a} />)}</ol>}
      <p aria-live="polite" className="muted">{addedCount > 0 ? `Addendum ${current.addenda.length} signed.` : ''}</p>
      {(role === 'physician' || role === 'nurse') && <AddendumForm onAdded={() => setAddedCount((n) => n + 1)} />}
    </div>
  );
}
