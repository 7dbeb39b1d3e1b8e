/**
 * Lumbar medial branch block (MBB), diagnostic/prognostic before medial branch RFA.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.2, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base gives no MBB
 * complication rates (Manchikanti 2012 rates not visible), so no incidence is stated.
 * Facts tagged 'inference' are not stated for MBB in the fact base; they are carried
 * over from related rows and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as sharedFacts from '../common/shared-facts';

export const lumbarMbb: Template = {
  id: 'lumbar-medial-branch-block',
  version: 1,
  name: 'Lumbar medial branch block',
  category: 'Facet joint / medial branch',
  // Level options are not clinical facts; max is not limited beyond the list (the fact base gives no per-session cap).
  levels: { options: ['L1', 'L2', 'L3', 'L4', 'L5 dorsal ramus'], max: 5 },
  lateralityRequired: true,
  conditions: ['Low back pain', 'Facet joint pain', 'Facet joint arthritis'],

  indications: [
    {
      id: 'suspected-facet-pain',
      text: 'Suspected facet-mediated axial low back pain.',
      patientText: 'Low back pain that may come from the small joints at the back of the spine (facet joints).',
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
      {
        id: 'refusal-or-unable-to-consent',
        text: 'Patient refusal or inability to consent.',
        sources: [M('fact-base-consensus')],
      },
      commonContraindications.LOCAL_INFECTION,
      {
        id: 'uncorrected-coagulopathy',
        text: 'Uncorrected coagulopathy.',
        sources: [M('fact-base-consensus')],
      },
      commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
    ],
    relative: [
      {
        id: 'pregnancy',
        text: 'Pregnancy (fluoroscopy radiation). A clinic restriction list also names breastfeeding.',
        sources: [M('fact-base-consensus'), V2('vancouverspinedoctor-complications')],
      },
      {
        id: 'contrast-allergy',
        text: 'Contrast allergy: use an alternative or premedicate per local policy.',
        sources: [M('fact-base-consensus'), V2('vancouverspinedoctor-complications')],
      },
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
      commonContraindications.CLINIC_RESTRICTION_CONDITIONS,
    ],
  },

  imaging: {
    options: [
      {
        modality: 'fluoroscopy',
        isDefault: true,
        contrast: 'recommended',
        note:
          'Fluoroscopy is the standard; contrast is used to detect intravascular uptake. Ultrasound is described for cervical targets only, and CT guidance is not supported by guidelines (Klessinger 2013), so neither is offered for lumbar MBB.',
        sources: [V('klessinger-2013')],
      },
    ],
    checks: [
      {
        id: 'contrast-intravascular-check',
        text: 'Contrast injected under fluoroscopy to detect intravascular uptake.',
        sources: [V('klessinger-2013')],
      },
      sharedFacts.LOW_INJECTATE_VOLUME,
      sharedFacts.LOCAL_ANESTHETIC_RECORDED,
    ],
  },

  risks: [
    {
      id: 'infection',
      name: 'Infection',
      clinicianText:
        'Infection at the puncture site. Not among the measured MBB complications in the fact base; included as a universal needle-procedure risk. No incidence figure.',
      patientText: 'Germs can get in where the needle goes through the skin and cause an infection.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-consensus')],
    },
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
    {
      id: 'temporary-discomfort',
      name: 'Temporary discomfort',
      clinicianText:
        'Temporary soreness at the injection site. Not stated for MBB in the fact base; included as a universal needle-procedure risk. No incidence figure.',
      patientText: 'The spot where the needle went in may be sore for a short time.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-consensus')],
    },
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
      id: 'temporary-numbness-weakness',
      name: 'Temporary numbness or weakness',
      clinicianText:
        'Temporary numbness or weakness from the local anesthetic. Not stated for MBB in the fact base; carried over from the transient leg numbness/weakness listed for epidural and SIJ injections. No incidence figure.',
      patientText: 'Your back or leg may feel numb or weak for a short time from the numbing medicine.',
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
        'This shot is a test. It checks whether the small nerves to your facet joints carry your back pain. The result helps decide whether a longer-lasting nerve treatment (radiofrequency ablation) could help you.',
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
    {
      id: 'antithrombotic-review',
      phase: 'pre',
      text:
        'Anticoagulant and antiplatelet medications reviewed, with a documented plan per ASRA 2018 for a low-bleeding-risk procedure; coordinate with the prescriber before stopping any drug.',
      sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
    },
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    {
      id: 'imaging-reviewed',
      phase: 'pre',
      text: 'Relevant imaging reviewed.',
      sources: [M('fact-base-consensus')],
    },
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
    {
      id: 'discharge-red-flags',
      phase: 'post',
      text:
        'Discharge instructions given: seek care for fever, tenderness/redness at the puncture site, new or worsening back pain, or new numbness or weakness. (The fact base states these warning signs for neuraxial procedures; carried over to MBB.)',
      patientText:
        'Get medical help if you have a fever, redness or tenderness where the needle went in, new or worse back pain, or new numbness or weakness.',
      sources: [I('martinez-serrano-discharge-summary')],
    },
    {
      id: 'antithrombotic-restart',
      phase: 'post',
      text: 'Anticoagulant/antiplatelet restart timing given per the documented plan (ASRA 2018 restart intervals), if any drug was held.',
      sources: [V2('uptodate-antithrombotic-mirror'), M('fact-base-consensus')],
    },
  ],

  bleedingRisk: {
    // ASIPP 2024 also classes lumbar MBB as Low, so it is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
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
    {
      id: 'facet-intra-articular-steroid',
      text:
        'Facet intra-articular corticosteroid injection. Sources differ: AAPM&R (citing ASPN/ASIPP) states IA facet steroid injections have been shown to be ineffective when used therapeutically or diagnostically before RFA; the 2024/25 multisociety consensus states that IA corticosteroid in patients with joint inflammation may relieve pain and improves function.',
      patientText:
        'A steroid shot into the facet joint itself. Experts disagree about it: some guidance says it does not help, while newer guidance says it may ease pain and improve function when the joint is inflamed.',
      sources: [V('aapmr-spinal-procedures'), V('facet-sij-corticosteroid-consensus')],
    },
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
      id: 'rfa-threshold-consensus',
      text:
        'Threshold before RFA, lumbar facet consensus (Cohen 2020): ≥50% pain relief on a prognostic MBB; a single vs dual block is an individual decision.',
      sources: [M('cohen-2020-lumbar-facet')],
    },
    {
      id: 'rfa-threshold-payer',
      text:
        'Payer/SIS-style criterion: two diagnostic MBBs, each with ≥80% relief lasting at least the expected duration of the local anesthetic. This differs from the consensus ≥50% single-or-dual-block threshold; both are shown, and neither is chosen here.',
      sources: [V2('droracle-facet-payer-criteria')],
    },
    {
      id: 'rfa-threshold-dissent',
      text:
        'The lumbar facet consensus (Cohen 2020) reached 100% committee consensus on 17 questions, but one society dissented on two: the number of blocks and the cut-off for a positive block before RFA.',
      sources: [V('cohen-2020-lumbar-facet')],
    },
  ],
};
