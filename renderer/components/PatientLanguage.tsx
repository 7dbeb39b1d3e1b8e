/**
 * The patient's preferred language in the encounter's plan, with a way to correct it: the
 * handout and the teach-back follow it, so a language chosen wrongly at registration would
 * put papers in the patient's hands that they cannot read. Each change is kept with who and when.
 */
import { useState, type FormEvent } from 'react';
import { languageLabel } from '#shared/domain/languages';
import { useEncounter } from '../stores/encounter';
import { usePatientFacts } from '../stores/patient-facts';
import { useSession } from '../stores/session';
import { LanguageSelect } from './LanguageSelect';
import { firstError, useFormSave } from './useFormSave';

export function PatientLanguage() {
  const language = useEncounter((s) => s.detail!.patient.language);
  const setLanguage = usePatientFacts((s) => s.setLanguage);
  const clinical = useSession((s) => s.user?.role === 'nurse' || s.user?.role === 'physician');
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const { errors, busy, save } = useFormSave();
  const error = firstError(errors);
  const shown = language ? languageLabel(language) : 'Not recorded';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!(await save(() => setLanguage(value || null)))) setEditing(false);
  }
  if (!editing) {
    return (
      <>
        {shown}{' '}
        {clinical && <button type="button" className="link" aria-label={`Change the preferred language (now ${shown})`} onClick={() => { setValue(language ?? ''); setEditing(true); }}>
          Change
        </button>}
      </>
    );
  }
  return (
    <form className="row language-change" aria-label="Preferred language" onSubmit={(e) => void submit(e)}>
      <LanguageSelect label="Preferred language" value={value} onChange={setValue} emptyLabel="Not recorded" autoFocus />
      <button type="submit" className="primary" disabled={busy || value === (language ?? '')}>Save language</button>
      <button type="button" className="secondary" onClick={() => setEditing(false)}>Cancel</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
