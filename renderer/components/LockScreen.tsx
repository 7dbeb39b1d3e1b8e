import { useState, type FormEvent } from 'react';
import { formErrors } from '../api/client';
import { useSession } from '../stores/session';
import { AppearanceControls } from './AppearanceControls';
import { useFormSave } from './useFormSave';

/**
 * Shown instead of the whole app while the session is locked: no screen with
 * patient data is mounted, so none of it is in the DOM. Only the signed-in
 * user's password unlocks; anyone else signs this user out first.
 */
export function LockScreen() {
  const user = useSession((s) => s.user);
  const unlock = useSession((s) => s.unlock);
  const logout = useSession((s) => s.logout);
  const [password, setPassword] = useState('');
  const { errors, run } = useFormSave();
  const error = errors.form;

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(() => unlock(password), {
      toErrors: (e) => {
        setPassword('');
        return { form: formErrors(e).password ?? formErrors(e).form ?? 'The password is not right.' };
      },
    });
  }

  return (
    <main className="start">
      <div className="start-tools"><AppearanceControls /></div>
      <h1>ProcedureDesk is locked</h1>
      <form onSubmit={(e) => void submit(e)} className="card" aria-label="Unlock">
        <p>
          Locked for <strong>{user?.displayName}</strong>. Enter your password to continue where you left off.
        </p>
        <label>
          Password
          <input autoFocus type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" aria-invalid={!!error} />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <div className="row">
          <button type="submit" className="primary">Unlock</button>
          <button type="button" className="secondary" onClick={() => void logout()}>
            Sign out (another user)
          </button>
        </div>
      </form>
    </main>
  );
}
