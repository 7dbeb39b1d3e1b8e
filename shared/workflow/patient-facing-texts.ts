/**
 * Every English text the app can put before a patient, with where it comes from: each template
 * version's patient wording (library/patient-text.ts), every discharge instruction line, every
 * blood-thinner restart line, the fixed teach-back wording of the consent panel and the handout's
 * own headings and marks. The
 * translations test holds each one to a translation or an explicit "not translated" mark.
 */
import { ANTICOAGULANT_TABLE, RISK_CLASSES } from '../clinical/anticoagulant-table';
import { LIBRARY_VERSIONS } from '../library/index';
import { patientTexts, placeOf } from '../library/patient-text';
import { HANDOUT_FIXED_TEXT } from '../note/handout-text';
import { dischargeInstructions, restartInstructions } from './discharge-instructions';

/** Fixed patient-facing words the consent panel's teach-back view adds (renderer/components/ConsentTeachBack.tsx). */
export const TEACH_BACK_TEXTS = {
  notReviewed: 'Not reviewed by a clinician',
} as const;

export interface PatientFacingText {
  english: string;
  /** Where it is shown, for a test's message: 'lumbar-transforaminal-esi v2 risks/infection'. */
  where: string;
}

export function patientFacingTexts(): PatientFacingText[] {
  const texts: PatientFacingText[] = LIBRARY_VERSIONS.flatMap(patientTexts).map((p) => ({ english: p.text, where: placeOf(p) }));
  for (const template of LIBRARY_VERSIONS) {
    for (const sedationPlanned of [false, true]) {
      for (const line of dischargeInstructions(template, { sedationPlanned })) {
        texts.push({ english: line.text, where: `discharge ${template.id} v${template.version}/${line.id}` });
      }
    }
  }
  // Every branch of the restart line: each drug at each bleeding-risk class, and a drug the table does not hold.
  const drugIds = [...ANTICOAGULANT_TABLE.map((r) => r.id), 'not-in-the-table'];
  for (const riskClass of RISK_CLASSES) {
    for (const line of restartInstructions(drugIds, riskClass, '2026-01-05T15:00:00.000Z', 'America/New_York')) {
      texts.push({ english: line.text, where: `restart ${line.id} (${riskClass} risk)` });
    }
  }
  Object.entries(TEACH_BACK_TEXTS).forEach(([id, english]) => texts.push({ english, where: `consent teach-back/${id}` }));
  // The procedure's name heads the take-home handout.
  for (const template of LIBRARY_VERSIONS) texts.push({ english: template.name, where: `handout title ${template.id} v${template.version}` });
  // The take-home handout's own headings, labels and marks (shared/note/handout-text.ts).
  HANDOUT_FIXED_TEXT.forEach((english) => texts.push({ english, where: 'patient handout' }));
  return texts;
}
