/**
 * The patient's preferred language in the encounter's plan, with a way to correct it: the
 * handout and the teach-back follow it, so a language chosen wrongly at registration would
 * put papers in the patient's hands that they cannot read. Each change is kept with who and when.
 */
import { languageLabel } from '#shared/domain/languages';
import { useEncounter } from '../stores/encounter';
import { usePatientFacts } from '../stores/patient-facts';
import { EditableDetail } from './EditableDetail';
import { LanguageSelect } from './LanguageSelect';

export function PatientLanguage() {
  const language = useEncounter((s) => s.detail!.patient.language);
  const setLanguage = usePatientFacts((s) => s.setLanguage);
  return (
    <EditableDetail
      label="Preferred language" saveLabel="Save language"
      shown={language ? languageLabel(language) : 'Not recorded'} current={language ?? ''}
      field={(value, onChange) => <LanguageSelect label="Preferred language" value={value} onChange={onChange} emptyLabel="Not recorded" autoFocus />}
      save={(value) => setLanguage(value || null)}
    />
  );
}
