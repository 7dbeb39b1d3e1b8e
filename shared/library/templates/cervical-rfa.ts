/**
 * Cervical medial branch radiofrequency ablation (RFA) for facet joint pain.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.2, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base gives no incidence
 * for RFA neuritis, skin burn or the cervical risks, so no incidence is stated; the
 * cervical cohort figures (J Turk Spinal Surg 2024) are outcomes, not complication rates.
 * The fact base states an MBB threshold before RFA only for the lumbar facet consensus
 * (Cohen 2020); it is carried over here as an inference, and the cervical consensus
 * (Hurley 2022) is named but its content was not retrieved. Facts tagged 'inference' are
 * carried over from related rows and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as facet from '../common/facet';
import * as commonMonitoring from '../common/monitoring';

export const cervicalRfa: Template = {
  id: 'cervical-medial-branch-rfa',
  version: 1,
  name: 'Cervical medial branch radiofrequency ablation',
  category: 'Facet joint / medial branch',
  // Level options are not clinical facts; max is not limited beyond the list (the fact base gives no per-session cap).
  levels: { options: ['Third occipital nerve', 'C3', 'C4', 'C5', 'C6', 'C7'], max: 6 },
  lateralityRequired: true,
  conditions: ['Neck pain', 'Facet joint pain', 'Facet joint arthritis'],

  indications: [
    {
      id: 'suspected-facet-pain',
      text: 'Facet-mediated axial neck pain.',
      patientText: 'Neck pain that comes from the small joints at the back of the spine (facet joints).',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'positive-prognostic-mbb',
      text: 'Positive diagnostic/prognostic medial branch block(s): MBBs are diagnostic/prognostic blocks before RFA and are effective for diagnosing facet pain before RFA.',
      patientText: 'A test shot that numbed the small nerves to your facet joints eased your pain.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'mbb-threshold-lumbar-consensus-carried-over',
      text:
        'Threshold before RFA: the fact base states ≥50% pain relief on a prognostic MBB (single vs dual block an individual decision) for the lumbar facet consensus (Cohen 2020) only. Carried over to cervical RFA as an inference; not a cervical recommendation.',
      sources: [I('cohen-2020-lumbar-facet')],
    },
    {
      id: 'mbb-threshold-payer',
      text:
        'Payer/SIS-style criterion: two diagnostic MBBs, each with ≥80% relief lasting at least the expected duration of the local anesthetic (the fact base states it for facet MBBs without naming a spinal region). This differs from the lumbar consensus threshold; both are shown, and neither is chosen here.',
      sources: [V2('droracle-facet-payer-criteria')],
    },
    {
      id: 'cervical-facet-consensus',
      text:
        'Cervical facet guideline: Hurley RW et al., multisociety consensus on cervical facet joint pain (RAPM 2022). Its citation and its MBB threshold were not retrieved; check it before relying on either threshold above.',
      sources: [M('hurley-2022-cervical-facet')],
    },
  ],

  contraindications: {
    absolute: [
      facet.REFUSAL_OR_UNABLE_TO_CONSENT,
      commonContraindications.LOCAL_INFECTION,
      facet.UNCORRECTED_COAGULOPATHY_INTERMEDIATE,
      commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
    ],
    relative: [
      facet.PREGNANCY,
      facet.CONTRAST_ALLERGY,
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
      commonContraindications.CLINIC_RESTRICTION_CONDITIONS,
    ],
  },

  imaging: {
    options: [facet.FLUOROSCOPY_CERVICAL, facet.ULTRASOUND_CERVICAL],
    checks: [facet.CONTRAST_INTRAVASCULAR_CHECK],
  },

  risks: [
    facet.RFA_INFECTION,
    facet.RFA_BLEEDING,
    facet.TEMPORARY_DISCOMFORT,
    facet.RFA_NEURITIS,
    facet.RFA_SKIN_BURN,
    facet.RFA_NUMBNESS,
    {
      id: 'dizziness-ataxia',
      name: 'Dizziness or unsteadiness',
      clinicianText: 'Dizziness/ataxia after cervical RFA. No incidence figure was found.',
      patientText: 'You may feel dizzy or unsteady on your feet after the treatment.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-consensus')],
    },
    {
      id: 'dysesthesia',
      name: 'Dysesthesia',
      clinicianText: 'Dysesthesia after cervical RFA. No incidence figure was found.',
      patientText: 'The skin near the treated area may feel strange or unpleasant, such as tingling or burning when touched.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-consensus')],
    },
  ],

  requiredCounselling: [
    {
      id: 'nature-and-purpose',
      text:
        'Nature and purpose of cervical medial branch RFA explained (it follows positive diagnostic/prognostic MBBs), with the burdens, risks and expected benefits of all options, including forgoing treatment.',
      patientText:
        'We talked about what this nerve treatment is and why it is being offered after your test shots, how it may help you, how it could harm you, and your other choices, including not having it.',
      sources: [V('ama-2-1-1'), V('aapmr-spinal-procedures')],
    },
    {
      id: 'duration-and-recovery',
      text:
        'Expected benefit and recovery discussed: relief is not permanent and fades over time (cervical cohort: NRS reduction 56.75% at 4–8 weeks, 21.47% at >6 months; clinic pages quote 6–12 months), and post-procedure neuritis lasts on average no more than 1–2 weeks.',
      patientText:
        'Relief does not last forever and tends to fade over the months after treatment. The treated area may burn or feel like a sunburn, usually for no more than 1 to 2 weeks.',
      sources: [V('ama-2-1-1'), V('jtss-2024-cervical-rfa'), V2('rfa-duration-clinic-pages'), V2('medical-ware-rfa-faq')],
    },
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    commonMonitoring.VERIFY_PROCEDURE_SITE_LEVEL_LATERALITY,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    facet.ANTITHROMBOTIC_REVIEW_INTERMEDIATE,
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    facet.IMAGING_REVIEWED,
    commonMonitoring.PREGNANCY_STATUS,
    facet.IMPLANTED_DEVICE_CHECK,
    facet.METAL_IMPLANTS_NEAR_PAD,
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    facet.BASELINE_PAIN_NEURO_EXAM,
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    facet.GROUNDING_PAD_PLACEMENT,
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    // Post-procedure
    facet.GROUNDING_PAD_SKIN_CHECK,
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    facet.DISCHARGE_RED_FLAGS_CERVICAL,
    facet.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    asra2018: {
      class: 'intermediate',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
    asipp2024: {
      class: 'low',
      note: 'Guidelines differ. ASIPP 2024 classes RF neurotomy, cervical included, as Low; ASRA 2018 classes cervical medial branch RFA as Intermediate.',
      sources: [V2('asipp-2024'), V2('asipp-2024-risk-summary')],
    },
  },

  alternatives: [
    facet.NO_RFA_CONSERVATIVE_CARE,
    facet.FACET_INTRA_ARTICULAR_STEROID,
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Relief of facet-mediated neck pain that fades over time. Cervical RFA retrospective cohort (J Turk Spinal Surg 2024): NRS reduction 56.75% at 4–8 weeks, 47.66% at >2–6 months, 21.47% at >6 months.',
    patientText:
      'The goal is to ease neck pain that comes from the facet joints. In one study, pain scores dropped on average by a little over half in the first 1 to 2 months, by just under half at 2 to 6 months, and by about one fifth after 6 months.',
    sources: [V('jtss-2024-cervical-rfa')],
  },

  followUp: [
    facet.EXPECTED_DURATION_CLINIC_PAGES,
    facet.REPEAT_RFA_MEDICARE,
    facet.NEURITIS_COURSE_REVIEW,
  ],
};
