/**
 * Peripheral nerve block (general).
 * The fact base states little for peripheral nerve blocks in general: the bleeding-risk
 * class with its ASRA 2018 exception (§1.2, §2.8) and the scope of the 2024 ASRA-led
 * corticosteroid guideline (§1.1). Everything else comes from §2.0, §4, §5 and §6, or is
 * carried over from the GON block row (§2.7, itself a peripheral nerve block) and the TPI
 * row (§2.8), and is tagged 'inference' so that it shows as "needs clinical review".
 * No incidence is stated: the fact base gives none for peripheral nerve blocks.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as blocks from '../common/blocks';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';

export const peripheralNerveBlock: Template = {
  id: 'peripheral-nerve-block',
  version: 1,
  name: 'Peripheral nerve block (general)',
  category: 'Peripheral nerve block',
  levels: null,
  lateralityRequired: true,
  conditions: ['Peripheral nerve pain', 'Neuralgia'],

  indications: [
    {
      id: 'peripheral-nerve-pain',
      text:
        'Pain in the territory of a peripheral nerve, blocked with local anesthetic with or without corticosteroid. The fact base gives no general indication for peripheral nerve blocks; carried over from the GON block row (e.g. occipital neuralgia).',
      patientText: 'Pain that is carried by one nerve outside the spine. Numbing medicine is placed next to that nerve.',
      sources: [I('tobin-flitman-2009'), I('fernandes-2021-pract-neurol')],
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
      blocks.PREGNANCY_IF_FLUOROSCOPY,
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
          'The fact base gives no imaging guidance for peripheral nerve blocks in general. Ultrasound is carried over from the GON block row (landmark or ultrasound); needs clinical review. A landmark block uses no imaging.',
        sources: [I('fact-base-blocks-consensus')],
      },
      {
        modality: 'fluoroscopy',
        isDefault: false,
        contrast: 'optional',
        note:
          'The fact base gives no imaging guidance for peripheral nerve blocks in general. Fluoroscopy is carried over from the genicular nerve row (fluoroscopy or ultrasound); needs clinical review. The fact base states no contrast use.',
        sources: [I('fact-base-blocks-consensus')],
      },
    ],
    checks: [
      {
        id: 'target-nerve-vessels-identified',
        text:
          'Target nerve and neighbouring vessels identified before injecting, to avoid intravascular injection. Not stated for peripheral nerve blocks in general; carried over from the GON block row.',
        sources: [I('fact-base-blocks-consensus')],
      },
      {
        id: 'corticosteroid-decision-guideline',
        text:
          'Whether to add corticosteroid decided with reference to the 2024 ASRA-led multisociety corticosteroid guideline, part 1, which covers peripheral nerve blocks.',
        sources: [V('benzon-2024-asra-corticosteroid')],
      },
    ],
  },

  risks: [
    {
      id: 'infection',
      name: 'Infection',
      clinicianText:
        'Infection at the injection site. Not stated for peripheral nerve blocks in general; carried over from the GON and TPI rows. No incidence figure.',
      patientText: 'Germs can get in where the needle goes through the skin and cause an infection.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-blocks-consensus'), I('arizona-tpi-lay-page')],
    },
    {
      id: 'bleeding',
      name: 'Bleeding or hematoma',
      clinicianText:
        'Bleeding or hematoma at the injection site (carried over from the GON and TPI rows; no incidence figure). ASRA 2018 classes peripheral nerve blocks as low bleeding risk, but blocks where hemorrhage cannot be controlled by pressure (paravertebral, deep plexus, deep peripheral) may be considered higher-risk.',
      patientText:
        'There may be some bleeding or a bruise where the needle went in. Bleeding is a bigger concern for deep blocks, where pressing on the skin cannot stop it.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-blocks-consensus'), V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Temporary discomfort',
      clinicianText:
        'Temporary soreness at the injection site. Not stated for peripheral nerve blocks in general; carried over from the GON (local pain) and TPI (post-injection soreness) rows. No incidence figure.',
      patientText: 'The spot where the needle went in may be sore for a short time.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-blocks-consensus'), I('arizona-tpi-lay-page')],
    },
    {
      id: 'nerve-injury',
      name: 'Nerve injury',
      clinicianText: 'Nerve injury. Not stated for peripheral nerve blocks in general; carried over from the TPI row. No incidence figure.',
      patientText: 'The needle or medicine could injure a nerve.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [I('arizona-tpi-lay-page')],
    },
    {
      id: 'intravascular-injection',
      name: 'Intravascular injection',
      clinicianText:
        'Inadvertent intravascular injection. Not stated for peripheral nerve blocks in general; carried over from the GON row (rare there). No incidence figure.',
      patientText: 'The medicine can go into a blood vessel by mistake.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [I('fact-base-blocks-consensus')],
    },
    {
      id: 'vasovagal-reaction',
      name: 'Vasovagal reaction',
      clinicianText: 'Vasovagal reaction. Not stated for peripheral nerve blocks in general; carried over from the GON and TPI rows. No incidence figure.',
      patientText: 'You may feel faint or lightheaded during or right after the injection.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [I('fact-base-blocks-consensus'), I('arizona-tpi-lay-page')],
    },
  ],

  requiredCounselling: [blocks.BENEFITS_RISKS_ALTERNATIVES],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    blocks.VERIFY_PROCEDURE_SITE_LATERALITY,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    {
      id: 'antithrombotic-review',
      phase: 'pre',
      text:
        'Anticoagulant and antiplatelet medications reviewed, with a documented plan per ASRA 2018 for a low-bleeding-risk procedure; coordinate with the prescriber before stopping any drug. Exception: blocks where hemorrhage cannot be controlled by pressure (paravertebral, deep plexus, deep peripheral) may be considered higher-risk, and the plan is made for the higher class.',
      sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror'), V2('uptodate-bleeding-risk-mirror')],
    },
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    commonMonitoring.PREGNANCY_STATUS,
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
    // Exception (ASRA 2018): blocks where hemorrhage cannot be controlled by pressure (paravertebral,
    // deep plexus, deep peripheral) "may be considered higher-risk"; the schema has no note on asra2018,
    // so the exception is stated in the bleeding risk and the antithrombotic-review step.
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
      'The fact base states no expected size or duration of benefit for peripheral nerve blocks in general; the response is judged against the baseline pain score documented before the block.',
    patientText:
      'The goal is to ease the pain carried by the blocked nerve. We do not have good numbers for how much or for how long it helps.',
    sources: [I('fact-base-blocks-consensus')],
  },

  followUp: [blocks.RESPONSE_REVIEWED_AGAINST_BASELINE],
};
