/**
 * The library's patient-facing wording, as the consent panel, the checklist and the chart
 * note put it before the patient (shared/note/content.ts, renderer/components/ConsentPanel.tsx,
 * shared/domain/checklist.ts): each risk's patientText; each counselling fact's patientText;
 * the expected benefit and each alternative (their patientText, else their text, which is
 * then what the patient hears); and the patientText of any other fact. The wording rules
 * (readability, frequencies) are tested on exactly this.
 */
import type { Risk, Template } from './schema';

export type PatientTextPart =
  | 'risks' | 'requiredCounselling' | 'expectedBenefit' | 'alternatives'
  | 'indications' | 'contraindications' | 'imaging.checks' | 'monitoring' | 'followUp';

export interface PatientText {
  templateId: string;
  version: number;
  part: PatientTextPart;
  /** The fact's checklist id. */
  factId: string;
  text: string;
  /** Set for a risk: its frequency field and incidence go with the words. */
  risk?: Risk;
}

/** Where each patient-facing text is, in the order the note shows them. */
export function patientTexts(t: Template): PatientText[] {
  const at = (part: PatientTextPart, factId: string, text: string, risk?: Risk): PatientText =>
    ({ templateId: t.id, version: t.version, part, factId, text, ...(risk ? { risk } : {}) });
  const said = (part: PatientTextPart, facts: readonly { id: string; patientText?: string | undefined }[]) =>
    facts.flatMap((f) => (f.patientText ? [at(part, f.id, f.patientText)] : []));
  return [
    ...said('indications', t.indications),
    ...t.risks.map((r) => at('risks', r.id, r.patientText, r)),
    ...said('requiredCounselling', t.requiredCounselling),
    at('expectedBenefit', t.expectedBenefit.id, t.expectedBenefit.patientText ?? t.expectedBenefit.text),
    ...t.alternatives.map((a) => at('alternatives', a.id, a.patientText ?? a.text)),
    ...said('contraindications', [...t.contraindications.absolute, ...t.contraindications.relative]),
    ...said('imaging.checks', t.imaging.checks),
    ...said('monitoring', t.monitoring),
    ...said('followUp', t.followUp),
  ];
}

/** "cervical-transforaminal-esi v2 risks/intravascular-injection": where a text is, for a test's message. */
export function placeOf(p: PatientText): string {
  return `${p.templateId} v${p.version} ${p.part}/${p.factId}`;
}
