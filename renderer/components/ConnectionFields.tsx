/** The fields the Connections tab's two forms share: a labelled text field, a channel's on/off box, and FHIR authentication. */
import { useId, type ReactNode } from 'react';
import type { AuthDraft, AuthKind } from './connections-draft';

/** A text field whose name is its label alone; its hint and its error are tied to it by aria-describedby. */
export function TextField({ label, hint, value, error, numeric, onChange }: {
  label: string; hint?: string; value: string; error?: string; numeric?: boolean; onChange: (v: string) => void;
}) {
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="text-field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} inputMode={numeric ? 'numeric' : undefined} aria-invalid={!!error}
        aria-describedby={described || undefined} />
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="error">{error}</span>}
    </div>
  );
}

/** One channel or source: its box turns it on (off stores null), and its fields show only while it is on. */
export function Channel({ label, on, onToggle, children }: { label: string; on: boolean; onToggle: (on: boolean) => void; children: ReactNode }) {
  return (
    <fieldset className={on ? 'channel' : 'channel off'}>
      <legend>
        <label className="choice">
          <input type="checkbox" checked={on} onChange={(e) => onToggle(e.target.checked)} />
          {label}
        </label>
      </legend>
      {on && children}
    </fieldset>
  );
}

const SECRET_HINT = (what: string) => `An absolute path to a file only this computer's user can read; the ${what} itself is never stored.`;
const AUTH_LABELS: Record<AuthKind, string> = { none: 'None', bearer: 'Bearer token from a file', smart: 'SMART Backend Services' };

/**
 * How the app proves who it is to a FHIR server. Secrets are never typed in: the token or private key
 * stays in an owner-only file, and the settings hold only its path (delivery-settings.ts).
 */
export function FhirAuthFields({ name, kinds, draft, onChange, error }: {
  name: string; kinds: readonly AuthKind[]; draft: AuthDraft; onChange: (d: AuthDraft) => void; error: (key: string) => string | undefined;
}) {
  const set = <K extends keyof AuthDraft>(key: K, value: AuthDraft[K]) => onChange({ ...draft, [key]: value });
  return (
    <fieldset>
      <legend>Authentication</legend>
      <div className="choices">
        {kinds.map((kind) => (
          <label key={kind} className="choice">
            <input type="radio" name={name} checked={draft.kind === kind} onChange={() => set('kind', kind)} />
            {AUTH_LABELS[kind]}
          </label>
        ))}
      </div>
      {error('') && <span className="error">{error('')}</span>}
      {draft.kind === 'bearer' && (
        <TextField label="Bearer token file" hint={SECRET_HINT('token')} value={draft.tokenFile} error={error('tokenFile')} onChange={(v) => set('tokenFile', v)} />
      )}
      {draft.kind === 'smart' && (
        <>
          <div className="field-row">
            <TextField label="SMART client id" value={draft.clientId} error={error('clientId')} onChange={(v) => set('clientId', v)} />
            <TextField label="Key id (kid; empty if none)" value={draft.keyId} error={error('keyId')} onChange={(v) => set('keyId', v)} />
            <label>
              Signing algorithm
              <select value={draft.algorithm} onChange={(e) => set('algorithm', e.target.value as AuthDraft['algorithm'])}>
                <option value="RS384">RS384 (RSA)</option>
                <option value="ES384">ES384 (EC P-384)</option>
              </select>
            </label>
          </div>
          <TextField label="Private key file (PEM)" hint={SECRET_HINT('key')} value={draft.privateKeyFile} error={error('privateKeyFile')} onChange={(v) => set('privateKeyFile', v)} />
          <TextField label="Scope" hint="Scopes separated by single spaces, e.g. system/DocumentReference.write" value={draft.scope} error={error('scope')} onChange={(v) => set('scope', v)} />
        </>
      )}
    </fieldset>
  );
}
