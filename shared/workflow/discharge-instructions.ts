/**
 * What the patient takes home: the warning signs to act on and when to restart blood
 * thinners, in plain words (grade 8 or below: shared/library/readability.test.ts checks
 * every line for every template). Each line keeps its source and evidence tag.
 *
 * - Back pain, new numbness or weakness, bowel or bladder trouble, fever, a red or sore
 *   puncture site: fact base §2.0 "Discharge instructions (neuraxial)" [V2]. Given after
 *   every procedure by carry-over (tagged inference, needs clinical review) where it is not neuraxial.
 * - A headache worse when upright: only where the template lists dural puncture as a risk
 *   (its own sources), described as §2.1 does (Spine Secrets [V2]).
 * - After an epidural steroid: the FDA 2014 emergency symptoms (§3.1).
 * - No driving after sedation: the fact base asks for an escort home after sedation [V2, lay];
 *   not driving is reasoned from it (inference) and it gives no time, so none is stated.
 */
import { patientTime } from '../domain/clinic-time';
import { findAnticoagulant, type RiskClass } from '../clinical/anticoagulant-table';
import { restartAt } from '../domain/anticoagulant-check';
import { I, M, V2 } from '../library/evidence';
import type { SourceRef, Template } from '../library/schema';
import { procedureTraits } from './traits';

export interface InstructionLine {
  id: string;
  text: string;
  /** The medicine the line is about, printed as its heading (a name, like a figure, is not graded as prose). */
  drug?: string;
  /** A time the line points to, printed on its own line after the text (a restart time). */
  when?: string;
  sources: readonly SourceRef[];
}

const DISCHARGE = 'martinez-serrano-discharge-summary';

/** The footnote a patient sheet carries when a line on it still awaits clinical review (marked " *"). */
export const REVIEW_NOTE = '* Your clinic’s doctors are still checking this advice. Follow it until they tell you otherwise.';

/** The warning signs and care lines for this procedure and plan, most urgent first. */
export function dischargeInstructions(template: Template, plan: { sedationPlanned: boolean }): InstructionLine[] {
  const traits = procedureTraits(template);
  // §2.0 states these for neuraxial procedures; elsewhere they are carried over.
  const stated: readonly SourceRef[] = traits.neuraxial ? [V2(DISCHARGE)] : [I(DISCHARGE)];
  const lines: InstructionLine[] = [];
  if (traits.epiduralSteroid) {
    lines.push({
      id: 'emergency-steroid',
      text: 'Call 911 right away if your eyesight changes or goes. Also call if your face, arm or leg gets weak or numb all of a sudden. Also call if you have a very bad headache, feel dizzy, or have a seizure.',
      sources: [M('fda-dsc-2014')],
    });
  }
  lines.push({
    id: 'weakness-numbness',
    text: 'Get help right away if you have new weakness or numbness in your arms or legs.',
    sources: stated,
  });
  lines.push({
    id: 'bowel-bladder',
    text: 'Get help right away if you have a new problem with your bowels or bladder. For example, you cannot pee, or you leak pee or stool.',
    sources: stated,
  });
  if (traits.neuraxial) {
    lines.push({ id: 'back-pain', text: 'Get help right away if you have back pain that is new or much worse.', sources: stated });
  }
  lines.push({
    id: 'fever-site',
    text: 'Call us if you get a fever. Call us if the needle spot gets red or sore.',
    sources: stated,
  });
  const dural = template.risks.find((r) => r.id === 'dural-puncture-headache');
  if (dural) {
    lines.push({
      id: 'upright-headache',
      text: 'Call us if you get a headache that is worse when you sit or stand up, and better when you lie down.',
      sources: [...dural.sources, V2('spine-secrets-excerpt')],
    });
  }
  if (plan.sedationPlanned) {
    lines.push({
      id: 'no-driving',
      text: 'You had medicine to make you sleepy. Do not drive yourself home. An adult must take you home. Ask us when you may drive again.',
      sources: [V2('sabackpain-lsb'), I('fact-base-consensus')],
    });
  }
  return lines;
}

/**
 * When to restart each held blood thinner, counted from the end of the procedure (entering
 * recovery) at the encounter's bleeding-risk class, in the clinic's time zone, the time written in `locale`.
 */
export function restartInstructions(drugIds: readonly string[], riskClass: RiskClass, procedureEndAt: string, timeZone: string, locale = 'en-US'): InstructionLine[] {
  return [...new Set(drugIds)].map((drugId) => {
    const row = findAnticoagulant(drugId);
    // The table's name may carry a clinician's qualifier ("Aspirin, primary prophylaxis"): the patient reads the drug.
    const name = (row?.name ?? drugId).replace(/,.*$/, '');
    const sources = row?.sources ?? [];
    const r = restartAt(drugId, riskClass, procedureEndAt, timeZone);
    const id = `restart-${drugId}`;
    if (r.at) return { id, drug: name, text: 'Do not take it again before this time.', when: patientTime(Date.parse(r.at), timeZone, locale), sources };
    if (row && row.hold[riskClass].kind === 'continue') return { id, drug: name, text: 'Keep taking it as usual.', sources };
    return { id, drug: name, text: 'Ask the doctor who gives you this medicine when to start it again.', sources };
  });
}
