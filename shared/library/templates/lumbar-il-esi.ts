/**
 * Lumbar interlaminar epidural steroid injection (ILESI).
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.1, §1.2, §3.1,
 * §3.2, §4, §5, §6) and carries the evidence tag the fact base gives it.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as esi from '../common/esi';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as esiSections from '../common/esi-sections';

export const lumbarIlEsi: Template = {
  id: 'lumbar-interlaminar-esi',
  version: 1,
  name: 'Lumbar interlaminar epidural steroid injection',
  category: 'Epidural steroid injection',
  // max 1: LCD L33906 allows interlaminar ESI at no more than 1 level (see followUp).
  levels: { options: ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1'], max: 1 },
  lateralityRequired: false,
  conditions: ['Sciatica', 'Lumbar radiculopathy', 'Herniated disc', 'Spinal stenosis', 'Post-laminectomy syndrome'],

  indications: [
    {
      id: 'radicular-pain-disc-herniation',
      text: 'Lumbar radicular pain from disc herniation (corticosteroid ± local anesthetic into the epidural space).',
      patientText: 'Nerve pain that spreads down the leg, caused by a bulging (herniated) disc in the lower back.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'radicular-pain-stenosis',
      text: 'Lumbar radicular pain from spondylotic central, lateral-recess or foraminal stenosis.',
      patientText: 'Nerve pain down the leg caused by narrowing of the spaces around the nerves in the lower spine (spinal stenosis).',
      sources: [V('aapmr-spinal-procedures')],
    },
    esi.LCD_COVERED_INDICATIONS,
    esi.DURATION_AND_FAILED_CONSERVATIVE_CARE,
    esi.CONCORDANT_HISTORY_EXAM_IMAGING,
  ],

  contraindications: esiSections.INTERLAMINAR_CAUDAL_CONTRAINDICATIONS,


  imaging: esiSections.THORACIC_LUMBAR_IL_IMAGING,


  risks: [
    esi.INFECTION,
    esi.BLEEDING,
    esi.TEMPORARY_DISCOMFORT,
    {
      id: 'intravascular-injection',
      name: 'Intravascular injection',
      clinicianText:
        'Needle entry into a blood vessel, reported in 0.5% of lumbar interlaminar epidurals (7.9% for lumbar transforaminal). Intravascular injection can cause local anesthetic toxicity, and inadvertent intra-arterial injection of particulate steroid can cause embolic infarction.',
      patientText:
        'The needle can enter a small blood vessel. This happens in about 1 in 200 of these injections. The doctor uses X-ray and dye to guide the needle.',
      incidence: {
        text: 'Intravascular entry in 0.5% of lumbar interlaminar injections (prospective study of >10,000 fluoroscopic epidurals)',
        sources: [V2('manchikanti-2012-epidural-complications')],
      },
      severity: 'serious',
      frequency: 'uncommon',
      universal: false,
      sources: [V2('manchikanti-2012-epidural-complications'), V2('spine-health-esi-risks'), V2('spine-secrets-excerpt'), V('racoosin-2017-nejm')],
    },
    {
      id: 'dural-puncture-headache',
      name: 'Dural puncture and post-dural-puncture headache',
      clinicianText:
        'Dural puncture: 0.8% of lumbar interlaminar epidurals (0.5% overall across fluoroscopic epidurals); a textbook excerpt gives 2.5% with the lumbar sublaminar approach. Post-dural-puncture headache is positional and usually improves in days; epidural blood patch if persistent. No incidence figure for the headache itself was found.',
      patientText:
        'The needle can go through the thin covering around the nerves. This happens in a little less than 1 in 100 of these injections. It can cause a headache that is worse when you sit or stand up. The headache usually gets better in a few days. If it does not, a treatment called a blood patch can help.',
      incidence: {
        text: 'Dural puncture in 0.8% of lumbar interlaminar injections (0.5% overall); 2.5% with the lumbar sublaminar approach (textbook excerpt)',
        sources: [V2('manchikanti-2012-epidural-complications'), V2('stepshealth-textbook-excerpt')],
      },
      severity: 'moderate',
      frequency: 'uncommon',
      universal: false,
      sources: [V2('manchikanti-2012-epidural-complications'), V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
    },
    esi.NERVE_INJURY,
    esi.CATASTROPHIC_NEUROLOGIC_EVENTS,
    esi.EPIDURAL_HEMATOMA,
    esi.STEROID_SIDE_EFFECTS,
    esi.BLOOD_GLUCOSE_RISE,
    esi.HPA_AXIS_SUPPRESSION,
    esi.BONE_DENSITY_DECREASE,
    esi.ALLERGIC_REACTION,
    esi.VASOVAGAL_REACTION,
    esi.TEMPORARY_LEG_NUMBNESS_WEAKNESS,
  ],

  requiredCounselling: esiSections.ESI_REQUIRED_COUNSELLING,


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
        'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure (ASIPP 2024 classes lumbar interlaminar ESI above L5 as High, see bleeding risk); coordinate with the prescriber before stopping any drug.',
      sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
    },
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    esi.IMAGING_REVIEWED,
    commonMonitoring.PREGNANCY_STATUS,
    esi.DIABETIC_GLUCOSE_PLAN,
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    esi.BASELINE_PAIN_NEURO_EXAM,
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    // Post-procedure
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    esi.DISCHARGE_RED_FLAGS,
    esi.DIABETIC_GLUCOSE_MONITORING,
    esi.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    asra2018: {
      class: 'intermediate',
      // ASRA 2015 list: "Interlaminar ESIs (C,T,L,S)" as intermediate.
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror'), V2('clinicalpainadvisor-asra-2015')],
    },
    asipp2024: {
      class: 'high',
      note:
        'Guidelines differ. ASIPP 2024 classes lumbar interlaminar ESI above L5 as High, and at L5–S1 as Intermediate (the same as ASRA 2018); ASRA 2018 classes all interlaminar ESI as Intermediate. "High" applies to L1–L2 through L4–L5 only.',
      sources: [V2('asipp-2024'), V2('asipp-2024-risk-summary')],
    },
  },

  alternatives: [
    esi.NO_INJECTION_CONSERVATIVE_CARE,
    {
      id: 'transforaminal-or-caudal-esi',
      text:
        'Epidural steroid by a transforaminal or caudal approach instead of interlaminar. Bleeding-risk classes differ under ASIPP 2024 (lumbar transforaminal: Low at L3, L4, L5 and S1, Intermediate at L1–L2; caudal: Intermediate). One large database analysis, cited only in a forum post (low reliability; verify), found higher odds of nerve-root injury (OR 1.69) and lower odds of epidural hematoma (OR 0.60) with TFESI than with interlaminar ESI.',
      patientText:
        'The steroid can reach the same space by a different path: through the opening where the nerve leaves the spine (transforaminal), or through an opening near the tailbone (caudal). Each path has its own risks.',
      sources: [V('aapmr-spinal-procedures'), V2('asipp-2024-risk-summary'), V2('studentdoctor-tf-vs-il')],
    },
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text: 'Epidural steroid injection is effective for radicular pain, but relief is short-term and not long-lasting (AAPM&R, citing ASPN/ASIPP).',
    patientText: 'The shot can ease nerve pain that goes down the leg. The relief is usually short-term and may not last.',
    sources: [V('aapmr-spinal-procedures')],
  },

  followUp: esiSections.LUMBAR_THORACIC_CAUDAL_FOLLOW_UP,

};
