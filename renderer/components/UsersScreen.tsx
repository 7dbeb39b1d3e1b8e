import { NoteFieldsForm, OutboxSettingsForm } from './NoteExportSettings';
import { DeliverySettingsForm } from './DeliverySettingsForm';
import { ScheduleSettingsForm } from './ScheduleSettingsForm';
import { useEffect, useState, type FormEvent } from 'react';
import type { User } from '#shared/contract/auth';
import type { Role } from '#shared/contract/common';
import { formErrors } from '../api/client';
import { useSession } from '../stores/session';
import { useUsers } from '../stores/users';
import { ScreenTabs } from './ScreenTabs';
import { useClinicTime } from './useClinicTime';
import { TimeZoneField } from './TimeZoneField';
import { useFormSave } from './useFormSave';
import { EMPTY_PROVIDER, ProviderFields, ProviderIdForm, ProviderIdsCell, providerFromDraft } from './ProviderIdFields';

const ROLE_LABELS: Record<Role, string> = { physician: 'Physician', nurse: 'Nurse', admin: 'Administrator', records: 'Records (sends signed notes to the chart)' };

/** The administrator's screen: one account per person, and the clinic settings. */
export function UsersScreen() {
  const clock = useClinicTime();
  const { users, settings, load, setActive, clearLockout } = useUsers();
  const me = useSession((s) => s.user);
  // Errors without a save: the list's loads and row actions each report what the core refused.
  const { errors, setErrors } = useFormSave();
  const error = errors.form;
  useEffect(() => {
    void load().catch((e: unknown) => setErrors({ form: formErrors(e).form ?? '' }));
  }, [load, setErrors]);

  const act = (work: Promise<void>) => void work.catch((e: unknown) => setErrors({ form: formErrors(e).form ?? '' }));

  return (
    <section className="screen" aria-labelledby="users-title">
      <h1 id="users-title">Users & settings</h1>
      {error && <p role="alert" className="error">{error}</p>}
      {/* Accounts, the clinic's settings and the note's fields on tabs (issue 18: at most 3 viewport heights). */}
      <ScreenTabs label="Users and settings" tabs={[
        { id: 'accounts', label: 'Accounts', panel: (
          <>
            <table className="table" aria-label="Accounts">
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Username</th>
                  <th>Role</th>
                  <th>Provider ids</th>
                  <th>Status</th>
                  <th>Account history</th>
                  <th>Actions</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id}>
                    <td>{u.displayName}</td>
                    <td>{u.username}</td>
                    <td>{ROLE_LABELS[u.role]}</td>
                    <td><ProviderIdsCell user={u} /></td>
                    <td>{!u.active ? 'Deactivated' : u.lockedUntil ? `Locked after failed sign-ins (until ${clock.time(u.lockedUntil)})` : 'Active'}</td>
                    <td><AccountHistory user={u} /></td>
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
            <div className="forms-two">
              <NewUserForm />
              <div>
                <ProviderIdForm />
                <ResetPasswordForm />
              </div>
            </div>
          </>
        ) },
        { id: 'settings', label: 'Clinic settings', panel: settings && <SettingsForm /> },
        // Identity, site mapping and delivery for the EHR: a tab of its own, as IT sets it up once.
        { id: 'chart-exports', label: 'Chart exports', panel: settings && <OutboxSettingsForm /> },
        { id: 'note-fields', label: 'Note fields', panel: settings && <NoteFieldsForm /> },
        // Delivery channels and schedule sources (issue 19 points 5, 6): set once by IT, side by side.
        { id: 'connections', label: 'Connections', panel: settings && <div className="connections-grid"><DeliverySettingsForm /><ScheduleSettingsForm /></div> },
      ]} />
    </section>
  );
}

/** Who made the account (and whether for themself), the last reset, and its signing key: what a reviewer checks. */
function AccountHistory({ user: u }: { user: User }) {
  const clock = useClinicTime();
  return (
    <ul className="plain account-history">
      {u.createdForSelf
        ? <li><strong className="mark self-made">Created by administrator {u.createdBy} for themself</strong></li>
        : <li>{u.createdBy ? `Created by ${u.createdBy}` : 'First administrator'}</li>}
      {u.passwordResetAt && <li>Password reset by {u.passwordResetBy} on {clock.dateTime(u.passwordResetAt)} (new signing key)</li>}
      {u.signingKeyId && <li>Signing key <code className="hash" title={u.signingKeyId}>{u.signingKeyId.slice(0, 16)}…</code></li>}
    </ul>
  );
}

type Holder = 'someone-else' | 'self';

