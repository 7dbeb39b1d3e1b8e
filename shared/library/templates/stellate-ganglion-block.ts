/**
 * Stellate ganglion block (SGB).
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.5, §1.2, §4, §5, §6)
 * and carries the evidence tag the fact base gives it. The source groups SGB complications
 * as common, uncommon or rare, but states that no published reports estimate their
 * frequency, so no incidence is stated; `frequency` carries the source's grouping only.
 * Facts tagged 'inference' are not stated for SGB in the fact base; they are carried over
 * from related rows (mostly the lumbar sympathetic block row) and need clinical review.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as blocks from '../common/blocks';
import * as commonContraindications from '../common/contraindications';
import { I, M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';

/** Shown in each complication: the source's grouping is qualitative. */
const NO_FREQUENCY_ESTIMATE = 'No published reports offer an estimate of the frequency of SGB complications.';

export const stellateGanglionBlock: Template = {
  id: 'stellate-ganglion-block',
  version: 1,
  name: 'Stellate ganglion block',
  category: 'Sympathetic block',
  // Level options are not clinical facts; the fact base describes a lateral ultrasound approach at C7.
  levels: { options: ['C6', 'C7'], max: 1 },
  lateralityRequired: true,
  conditions: [
    'Complex regional pain syndrome (upper extremity)',
    'Post-stroke pain',
    'Vascular headache',
    'Post-traumatic stress disorder',
    'Hearing loss',
    'Vasomotor instability of menopause',
  ],

  indications: [
    {
      id: 'crps-upper-extremity',
      text: 'Complex regional pain syndrome (CRPS) of the upper extremity.',
      patientText: 'A long-lasting pain condition of the arm or hand (complex regional pain syndrome).',
      sources: [V('nelson-2017-sgb-stroke')],
    },
    {
      id: 'other-listed-indications',
      text:
        'Other listed indications: post-stroke pain, vascular headache, post-traumatic stress disorder (PTSD), hearing loss, vasomotor instability of menopause, and others.',
      sources: [V('nelson-2017-sgb-stroke')],
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
      blocks.PREGNANCY_IF_FLUOROSCOPY,
      {
        id: 'contrast-allergy',
        text: 'Contrast allergy, when fluoroscopy with contrast is used: use an alternative or premedicate per local policy.',
        sources: [M('fact-base-consensus')],
      },
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
    ],
  },

  imaging: {
    options: [
      {
        modality: 'ultrasound',
        isDefault: true,
        contrast: 'not-used',
        note:
          'SGB is now almost universally done under fluoroscopic or ultrasound guidance; ultrasound may further improve safety. A lateral ultrasound approach at C7 is described.',
        sources: [V('nelson-2017-sgb-stroke'), V('ghai-2016-saudi-j-anaesth')],
      },
      {
        modality: 'fluoroscopy',
        isDefault: false,
        contrast: 'recommended',
        note:
          'Fluoroscopic guidance is the other standard option. The fact base does not state contrast use for SGB; contrast before injection is carried over from the lumbar sympathetic block technique (inference; needs clinical review).',
        sources: [V('nelson-2017-sgb-stroke'), I('hopkins-lumbar-sympathetic-block'), I('stepshealth-lsb-textbook-excerpt')],
      },
    ],
    checks: [
      {
        id: 'image-guidance-used',
        text: 'Image guidance (ultrasound or fluoroscopy) used: now almost universal for SGB; ultrasound may further improve safety.',
        sources: [V('nelson-2017-sgb-stroke'), V('ghai-2016-saudi-j-anaesth')],
      },
      {
        id: 'intravascular-injection-excluded',
        text:
          'Intravascular injection guarded against before injecting (intravascular or vertebral artery injection can cause a generalized seizure): under fluoroscopy, contrast with no vascular filling. The fact base states this check for the lumbar sympathetic block; carried over to SGB.',
        sources: [V('aneskey-sgb-lsb-complications'), I('hopkins-lumbar-sympathetic-block'), I('stepshealth-lsb-textbook-excerpt')],
      },
      blocks.NO_CORTICOSTEROID_SYMPATHETIC_BLOCK,
    ],
  },

  risks: [
    {
      id: 'infection',
      name: 'Infection',
      clinicianText: `Soft-tissue infection or osteomyelitis: grouped as rare by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Rarely, germs get in where the needle goes through the skin and cause an infection in the neck tissues or a bone.',
      severity: 'serious',
      frequency: 'rare',
      universal: true,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'bleeding',
      name: 'Bleeding',
      clinicianText:
        'Bleeding or bruising at the puncture site. Minor bleeding is not itemised for SGB in the fact base; included as a universal needle-procedure risk. The serious form, paratracheal/retropharyngeal hematoma, is listed separately.',
      patientText: 'There may be some bleeding or a bruise where the needle went in.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-blocks-consensus')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Temporary discomfort',
      clinicianText:
        'Temporary soreness at the injection site. Not stated for SGB in the fact base; included as a universal needle-procedure risk. No incidence figure.',
      patientText: 'The spot in your neck where the needle went in may be sore for a short time.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [I('fact-base-blocks-consensus')],
    },
    {
      id: 'horner-syndrome-expected-effects',
      name: 'Horner syndrome and other expected temporary effects',
      clinicianText:
        'Expected effects of the block, not complications: ipsilateral Horner syndrome (ptosis, miosis), bloodshot eye, nasal stuffiness and arm warmth; temporary, about 4–6 h.',
      patientText:
        'These are normal signs that the block is working, on the same side as the shot: a droopy eyelid, a small pupil, a red eye, a stuffy nose, and a warm arm. They go away in about 4 to 6 hours.',
      severity: 'minor',
      frequency: 'common',
      universal: false,
      sources: [V2('findhealthclinics-sgb')],
    },
    {
      id: 'recurrent-laryngeal-nerve-block',
      name: 'Hoarseness (recurrent laryngeal nerve block)',
      clinicianText: `Recurrent laryngeal nerve block causing hoarseness: grouped as common by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'The numbing medicine can reach the nerve to your voice box. Your voice may be hoarse for a while.',
      severity: 'minor',
      frequency: 'common',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'phrenic-nerve-block',
      name: 'Phrenic nerve block',
      clinicianText: `Phrenic nerve block: grouped as common by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText:
        'The numbing medicine can reach the nerve that moves your breathing muscle (diaphragm) on that side. For a while it may feel harder to take a deep breath.',
      severity: 'moderate',
      frequency: 'common',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'brachial-plexus-block',
      name: 'Brachial plexus block',
      clinicianText: `Brachial plexus block: grouped as common by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'The numbing medicine can reach the nerves to your arm. Your arm may feel numb or weak for a while.',
      severity: 'moderate',
      frequency: 'common',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'pneumothorax',
      name: 'Pneumothorax',
      clinicianText: `Pneumothorax: grouped as uncommon by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Uncommonly, the needle can nick the top of the lung. Air can leak and part of the lung can collapse.',
      severity: 'serious',
      frequency: 'uncommon',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'seizure-intravascular-injection',
      name: 'Seizure from intravascular injection',
      clinicianText: `Generalized seizure from intravascular injection (including the vertebral artery): grouped as uncommon by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Uncommonly, the medicine goes into a blood vessel in the neck. This can cause a seizure.',
      severity: 'serious',
      frequency: 'uncommon',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'total-spinal',
      name: 'Total spinal anesthesia',
      clinicianText: `Total spinal: grouped as uncommon by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText:
        'Uncommonly, the numbing medicine can reach the fluid around the spinal cord and spread widely (called a total spinal). This is serious.',
      severity: 'catastrophic',
      frequency: 'uncommon',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'severe-hypertension',
      name: 'Severe hypertension',
      clinicianText: `Severe hypertension: grouped as uncommon by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Uncommonly, your blood pressure can go very high.',
      severity: 'serious',
      frequency: 'uncommon',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'transient-locked-in-syndrome',
      name: 'Transient locked-in syndrome',
      clinicianText: `Transient locked-in syndrome: grouped as rare by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Rarely, for a short time, you may be awake but unable to move or speak.',
      severity: 'serious',
      frequency: 'rare',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'paratracheal-retropharyngeal-hematoma',
      name: 'Neck hematoma (paratracheal or retropharyngeal)',
      clinicianText: `Paratracheal or retropharyngeal hematoma: grouped as rare by the source. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Rarely, blood collects deep in the neck near the windpipe or behind the throat.',
      severity: 'serious',
      frequency: 'rare',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications')],
    },
    {
      id: 'stroke',
      name: 'Stroke',
      clinicianText: `Stroke: grouped as rare by the source, and the subject of a chapter on SGB complications. ${NO_FREQUENCY_ESTIMATE}`,
      patientText: 'Rarely, this block has caused a stroke.',
      severity: 'catastrophic',
      frequency: 'rare',
      universal: false,
      sources: [V('aneskey-sgb-lsb-complications'), V('nelson-2017-sgb-stroke')],
    },
  ],

  requiredCounselling: [
    blocks.BENEFITS_RISKS_ALTERNATIVES,
    {
      id: 'higher-morbidity',
      text: 'SGB carries higher morbidity than typical pain procedures.',
      patientText: 'This block has a higher chance of problems than most other pain injections.',
      sources: [V('nelson-2017-sgb-stroke')],
    },
    {
      id: 'no-frequency-estimates',
      text:
        'No published reports offer an estimate of the frequency of SGB complications; the common/uncommon/rare grouping is the source’s qualitative grouping, not a measured rate.',
      patientText:
        'Doctors know which problems are more likely and which are rare, but there are no good numbers for how often each one happens.',
      sources: [V('aneskey-sgb-lsb-complications')],
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
      text: 'IV access established. Stated for the lumbar sympathetic block in the fact base; carried over to SGB.',
      sources: [I('hopkins-lumbar-sympathetic-block')],
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
      id: 'limb-temperature-rise',
      phase: 'post',
      text: 'Limb temperature checked: a temperature rise in the limb confirms sympathectomy.',
      sources: [M('fact-base-blocks-consensus')],
    },
    {
      id: 'pain-diary-started',
      phase: 'post',
      text: 'Pain diary handed over.',
      sources: [M('fact-base-blocks-consensus')],
    },
    blocks.DISCHARGE_PUNCTURE_SITE_SIGNS,
    blocks.ANTITHROMBOTIC_RESTART,
  ],

  bleedingRisk: {
    // ASIPP 2024: SGB is not in the visible excerpt of the summary, so no ASIPP class is shown.
    asra2018: {
      class: 'intermediate',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror'), V2('clinicalpainadvisor-asra-2015')],
    },
  },

  alternatives: [blocks.NO_PROCEDURE_CURRENT_CARE],

  expectedBenefit: {
    id: 'expected-benefit',
    text:
      'A temperature rise in the limb confirms sympathectomy; the response is followed with a pain diary, and a block series is given if the patient responds. The fact base gives no expected size or duration of pain relief.',
    patientText:
      'A warm arm after the block shows that it reached the right nerves. You will keep a pain diary. If the block helps, a series of blocks may follow. We do not have good numbers for how much or for how long it helps.',
    sources: [M('fact-base-blocks-consensus')],
  },

  followUp: [
    {
      id: 'pain-diary-review-block-series',
      text: 'Pain diary reviewed; block series if the patient responds.',
      sources: [M('fact-base-blocks-consensus')],
    },
  ],
};
