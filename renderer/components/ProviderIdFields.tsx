/**
 * Provider identifiers on the Users screen (issue 19): the NPI (its check digit checked by the core),
 * a local provider id, and the family and given name the chart files them under. A physician needs an
 * NPI or a local id before their signed notes can go to the chart; the list says so beside the account.
 */
import { useState, type FormEvent } from 'react';
import type { User } from '#shared/contract/auth';
import type { ProviderIdentity } from '#shared/contract/users-provider';
import { useUsers } from '../stores/users';
import { useFormSave } from './useFormSave';

export interface ProviderDraft { npi: string; localId: string; familyName: string; givenName: string }
export const EMPTY_PROVIDER: ProviderDraft = { npi: '', localId: '', familyName: '', givenName: '' };

/** All four empty: no identifiers (null). Otherwise sent as typed for the core to refuse by field. */
export function providerFromDraft(d: ProviderDraft): ProviderIdentity | null {
  if (![d.npi, d.localId, d.familyName, d.givenName].some((v) => v.trim())) return null;
  return { npi: d.npi.trim() || null, localId: d.localId.trim() || null, familyName: d.familyName.trim(), givenName: d.givenName.trim() };
}

const FIELDS: { key: keyof ProviderDraft; label: string; hint?: string }[] = [
  { key: 'npi', label: 'NPI (10 digits)', hint: 'The National Provider Identifier; its last digit is checked' },
  { key: 'localId', label: 'Local provider id', hint: "The clinic's or EHR's own number for this clinician, if it uses one" },
  { key: 'familyName', label: 'Family name (as the chart files it)' },
  { key: 'givenName', label: 'Given name' },
];

/** The four fields, each with its error beside it (errors keyed `provider.<field>`). */
export function ProviderFields({ value, onChange, errors }: { value: ProviderDraft; onChange: (d: ProviderDraft) => void; errors: Record<string, string | undefined> }) {
  return (
    <fieldset className="fields-two">
      <legend>Provider identifiers (physicians: needed before their notes go to the chart)</legend>
      {FIELDS.map((f) => {
        const error = errors[`provider.${f.key}`];
        return (
          <label key={f.key}>
            {f.label}
            <input value={value[f.key]} inputMode={f.key === 'npi' ? 'numeric' : undefined} onChange={(e) => onChange({ ...value, [f.key]: e.target.value })} aria-invalid={!!error} />
            {f.hint && <span className="hint">{f.hint}</span>}
            {error && <span className="error">{error}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}

/** What the accounts list shows of a person's identifiers, and a physician's missing ones as a warning. */
export function ProviderIdsCell({ user }: { user: User }) {
  const p = user.provider;
  if (p) return <>{[p.npi && `NPI ${p.npi}`, p.localId && `Local ${p.localId}`].filter(Boolean).join(', ')}</>;
  if (user.role === 'physician') return <strong className="error">No NPI or local id: their signed notes cannot go to the chart</strong>;
  return <>None</>;
}

/** Set, change or clear an existing account's identifiers. */
export function ProviderIdForm() {
  const users = useUsers((s) => s.users);
  const setProvider = useUsers((s) => s.setProvider);
  const [userId, setUserId] = useState('');
  const [draft, setDraft] = useState<ProviderDraft>(EMPTY_PROVIDER);
  const { errors, setErrors, savedAt: done, run } = useFormSave();

  const choose = (id: string) => {
    setUserId(id);
    const p = users.find((u) => u.id === id)?.provider;
    setDraft(p ? { npi: p.npi ?? '', localId: p.localId ?? '', familyName: p.familyName, givenName: p.givenName } : EMPTY_PROVIDER);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!userId) return setErrors({ userId: 'Choose the account.' });
    await run(() => setProvider(userId, providerFromDraft(draft)), {
      onSaved: () => `Provider identifiers saved for ${users.find((u) => u.id === userId)?.displayName ?? 'the account'}.`,
    });
  }

  return (
    <form className="card" aria-label="Provider identifiers" onSubmit={(e) => void submit(e)}>
      <h2>Provider identifiers</h2>
      <label>
        Account
        <select value={userId} onChange={(e) => choose(e.target.value)} aria-invalid={!!errors.userId}>
          <option value="">Choose…</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
        </select>
        {errors.userId && <span className="error">{errors.userId}</span>}
      </label>
      <ProviderFields value={draft} onChange={setDraft} errors={errors} />
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary">Save provider identifiers</button>
    </form>
  );
}
