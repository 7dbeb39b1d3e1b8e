/**
 * Spinal cord stimulator (SCS) trial.
 * Every fact comes from shared/clinical/fact-reference.md (§2.9, §2.0, §1.2, §1.3, §4,
 * §5, §6) and carries the evidence tag the fact base gives it. §2.9 covers trial and
 * permanent implant together and gives no trial-specific complication rates, so the SCS
 * figures are shown with that caveat. The lead-migration figure comes from a clinic page
 * listed as unverified in §7 item 15 and is tagged [M]. Lead breakage, battery failure,
 * IPG-site pain and the long-term tissue reactions concern the implanted system and are
 * in the permanent-implant template only.
 * Facts tagged 'inference' are not stated for the SCS trial in the fact base; they are
 * carried over from related rows and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as neuromod from '../common/neuromod';

export const scsTrial: Template = {
  id: 'scs-trial',
  version: 1,
  name: 'Spinal cord stimulator trial',
  category: 'Neuromodulation',
  // Level options are not clinical facts: the spinal levels the trial lead(s) cover. max is
  // a UI limit (a lead array spans several levels), not a figure from the fact base.
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
    neuromod.INDICATION_PERSISTENT_SPINAL_PAIN_AFTER_SURGERY,
    neuromod.INDICATION_CRPS,
    neuromod.INDICATION_PAINFUL_DIABETIC_NEUROPATHY,
    neuromod.INDICATION_REFRACTORY_BACK_PAIN,
    {
      id: 'trial-before-implant',
      text: 'Temporary trial of stimulation to decide on a permanent implant: the implant is offered after ≥50% pain reduction during the trial.',
      patientText: 'A test run of the stimulator for a short time, to see whether it helps enough to make a permanent implant worthwhile.',
      sources: [M('fact-base-consensus'), V('levine-2016-scs-trial')],
    },
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
        id: 'fluoroscopic-epidural-lead-placement',
        text: 'Epidural lead(s) placed under fluoroscopy (percutaneous placement; paddle leads are placed via laminotomy).',
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
    neuromod.RISK_EPIDURAL_HEMATOMA,
    neuromod.RISK_SPINAL_CORD_INJURY,
    neuromod.RISK_CSF_LEAK,
  ],

  requiredCounselling: [
    {
      id: 'trial-purpose',
      text:
        'Purpose of the trial explained: a temporary trial decides whether a permanent implant is offered; the usual criterion is ≥50% pain reduction during the trial.',
      patientText:
        'This is a test run. If the stimulator lowers your pain by at least half during the test, a permanent stimulator may be offered.',
      sources: [M('fact-base-consensus'), V('levine-2016-scs-trial')],
    },
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
      text:
        'Psychological evaluation (psychiatric illness affects SCS efficacy). The fact base lists it as a pre-implant check; carried over to the trial, whose result decides the implant.',
      sources: [I('fact-base-consensus'), V('verrills-2016-scs')],
    },
    neuromod.SMOKING_STATUS,
    {
      id: 'infection-risk-glucose-control',
      phase: 'pre',
      text: 'Infection risk and glucose control assessed. The fact base lists this as a pre-implant check; carried over to the trial.',
      sources: [I('fact-base-consensus')],
    },
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    {
      id: 'baseline-pain-neuro-exam',
      phase: 'pre',
      text: 'Baseline pain score and neurologic examination documented (the baseline against which pain reduction during the trial is judged).',
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
    {
      id: 'trial-pain-response-recorded',
      phase: 'post',
      text: 'Pain during the trial recorded against the documented baseline, so the ≥50% pain-reduction criterion can be judged.',
      patientText: 'During the test run, keep track of your pain so you and your doctor can tell how much the stimulator helps.',
      sources: [M('fact-base-consensus')],
    },
  ],

  // ASIPP 2024 also classes the SCS trial as High ("dorsal column and DRG stimulator trial
  // and implant"), so it is not shown (no difference).
  bleedingRisk: neuromod.BLEEDING_RISK_HIGH,

  alternatives: [neuromod.ALTERNATIVE_NO_SCS, neuromod.ALTERNATIVE_INTRATHECAL_DRUG_DELIVERY],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'The trial shows whether stimulation reduces pain enough (≥50%) to justify a permanent implant. Example: Levine et al. implanted 23 of 35 patients, those who reached a ≥50% VAS decrease. Level I–II evidence supports SCS for low back pain with predominant limb pain; smoking, psychiatric illness and implanter experience affect efficacy.',
    patientText:
      'The test run shows whether a stimulator helps your pain enough to be worth a permanent implant. In one study, 23 of 35 people had their pain cut by at least half and went on to get a permanent stimulator.',
    sources: [V('levine-2016-scs-trial'), M('fact-base-consensus'), V('verrills-2016-scs')],
  },

  followUp: [
    {
      id: 'trial-success-threshold',
      text:
        'Trial → implant criterion: ≥50% pain reduction during the trial (general threshold, needs clinical review). Example: Levine et al. implanted 23/35 patients who reached a ≥50% VAS decrease.',
      patientText: 'A permanent stimulator is usually offered only if the test run lowered your pain by at least half.',
      sources: [M('fact-base-consensus'), V('levine-2016-scs-trial')],
    },
    {
      id: 'implant-pre-checks',
      text:
        'Before a permanent implant: psychological evaluation, smoking status, infection risk/glucose control and the MRI-conditionality of the device checked (smoking and psychiatric illness affect efficacy).',
      sources: [M('fact-base-consensus'), V('verrills-2016-scs')],
    },
    {
      id: 'implant-bleeding-plan',
      text:
        'If proceeding: the permanent implant is also a high-bleeding-risk procedure (ASRA 2018 and ASIPP 2024), so a new antithrombotic stop/restart plan is made for it.',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror'), V2('asipp-2024-risk-summary')],
    },
  ],
};
