/**
 * Thoracic interlaminar epidural steroid injection (ILESI).
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.1, §1.2, §3.1,
 * §3.2, §4, §5, §6) and carries the evidence tag the fact base gives it. The Manchikanti
 * 2012 summary gives a single "thoracic" figure for intravascular entry and dural puncture
 * without naming the approach; it is used here with that caveat.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as esi from '../common/esi';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as esiSections from '../common/esi-sections';

export const thoracicIlEsi: Template = {
  id: 'thoracic-interlaminar-esi',
  version: 1,
  name: 'Thoracic interlaminar epidural steroid injection',
  category: 'Epidural steroid injection',
  // max 1: LCD L33906 allows interlaminar ESI at no more than 1 level (see followUp).
  levels: {
    options: ['T1-T2', 'T2-T3', 'T3-T4', 'T4-T5', 'T5-T6', 'T6-T7', 'T7-T8', 'T8-T9', 'T9-T10', 'T10-T11', 'T11-T12', 'T12-L1'],
    max: 1,
  },
  lateralityRequired: false,
  conditions: ['Thoracic radiculopathy', 'Herniated disc', 'Spinal stenosis'],

  indications: [
    {
      id: 'radicular-pain-disc-herniation',
      text: 'Thoracic radicular pain from disc herniation (corticosteroid ± local anesthetic into the epidural space).',
      patientText: 'Nerve pain that spreads out from the middle of the back along a nerve, caused by a bulging (herniated) disc.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'radicular-pain-stenosis',
      text: 'Thoracic radicular pain from spondylotic central, lateral-recess or foraminal stenosis.',
      patientText:
        'Nerve pain that spreads out from the middle of the back, caused by narrowing of the spaces around the nerves in the spine (spinal stenosis).',
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
        'Needle entry into a blood vessel, reported in 4% of thoracic epidurals (the summary does not name the thoracic approach). Intravascular injection can cause local anesthetic toxicity, and inadvertent intra-arterial injection of particulate steroid can cause embolic infarction.',
      patientText:
        'The needle can enter a small blood vessel. This happens in about 4 out of 100 mid-back epidural injections. The doctor uses X-ray and dye to guide the needle.',
      incidence: {
        text: 'Intravascular entry in 4% of thoracic epidural injections (prospective study of >10,000 fluoroscopic epidurals; approach not named in the summary)',
        sources: [V2('manchikanti-2012-epidural-complications')],
      },
      severity: 'serious',
      frequency: 'common',
      universal: false,
      sources: [V2('manchikanti-2012-epidural-complications'), V2('spine-health-esi-risks'), V2('spine-secrets-excerpt'), V('racoosin-2017-nejm')],
    },
    {
      id: 'dural-puncture-headache',
      name: 'Dural puncture and post-dural-puncture headache',
      clinicianText:
        'Dural puncture: 1.3% of thoracic epidurals (0.5% overall across fluoroscopic epidurals; the summary does not name the thoracic approach). Post-dural-puncture headache is positional and usually improves in days; epidural blood patch if persistent. No incidence figure for the headache itself was found.',
      patientText:
        'The needle can go through the thin covering around the nerves. This happens in a little more than 1 in 100 mid-back epidural injections. It can cause a headache that is worse when you sit or stand up. The headache usually gets better in a few days. If it does not, a treatment called a blood patch can help.',
      incidence: {
        text: 'Dural puncture in 1.3% of thoracic epidural injections (0.5% overall; approach not named in the summary)',
        sources: [V2('manchikanti-2012-epidural-complications')],
      },
      severity: 'moderate',
      frequency: 'common',
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
    esi.TEMPORARY_NUMBNESS_WEAKNESS_CARRIED_OVER,
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
        'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure (ASIPP 2024 classes thoracic interlaminar ESI as High, see bleeding risk); coordinate with the prescriber before stopping any drug.',
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
        'Guidelines differ. ASIPP 2024 classes thoracic interlaminar ESI as High (with cervical interlaminar and lumbar interlaminar above L5); ASRA 2018 classes all interlaminar ESI as Intermediate. ASIPP 2024 classes thoracic transforaminal ESI as Intermediate.',
      sources: [V2('asipp-2024'), V2('asipp-2024-risk-summary')],
    },
  },

  alternatives: [
    esi.NO_INJECTION_CONSERVATIVE_CARE,
    {
      id: 'transforaminal-esi',
      text:
        'Epidural steroid by a thoracic transforaminal approach instead of interlaminar. Bleeding-risk classes differ under ASIPP 2024 (thoracic transforaminal: Intermediate; thoracic interlaminar: High). One large database analysis, cited only in a forum post (low reliability; verify), found higher odds of nerve-root injury (OR 1.69) and lower odds of epidural hematoma (OR 0.60) with TFESI than with interlaminar ESI.',
      patientText:
        'The steroid can reach the same space by a different path: through the opening where the nerve leaves the spine (transforaminal). Each path has its own risks.',
      sources: [V('aapmr-spinal-procedures'), V2('asipp-2024-risk-summary'), V2('studentdoctor-tf-vs-il')],
    },
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    // The fact base states "short-term relief" for lumbar ESI only; the general ESI statement is used here.
    text: 'Epidural steroid injection is effective for radicular pain, but relief is not long-lasting (AAPM&R, citing ASPN/ASIPP).',
    patientText: 'The shot can ease nerve pain that spreads out from the spine. The relief may not last.',
    sources: [V('aapmr-spinal-procedures')],
  },

  followUp: esiSections.LUMBAR_THORACIC_CAUDAL_FOLLOW_UP,

};
