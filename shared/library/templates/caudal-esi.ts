/**
 * Caudal epidural steroid injection.
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.1, §1.2, §3.1,
 * §3.2, §4, §5, §6) and carries the evidence tag the fact base gives it. The fact base
 * gives a caudal figure for intravascular entry but none for dural puncture, so the
 * overall dural-puncture figure is shown with that caveat.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as esi from '../common/esi';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as esiSections from '../common/esi-sections';

export const caudalEsi: Template = {
  id: 'caudal-esi',
  version: 1,
  name: 'Caudal epidural steroid injection',
  category: 'Epidural steroid injection',
  // One midline entry (sacral hiatus): no level to pick. LCD L33906 allows caudal ESI at no
  // more than 1 level (see followUp).
  levels: null,
  lateralityRequired: false,
  conditions: ['Sciatica', 'Lumbar radiculopathy', 'Herniated disc', 'Spinal stenosis', 'Post-laminectomy syndrome'],

  indications: [
    {
      id: 'radicular-pain-disc-herniation',
      text: 'Radicular pain from disc herniation (corticosteroid ± local anesthetic into the epidural space by the caudal route).',
      patientText: 'Nerve pain that spreads down the leg, caused by a bulging (herniated) disc in the lower back.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'radicular-pain-stenosis',
      text: 'Radicular pain from spondylotic central, lateral-recess or foraminal stenosis.',
      patientText: 'Nerve pain down the leg caused by narrowing of the spaces around the nerves in the lower spine (spinal stenosis).',
      sources: [V('aapmr-spinal-procedures')],
    },
    esi.LCD_COVERED_INDICATIONS,
    esi.DURATION_AND_FAILED_CONSERVATIVE_CARE,
    esi.CONCORDANT_HISTORY_EXAM_IMAGING,
  ],

  contraindications: esiSections.INTERLAMINAR_CAUDAL_CONTRAINDICATIONS,


  imaging: {
    options: [
      {
        modality: 'fluoroscopy',
        isDefault: true,
        contrast: 'required',
        note:
          'Fluoroscopy with contrast is the standard of care. LCD L33906 covers image guidance (CT or fluoroscopy) with contrast unless contrast is contraindicated.',
        sources: [V('statpearls-epidural-steroids'), V2('lcd-l33906')],
      },
      {
        modality: 'ct',
        isDefault: false,
        contrast: 'required',
        note: 'CT guidance with contrast is an accepted alternative to fluoroscopy (fluoroscopy or CT with contrast; LCD L33906: CT/fluoroscopy with contrast unless contraindicated).',
        sources: [V('statpearls-epidural-steroids'), V2('lcd-l33906')],
      },
    ],
    checks: [
      esi.IMAGE_GUIDANCE_WITH_CONTRAST,
      esi.STEROID_CHOICE_INTERLAMINAR_CAUDAL,
      esi.STEROID_DOSE_REVIEWED_INTERLAMINAR_CAUDAL,
      esi.AVOID_HEAVY_SEDATION,
    ],
  },

  risks: [
    esi.INFECTION,
    esi.BLEEDING,
    esi.TEMPORARY_DISCOMFORT,
    {
      id: 'intravascular-injection',
      name: 'Intravascular injection',
      clinicianText:
        'Needle entry into a blood vessel, reported in 3.1% of caudal epidurals. Intravascular injection can cause local anesthetic toxicity, and inadvertent intra-arterial injection of particulate steroid can cause embolic infarction.',
      patientText:
        'The needle can enter a small blood vessel. This happens in about 3 out of 100 of these injections. The doctor uses X-ray and dye to guide the needle.',
      incidence: {
        text: 'Intravascular entry in 3.1% of caudal injections (prospective study of >10,000 fluoroscopic epidurals)',
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
        'Dural puncture: 0.5% overall across fluoroscopic epidurals; no caudal-specific figure was found. Post-dural-puncture headache is positional and usually improves in days; epidural blood patch if persistent. No incidence figure for the headache itself was found.',
      patientText:
        'The needle can go through the thin covering around the nerves. This happens in about 1 in 200 epidural injections. It can cause a headache that is worse when you sit or stand up. The headache usually gets better in a few days. If it does not, a treatment called a blood patch can help.',
      incidence: {
        text: 'Dural puncture in 0.5% of fluoroscopic epidural injections overall (all approaches; no caudal figure given)',
        sources: [V2('manchikanti-2012-epidural-complications'), V2('spine-health-esi-risks')],
      },
      severity: 'moderate',
      frequency: 'uncommon',
      universal: false,
      sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
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
        'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure (ASIPP 2024 also classes caudal ESI as Intermediate); coordinate with the prescriber before stopping any drug.',
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
    // ASIPP 2024 also classes caudal ESI as Intermediate, so it is not shown (no difference).
    asra2018: {
      class: 'intermediate',
      // The ASRA 2015 list includes sacral ("S") under interlaminar ESIs.
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror'), V2('clinicalpainadvisor-asra-2015')],
    },
  },

  alternatives: [
    esi.NO_INJECTION_CONSERVATIVE_CARE,
    {
      id: 'interlaminar-or-transforaminal-esi',
      text:
        'Epidural steroid by an interlaminar or transforaminal approach instead of caudal. Bleeding-risk classes differ under ASIPP 2024 (lumbar interlaminar: High above L5, Intermediate at L5–S1; lumbar transforaminal: Low at L3, L4, L5 and S1, Intermediate at L1–L2; caudal: Intermediate).',
      patientText:
        'The steroid can reach the same space by a different path: between the bones of the back (interlaminar), or through the opening where the nerve leaves the spine (transforaminal). Each path has its own risks.',
      sources: [V('aapmr-spinal-procedures'), V2('asipp-2024-risk-summary')],
    },
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    // The fact base states "short-term relief" for lumbar ESI only; the general ESI statement is used here.
    text: 'Epidural steroid injection is effective for radicular pain, but relief is not long-lasting (AAPM&R, citing ASPN/ASIPP).',
    patientText: 'The shot can ease nerve pain that goes down the leg. The relief may not last.',
    sources: [V('aapmr-spinal-procedures')],
  },

  followUp: esiSections.LUMBAR_THORACIC_CAUDAL_FOLLOW_UP,

};
