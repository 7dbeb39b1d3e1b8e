/**
 * Genicular nerve radiofrequency ablation (knee). Not done at spinal levels.
 * Every fact comes from shared/clinical/fact-reference.md (§2.3, §2.2, §2.0, §1.2, §4,
 * §5, §6) and carries the evidence tag the fact base gives it. The fact base gives no
 * complication rates for genicular RFA (the specific reported events are [M]), so no
 * incidence is stated. ASRA 2018 does not list genicular RFA; Low is inferred from the
 * closest categories (peripheral nerve block / joint injection), as the fact base says.
 * The RFA-specific checks (implanted device, grounding pad), neuritis, the expected
 * duration and the repeat-RFA criterion are stated in the fact base for medial branch RFA
 * only (§2.2); they are carried over here as inferences and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as facet from '../common/facet';
import * as commonMonitoring from '../common/monitoring';

export const genicularRfa: Template = {
  id: 'genicular-rfa',
  version: 1,
  name: 'Genicular nerve radiofrequency ablation (knee)',
  category: 'Knee / genicular nerve',
  levels: null,
  lateralityRequired: true,
  conditions: ['Knee osteoarthritis', 'Chronic knee pain', 'Persistent pain after total knee arthroplasty'],

  indications: [
    {
      id: 'knee-oa-failed-first-line',
      text:
        'Chronic knee osteoarthritis pain when first-line treatments (physiotherapy, analgesics, intra-articular injections) have failed and arthroplasty is not preferred.',
      patientText:
        'Long-lasting knee pain from arthritis when exercise therapy, pain medicines and joint injections have not helped enough, and knee replacement surgery is not the preferred choice.',
      sources: [V('alomari-bhatia-2024-bja-educ'), V('arthroscopy-editorial-2022-genicular')],
    },
    {
      id: 'persistent-pain-after-tka',
      text: 'Persistent knee pain after total knee arthroplasty.',
      patientText: 'Knee pain that continues after a knee replacement.',
      sources: [V('alomari-bhatia-2024-bja-educ'), V('arthroscopy-editorial-2022-genicular')],
    },
    {
      id: 'prognostic-genicular-block',
      text:
        'Prognostic genicular nerve block: >50% relief is commonly used; in one series a 50% cutoff was predictive (OR 2.1). A review found no outcome difference with vs without prognostic blocks.',
      patientText:
        'Some doctors first give a numbing test shot around the same nerves. If it eases more than half of your pain, the treatment is more likely to help. Not all doctors use this test.',
      sources: [V('kose-2022-korean-j-pain'), V('genicular-review-2019')],
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
      {
        id: 'pregnancy',
        text: 'Pregnancy (fluoroscopy radiation).',
        sources: [M('fact-base-consensus')],
      },
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
    ],
  },

  imaging: {
    options: [
      {
        modality: 'fluoroscopy',
        isDefault: true,
        contrast: 'optional',
        note:
          'Fluoroscopy or ultrasound (BJA Education 2024); neither is preferred in the fact base, fluoroscopy is the default here. The fact base gives no contrast rule for genicular RFA; "optional" is an inference and needs clinical review.',
        sources: [V('alomari-bhatia-2024-bja-educ'), I('fact-base-consensus')],
      },
      {
        modality: 'ultrasound',
        isDefault: false,
        contrast: 'not-used',
        note:
          'Ultrasound guidance is an alternative to fluoroscopy (BJA Education 2024). The fact base gives no contrast rule for genicular RFA; "not used" is an inference and needs clinical review.',
        sources: [V('alomari-bhatia-2024-bja-educ'), I('fact-base-consensus')],
      },
    ],
    checks: [
      {
        id: 'genicular-targets',
        text:
          'Targets recorded: classically the superomedial, superolateral and inferomedial genicular nerves; more targets are increasingly used.',
        sources: [V('genicular-targets-2025-retrospective')],
      },
    ],
  },

  risks: [
    {
      id: 'infection',
      name: 'Infection, including septic arthritis',
      clinicianText:
        'Infection; septic arthritis has been reported after genicular RFA (specific event unverified). No incidence figure was found.',
      patientText: 'Germs can get in where the needle goes through the skin. Rarely, an infection inside the knee joint has been reported.',
      severity: 'serious',
      frequency: 'unknown',
      universal: true,
      sources: [M('fact-base-consensus')],
    },
    {
      id: 'bleeding',
      name: 'Bleeding, including hemarthrosis',
      clinicianText:
        'Bleeding; hemarthrosis (bleeding into the knee joint) has been reported after genicular RFA (specific event unverified). No incidence figure was found.',
      patientText: 'There may be bleeding or a bruise where the needle went in. Bleeding inside the knee joint has also been reported.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [M('fact-base-consensus')],
    },
    facet.TEMPORARY_DISCOMFORT,
    {
      id: 'skin-burn',
      name: 'Skin burn',
      clinicianText: 'Skin burn has been reported after genicular RFA (specific event unverified). No incidence figure was found.',
      patientText: 'The skin can get burned where the sticky grounding pad is placed or where the treatment needle goes in.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-consensus')],
    },
    {
      id: 'numbness',
      name: 'Numbness',
      clinicianText: 'Numbness has been reported after genicular RFA (specific event unverified). No incidence figure was found.',
      patientText: 'You may have numbness near the treated area of the knee.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-consensus')],
    },
    {
      id: 'rfa-neuritis',
      name: 'Post-procedure neuritis',
      clinicianText:
        'Post-procedure burning, hypersensitivity or sunburn-like pain (neuritis), on average lasting no more than 1–2 weeks. Stated for medial branch RFA in the fact base (vendor FAQ); carried over to genicular RFA. No incidence figure.',
      patientText:
        'After the treatment the area may burn, feel extra sensitive, or hurt like a sunburn. This usually lasts no more than 1 to 2 weeks.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [I('medical-ware-rfa-faq')],
    },
  ],

  requiredCounselling: [
    {
      id: 'nature-and-purpose',
      text:
        'Nature and purpose of genicular nerve RFA explained, with the burdens, risks and expected benefits of all options, including forgoing treatment.',
      patientText:
        'We talked about what this nerve treatment is, how it may help your knee pain, how it could harm you, and your other choices, including not having it.',
      sources: [V('ama-2-1-1')],
    },
    {
      id: 'safety-profile',
      text:
        'Safety discussed: genicular RFA is relatively safe, with no adverse events reported in reviewed trials but several case reports (reported events include hemarthrosis, septic arthritis, skin burn and numbness; specific events unverified).',
      patientText:
        'This treatment is thought to be fairly safe. Studies found no harms, but there are a few reports of problems such as bleeding or infection in the knee, skin burns, and numbness.',
      sources: [V('genicular-review-2019'), M('fact-base-consensus')],
    },
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    {
      id: 'verify-procedure-site-laterality',
      phase: 'pre',
      text:
        'Correct procedure and site (knee laterality) verified, involving the awake patient where possible, at each stage and whenever responsibility passes to another team member (UP.01.01.01).',
      sources: [V('tjc-universal-protocol')],
    },
    {
      id: 'site-marked',
      phase: 'pre',
      text:
        'Site (left or right knee) marked before the procedure by the accountable practitioner who will be present, involving the patient where possible; mark visible after prep and draping (UP.01.02.01).',
      sources: [V('tjc-universal-protocol')],
    },
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    {
      id: 'antithrombotic-review',
      phase: 'pre',
      text:
        'Anticoagulant and antiplatelet medications reviewed, with a documented plan per ASRA 2018 for a low-bleeding-risk procedure (genicular RFA is not listed; Low is inferred from peripheral nerve block / joint injection); coordinate with the prescriber before stopping any drug.',
      sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror'), I('uptodate-bleeding-risk-mirror')],
    },
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    facet.IMAGING_REVIEWED,
    commonMonitoring.PREGNANCY_STATUS,
    {
      id: 'implanted-device-check',
      phase: 'pre',
      text:
        'Pacemaker/ICD or other implanted stimulator asked about; if present, device management planned before RF energy is used (RF energy interference). Stated for medial branch RFA in the fact base; carried over to genicular RFA.',
      sources: [I('fact-base-consensus')],
    },
    {
      id: 'metal-implants-near-pad',
      phase: 'pre',
      text:
        'Metal implants near the planned grounding pad site checked (including a knee replacement when treating pain after arthroplasty). Stated for medial branch RFA in the fact base; carried over to genicular RFA.',
      sources: [I('fact-base-consensus')],
    },
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    facet.BASELINE_PAIN_NEURO_EXAM,
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    {
      id: 'grounding-pad-placement',
      phase: 'intra',
      text: 'Grounding pad placement checked before RF energy is used. Stated for medial branch RFA in the fact base; carried over to genicular RFA.',
      sources: [I('fact-base-consensus')],
    },
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    // Post-procedure
    {
      id: 'grounding-pad-skin-check',
      phase: 'post',
      text: 'Skin at the grounding pad site checked after the procedure. Stated for medial branch RFA in the fact base; carried over to genicular RFA.',
      sources: [I('fact-base-consensus')],
    },
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    {
      id: 'discharge-red-flags',
      phase: 'post',
      text:
        'Discharge instructions given: seek care for fever, or tenderness/redness at the puncture site. (The fact base states these warning signs for neuraxial procedures; carried over to genicular RFA.)',
      sources: [I('martinez-serrano-discharge-summary')],
    },
    facet.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // Neither ASRA 2018 nor ASIPP 2024 lists genicular RFA; both classes are inferred as Low
    // from peripheral nerve block / joint injection, so ASIPP 2024 is not shown (no difference).
    asra2018: {
      class: 'low',
      sources: [I('narouze-2018-asra'), I('uptodate-bleeding-risk-mirror')],
    },
  },

  alternatives: [
    facet.NO_RFA_CONSERVATIVE_CARE,
    {
      id: 'first-line-treatments',
      text: 'First-line treatments for knee osteoarthritis pain: physiotherapy, analgesics, intra-articular injections.',
      patientText: 'Exercise therapy, pain medicines, or injections into the knee joint.',
      sources: [V('alomari-bhatia-2024-bja-educ')],
    },
    {
      id: 'knee-arthroplasty',
      text: 'Knee arthroplasty, where it is preferred (genicular RFA is indicated when arthroplasty is not preferred).',
      patientText: 'Knee replacement surgery.',
      sources: [V('alomari-bhatia-2024-bja-educ')],
    },
    {
      id: 'genicular-local-anesthetic-steroid',
      text:
        'Genicular nerve local anesthetic + steroid injection: a randomized sham-controlled bipolar RFA trial (n=64) found no difference between bipolar RFA and genicular local anesthetic + steroid at 12 months.',
      patientText:
        'A numbing medicine and steroid shot around the same knee nerves. One study found it worked about as well as this treatment after 12 months.',
      sources: [V('malaithong-2023-rapm')],
    },
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Responders (>50% relief): 59% at 3 months up to 74% at 6 months (review); 62% success at 6 months (n=206). A randomized sham-controlled bipolar RFA trial (n=64) found no difference vs genicular local anesthetic + steroid at 12 months.',
    patientText:
      'In studies, about 6 in 10 people had more than half of their knee pain relieved at 3 months, and up to about 3 in 4 at 6 months. One study found this treatment worked no better after 12 months than a numbing-and-steroid shot around the same nerves.',
    sources: [V('genicular-review-2019'), V('kose-2022-korean-j-pain'), V('malaithong-2023-rapm')],
  },

  followUp: [
    {
      id: 'expected-duration',
      text:
        'Expected duration: not stated for genicular RFA in the fact base (outcomes are reported at 3, 6 and 12 months). For medial branch RFA, clinic pages quote 6–12 months (6–18 months on another); carried over here as an inference.',
      sources: [V('genicular-review-2019'), I('rfa-duration-clinic-pages')],
    },
    {
      id: 'repeat-rfa-criteria',
      text:
        'Repeat RFA: no criterion is stated for genicular RFA in the fact base. The Medicare facet-RFA criterion (≥50% relief lasting ≥6 months from the previous RFA, with a limit on sessions per rolling 12 months) is carried over for clinical review only; it is a facet-joint coverage rule.',
      sources: [I('medicare-facet-lcds')],
    },
    {
      id: 'neuritis-course-review',
      text:
        'Post-procedure neuritis (burning, hypersensitivity or sunburn-like pain) reviewed at follow-up; on average it lasts no more than 1–2 weeks (stated for medial branch RFA; carried over).',
      patientText: 'Tell us if burning or sunburn-like pain in the treated area lasts more than 1 to 2 weeks.',
      sources: [I('medical-ware-rfa-faq')],
    },
  ],
};
