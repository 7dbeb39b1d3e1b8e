/**
 * Lumbar medial branch radiofrequency ablation (RFA) for facet joint pain.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.2, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base gives no incidence
 * for RFA neuritis or skin burn, so no incidence is stated. The RFA risks other than
 * neuritis, the RFA-specific checks (implanted device, grounding pad) and the Medicare
 * repeat-RFA criterion are [M]; the expected duration comes from lay clinic pages [V2].
 * Facts tagged 'inference' are carried over from related rows and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { M, V, V2 } from '../common/evidence';
import * as facet from '../common/facet';
import * as commonMonitoring from '../common/monitoring';

export const lumbarRfa: Template = {
  id: 'lumbar-medial-branch-rfa',
  version: 1,
  name: 'Lumbar medial branch radiofrequency ablation',
  category: 'Facet joint / medial branch',
  // Level options are not clinical facts; max is not limited beyond the list (the fact base gives no per-session cap).
  levels: { options: ['L1', 'L2', 'L3', 'L4', 'L5 dorsal ramus'], max: 5 },
  lateralityRequired: true,
  conditions: ['Low back pain', 'Facet joint pain', 'Facet joint arthritis'],

  indications: [
    {
      id: 'suspected-facet-pain',
      text: 'Facet-mediated axial low back pain.',
      patientText: 'Low back pain that comes from the small joints at the back of the spine (facet joints).',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'positive-prognostic-mbb',
      text: 'Positive diagnostic/prognostic medial branch block(s): MBBs are diagnostic/prognostic blocks before RFA and are effective for diagnosing facet pain before RFA.',
      patientText: 'A test shot that numbed the small nerves to your facet joints eased your pain.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'mbb-threshold-consensus',
      text: 'Threshold before RFA, lumbar facet consensus (Cohen 2020): ≥50% pain relief on a prognostic MBB; a single vs dual block is an individual decision.',
      sources: [M('cohen-2020-lumbar-facet')],
    },
    {
      id: 'mbb-threshold-payer',
      text:
        'Payer/SIS-style criterion: two diagnostic MBBs, each with ≥80% relief lasting at least the expected duration of the local anesthetic. This differs from the consensus ≥50% single-or-dual-block threshold; both are shown, and neither is chosen here.',
      sources: [V2('droracle-facet-payer-criteria')],
    },
    {
      id: 'mbb-threshold-dissent',
      text:
        'The lumbar facet consensus (Cohen 2020) reached 100% committee consensus on 17 questions, but one society dissented on two: the number of blocks and the cut-off for a positive block before RFA.',
      sources: [V('cohen-2020-lumbar-facet')],
    },
  ],

  contraindications: {
    absolute: [
      facet.REFUSAL_OR_UNABLE_TO_CONSENT,
      commonContraindications.LOCAL_INFECTION,
      facet.UNCORRECTED_COAGULOPATHY,
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
    options: [facet.FLUOROSCOPY_LUMBAR],
    checks: [facet.CONTRAST_INTRAVASCULAR_CHECK],
  },

  risks: [
    facet.RFA_INFECTION,
    facet.RFA_BLEEDING,
    facet.TEMPORARY_DISCOMFORT,
    facet.RFA_NEURITIS,
    facet.RFA_SKIN_BURN,
    facet.RFA_NUMBNESS,
  ],

  requiredCounselling: [
    {
      id: 'nature-and-purpose',
      text:
        'Nature and purpose of lumbar medial branch RFA explained (it follows positive diagnostic/prognostic MBBs), with the burdens, risks and expected benefits of all options, including forgoing treatment.',
      patientText:
        'We talked about what this nerve treatment is and why it is being offered after your test shots, how it may help you, how it could harm you, and your other choices, including not having it.',
      sources: [V('ama-2-1-1'), V('aapmr-spinal-procedures')],
    },
    {
      id: 'duration-and-recovery',
      text:
        'Expected benefit and recovery discussed: relief is not permanent (commonly quoted as 6–12 months on clinic pages), and post-procedure neuritis lasts on average no more than 1–2 weeks.',
      patientText:
        'Relief does not last forever; clinics often say about 6 to 12 months. The treated area may burn or feel like a sunburn, usually for no more than 1 to 2 weeks.',
      sources: [V('ama-2-1-1'), V2('rfa-duration-clinic-pages'), V2('medical-ware-rfa-faq')],
    },
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    commonMonitoring.VERIFY_PROCEDURE_SITE_LEVEL_LATERALITY,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    facet.ANTITHROMBOTIC_REVIEW_LOW,
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
    facet.DISCHARGE_RED_FLAGS_LUMBAR,
    facet.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASIPP 2024 also classes lumbar RF neurotomy as Low, so it is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
  },

  alternatives: [
    facet.NO_RFA_CONSERVATIVE_CARE,
    facet.FACET_INTRA_ARTICULAR_STEROID,
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Relief of facet-mediated low back pain in patients selected by prognostic MBB. Relief is not permanent (expected duration: see follow-up); the fact base gives no guideline efficacy figure for lumbar medial branch RFA.',
    patientText:
      'The goal is to ease back pain that comes from the facet joints for many months. The relief is not permanent.',
    sources: [V('aapmr-spinal-procedures'), V2('rfa-duration-clinic-pages')],
  },

  followUp: [
    facet.EXPECTED_DURATION_CLINIC_PAGES,
    facet.REPEAT_RFA_MEDICARE,
    facet.NEURITIS_COURSE_REVIEW,
  ],
};
