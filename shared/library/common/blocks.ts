/**
 * Facts shared word for word by the block templates (SIJ injection, stellate ganglion
 * block, lumbar sympathetic block, greater occipital nerve block, peripheral nerve block,
 * trigger point injection) that are not already in contraindications.ts or monitoring.ts.
 * Each comes from shared/clinical/fact-reference.md (§2.0, §1.2, §2.4–§2.8, §4.2, §5) with
 * the tag the fact base gives it; 'inference' marks content carried over from a related row.
 * A fact that a procedure words or sources differently stays in that template.
 * Changing a shared fact changes every template that uses it, which requires a new
 * template version of each (stored versions are content-hashed).
 */
import type { Fact, MonitoringStep, Risk } from '../schema';
import { I, M, V, V2 } from './evidence';
import * as sharedContraindications from './contraindications';
import * as sharedMonitoring from './monitoring';

// Contraindications: absolute

export const REFUSAL_OR_UNABLE_TO_CONSENT: Fact = sharedContraindications.REFUSAL_OR_UNABLE_TO_CONSENT;

/** For low-bleeding-risk procedures (ASRA 2018). */
export const UNCORRECTED_COAGULOPATHY: Fact = sharedContraindications.UNCORRECTED_COAGULOPATHY;

/** For intermediate-bleeding-risk procedures (ASRA 2018): §2.0 adds unmanaged antithrombotics. */
export const UNCORRECTED_COAGULOPATHY_INTERMEDIATE: Fact = sharedContraindications.UNCORRECTED_COAGULOPATHY_INTERMEDIATE;

// Contraindications: relative

export const PREGNANCY_FLUOROSCOPY: Fact = sharedContraindications.PREGNANCY_FLUOROSCOPY;

/** Procedures where fluoroscopy is one option among others (SGB, PNB). */
export const PREGNANCY_IF_FLUOROSCOPY: Fact = {
  id: 'pregnancy',
  text: 'Pregnancy, when fluoroscopy is used (radiation).',
  sources: [M('fact-base-consensus')],
};

export const CONTRAST_ALLERGY: Fact = {
  id: 'contrast-allergy',
  text: 'Contrast allergy: use an alternative or premedicate per local policy.',
  sources: [M('fact-base-consensus')],
};

export const POORLY_CONTROLLED_DIABETES_IF_STEROID: Fact = {
  id: 'poorly-controlled-diabetes',
  text: 'Poorly controlled diabetes, when corticosteroid is used (steroid-induced hyperglycemia).',
  sources: [M('fact-base-consensus')],
};

/** Site wording for procedures not done at spinal levels (common/ says "target level"). */
export const ANATOMIC_DISTORTION_PRIOR_SURGERY_SITE: Fact = {
  id: 'anatomic-distortion-prior-surgery',
  text: 'Anatomic distortion or prior surgery at the target site.',
  sources: [M('fact-base-consensus')],
};

// Monitoring: pre-procedure

/** UP.01.01.01 for procedures with laterality but no spinal levels. */
export const VERIFY_PROCEDURE_SITE_LATERALITY: MonitoringStep = {
  id: 'verify-procedure-site-laterality',
  phase: 'pre',
  text:
    'Correct procedure and site (including laterality) verified, involving the awake patient where possible, at each stage and whenever responsibility passes to another team member (UP.01.01.01).',
  sources: [V('tjc-universal-protocol')],
};

/** UP.01.01.01 for procedures with neither laterality nor spinal levels. */
export const VERIFY_PROCEDURE_SITE: MonitoringStep = {
  id: 'verify-procedure-site',
  phase: 'pre',
  text:
    'Correct procedure and site(s) verified, involving the awake patient where possible, at each stage and whenever responsibility passes to another team member (UP.01.01.01).',
  sources: [V('tjc-universal-protocol')],
};

export const ANTITHROMBOTIC_REVIEW_LOW: MonitoringStep = sharedMonitoring.ANTITHROMBOTIC_REVIEW_LOW;

