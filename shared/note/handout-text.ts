/**
 * The patient handout's own words (headings, marks, labels) and the one way every
 * patient-facing string reaches the handout: a Wording function, the translation
 * lookup's signature (the library's `patientWording`, wired where the handout is made).
 */
import type { ImagingModality } from '../library/schema';
import { REVIEW_NOTE } from '../workflow/discharge-instructions';

/**
 * 'source': the English the library holds; 'reviewed' / 'not-reviewed': a translation a
 * clinician has or has not reviewed; 'not-translated': no translation, the English is returned.
 */
export type WordingState = 'reviewed' | 'not-reviewed' | 'source' | 'not-translated';
export type Wording = (english: string, lang: string) => { text: string; lang: string; state: WordingState };

export const HEADINGS = {
  what: 'What this procedure is',
  happens: 'What happens',
  risks: 'Risks',
  choices: 'Other choices',
  after: 'After the procedure',
  help: 'Get help at once if',
  thinner: 'Your blood thinner',
  followUp: 'Follow-up',
} as const;
export type HandoutSectionId = keyof typeof HEADINGS;

export const NOT_REVIEWED = 'Not reviewed by a clinician';
export const NOT_TRANSLATED = '(English: not yet translated)';
export const IMAGING_USED = 'Imaging used:';
/** The modality in words a patient knows (the chart's word in brackets, as the screens write it). */
export const IMAGING_WORDS: Readonly<Record<ImagingModality, string>> = {
  fluoroscopy: 'X-ray (fluoroscopy)',
  ultrasound: 'Ultrasound',
  ct: 'CT scan',
};
export const CONTACT_WORDS = { visit: 'Clinic visit', phone: 'Phone call' } as const;
/** Before the procedure has ended there is no restart time yet: the handout says when it will be given. */
export const RESTART_LATER = 'We will tell you when to start it again, after the procedure.';
export const NO_FOLLOW_UP = 'No follow-up is booked yet. Ask us when to come back.';
export const CLINIC_PHONE = 'Clinic phone:';
export const EMERGENCY = 'Emergency: 911';

/** Every fixed string the handout prints, for the translation list's completeness test. */
export const HANDOUT_FIXED_TEXT: readonly string[] = [
  ...Object.values(HEADINGS),
  NOT_REVIEWED, NOT_TRANSLATED, IMAGING_USED, ...Object.values(IMAGING_WORDS),
  ...Object.values(CONTACT_WORDS), RESTART_LATER, NO_FOLLOW_UP, CLINIC_PHONE, EMERGENCY, REVIEW_NOTE,
];
