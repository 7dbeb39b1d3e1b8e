import { useState, type FormEvent } from 'react';
import { formErrors } from '../api/client';
import { computerTimeZone, useSession } from '../stores/session';
import { AppearanceControls } from './AppearanceControls';
import { FirstRunNotes } from './FirstRunNotes';
import { KeyProtectionNotice } from './KeyProtectionNotice';
import { TimeZoneField } from './TimeZoneField';
import { useFormSave } from './useFormSave';

/**
 * First start: create the first administrator (there is no default account).
 * Afterwards: sign in with username and password.
 */
export function SignInScreen() {
  const phase = useSession((s) => s.phase);
  const notice = useSession((s) => s.notice);
  return (
    <main className="start">
      <div className="start-tools"><AppearanceControls /></div>
      <h1>ProcedureDesk</h1>
      <p>Pre-procedure checklists and consent-discussion notes. Works fully offline.</p>
      {notice && <p role="status" className="notice">{notice}</p>}
      <KeyProtectionNotice />
      {phase === 'first-admin' && <FirstRunNotes />}
      {phase === 'first-admin' ? <FirstAdminForm /> : <LoginForm />}
    </main>
  );
}

function LoginForm() {
  const login = useSession((s) => s.login);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { errors, busy, run } = useFormSave();
  const error = errors.form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => login(username, password), {
      toErrors: (e) => {
        setPassword('');
        return { form: formErrors(e).form ?? 'Sign-in failed.' };
      },
    });
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-label="Sign in">
      <label>
        Username
        <input autoFocus value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" autoCapitalize="none" spellCheck={false} />
      </label>
      <label>
        Password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" aria-invalid={!!error} />
      </label>
      {error && <p role="alert" className="error">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>Sign in</button>
    </form>
  );
}

function FirstAdminForm() {
  const setup = useSession((s) => s.setupFirstAdmin);
  // Browser mode: proof of the console that started the app (the launch secret alone is no proof of who is at it).
  const needsCode = useSession((s) => s.needsConsoleCode);
  const [consoleCode, setConsoleCode] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  // The computer's zone (in browser mode, the browser's), changeable here and later in the clinic settings.
  const [timeZone, setTimeZone] = useState(computerTimeZone);
  const { errors, check, run } = useFormSave();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!check(password !== confirm ? { confirm: 'The two passwords differ.' } : {})) return;
    await run(() => setup({ username, displayName, password, timeZone: timeZone.trim(), ...(needsCode ? { consoleCode } : {}) }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-label="Create the first administrator">
      <h2>Create the first administrator</h2>
      <p>There are no accounts yet. The administrator creates the accounts of physicians and nurses; this account cannot see patient records.</p>
      <label>
        Username
        <input autoFocus value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" aria-invalid={!!errors.username} />
        {errors.username && <span className="error">{errors.username}</span>}
      </label>
      <label>
        Full name (as records will show it)
        <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="name" aria-invalid={!!errors.displayName} />
        {errors.displayName && <span className="error">{errors.displayName}</span>}
      </label>
      <label>
        Password (at least 10 characters)
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-invalid={!!errors.password} />
        {errors.password && <span className="error">{errors.password}</span>}
      </label>
      <label>
        Password again
        <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" aria-invalid={!!errors.confirm} />
        {errors.confirm && <span className="error">{errors.confirm}</span>}
      </label>
      <TimeZoneField value={timeZone} onChange={setTimeZone} error={errors.timeZone} />
      {needsCode && (
        <label>
          One-time code (printed in the console window that started ProcedureDesk)
          <input value={consoleCode} onChange={(e) => setConsoleCode(e.target.value)} autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} aria-invalid={!!errors.consoleCode} />
          {errors.consoleCode && <span className="error">{errors.consoleCode}</span>}
        </label>
      )}
      {errors.form && <p role="alert" className="error">{errors.form}</p>}
      <button type="submit" className="primary">Create administrator</button>
    </form>
  );
}
