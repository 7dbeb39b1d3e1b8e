/**
 * A patient-facing text as the consent discussion shows it: English, or, while the teach-back
 * view is on, the patient's-language wording in its place, marked when no clinician has reviewed
 * it, or marked "not translated" where there is none (shared/library/translations.ts).
 */
import { patientWording } from '#shared/library/translations';
import { TEACH_BACK_TEXTS } from '#shared/workflow/patient-facing-texts';
import { useConsent } from '../stores/consent';

export function PatientWording({ english }: { english: string }) {
  const lang = useConsent((s) => s.teachBackLanguage);
  if (!lang) return <>{english}</>;
  const wording = patientWording(english, lang);
  if (wording.state === 'source') return <>{english}</>;
  if (wording.state === 'not-translated') return <>{english} <span className="badge muted">not translated</span></>;
  const mark = patientWording(TEACH_BACK_TEXTS.notReviewed, lang);
  return (
    <>
      <span lang={wording.lang}>{wording.text}</span>
      {wording.state === 'not-reviewed' && (
        <> <span className="badge review" title={`${TEACH_BACK_TEXTS.notReviewed}: this translation has not been checked`}>
          {TEACH_BACK_TEXTS.notReviewed}{mark.state !== 'not-translated' && <span lang={mark.lang}> · {mark.text}</span>}
        </span></>
      )}
    </>
  );
}