export const ANTITHROMBOTIC_REVIEW_INTERMEDIATE: MonitoringStep = {
  id: 'antithrombotic-review',
  phase: 'pre',
  text:
    'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure; coordinate with the prescriber before stopping any drug.',
  sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
};

export const IMAGING_REVIEWED: MonitoringStep = sharedMonitoring.IMAGING_REVIEWED;

export const BASELINE_PAIN_NEURO_EXAM: MonitoringStep = sharedMonitoring.BASELINE_PAIN_NEURO_EXAM;

export const DIABETIC_GLUCOSE_PLAN_IF_STEROID: MonitoringStep = {
  id: 'diabetic-glucose-plan',
  phase: 'pre',
  text: 'Diabetic patients, when corticosteroid is used: glucose plan agreed for the days after the injection.',
  sources: [M('fact-base-consensus')],
};

// Monitoring: post-procedure

export const DISCHARGE_PUNCTURE_SITE_SIGNS: MonitoringStep = {
  id: 'discharge-infection-signs',
  phase: 'post',
  text:
    'Discharge instructions given: seek care for fever, or redness or tenderness at the puncture site. (The fact base states these warning signs for neuraxial procedures; carried over.)',
  patientText: 'Get medical help if you have a fever, or redness or tenderness where the needle went in.',
  sources: [I('martinez-serrano-discharge-summary')],
};

export const ANTITHROMBOTIC_RESTART: MonitoringStep = sharedMonitoring.ANTITHROMBOTIC_RESTART;

// Imaging checks

/** SGB and LSB: 2024 ASRA-led guideline on sympathetic blocks (podcast summary; §2.5, §7 item 14). */
export const NO_CORTICOSTEROID_SYMPATHETIC_BLOCK: Fact = {
  id: 'no-corticosteroid-added',
  text:
    'Corticosteroid not added: the 2024 ASRA-led multisociety guideline does not recommend adding corticosteroid to sympathetic blocks (podcast summary; verify against the guideline).',
  sources: [V2('castbox-asra-2024-corticosteroid')],
};

// Risks

/** Procedures where corticosteroid may be injected (SIJ, GON). */
export const CORTICOSTEROID_ADVERSE_EVENTS: Risk = {
  id: 'corticosteroid-adverse-events',
  name: 'Corticosteroid side effects',
  clinicianText:
    'When corticosteroid is injected: increased blood glucose, decreased bone mineral density and HPA-axis suppression are listed as adverse events in the 2024 ASRA-led corticosteroid guideline series, which notes that lower doses give similar benefit. No incidence figure for this procedure.',
  patientText:
    'If steroid medicine is used, it can raise your blood sugar for a while, make bones less dense (weaker), and lower your body’s own steroid hormone for a time. Lower doses work about as well as higher doses.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V('benzon-2024-asra-corticosteroid')],
};

// Counselling

export const BENEFITS_RISKS_ALTERNATIVES: Fact = {
  id: 'benefits-risks-alternatives-discussed',
  text:
    'Diagnosis (when known), nature and purpose of the procedure, and the burdens, risks and expected benefits of all options, including forgoing treatment, discussed.',
  patientText:
    'We talked about why this procedure is suggested, how it may help you, how it could harm you, and your other choices, including not having it.',
  sources: [V('ama-2-1-1')],
};

// Alternatives

export const NO_PROCEDURE_CURRENT_CARE: Fact = {
  id: 'no-procedure-current-care',
  text:
    'No procedure: continue current care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed.',
  patientText:
    'You can choose not to have this procedure. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
  sources: [V('ama-2-1-1')],
};

// Follow-up

/** GON, PNB, TPI: the fact base gives no procedure-specific follow-up interval or repeat criteria. */
export const RESPONSE_REVIEWED_AGAINST_BASELINE: Fact = {
  id: 'response-reviewed-against-baseline',
  text:
    'Response reviewed at follow-up against the baseline pain score documented before the procedure. The fact base gives no procedure-specific follow-up interval or repeat criteria; carried over from the §2.0 baseline pain score.',
  sources: [I('fact-base-consensus')],
};
