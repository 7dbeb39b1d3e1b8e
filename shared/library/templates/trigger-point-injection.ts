/**
 * Trigger point injection (TPI), including piriformis.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.8, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The TPI risks come from lay pages
 * [V2]; the fact base gives no TPI complication rates (not even for pneumothorax), so no
 * incidence is stated. The fact base gives no imaging guidance for TPI: the one imaging
 * option is an inference and is marked as such.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as blocks from '../common/blocks';
import * as commonContraindications from '../common/contraindications';
import { I, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';

export const triggerPointInjection: Template = {
  id: 'trigger-point-injection',
  version: 1,
  name: 'Trigger point injection',
  category: 'Soft tissue / trigger point',
  levels: null,
  lateralityRequired: false,
  conditions: ['Myofascial pain', 'Trigger points (including piriformis)'],

  indications: [
    {
      id: 'myofascial-trigger-points',
      text: 'Myofascial pain with palpable trigger points in a taut band (local tenderness, referred pain, twitch response).',
      patientText:
        'Muscle pain from tight, tender knots (trigger points) that can be felt in the muscle and may send pain to other areas.',
      sources: [V('statpearls-trigger-point-injection'), V('aneskey-tpi-chapter')],
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
      {
        id: 'diffuse-trigger-points-endocrinopathy',
        text: 'Multiple diffuse trigger points with an underlying endocrinopathy (e.g. hyperthyroidism).',
        sources: [V2('tpi-lay-source-unnamed')],
      },
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
          'The fact base gives no imaging guidance for TPI: trigger points are identified by palpation. Ultrasound is offered by inference from the GON and peripheral nerve block rows (landmark or ultrasound); needs clinical review. A palpation-guided injection uses no imaging.',
        sources: [I('fact-base-blocks-consensus')],
      },
    ],
    checks: [
      {
        id: 'trigger-point-palpated',
        text: 'Trigger point identified by palpation: taut band with local tenderness, referred pain and twitch response.',
        sources: [V('statpearls-trigger-point-injection'), V('aneskey-tpi-chapter')],
      },
      {
        id: 'no-glucocorticoid',
        text:
          'Glucocorticoid not added: ACOEM 2021 recommends against glucocorticoids in trigger point injections (AI summary; verify). The 2024 ASRA-led guideline covers TPI safety.',
        sources: [V2('droracle-tpi-acoem'), V('benzon-2024-asra-corticosteroid')],
      },
      {
        id: 'pneumothorax-risk-site',
        text: 'Chest wall or lower neck injection: pneumothorax risk recognised before needling.',
        sources: [V2('arizona-tpi-lay-page')],
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
      sources: [V2('arizona-tpi-lay-page')],
    },
    {
      id: 'bleeding',
      name: 'Bleeding or hematoma',
      clinicianText: 'Bleeding or hematoma at the injection site. No incidence figure.',
      patientText: 'There may be some bleeding or a bruise where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [V2('arizona-tpi-lay-page')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Post-injection soreness',
      clinicianText: 'Post-injection soreness for a few days. No incidence figure.',
      patientText: 'The muscle may be sore for a few days after the injection.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [V2('arizona-tpi-lay-page')],
    },
    {
      id: 'pneumothorax',
      name: 'Pneumothorax',
      clinicianText: 'Pneumothorax with chest wall or lower neck injections. No incidence figure was found.',
      patientText:
        'For shots in the chest wall or lower neck, the needle can nick the lung. Air can leak and part of the lung can collapse.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V2('arizona-tpi-lay-page')],
    },
    {
      id: 'nerve-injury',
      name: 'Nerve injury',
      clinicianText: 'Nerve injury. No incidence figure.',
      patientText: 'The needle or medicine could injure a nerve.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V2('arizona-tpi-lay-page')],
    },
    {
      id: 'skin-dimpling-fat-atrophy',
      name: 'Skin dimpling or fat atrophy (with steroid)',
      clinicianText: 'Skin dimpling or fat atrophy if steroid is used. No incidence figure.',
      patientText: 'If steroid is used, the skin can dent or the fat under it can shrink where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [V2('arizona-tpi-lay-page')],
    },
    {
      id: 'vasovagal-reaction',
      name: 'Vasovagal reaction',
      clinicianText: 'Vasovagal reaction. No incidence figure.',
      patientText: 'You may feel faint or lightheaded during or right after the injection.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [V2('arizona-tpi-lay-page')],
    },
  ],

  requiredCounselling: [
    blocks.BENEFITS_RISKS_ALTERNATIVES,
    {
      id: 'serious-adverse-effects-observed',
      text: 'Serious adverse effects are observed with trigger point injections (aneskey chapter), despite the low bleeding-risk class.',
      patientText: 'This is a small injection, but serious problems can happen.',
      sources: [V('aneskey-tpi-chapter')],
    },
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    blocks.VERIFY_PROCEDURE_SITE,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    blocks.ANTITHROMBOTIC_REVIEW_LOW,
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
    {
      id: 'pneumothorax-warning',
      phase: 'post',
      text:
        'After chest wall or lower neck injections: patient told to seek urgent care for new shortness of breath or chest pain. The fact base lists pneumothorax as a TPI risk but gives no warning signs; the symptoms are inferred.',
      patientText: 'If you had a shot in the chest wall or lower neck, get help right away for new shortness of breath or chest pain.',
      sources: [I('arizona-tpi-lay-page')],
    },
    blocks.DISCHARGE_PUNCTURE_SITE_SIGNS,
    blocks.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASIPP 2024 also classes TPI (including piriformis) as Low, so it is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
  },

  alternatives: [blocks.NO_PROCEDURE_CURRENT_CARE],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Aim: relief of myofascial pain from the injected trigger points. The fact base states no expected size or duration of relief for TPI; soreness for a few days after the injection is listed among the risks.',
    patientText:
      'The goal is to ease the muscle pain from the knots. We do not have good numbers for how much or for how long it helps. The muscle may be sore for a few days first.',
    sources: [V('statpearls-trigger-point-injection'), I('fact-base-blocks-consensus')],
  },

  followUp: [blocks.RESPONSE_REVIEWED_AGAINST_BASELINE],
};
