/**
 * Lumbar facet (zygapophyseal) joint intra-articular corticosteroid injection.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.2, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base shows conflicting
 * evidence on intra-articular facet steroid (AAPM&R vs the 2024/25 multisociety
 * consensus); both are shown and neither is chosen. It gives no complication rates for
 * facet injections, so no incidence is stated. Facts tagged 'inference' are not stated for
 * intra-articular injection in the fact base; they are carried over from related rows
 * (facet nerve block complications, ESI steroid effects, neuraxial discharge advice) and
 * need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { V, V2 } from '../common/evidence';
import * as facet from '../common/facet';
import * as commonMonitoring from '../common/monitoring';

export const lumbarFacetIa: Template = {
  id: 'lumbar-facet-intra-articular',
  version: 1,
  name: 'Lumbar facet joint intra-articular injection',
  category: 'Facet joint / medial branch',
  // Level options are not clinical facts; max is not limited beyond the list (the fact base gives no per-session cap).
  levels: { options: ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'], max: 5 },
  lateralityRequired: true,
  conditions: ['Low back pain', 'Facet joint pain', 'Facet joint arthritis'],

  indications: [
    {
      id: 'suspected-facet-pain',
      text: 'Suspected facet-mediated axial low back pain.',
      patientText: 'Low back pain that may come from the small joints at the back of the spine (facet joints).',
      sources: [V('aapmr-spinal-procedures')],
    },
    facet.IA_STEROID_JOINT_INFLAMMATION_INDICATION,
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
      facet.POORLY_CONTROLLED_DIABETES,
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
    facet.INFECTION_CARRIED_OVER,
    facet.IA_BLEEDING,
    facet.TEMPORARY_DISCOMFORT,
    facet.IA_INTRAVASCULAR_ENTRY,
    facet.IA_DURAL_PUNCTURE_HEADACHE,
    facet.IA_NERVE_ROOT_CORD_IRRITATION,
    facet.IA_STEROID_SIDE_EFFECTS,
    facet.IA_CORTICOSTEROID_SYSTEMIC_EFFECTS,
  ],

  requiredCounselling: [facet.IA_STEROID_EVIDENCE_COUNSELLING],

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
    facet.DIABETIC_GLUCOSE_PLAN,
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    facet.BASELINE_PAIN_NEURO_EXAM,
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    // Post-procedure
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    facet.DISCHARGE_RED_FLAGS_LUMBAR,
    facet.DIABETIC_GLUCOSE_MONITORING,
    facet.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASRA 2018 moved thoracolumbar facet procedures to low risk. ASIPP 2024 also classes
    // facet IA injection as Low, so it is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [V('asra-news-2019'), V2('narouze-2018-asra')],
    },
  },

  alternatives: [
    facet.NO_INJECTION_CONSERVATIVE_CARE,
    facet.MBB_THEN_RFA,
  ],

  expectedBenefit: facet.IA_STEROID_EXPECTED_BENEFIT,

  followUp: [facet.FOLLOW_UP_RFA_SELECTION_BY_MBB],
};
