/**
 * Sacroiliac joint (SIJ) injection, diagnostic block or therapeutic corticosteroid.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.4, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base gives no SIJ
 * complication rates, so no incidence is stated; the SIJ risk list itself is [M].
 * Facts tagged 'inference' are not stated for SIJ injection in the fact base; they are
 * carried over from related rows and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as blocks from '../common/blocks';
import * as commonContraindications from '../common/contraindications';
import { I, M, V } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';

export const sijInjection: Template = {
  id: 'sacroiliac-joint-injection',
  version: 1,
  name: 'Sacroiliac joint injection',
  category: 'Sacroiliac joint',
  levels: null,
  lateralityRequired: true,
  conditions: ['Sacroiliac joint pain', 'Low back pain'],

  indications: [
    {
      id: 'suspected-sij-pain',
      text: 'Suspected sacroiliac joint pain (reported as the source in 15–30% of chronic low back pain).',
      patientText: 'Low back or buttock pain that may come from the joint between the base of the spine and the pelvis (sacroiliac joint).',
      sources: [V('tzu-chi-sij-review'), V('spine-secrets-sij-excerpt')],
    },
    {
      id: 'diagnostic-block-reference-standard',
      text:
        'Diagnostic block: history, examination and imaging are unreliable for SIJ pain, so an analgesic response to a diagnostic block is the reference standard.',
      patientText:
        'A test injection: exams and scans cannot reliably show whether this joint causes your pain, so numbing the joint and seeing whether the pain eases is the best test.',
      sources: [V('tzu-chi-sij-review'), V('spine-secrets-sij-excerpt')],
    },
    {
      id: 'therapeutic-steroid-injection',
      text: 'Therapeutic corticosteroid injection for SIJ pain.',
      patientText: 'A steroid injection to ease pain from the sacroiliac joint.',
      sources: [V('tzu-chi-sij-review'), V('spine-secrets-sij-excerpt')],
    },
  ],

  contraindications: {
    absolute: [
      blocks.REFUSAL_OR_UNABLE_TO_CONSENT,
      commonContraindications.LOCAL_INFECTION,
      blocks.UNCORRECTED_COAGULOPATHY,
      commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
    ],
    relative: [
      blocks.PREGNANCY_FLUOROSCOPY,
      blocks.CONTRAST_ALLERGY,
      blocks.POORLY_CONTROLLED_DIABETES_IF_STEROID,
      commonContraindications.IMMUNOSUPPRESSION,
      blocks.ANATOMIC_DISTORTION_PRIOR_SURGERY_SITE,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
    ],
  },

  imaging: {
    options: [
      {
        modality: 'fluoroscopy',
        isDefault: true,
        contrast: 'recommended',
        note:
          'Fluoroscopy with contrast to confirm intra-articular spread. In an RCT fluoroscopy was more accurate than ultrasound (98.2% vs 87.3% successful intra-articular placement).',
        sources: [V('jee-2014-sij-guidance')],
      },
      {
        modality: 'ultrasound',
        isDefault: false,
        contrast: 'not-used',
        note:
          'Ultrasound guidance was less accurate than fluoroscopy in an RCT (87.3% vs 98.2% successful intra-articular placement).',
        sources: [V('jee-2014-sij-guidance')],
      },
      {
        modality: 'ct',
        isDefault: false,
        contrast: 'optional',
        note: 'CT guidance is also used. The fact base does not state whether contrast is used with CT for SIJ injection.',
        sources: [V('sahin-sij-ct')],
      },
    ],
    checks: [
      {
        id: 'contrast-intra-articular-spread',
        text: 'Under fluoroscopy, contrast injected to confirm intra-articular spread before the injectate.',
        sources: [V('jee-2014-sij-guidance')],
      },
      {
        id: 'steroid-placement-and-dose',
        text:
          'Corticosteroid placement chosen: intra-articular, extra-articular (periarticular) and combined administration are all effective. No dose-response studies exist, so the evidence sets no dose.',
        sources: [V('facet-sij-corticosteroid-consensus')],
      },
      {
        id: 'local-anesthetic-recorded',
        text: 'For a diagnostic block: local anesthetic used recorded, so the pain diary can cover its expected duration.',
        sources: [M('fact-base-blocks-consensus')],
      },
    ],
  },

  risks: [
    {
      id: 'infection',
      name: 'Infection',
      clinicianText: 'Infection at the injection site. No incidence figure.',
      patientText: 'Germs can get in where the needle goes through the skin and cause an infection.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'bleeding',
      name: 'Bleeding',
      clinicianText: 'Bleeding or bruising at the injection site. No incidence figure.',
      patientText: 'There may be some bleeding or a bruise where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Temporary discomfort',
      clinicianText:
        'Temporary soreness at the injection site. Not stated for SIJ injection in the fact base; included as a universal needle-procedure risk. No incidence figure.',
      patientText: 'The spot where the needle went in may be sore for a short time.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-blocks-consensus')],
    },
    {
      id: 'vasovagal-reaction',
      name: 'Vasovagal reaction',
      clinicianText: 'Vasovagal reaction. No incidence figure.',
      patientText: 'You may feel faint or lightheaded during or right after the injection.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'transient-leg-numbness-weakness',
      name: 'Temporary leg numbness or weakness',
      clinicianText: 'Transient leg numbness or weakness from local anesthetic spread to the sciatic nerve. No incidence figure.',
      patientText:
        'The numbing medicine can spread to the large nerve in the back of the leg. Your leg may feel numb or weak for a short time.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-blocks-consensus')],
    },
    blocks.CORTICOSTEROID_ADVERSE_EVENTS,
  ],

  requiredCounselling: [
    blocks.BENEFITS_RISKS_ALTERNATIVES,
    {
      id: 'diagnostic-purpose',
      text:
        'For a diagnostic block: purpose explained (history, examination and imaging are unreliable for SIJ pain; the analgesic response to the block is the reference standard), and the pain diary explained.',
      patientText:
        'If this is a test injection: after the shot, write down your pain score at set times over the next several hours. Your doctor will use this diary to judge whether the joint causes your pain.',
      sources: [V('tzu-chi-sij-review'), M('fact-base-blocks-consensus')],
    },
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    blocks.VERIFY_PROCEDURE_SITE_LATERALITY,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    blocks.ANTITHROMBOTIC_REVIEW_LOW,
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    blocks.IMAGING_REVIEWED,
    commonMonitoring.PREGNANCY_STATUS,
    blocks.DIABETIC_GLUCOSE_PLAN_IF_STEROID,
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    blocks.BASELINE_PAIN_NEURO_EXAM,
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    // Post-procedure
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    {
      id: 'pain-diary-started',
      phase: 'post',
      text: 'For a diagnostic block: pain diary handed over and the first post-block pain score recorded before discharge.',
      sources: [M('fact-base-blocks-consensus')],
    },
    blocks.DISCHARGE_PUNCTURE_SITE_SIGNS,
    blocks.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASRA 2018 is [M] here: the UpToDate excerpt shows "Joint injection" = Low; SIJ is not named.
    // ASIPP 2024 also classes SIJ injection as Low, so it is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [M('uptodate-bleeding-risk-mirror'), M('narouze-2018-asra')],
    },
  },

  alternatives: [
    blocks.NO_PROCEDURE_CURRENT_CARE,
    {
      id: 'periarticular-or-combined-steroid',
      text:
        'Extra-articular (periarticular) or combined intra- and extra-articular corticosteroid instead of intra-articular alone: all three are effective (multisociety consensus).',
      patientText: 'The steroid can be placed around the joint instead of, or as well as, inside it. Each way can help.',
      sources: [V('facet-sij-corticosteroid-consensus')],
    },
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Diagnostic block: the analgesic response is the reference standard for SIJ pain. Therapeutic corticosteroid: intra-articular, extra-articular and combined administration are all effective. The fact base gives no expected size or duration of relief.',
    patientText:
      'A test injection shows whether this joint causes your pain. A steroid injection can ease the pain; we do not have good numbers for how much or for how long.',
    sources: [V('tzu-chi-sij-review'), V('facet-sij-corticosteroid-consensus')],
  },

  followUp: [
    {
      id: 'pain-diary-review',
      text: 'For a diagnostic block: pain diary reviewed over the local anesthetic’s expected duration.',
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'positive-block-threshold',
      text: 'SIS-style threshold for a positive diagnostic SIJ block: ≥75% relief (dual blocks).',
      sources: [M('fact-base-blocks-consensus')],
    },
  ],
};
