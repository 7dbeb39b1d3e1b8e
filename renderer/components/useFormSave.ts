import { useState } from 'react';
import { formErrors, type FormResult } from '../api/client';
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

  /**
   * The same for a store action that throws when refused rather than answering
   * errors: `toErrors` turns what it threw into the errors shown (and may tidy
   * the form, e.g. clear a password field).
   */
  function run(action: () => Promise<unknown>, options: { onSaved?: () => string | void; toErrors?: (error: unknown) => Errors } = {}): Promise<Errors | null> {
    const { onSaved, toErrors = formErrors } = options;
    return save(async () => {
      try {
        await action();
        return null;
      } catch (error) {
        return toErrors(error);
      }
    }, onSaved);
  }

  return { errors, setErrors, busy, savedAt, check, save, run };
}

/** The one message a compact form shows: the first of its errors (`fallback` if a refusal named none), else null. */
export function firstError(errors: Errors, fallback = 'Not saved.'): string | null {
  if (Object.keys(errors).length === 0) return null;
  return Object.values(errors)[0] || fallback;
}
