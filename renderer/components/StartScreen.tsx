import { useState, type FormEvent } from 'react';
import type { Role } from '#shared/contract/common';
import { useSession } from '../stores/session';

/** Until accounts exist: the user names themself and picks a role; every write records it. */
export function StartScreen() {
  const remembered = useSession((s) => s.remembered);
  const start = useSession((s) => s.start);
  const [name, setName] = useState(remembered?.name ?? '');
  const [role, setRole] = useState<Role>(remembered?.role ?? 'nurse');
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setError('Enter your name as it should appear in the record.');
      return;
    }
    start({ name, role });
  }

  return (
    <main className="start">
      <h1>ProcedureDesk</h1>
      <p>Pre-procedure checklists and consent-discussion notes. Works fully offline.</p>
      <form onSubmit={submit} className="card" aria-label="Start session">
        <label>
          Your name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" aria-invalid={!!error} />
        </label>
        {error && <p role="alert" className="error">{error}</p>}
        <fieldset>
          <legend>Role</legend>
          {(['nurse', 'physician'] as const).map((r) => (
            <label key={r} className="choice">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {r === 'nurse' ? 'Nurse' : 'Physician'}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary">Start</button>
      </form>
    </main>
  );
}
