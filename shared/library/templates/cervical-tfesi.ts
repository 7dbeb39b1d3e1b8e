/**
 * Cervical transforaminal epidural steroid injection (TFESI).
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.1, §1.2, §3.1,
 * §3.2, §4, §5, §6) and carries the evidence tag the fact base gives it. Only
 * nonparticulate steroid is used (§2.1 steroid choice; §3.2 item 6). The Manchikanti 2012
 * summary gives a single "cervical" figure for intravascular entry and dural puncture
 * without naming the approach, and no cervical transforaminal figure; the cervical figure
 * is shown with that caveat.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import * as esi from '../common/esi';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as esiSections from '../common/esi-sections';
import * as sharedFacts from '../common/shared-facts';

export const cervicalTfesi: Template = {
  id: 'cervical-transforaminal-esi',
  version: 1,
  name: 'Cervical transforaminal epidural steroid injection',
  category: 'Epidural steroid injection',
  // max 2: LCD L33906 allows TFESI at no more than 2 levels per region per session (see followUp).
  levels: { options: ['C2-C3', 'C3-C4', 'C4-C5', 'C5-C6', 'C6-C7', 'C7-T1'], max: 2 },
  lateralityRequired: true,
  conditions: ['Cervical radiculopathy', 'Herniated disc', 'Spinal stenosis'],

  indications: [
    {
      id: 'radicular-pain-disc-herniation',
      text: 'Cervical radicular pain from disc herniation (corticosteroid ± local anesthetic into the epidural space).',
      patientText: 'Nerve pain that spreads down the arm, caused by a bulging (herniated) disc in the neck.',
      sources: [V('aapmr-spinal-procedures')],
    },
    {
      id: 'radicular-pain-stenosis',
      text: 'Cervical radicular pain from spondylotic central, lateral-recess or foraminal stenosis.',
      patientText: 'Nerve pain down the arm caused by narrowing of the spaces around the nerves in the neck (spinal stenosis).',
      sources: [V('aapmr-spinal-procedures')],
    },
    esi.LCD_COVERED_INDICATIONS,
    esi.DURATION_AND_FAILED_CONSERVATIVE_CARE,
    esi.CERVICAL_ESI_PREREQUISITES,
    esi.CONCORDANT_HISTORY_EXAM_IMAGING,
  ],

  contraindications: {
    // The transforaminal trial exclusion list (NCT01020929) supports these, as in lumbar-tfesi.ts.
    absolute: [
      sharedFacts.REFUSAL_OR_UNABLE_TO_CONSENT,
      commonContraindications.LOCAL_INFECTION,
      sharedFacts.SYSTEMIC_INFECTION,
      sharedFacts.UNCORRECTED_COAGULOPATHY,
      commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
    ],
    relative: [
      sharedFacts.PREGNANCY,
      sharedFacts.CONTRAST_ALLERGY,
      esi.POORLY_CONTROLLED_DIABETES,
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
      commonContraindications.CLINIC_RESTRICTION_CONDITIONS,
      esi.AXIAL_PAIN_ONLY,
    ],
  },

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
      sharedFacts.CONTRAST_REAL_TIME_BEFORE_STEROID,
      sharedFacts.LOCAL_ANESTHETIC_TEST_DOSE,
      {
        id: 'nonparticulate-steroid-only',
        text:
          'Only nonparticulate steroid (preservative-free dexamethasone) for cervical TFESI: particulate steroids (triamcinolone, betamethasone, methylprednisolone) are not used, including during a dexamethasone shortage.',
        // §2.1 steroid-choice row [V2]. §3.2 item 6 (Rathmell [M]) says the same and is
        // corroborated by it, so the [V2] source carries the fact alone.
        sources: [V2('sis-2019-dexamethasone-shortage')],
      },
      {
        id: 'steroid-type-confirmed-time-out',
        text: 'Steroid type (particulate vs not) confirmed at the time-out, as a pain-procedure addition to the WHO checklist.',
        sources: [M('fact-base-consensus')],
      },
      sharedFacts.EXTENSION_TUBING,
      esi.AVOID_HEAVY_SEDATION,
      sharedFacts.STEROID_DOSE_REVIEWED,
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
        'Needle entry into a blood vessel, reported in 4.1% of cervical epidurals (the summary does not name the cervical approach; no cervical transforaminal figure was found, and lumbar transforaminal was 7.9%). Intravascular injection can cause local anesthetic toxicity, and inadvertent intra-arterial injection of particulate steroid can cause embolic infarction; only nonparticulate steroid is used for cervical TFESI.',
      patientText:
        'The needle can enter a small blood vessel. This happens in about 4 out of 100 neck epidural injections. The doctor injects dye and watches on X-ray to check for this before giving the steroid.',
      incidence: {
        text: 'Intravascular entry in 4.1% of cervical epidural injections (prospective study of >10,000 fluoroscopic epidurals; approach not named in the summary; no cervical transforaminal figure given)',
        sources: [V2('manchikanti-2012-epidural-complications')],
      },
      severity: 'serious',
      frequency: 'common',
      universal: false,
      sources: [
        V2('manchikanti-2012-epidural-complications'),
        V2('spine-health-esi-risks'),
        V2('spine-secrets-excerpt'),
        V('racoosin-2017-nejm'),
        V2('sis-2019-dexamethasone-shortage'),
      ],
    },
    {
      id: 'dural-puncture-headache',
      name: 'Dural puncture and post-dural-puncture headache',
      clinicianText:
        'Dural puncture: 1% of cervical epidurals (0.5% overall across fluoroscopic epidurals; the summary does not name the cervical approach, and no cervical transforaminal figure was found). Post-dural-puncture headache is positional and usually improves in days; epidural blood patch if persistent. No incidence figure for the headache itself was found.',
      patientText:
        'The needle can go through the thin covering around the nerves. This happens in about 1 in 100 neck epidural injections. It can cause a headache that is worse when you sit or stand up. The headache usually gets better in a few days. If it does not, a treatment called a blood patch can help.',
      incidence: {
        text: 'Dural puncture in 1% of cervical epidural injections (0.5% overall; approach not named in the summary; no cervical transforaminal figure given)',
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
        'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure (ASIPP 2024 also classes cervical transforaminal ESI as Intermediate); coordinate with the prescriber before stopping any drug.',
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
    // ASIPP 2024 also classes cervical TFESI as Intermediate, so it is not shown (no difference).
    asra2018: {
      class: 'intermediate',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
  },

  alternatives: [
    esi.NO_INJECTION_CONSERVATIVE_CARE,
    {
      id: 'interlaminar-esi',
      text:
        'Epidural steroid by a cervical interlaminar approach instead of transforaminal. Either particulate or nonparticulate steroid is acceptable for interlaminar ESI (SIS 2019). Bleeding-risk classes differ under ASIPP 2024 (cervical interlaminar: High; cervical transforaminal: Intermediate). One large database analysis, cited only in a forum post (low reliability; verify), found higher odds of nerve-root injury (OR 1.69) and lower odds of epidural hematoma (OR 0.60) with TFESI than with interlaminar ESI.',
      patientText:
        'The steroid can reach the same space by a different path: between the bones of the neck (interlaminar). Each path has its own risks.',
      sources: [
        V('aapmr-spinal-procedures'),
        V2('sis-2019-dexamethasone-shortage'),
        V2('asipp-2024-risk-summary'),
        V2('studentdoctor-tf-vs-il'),
      ],
    },
  ],

  expectedBenefit: esi.CERVICAL_EXPECTED_BENEFIT,

  followUp: [
    esi.REPEAT_CRITERIA_LCD,
    esi.CERVICAL_REPEAT_INTERVAL,
    {
      id: 'session-limits-lcd',
      text: 'Limits (LCD L33906): TFESI at no more than 2 levels per region per session; at most 4 sessions per spinal region per rolling 12 months.',
      sources: [V2('lcd-l33906')],
    },
    esi.PRIVATE_PAYER_EXAMPLE,
    esi.REPORT_ADVERSE_EVENTS_MEDWATCH,
  ],
};
