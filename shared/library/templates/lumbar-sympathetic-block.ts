/**
 * Lumbar sympathetic block (LSB).
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.5, §2.6, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The fact base gives no LSB
 * complication rates, so no incidence is stated. The §2.6 risk row cites the Johns Hopkins
 * page and a textbook excerpt together without saying which risk comes from which, so
 * both are cited for each.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as blocks from '../common/blocks';
import * as commonContraindications from '../common/contraindications';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';

export const lumbarSympatheticBlock: Template = {
  id: 'lumbar-sympathetic-block',
  version: 1,
  name: 'Lumbar sympathetic block',
  category: 'Sympathetic block',
  // Level options are not clinical facts; the fact base says the block is typically done at L2/L3.
  levels: { options: ['L2', 'L3', 'L4'], max: 2 },
  lateralityRequired: true,
  conditions: [
    'Complex regional pain syndrome (lower extremity)',
    'Vasospastic or peripheral vascular disorders',
    'Phantom limb pain',
    'Sympathetically maintained leg pain',
  ],

  indications: [
    {
      id: 'crps-lower-extremity',
      text: 'Complex regional pain syndrome (CRPS) of the lower extremity.',
      patientText: 'A long-lasting pain condition of the leg or foot (complex regional pain syndrome).',
      sources: [V2('lsb-clinic-pages')],
    },
    {
      id: 'vasospastic-peripheral-vascular',
      text: 'Vasospastic or peripheral vascular disorders.',
      patientText: 'Problems with blood flow in the legs, such as blood vessels that tighten too much.',
      sources: [V2('lsb-clinic-pages')],
    },
    {
      id: 'phantom-limb-pain',
      text: 'Phantom limb pain.',
      patientText: 'Pain felt in a leg or foot that has been removed.',
      sources: [V2('lsb-clinic-pages')],
    },
    {
      id: 'other-sympathetically-maintained-pain',
      text: 'Other sympathetically maintained leg pain.',
      sources: [V2('lsb-clinic-pages')],
    },
  ],

  contraindications: {
    absolute: [
      blocks.REFUSAL_OR_UNABLE_TO_CONSENT,
      commonContraindications.LOCAL_INFECTION,
      blocks.UNCORRECTED_COAGULOPATHY_INTERMEDIATE,
      commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
    ],
    relative: [
      blocks.PREGNANCY_FLUOROSCOPY,
      blocks.CONTRAST_ALLERGY,
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
    ],
  },

  imaging: {
    options: [
      {
        modality: 'fluoroscopy',
        isDefault: true,
        contrast: 'required',
        note:
          'Fluoroscopy, typically at L2/L3. Contrast should spread along the vertebral margin with no vascular filling before injection. The fact base describes no ultrasound or CT option for LSB.',
        sources: [V('stepshealth-lsb-textbook-excerpt'), V('hopkins-lumbar-sympathetic-block')],
      },
    ],
    checks: [
      {
        id: 'contrast-spread-no-vascular-filling',
        text: 'Contrast spreads along the vertebral margin with no vascular filling before the injectate is given.',
        sources: [V('stepshealth-lsb-textbook-excerpt'), V('hopkins-lumbar-sympathetic-block')],
      },
      blocks.NO_CORTICOSTEROID_SYMPATHETIC_BLOCK,
    ],
  },

  risks: [
    {
      id: 'infection',
      name: 'Infection',
      clinicianText: 'Infection. No incidence figure.',
      patientText: 'Germs can get in where the needle goes through the skin and cause an infection.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'bleeding',
      name: 'Bleeding',
      clinicianText: 'Bleeding. No incidence figure.',
      patientText: 'There may be some bleeding or a bruise where the needle went in.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Back muscle pain',
      clinicianText: 'Back muscle pain after the block. No incidence figure.',
      patientText: 'The muscles in your back where the needle went in may be sore for a while.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'temporary-leg-weakness-numbness',
      name: 'Temporary leg weakness or numbness',
      clinicianText: 'Temporary leg weakness or numbness. No incidence figure.',
      patientText: 'Your leg may feel weak or numb for a short time after the block.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'hematuria',
      name: 'Blood in the urine',
      clinicianText: 'Hematuria. No incidence figure.',
      patientText: 'You may see blood in your urine.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'nerve-damage',
      name: 'Nerve damage',
      clinicianText: 'Nerve damage. No incidence figure.',
      patientText: 'The needle or medicine could injure a nerve.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'intravascular-injection-aorta-ivc',
      name: 'Injection into a large blood vessel',
      clinicianText:
        'Intravascular injection into the aorta or inferior vena cava, with neurologic or cardiac toxicity. Contrast with no vascular filling is checked before injection. No incidence figure.',
      patientText:
        'The needle is near the body’s largest blood vessels. If medicine goes into one of them, it can affect the brain or heart. The doctor injects dye and watches on X-ray to check for this first.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'ureteral-injury',
      name: 'Ureter injury',
      clinicianText: 'Ureteral injury. No incidence figure.',
      patientText: 'The needle could injure the tube that carries urine from the kidney to the bladder (ureter).',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'neurolysis-psoas-visceral',
      name: 'Psoas necrosis or visceral perforation (with neurolysis)',
      clinicianText: 'With neurolysis only: psoas necrosis and visceral perforation. No incidence figure.',
      patientText:
        'Only if a nerve-destroying medicine is used: it can damage a large muscle near the spine (psoas), or the needle can pierce an organ in the belly.',
      severity: 'serious',
      frequency: 'unknown',
      universal: false,
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    {
      id: 'genitofemoral-neuralgia',
      name: 'Genitofemoral neuralgia (after neurolysis or RF)',
      clinicianText: 'Genitofemoral neuralgia after neurolysis or radiofrequency. No incidence figure.',
      patientText:
        'Only if a nerve-destroying medicine or heat (radiofrequency) is used: a nerve to the groin and upper thigh can become painful.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [M('fact-base-blocks-consensus')],
    },
  ],

  requiredCounselling: [
    blocks.BENEFITS_RISKS_ALTERNATIVES,
    {
      id: 'pain-diary',
      text: 'Pain diary explained: the patient records the response to the block.',
      patientText: 'After the block, write down your pain scores in a diary. Your doctor will use it to decide on the next step.',
      sources: [V('hopkins-lumbar-sympathetic-block')],
    },
  ],

  monitoring: [
    // Pre-procedure
    commonMonitoring.IDENTITY_TWO_IDENTIFIERS,
    commonMonitoring.VERIFY_PROCEDURE_SITE_LEVEL_LATERALITY,
    commonMonitoring.SITE_MARKED,
    commonMonitoring.DOCUMENTATION_AVAILABLE,
    commonMonitoring.ALLERGIES_REVIEWED,
    blocks.ANTITHROMBOTIC_REVIEW_INTERMEDIATE,
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    blocks.IMAGING_REVIEWED,
    commonMonitoring.PREGNANCY_STATUS,
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    blocks.BASELINE_PAIN_NEURO_EXAM,
    {
      id: 'iv-access',
      phase: 'pre',
      text: 'IV access established.',
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    // Intra-procedure
    commonMonitoring.TIME_OUT,
    commonMonitoring.RESUSCITATION_EQUIPMENT,
    commonMonitoring.SEDATION_MONITORING,
    commonMonitoring.REVERSAL_AGENTS_AVAILABLE,
    {
      id: 'temperature-probes',
      phase: 'intra',
      text: 'Temperature probes placed on the affected leg.',
      sources: [V('hopkins-lumbar-sympathetic-block'), V('stepshealth-lsb-textbook-excerpt')],
    },
    // Post-procedure
    commonMonitoring.OBSERVATION_IF_SEDATED,
    commonMonitoring.OBSERVATION_IF_NOT_SEDATED,
    {
      id: 'pain-diary-started',
      phase: 'post',
      text: 'Pain diary handed over.',
      sources: [V('hopkins-lumbar-sympathetic-block')],
    },
    blocks.DISCHARGE_PUNCTURE_SITE_SIGNS,
    blocks.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASIPP 2024: LSB is not in the visible excerpt of the summary (ganglion impar = Low), so no ASIPP class is shown.
    asra2018: {
      class: 'intermediate',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror'), V2('clinicalpainadvisor-asra-2015')],
    },
  },

  alternatives: [blocks.NO_PROCEDURE_CURRENT_CARE],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'Response judged with a pain diary; the block is repeated (e.g. weekly) if it helps. The fact base gives no expected size or duration of relief.',
    patientText:
      'You will keep a pain diary. If the block helps, it may be repeated, for example once a week. We do not have good numbers for how much or for how long it helps.',
    sources: [V('hopkins-lumbar-sympathetic-block'), V('rochester-pain-lsb')],
  },

  followUp: [
    {
      id: 'pain-diary-review-repeat',
      text: 'Pain diary reviewed; block repeated (e.g. weekly) if helpful.',
      sources: [V('hopkins-lumbar-sympathetic-block'), V('rochester-pain-lsb')],
    },
  ],
};