function NewUserForm() {
  const create = useUsers((s) => s.create);
  const me = useSession((s) => s.user);
  const [form, setForm] = useState({ username: '', displayName: '', role: 'nurse' as Role, password: '' });
  // No default: the administrator says whose account it is every time.
  const [holder, setHolder] = useState<Holder | null>(null);
  const [provider, setProvider] = useState(EMPTY_PROVIDER);
  const { errors, savedAt: done, check, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check(holder ? {} : { holder: 'Say whose account this is.' }) || !holder) return;
    const created = await run(() => create({ ...form, holder, provider: providerFromDraft(provider) }), {
      onSaved: () => holder === 'self'
        ? `Account created for you (${form.displayName}). It is marked as made by you for yourself, on this list, in its own header and in the audit trail.`
        : `Account created for ${form.displayName}. Give them the initial password privately.`,
    });
    if (created) return;
    setForm({ username: '', displayName: '', role: form.role, password: '' });
    setProvider(EMPTY_PROVIDER);
    setHolder(null);
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
      <fieldset aria-invalid={!!errors.holder}>
        <legend>Whose account is this?</legend>
        <label className="choice">
          <input type="radio" name="holder" checked={holder === 'someone-else'} onChange={() => setHolder('someone-else')} />
          Someone else&apos;s (I give them the initial password privately)
        </label>
        <label className="choice">
          <input type="radio" name="holder" checked={holder === 'self'} onChange={() => setHolder('self')} />
          Mine{me ? ` (${me.displayName})` : ''}: it will be marked, for good, as created by me for myself
        </label>
        {errors.holder && <span className="error">{errors.holder}</span>}
      </fieldset>
      <label>
        Initial password (at least 10 characters)
        <input type="password" autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} aria-invalid={!!errors.password} />
        {errors.password && <span className="error">{errors.password}</span>}
      </label>
      <ProviderFields value={provider} onChange={setProvider} errors={errors} />
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary">Create account</button>
    </form>
  );
}

/** An administrator resets another account's password; the holder's signing key is replaced (old signatures still verify). */
function ResetPasswordForm() {
  const users = useUsers((s) => s.users);
  const reset = useUsers((s) => s.resetPassword);
  const me = useSession((s) => s.user);
  const others = users.filter((u) => u.id !== me?.id);
  const [form, setForm] = useState({ userId: '', newPassword: '', adminPassword: '' });
  const { errors, setErrors, savedAt: done, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    // A missing account leaves the last reset's message standing.
    if (!form.userId) return setErrors({ userId: 'Choose the account to reset.' });
    const refused = await run(() => reset(form), {
      onSaved: () => {
        const who = users.find((u) => u.id === form.userId)?.displayName ?? 'the account';
        return `Password reset for ${who}; they were signed out and hold a new signing key. Give them the new password privately.`;
      },
    });
    if (!refused) setForm({ userId: '', newPassword: '', adminPassword: '' });
  }

  return (
    <form className="card" aria-label="Reset a password" onSubmit={(e) => void submit(e)}>
      <h2>Reset a password</h2>
      <p className="hint">For someone who has forgotten theirs. It issues them a new signing key; what their old key signed still verifies. The reset is shown on this list and audited.</p>
      <label>
        Account
        <select value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })} aria-invalid={!!errors.userId}>
          <option value="">Choose…</option>
          {others.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({ROLE_LABELS[u.role]})</option>)}
        </select>
        {errors.userId && <span className="error">{errors.userId}</span>}
      </label>
      <label>
        New password (at least 10 characters)
        <input type="password" autoComplete="new-password" value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} aria-invalid={!!errors.newPassword} />
        {errors.newPassword && <span className="error">{errors.newPassword}</span>}
      </label>
      <label>
        Your own password
        <input type="password" autoComplete="current-password" value={form.adminPassword} onChange={(e) => setForm({ ...form, adminPassword: e.target.value })} aria-invalid={!!(errors.adminPassword ?? errors.password)} />
        {(errors.adminPassword ?? errors.password) && <span className="error">{errors.adminPassword ?? errors.password}</span>}
      </label>
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary">Reset the password</button>
    </form>
  );
}

function SettingsForm() {
  const settings = useUsers((s) => s.settings)!;
  const save = useUsers((s) => s.saveSettings);
  const [idle, setIdle] = useState(String(settings.idleLockMinutes));
  const [inr, setInr] = useState(settings.inrThreshold === null ? '' : String(settings.inrThreshold));
  const [zone, setZone] = useState(settings.timeZone);
  const [followUpDays, setFollowUpDays] = useState(settings.followUpAfterDays === null ? '' : String(settings.followUpAfterDays));
  const { errors, savedAt, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      await save({ idleLockMinutes: Number(idle), inrThreshold: inr.trim() === '' ? null : Number(inr), timeZone: zone.trim(),
        followUpAfterDays: followUpDays.trim() === '' ? null : Number(followUpDays) });
      useSession.getState().setTimeZone(zone.trim());
    });
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
        Usual first follow-up, in days after the procedure (for the follow-ups due list)
        <input inputMode="numeric" value={followUpDays} onChange={(e) => setFollowUpDays(e.target.value)} placeholder="not set" aria-invalid={!!errors.followUpAfterDays} />
        <span className="hint">A clinic choice: the procedure library states no follow-up interval. Until it is set, only contacts someone planned are listed as due.</span>
        {errors.followUpAfterDays && <span className="error">{errors.followUpAfterDays}</span>}
      </label>
      <TimeZoneField value={zone} onChange={setZone} error={errors.timeZone} />
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      {savedAt && <p role="status">Settings saved.</p>}
      <button type="submit" className="primary">Save settings</button>
    </form>
  );
}
