import { useState } from 'react';
import type { FormResult } from '../api/client';
import { useClinicTime } from './useClinicTime';

type Errors = Record<string, string>;

/**
 * A form's save state: busy while its one submission is in flight, the errors
 * it earned (its own checks, then the core's), and when it was last saved.
 * The form itself is then its fields and what it sends.
 */
export function useFormSave() {
  const clock = useClinicTime();
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  /** Shows the form's own problems (none clears the last ones); true when it may send. */
  function check(problems: Errors = {}): boolean {
    if (busy) return false;
    setSavedAt(null);
    setErrors(problems);
    return Object.keys(problems).length === 0;
  }

  /**
   * Sends once, unless a submission is in flight; null once stored, else the
   * errors shown. `onSaved` runs first and may return what to show as saved
   * (else the time). A send that throws shows "<failed>: <why>".
   */
  async function save(send: () => Promise<FormResult>, onSaved?: () => string | void, failed = 'Not saved'): Promise<Errors | null> {
    if (!check()) return {};
    setBusy(true);
    try {
      const result = await send();
      if (result) {
        setErrors(result);
        return result;
      }
      setSavedAt(onSaved?.() || clock.time(Date.now()));
      return null;
    } catch (error) {
      const errors = { form: `${failed}: ${error instanceof Error ? error.message : String(error)}` };
      setErrors(errors);
      return errors;
    } finally {
      setBusy(false);
    }
  }

  return { errors, setErrors, busy, savedAt, check, save };
}
