/**
 * Greater occipital nerve (GON) block.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.7, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The GON risk list and imaging row
 * are [M] (Pract Neurol 2021 lists adverse effects, but its text was not retrieved), and
 * the fact base gives no GON complication rates, so no incidence is stated.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as blocks from '../common/blocks';
import * as commonContraindications from '../common/contraindications';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';

export const gonBlock: Template = {
  id: 'greater-occipital-nerve-block',
  version: 1,
  name: 'Greater occipital nerve block',
  category: 'Peripheral nerve block',
  levels: null,
  lateralityRequired: true,
  conditions: ['Headache', 'Cluster headache', 'Migraine', 'Occipital neuralgia', 'Cervicogenic headache'],

  indications: [
    {
      id: 'cluster-headache',
      text: 'Cluster headache.',
      patientText: 'Cluster headaches: attacks of severe pain around one eye or one side of the head.',
      sources: [V('tobin-flitman-2009'), V('fernandes-2021-pract-neurol')],
    },
    {
      id: 'migraine',
      text: 'Migraine, including chronic migraine.',
      patientText: 'Migraine headaches, including migraines on most days.',
      sources: [V('tobin-flitman-2009'), V('fernandes-2021-pract-neurol')],
    },
    {
      id: 'occipital-neuralgia',
      text: 'Occipital neuralgia.',
      patientText: 'Nerve pain at the back of the head (occipital neuralgia).',
      sources: [V('tobin-flitman-2009'), V('fernandes-2021-pract-neurol')],
    },
    {
      id: 'cervicogenic-headache',
      text: 'Cervicogenic headache.',
      patientText: 'Headache that comes from the neck.',
      sources: [V('tobin-flitman-2009'), V('fernandes-2021-pract-neurol')],
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
      blocks.POORLY_CONTROLLED_DIABETES_IF_STEROID,
      commonContraindications.IMMUNOSUPPRESSION,
      blocks.ANATOMIC_DISTORTION_PRIOR_SURGERY_SITE,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
    ],
  },

  imaging: {
    options: [
      {
        modality: 'ultrasound',
        isDefault: true,
        contrast: 'not-used',
        note:
          'Landmark technique (occipital artery) or ultrasound guidance. Ultrasound is the only imaging modality the fact base names for GON block; a landmark block uses no imaging.',
        sources: [M('fact-base-blocks-consensus')],
      },
    ],
    checks: [
      {
        id: 'occipital-artery-located',
        text: 'Occipital artery located (by landmark or ultrasound) before injecting; inadvertent intravascular injection is a rare risk.',
        sources: [M('fact-base-blocks-consensus')],
      },
      {
        id: 'corticosteroid-cluster-not-migraine',
        text:
          'Corticosteroid added only where recommended: the 2024 ASRA-led guideline is reported to recommend adding corticosteroid for GON block in cluster headache, not for migraine (podcast summary; verify against the guideline).',
        sources: [V2('castbox-asra-2024-corticosteroid')],
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
      name: 'Bleeding or bruising',
      clinicianText: 'Bleeding or bruising at the injection site. No incidence figure.',
      patientText: 'There may be some bleeding or a bruise where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Local pain',
      clinicianText: 'Local pain at the injection site. No incidence figure.',
      patientText: 'The back of your head may hurt where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'vasovagal-syncope',
      name: 'Vasovagal syncope',
      clinicianText: 'Vasovagal syncope. No incidence figure.',
      patientText: 'You may feel faint or pass out during or right after the injection.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'alopecia-cutaneous-atrophy',
      name: 'Hair loss or skin thinning at the site (with steroid)',
      clinicianText: 'With corticosteroid: alopecia and cutaneous atrophy at the injection site. No incidence figure.',
      patientText: 'If steroid is used, you may lose some hair, or the skin may become thin, where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'intravascular-injection',
      name: 'Intravascular injection',
      clinicianText: 'Rarely, inadvertent intravascular injection. No incidence figure.',
      patientText: 'Rarely, the medicine can go into a blood vessel by mistake.',
      severity: 'moderate',
      frequency: 'rare',
      universal: false,
      sources: [M('fact-base-blocks-consensus')],
    },
    blocks.CORTICOSTEROID_ADVERSE_EVENTS,
  ],

  requiredCounselling: [blocks.BENEFITS_RISKS_ALTERNATIVES],

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
    blocks.DISCHARGE_PUNCTURE_SITE_SIGNS,
    blocks.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASIPP 2024 also classes peripheral nerve blocks as Low, so it is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
  },

  alternatives: [blocks.NO_PROCEDURE_CURRENT_CARE],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Evidence for GON block is strongest for cluster headache and cervicogenic headache. The fact base gives no expected size or duration of relief.',
    patientText:
      'The research support for this block is strongest for cluster headaches and for headaches that come from the neck. We do not have good numbers for how much or for how long it helps.',
    sources: [V('tobin-flitman-2009'), V('fernandes-2021-pract-neurol')],
  },

  followUp: [blocks.RESPONSE_REVIEWED_AGAINST_BASELINE],
};
