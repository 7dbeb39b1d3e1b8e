/**
 * Cervical medial branch block (MBB), diagnostic/prognostic before medial branch RFA.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.2, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base gives no MBB
 * complication rates (Manchikanti 2012 rates not visible), so no incidence is stated.
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
import * as sharedFacts from '../common/shared-facts';

export const cervicalMbb: Template = {
  id: 'cervical-medial-branch-block',
  version: 1,
  name: 'Cervical medial branch block',
  category: 'Facet joint / medial branch',
  // Level options are not clinical facts; max is not limited beyond the list (the fact base gives no per-session cap).
  levels: { options: ['Third occipital nerve', 'C3', 'C4', 'C5', 'C6', 'C7'], max: 6 },
  lateralityRequired: true,
  conditions: ['Neck pain', 'Facet joint pain', 'Facet joint arthritis'],

  indications: [
    {
      id: 'suspected-facet-pain',
      text: 'Suspected facet-mediated axial neck pain.',
      patientText: 'Neck pain that may come from the small joints at the back of the spine (facet joints).',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'diagnostic-block-before-rfa',
      text: 'Diagnostic/prognostic block before medial branch radiofrequency ablation (RFA); MBBs are effective for diagnosing facet pain before RFA.',
      patientText:
        'A test to find out whether a longer-lasting treatment of these nerves (radiofrequency ablation) is likely to help you.',
      sources: [V('aapmr-spinal-procedures')],
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
    checks: [
      facet.CONTRAST_INTRAVASCULAR_CHECK,
      sharedFacts.LOW_INJECTATE_VOLUME,
      sharedFacts.LOCAL_ANESTHETIC_RECORDED,
    ],
  },

  risks: [
    facet.INFECTION_CARRIED_OVER,
    {
      id: 'bleeding',
      name: 'Bleeding and local hematoma',
      clinicianText:
        'Local hematoma; profuse bleeding was also a measured outcome in a prospective series of ~43,000 facet nerve blocks (rates not visible).',
      patientText: 'There may be bleeding or a bruise (a small collection of blood) where the needle went in.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [V('manchikanti-2012-facet-complications')],
    },
    facet.TEMPORARY_DISCOMFORT,
    {
      id: 'intravascular-entry',
      name: 'Intravascular entry',
      clinicianText:
        'Needle entry into a blood vessel (measured outcome in the Manchikanti 2012 facet-block series; rates not visible). Contrast is used to detect intravascular uptake.',
      patientText: 'The needle can enter a small blood vessel. The doctor injects dye and watches on X-ray to check for this.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [V('manchikanti-2012-facet-complications'), V('klessinger-2013')],
    },
    {
      id: 'dural-puncture-headache',
      name: 'Dural puncture and headache',
      clinicianText: 'Dural puncture and headache (measured outcome in the Manchikanti 2012 facet-block series; rates not visible).',
      patientText:
        'The needle can go through the thin covering around the nerves. This can cause a headache that is worse when you sit or stand up.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [V('manchikanti-2012-facet-complications')],
    },
    {
      id: 'nerve-root-cord-irritation',
      name: 'Nerve-root or spinal cord irritation',
      clinicianText: 'Nerve-root or spinal cord irritation (measured outcome in the Manchikanti 2012 facet-block series; rates not visible).',
      patientText: 'The needle or medicine can irritate a nearby nerve or the spinal cord.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [V('manchikanti-2012-facet-complications')],
    },
    {
      id: 'dizziness-ataxia',
      name: 'Dizziness or unsteadiness',
      clinicianText:
        'Dizziness/ataxia. Not stated for cervical MBB in the fact base; carried over from the cervical medial branch RFA risks (themselves [M]). No incidence figure.',
      patientText: 'You may feel dizzy or unsteady on your feet for a while after the shot.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [I('fact-base-consensus')],
    },
    {
      id: 'temporary-numbness-weakness',
      name: 'Temporary numbness or weakness',
      clinicianText:
        'Temporary numbness or weakness from the local anesthetic. Not stated for MBB in the fact base; carried over from the transient leg numbness/weakness listed for epidural and SIJ injections. No incidence figure.',
      patientText: 'Your neck, shoulder or arm may feel numb or weak for a short time from the numbing medicine.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [I('spine-health-esi-risks'), I('fact-base-consensus')],
    },
  ],

  requiredCounselling: [
    {
      id: 'diagnostic-purpose',
      text: 'Diagnostic purpose explained: the MBB is a diagnostic/prognostic block done to decide on medial branch RFA.',
      patientText:
        'This shot is a test. It checks whether the small nerves to your facet joints carry your neck pain. The result helps decide whether a longer-lasting nerve treatment (radiofrequency ablation) could help you.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'pain-diary',
      text:
        'Pain diary explained: the patient records pain scores (and activity) at set intervals over the hours covering the local anesthetic’s expected duration; a concordant response supports proceeding.',
      patientText:
        'After the shot, write down your pain score at set times over the next several hours, and note what you were doing. Your doctor will use this diary to decide on the next step.',
      sources: [M('fact-base-consensus')],
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
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    {
      id: 'baseline-pain-neuro-exam',
      phase: 'pre',
      text: 'Baseline pain score and neurologic examination documented (the baseline for the pain diary).',
      sources: [M('fact-base-consensus')],
    },
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
      text: 'Pain diary handed over and the first post-block pain score recorded before discharge.',
      sources: [M('fact-base-consensus')],
    },
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
      note: 'Guidelines differ. ASIPP 2024 classes medial branch blocks, cervical included, as Low; ASRA 2018 classes cervical MBB as Intermediate.',
      sources: [V2('asipp-2024'), V2('asipp-2024-risk-summary')],
    },
  },

  alternatives: [
    {
      id: 'no-block-conservative-care',
      text:
        'No block: continue conservative care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed.',
      patientText:
        'You can choose not to have this test. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
      sources: [V('ama-2-1-1')],
    },
    facet.FACET_INTRA_ARTICULAR_STEROID,
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Diagnostic/prognostic value: MBBs are effective for diagnosing facet joint pain before RFA. The response is judged over the hours of the local anesthetic’s expected duration (pain diary).',
    patientText:
      'The goal is to learn whether these nerves cause your pain. Any relief is watched over the hours that the numbing medicine lasts.',
    sources: [V('aapmr-spinal-procedures'), M('fact-base-consensus')],
  },

  followUp: [
    {
      id: 'pain-diary-review',
      text: 'Pain diary reviewed: a concordant response over the local anesthetic’s expected duration supports proceeding.',
      sources: [M('fact-base-consensus')],
    },
    {
      id: 'rfa-threshold-lumbar-consensus-carried-over',
      text:
        'Threshold before RFA: the fact base states ≥50% pain relief on a prognostic MBB (single vs dual block an individual decision) for the lumbar facet consensus (Cohen 2020) only. Carried over to cervical MBB as an inference; not a cervical recommendation.',
      sources: [I('cohen-2020-lumbar-facet')],
    },
    {
      id: 'rfa-threshold-payer',
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
};
