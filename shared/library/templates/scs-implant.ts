/**
 * Spinal cord stimulator (SCS) permanent implant.
 * Every fact comes from shared/clinical/fact-reference.md (§2.9, §2.0, §1.2, §1.3, §4,
 * §5, §6) and carries the evidence tag the fact base gives it. The lead-migration,
 * lead-breakage and battery-failure figures come from a clinic page listed as unverified
 * in §7 item 15 and are tagged [M]; §2.9 gives no separate trial and implant rates.
 * Facts tagged 'inference' are not stated for the SCS implant in the fact base; they are
 * carried over from related rows and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as neuromod from '../common/neuromod';

export const scsImplant: Template = {
  id: 'scs-permanent-implant',
  version: 1,
  name: 'Spinal cord stimulator permanent implant',
  category: 'Neuromodulation',
  // Level options are not clinical facts: the spinal levels the implanted lead(s) cover. max
  // is a UI limit (a lead array spans several levels), not a figure from the fact base.
  levels: { options: ['C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12'], max: 4 },
  lateralityRequired: false,
  conditions: [
    'Persistent spinal pain after surgery (failed back surgery syndrome)',
    'Complex regional pain syndrome',
    'Painful diabetic neuropathy',
    'Chronic refractory back pain',
    'Chronic neuropathic pain',
  ],

  indications: [
    {
      id: 'successful-scs-trial',
      text: 'Successful SCS trial: ≥50% pain reduction during the trial (general threshold; e.g. Levine et al. implanted 23/35 patients who reached a ≥50% VAS decrease).',
      patientText: 'The test run of the stimulator lowered your pain by at least half.',
      sources: [M('fact-base-consensus'), V('levine-2016-scs-trial')],
    },
    neuromod.INDICATION_PERSISTENT_SPINAL_PAIN_AFTER_SURGERY,
    neuromod.INDICATION_CRPS,
    neuromod.INDICATION_PAINFUL_DIABETIC_NEUROPATHY,
    neuromod.INDICATION_REFRACTORY_BACK_PAIN,
  ],

  contraindications: {
    absolute: [
      neuromod.REFUSAL_OR_UNABLE_TO_CONSENT,
      neuromod.LOCAL_INFECTION_NEEDLE_OR_INCISION_SITE,
      neuromod.SYSTEMIC_INFECTION,
      neuromod.UNCORRECTED_COAGULOPATHY_HIGH_RISK,
      commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
    ],
    relative: [
      neuromod.PREGNANCY,
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
    ],
  },

  imaging: {
    options: [neuromod.FLUOROSCOPY_OPTION],
    checks: [
      {
        id: 'lead-placement-technique',
        text: 'Lead type and technique recorded: percutaneous lead(s) placed in the epidural space under fluoroscopy, or paddle lead(s) via laminotomy.',
        sources: [V('taylor-francis-scs-chapter')],
      },
      neuromod.VERTEBRAL_LEVEL_BY_IMAGING,
      neuromod.ESSENTIAL_IMAGING_DISPLAYED,
    ],
  },

  risks: [
    neuromod.RISK_INFECTION,
    neuromod.RISK_BLEEDING,
    neuromod.RISK_TEMPORARY_DISCOMFORT,
    neuromod.RISK_LEAD_MIGRATION,
    {
      id: 'lead-breakage',
      name: 'Lead breakage',
      clinicianText:
        'Lead breakage ~9% (single study, reported on a clinic page; needs clinical review, verify against Cameron 2004 / Eldabe 2016). Device complications overall occur in 17% of patients (Deer).',
      patientText: 'A wire (lead) can break. In one study this happened to about 9 out of 100 people.',
      incidence: {
        text: 'Lead breakage ~9% (single study; clinic page, unverified)',
        sources: [M('painandspineclinics-scs')],
      },
      severity: 'moderate',
      frequency: 'common',
      universal: false,
      sources: [M('painandspineclinics-scs'), V('deer-scs-complications-chapter')],
    },
    {
      id: 'battery-failure',
      name: 'Battery (IPG) failure',
      clinicianText:
        'Battery failure ~2% (single study, reported on a clinic page; needs clinical review, verify against Cameron 2004 / Eldabe 2016).',
      patientText: 'The battery of the stimulator can fail. In one study this happened to about 2 out of 100 people.',
      incidence: {
        text: 'Battery failure ~2% (single study; clinic page, unverified)',
        sources: [M('painandspineclinics-scs')],
      },
      severity: 'moderate',
      frequency: 'common',
      universal: false,
      sources: [M('painandspineclinics-scs')],
    },
    {
      id: 'ipg-site-pain',
      name: 'Pain at the battery (IPG) site',
      clinicianText: 'Pain at the implantable pulse generator (IPG) site in 17% (127/764) of implanted patients (Baranidharan 2020).',
      patientText: 'The place where the battery sits under the skin can hurt. This happened to about 17 out of 100 people with an implant.',
      incidence: {
        text: 'IPG-site pain in 17% (127/764) of implanted patients',
        sources: [V('baranidharan-2020-ipg-pain')],
      },
      severity: 'moderate',
      frequency: 'common',
      universal: false,
      sources: [V('baranidharan-2020-ipg-pain')],
    },
    neuromod.RISK_EPIDURAL_HEMATOMA,
    neuromod.RISK_SPINAL_CORD_INJURY,
    neuromod.RISK_CSF_LEAK,
    {
      id: 'epidural-fibrosis',
      name: 'Epidural fibrosis (scar tissue)',
      clinicianText: 'Epidural fibrosis in 19%, often asymptomatic (Deer).',
      patientText: 'Scar tissue can form around the wires. This happened to about 19 out of 100 people, and it often causes no symptoms.',
      incidence: {
        text: 'Epidural fibrosis in 19% (often asymptomatic)',
        sources: [V('deer-scs-complications-chapter')],
      },
      severity: 'minor',
      frequency: 'common',
      universal: false,
      sources: [V('deer-scs-complications-chapter'), V('scs-complications-review-2023')],
    },
    {
      id: 'syrinx-foreign-body-reaction',
      name: 'Syrinx or foreign-body reaction',
      clinicianText: 'Syrinx and foreign-body reaction are described in case reports (2023 review). No incidence figure.',
      patientText: 'In rare reports, the body reacted to the implant, or a fluid-filled space formed in the spinal cord.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V('scs-complications-review-2023')],
    },
  ],

  requiredCounselling: [
    neuromod.COUNSEL_SCS_COMPLICATION_RATES,
    neuromod.COUNSEL_SMOKING_AFFECTS_EFFICACY,
    neuromod.COUNSEL_WHO_PERFORMS,
    neuromod.COUNSEL_BENEFITS_RISKS_ALTERNATIVES,
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    commonMonitoring.VERIFY_PROCEDURE_SITE_LEVEL_LATERALITY,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    neuromod.IMPLANTS_DEVICES_AVAILABLE,
    {
      id: 'trial-result-documented',
      phase: 'pre',
      text: 'Trial result documented: ≥50% pain reduction during the SCS trial.',
      sources: [M('fact-base-consensus'), V('levine-2016-scs-trial')],
    },
    commonMonitoring.ALLERGIES_REVIEWED,
    neuromod.ANTITHROMBOTIC_REVIEW_HIGH_RISK,
    neuromod.HIGH_RISK_ASPIRIN_NSAID_HOLDS,
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    neuromod.IMAGING_REVIEWED,
    commonMonitoring.PREGNANCY_STATUS,
    commonMonitoring.INFECTION_SCREEN,
    {
      id: 'psychological-evaluation',
      phase: 'pre',
      text: 'Psychological evaluation done (psychiatric illness affects SCS efficacy).',
      sources: [M('fact-base-consensus'), V('verrills-2016-scs')],
    },
    neuromod.SMOKING_STATUS,
    {
      id: 'infection-risk-glucose-control',
      phase: 'pre',
      text: 'Infection risk and glucose control assessed.',
      sources: [M('fact-base-consensus')],
    },
    {
      id: 'mri-conditionality-checked',
      phase: 'pre',
      text: 'MRI-conditionality of the device checked.',
      sources: [M('fact-base-consensus')],
    },
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    {
      id: 'baseline-pain-neuro-exam',
      phase: 'pre',
      text: 'Baseline pain score and neurologic examination documented.',
      sources: [M('fact-base-consensus')],
    },
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    neuromod.ANTIBIOTIC_PROPHYLAXIS_CHECK,
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    neuromod.WHO_SIGN_OUT,
    // Post-procedure
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    neuromod.EPIDURAL_HEMATOMA_OBSERVATION,
    neuromod.DISCHARGE_RED_FLAGS,
    neuromod.ANTITHROMBOTIC_RESTART,
  ],

  // ASIPP 2024 also classes the SCS implant as High, so it is not shown (no difference).
  bleedingRisk: neuromod.BLEEDING_RISK_HIGH,

  alternatives: [neuromod.ALTERNATIVE_NO_SCS, neuromod.ALTERNATIVE_INTRATHECAL_DRUG_DELIVERY],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Level I–II evidence supports SCS for low back pain with predominant limb pain (Verrills 2016). Smoking, psychiatric illness and implanter experience affect efficacy. The implant follows a trial with ≥50% pain reduction.',
    patientText:
      'Good studies show that a spinal cord stimulator can help long-lasting back pain that spreads mostly into the leg. Smoking and some mental health conditions can affect how well it works.',
    sources: [V('verrills-2016-scs'), M('fact-base-consensus')],
  },

  followUp: [
    {
      id: 'device-complication-review',
      text:
        'Follow-up reviews the patient for device complications: electrode migration (the most common), lead breakage, battery failure and IPG-site pain. The fact base gives the complications, not a follow-up schedule; the review itself is an inference.',
      sources: [I('fact-base-consensus'), V('scs-complications-review-2023'), V('baranidharan-2020-ipg-pain'), M('painandspineclinics-scs')],
    },
    {
      id: 'ipg-replacement-low-risk',
      text: 'IPG replacement or pocket revision, when needed, is a low-bleeding-risk procedure under ASRA 2018 and ASIPP 2024.',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror'), V2('asipp-2024-risk-summary')],
    },
  ],
};
