import { NoteFieldsForm, OutboxSettingsForm } from './NoteExportSettings';
import { useEffect, useState, type FormEvent } from 'react';
import type { Role } from '#shared/contract/common';
import { formErrors } from '../api/client';
import { useSession } from '../stores/session';
import { useUsers } from '../stores/users';

const ROLE_LABELS: Record<Role, string> = { physician: 'Physician', nurse: 'Nurse', admin: 'Administrator' };

/** The administrator's screen: one account per person, and the clinic settings. */
export function UsersScreen() {
  const { users, settings, load, setActive, clearLockout } = useUsers();
  const me = useSession((s) => s.user);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void load().catch((e: unknown) => setError(formErrors(e).form ?? null));
  }, [load]);

  const act = (work: Promise<void>) => void work.catch((e: unknown) => setError(formErrors(e).form ?? null));

  return (
    <section className="screen" aria-labelledby="users-title">
      <h1 id="users-title">Users & settings</h1>
      {error && <p role="alert" className="error">{error}</p>}
      <table className="table" aria-label="Accounts">
        <thead>
          <tr>
            <th>Name</th>
            <th>Username</th>
            <th>Role</th>
            <th>Status</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.displayName}</td>
              <td>{u.username}</td>
              <td>{ROLE_LABELS[u.role]}</td>
              <td>{!u.active ? 'Deactivated' : u.lockedUntil ? `Locked after failed sign-ins (until ${new Date(u.lockedUntil).toLocaleTimeString()})` : 'Active'}</td>
              <td className="row">
                {u.lockedUntil && (
                  <button type="button" className="secondary" onClick={() => act(clearLockout(u.id))}>
                    Lift lock
                  </button>
                )}
                {u.id !== me?.id && (
                  <button type="button" className="secondary" onClick={() => act(setActive(u.id, !u.active))}>
                    {u.active ? 'Deactivate' : 'Reactivate'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUserForm />
      {settings && <SettingsForm />}
      {settings && <OutboxSettingsForm />}
      {settings && <NoteFieldsForm />}
    </section>
  );
}

function NewUserForm() {
  const create = useUsers((s) => s.create);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'nurse' as Role, password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await create(form);
      setDone(`Account created for ${form.displayName}. Give them the initial password privately.`);
      setForm({ username: '', displayName: '', role: form.role, password: '' });
      setErrors({});
    } catch (e) {
      setErrors(formErrors(e));
      setDone(null);
    }
  }

  return (
    <form className="card" aria-label="New account" onSubmit={(e) => void submit(e)}>
      <h2>New account</h2>
      <label>
        Full name (as records will show it)
        <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} aria-invalid={!!errors.displayName} />
        {errors.displayName && <span className="error">{errors.displayName}</span>}
      </label>
      <label>
        Username
        <input value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} autoCapitalize="none" aria-invalid={!!errors.username} />
        {errors.username && <span className="error">{errors.username}</span>}
      </label>
      <label>
        Role
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
          {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Initial password (at least 10 characters)
        <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} aria-invalid={!!errors.password} />
        {errors.password && <span className="error">{errors.password}</span>}
      </label>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary">Create account</button>
    </form>
  );
}

function SettingsForm() {
  const settings = useUsers((s) => s.settings)!;
  const save = useUsers((s) => s.saveSettings);
  const [idle, setIdle] = useState(String(settings.idleLockMinutes));
  const [inr, setInr] = useState(settings.inrThreshold === null ? '' : String(settings.inrThreshold));
  const [zone, setZone] = useState(settings.timeZone);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await save({ idleLockMinutes: Number(idle), inrThreshold: inr.trim() === '' ? null : Number(inr), timeZone: zone.trim() });
      setErrors({});
      setSaved(true);
    } catch (e) {
      setErrors(formErrors(e));
      setSaved(false);
    }
  }

  return (
    <form className="card" aria-label="Clinic settings" onSubmit={(e) => void submit(e)}>
      <h2>Clinic settings</h2>
      <label>
        Lock the session after this many idle minutes
        <input inputMode="numeric" value={idle} onChange={(e) => setIdle(e.target.value)} aria-invalid={!!errors.idleLockMinutes} />
        {errors.idleLockMinutes && <span className="error">{errors.idleLockMinutes}</span>}
      </label>
      <label>
        Normal INR threshold set by your laboratory (INR at or below it counts as normal)
        <input inputMode="decimal" value={inr} onChange={(e) => setInr(e.target.value)} placeholder="not set" aria-invalid={!!errors.inrThreshold} />
        <span className="hint">Narouze 2018 asks for a "normal INR" and gives no number for pain procedures; until this is set, warfarin checks cannot clear.</span>
        {errors.inrThreshold && <span className="error">{errors.inrThreshold}</span>}
      </label>
      <label>
        Clinic time zone (IANA name)
        <input value={zone} onChange={(e) => setZone(e.target.value)} aria-invalid={!!errors.timeZone} />
        {errors.timeZone && <span className="error">{errors.timeZone}</span>}
      </label>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {saved && <p role="status">Settings saved.</p>}
      <button type="submit" className="primary">Save settings</button>
    </form>
  );
}
