/**
 * Facts shared word for word by the spinal cord stimulation (SCS) trial and permanent
 * implant templates (fact base §2.9, with §1.2, §1.3, §2.0, §4, §5). A fact that the
 * two templates word or source differently stays in each template.
 * The lead-migration, lead-breakage and battery-failure figures come from a clinic page
 * and are listed as unverified in fact base §7 item 15, so they carry [M] here, not [V2].
 * Changing a shared fact changes every template that uses it, which requires a new
 * template version of each (stored versions are content-hashed).
 */
import type { Fact, MonitoringStep, Risk, Template } from '../schema';
import { I, M, V, V2 } from './evidence';
import * as sharedContraindications from './contraindications';
import * as sharedMonitoring from './monitoring';

// Indications (§2.9: Verrills 2016 [V] for persistent spinal pain after surgery with
// predominant limb pain; the other indications are [M] with no external source named).

export const INDICATION_PERSISTENT_SPINAL_PAIN_AFTER_SURGERY: Fact = {
  id: 'persistent-spinal-pain-after-surgery',
  text:
    'Chronic refractory neuropathic pain: persistent spinal pain after surgery with predominant limb pain (Level I–II evidence for low back pain with predominant limb pain).',
  patientText: 'Long-lasting back pain that spreads mostly into the leg or legs and has not gone away after spine surgery or other treatment.',
  sources: [V('verrills-2016-scs')],
};

export const INDICATION_CRPS: Fact = {
  id: 'complex-regional-pain-syndrome',
  text: 'Chronic refractory neuropathic pain: complex regional pain syndrome (CRPS).',
  patientText: 'A long-lasting nerve pain condition of an arm or leg called complex regional pain syndrome (CRPS) that has not improved with other treatment.',
  sources: [M('fact-base-consensus')],
};

export const INDICATION_PAINFUL_DIABETIC_NEUROPATHY: Fact = {
  id: 'painful-diabetic-neuropathy',
  text: 'Chronic refractory neuropathic pain: painful diabetic neuropathy.',
  patientText: 'Nerve pain caused by diabetes that has not improved with other treatment.',
  sources: [M('fact-base-consensus')],
};

export const INDICATION_REFRACTORY_BACK_PAIN: Fact = {
  id: 'refractory-back-pain-newer-waveforms',
  text: 'Refractory back pain, with newer stimulation waveforms.',
  patientText: 'Long-lasting back pain that has not improved with other treatment.',
  sources: [M('fact-base-consensus')],
};

// Contraindications (§2.0 common elements, [M] general consensus)

export const REFUSAL_OR_UNABLE_TO_CONSENT: Fact = sharedContraindications.REFUSAL_OR_UNABLE_TO_CONSENT;

export const LOCAL_INFECTION_NEEDLE_OR_INCISION_SITE: Fact = {
  id: 'local-infection-needle-or-incision-site',
  text: 'Local infection at the needle-entry or incision site.',
  sources: [M('fact-base-consensus')],
};

export const SYSTEMIC_INFECTION: Fact = {
  id: 'systemic-infection',
  text: 'Systemic infection or sepsis (a common contraindication for neuraxial procedures and implants).',
  sources: [M('fact-base-consensus')],
};

export const UNCORRECTED_COAGULOPATHY_HIGH_RISK: Fact = {
  id: 'uncorrected-coagulopathy',
  text: 'Uncorrected coagulopathy, or antithrombotics not managed per ASRA 2018 for a high-bleeding-risk procedure.',
  sources: [M('fact-base-consensus')],
};

export const PREGNANCY: Fact = sharedContraindications.PREGNANCY_FLUOROSCOPY;

// Imaging (§2.9 imaging row [V]; §4.1 WHO Time Out [V]; §4.2 UP.01.02.01 and UP.01.03.01 [V])

export const FLUOROSCOPY_OPTION: Template['imaging']['options'][number] = {
  modality: 'fluoroscopy',
  isDefault: true,
  contrast: 'optional',
  note:
    'Fluoroscopic epidural lead placement (percutaneous); paddle leads are placed via laminotomy. The fact base does not say whether contrast is used for SCS lead placement, so it is shown as optional.',
  sources: [V('taylor-francis-scs-chapter')],
};

export const VERTEBRAL_LEVEL_BY_IMAGING: Fact = {
  id: 'vertebral-level-by-imaging',
  text:
    'Exact vertebral level located with intraoperative imaging (UP.01.02.01 allows imaging to locate and mark the exact level for spinal procedures), and the spinal levels of the lead(s) recorded.',
  sources: [V('tjc-universal-protocol')],
};

export const ESSENTIAL_IMAGING_DISPLAYED: Fact = {
  id: 'essential-imaging-displayed',
  text: 'Essential imaging displayed (WHO Time Out), with relevant images properly labeled (UP.01.03.01).',
  sources: [V('who-surgical-safety-checklist-2009'), V('tjc-universal-protocol')],
};

// Risks common to trial and implant (§2.9)

export const RISK_INFECTION: Risk = {
  id: 'infection',
  name: 'Infection',
  clinicianText:
    'Infection is listed among SCS complications (2023 review). Epidural abscess is among the warning signs in the neuraxial discharge instructions. The fact base gives no SCS infection rate (no incidence found for epidural abscess after SCS).',
  patientText:
    'Germs can get in where the needle or cut goes through the skin, or around the wires. Rarely, a serious infection can form near the spine.',
  severity: 'serious',
  frequency: 'unknown',
  universal: true,
  sources: [V('scs-complications-review-2023'), V2('martinez-serrano-discharge-summary')],
};

export const RISK_BLEEDING: Risk = {
  id: 'bleeding',
  name: 'Bleeding and hematoma',
  clinicianText:
    'Hematoma is listed among SCS complications (2023 review). Epidural hematoma, the serious form, is listed separately. No incidence figure was found.',
  patientText: 'There may be bleeding or a bruise (a small collection of blood) where the needle or cut went in.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: true,
  sources: [V('scs-complications-review-2023')],
};

export const RISK_TEMPORARY_DISCOMFORT: Risk = {
  id: 'temporary-discomfort',
  name: 'Temporary discomfort',
  clinicianText:
    'Temporary soreness at the needle-entry or incision site. Not stated for SCS in the fact base; included as a universal procedure risk. No incidence figure.',
  patientText: 'The places where the needle or cut went in may be sore for a short time.',
  severity: 'minor',
  frequency: 'unknown',
  universal: true,
  sources: [I('fact-base-consensus')],
};

export const RISK_LEAD_MIGRATION: Risk = {
  id: 'lead-migration',
  name: 'Lead (electrode) migration',
  clinicianText:
    'Electrode migration is the most common SCS complication (2023 review). Lead migration 13.2% overall (single study, reported on a clinic page; needs clinical review, verify against Cameron 2004 / Eldabe 2016). Paddle-lead migration ~4.8% (Kim 2011, secondary source). The fact base does not give separate trial and implant figures.',
  patientText:
    'The wires (leads) can move from where they were placed. This is the most common problem with spinal cord stimulators. In one study it happened to about 13 out of 100 people.',
  incidence: {
    text: 'Lead migration 13.2% overall (single study; clinic page, unverified); paddle-lead migration ~4.8% (Kim 2011)',
    sources: [M('painandspineclinics-scs'), V2('kim-2011-paddle-lead-migration')],
  },
  severity: 'moderate',
  frequency: 'common',
  universal: false,
  sources: [V('scs-complications-review-2023'), M('painandspineclinics-scs'), V2('kim-2011-paddle-lead-migration')],
};

export const RISK_EPIDURAL_HEMATOMA: Risk = {
  id: 'epidural-hematoma',
  name: 'Epidural hematoma',
  clinicianText:
    'Epidural hematoma: rare. Symptoms appear within minutes to days; treatment is urgent/emergent surgical evacuation; the worst case is paralysis. Some clinicians observe overnight. No incidence figure after SCS was found.',
  patientText:
    'Rarely, blood can collect near the spinal cord and press on it. This can happen minutes to days after the procedure. It needs emergency surgery, and at worst it can cause paralysis (being unable to move parts of the body). Get help right away for new or worse back pain, new numbness or weakness, or trouble controlling your bladder or bowels.',
  severity: 'serious',
  frequency: 'rare',
  universal: false,
  sources: [V('nans-epidural-hematoma'), V('scs-complications-review-2023'), V2('martinez-serrano-discharge-summary')],
};

export const RISK_SPINAL_CORD_INJURY: Risk = {
  id: 'spinal-cord-injury',
  name: 'Spinal cord injury',
  clinicianText:
    'Spinal cord injury is listed among SCS complications (2023 review). No incidence figure; life-threatening complications of SCS overall are <1% (Deer).',
  patientText: 'The needle or wires could injure the spinal cord. This is a serious problem. Life-threatening problems happen in fewer than 1 in 100 people.',
  severity: 'catastrophic',
  frequency: 'unknown',
  universal: false,
  sources: [V('scs-complications-review-2023'), V('deer-scs-complications-chapter')],
};

export const RISK_CSF_LEAK: Risk = {
  id: 'csf-leak',
  name: 'Spinal fluid (CSF) leak',
  clinicianText: 'Cerebrospinal fluid (CSF) leak is listed among SCS complications (2023 review). No incidence figure.',
  patientText: 'The fluid around the spinal cord can leak where the needle or wires passed.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V('scs-complications-review-2023')],
};

// Counselling (§2.9; §5)

export const COUNSEL_SCS_COMPLICATION_RATES: Fact = {
  id: 'scs-complication-rates',
  text:
    'SCS complication rates discussed (the fact base does not give separate trial and implant rates): overall complication rate 31.9–43%, with electrode migration the most common; device complications in 17% of patients; life-threatening complications <1%.',
  patientText:
    'Problems are common with spinal cord stimulators: about 32 to 43 out of 100 people have some problem. Wires moving out of place is the most common one. Problems with the device happen to about 17 out of 100 people. Life-threatening problems happen to fewer than 1 in 100.',
  sources: [V('scs-complications-review-2023'), V('deer-scs-complications-chapter')],
};

export const COUNSEL_SMOKING_AFFECTS_EFFICACY: Fact = {
  id: 'smoking-affects-efficacy',
  text: 'Smoking discussed: smoking affects the efficacy of spinal cord stimulation.',
  patientText: 'Smoking can affect how well a spinal cord stimulator works.',
  sources: [V('verrills-2016-scs')],
};

export const COUNSEL_WHO_PERFORMS: Fact = {
  id: 'who-performs',
  text: 'Name(s) of the person(s) performing the procedure given; implanter experience affects the efficacy of spinal cord stimulation.',
  patientText: 'We told you who will do the procedure.',
  sources: [V('utmb-informed-consent-definition'), V('verrills-2016-scs')],
};

export const COUNSEL_BENEFITS_RISKS_ALTERNATIVES: Fact = {
  id: 'benefits-risks-alternatives',
  text: 'The burdens, risks and expected benefits of all options, including forgoing treatment, discussed.',
  patientText: 'We talked about how this may help you, how it could harm you, and your other choices, including having no treatment.',
  sources: [V('ama-2-1-1')],
};

// Monitoring (§2.0, §2.9, §1.3, §4, §6)

export const ANTITHROMBOTIC_REVIEW_HIGH_RISK: MonitoringStep = {
  id: 'antithrombotic-review',
  phase: 'pre',
  text:
    'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for a high-bleeding-risk procedure (ASIPP 2024 also High); coordinate with the prescriber before stopping any drug.',
  sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
};

export const HIGH_RISK_ASPIRIN_NSAID_HOLDS: MonitoringStep = {
  id: 'high-risk-aspirin-nsaid-holds',
  phase: 'pre',
  text:
    'High-risk rules also cover aspirin and NSAIDs (ASRA 2018 table, secondary copy): aspirin for primary prophylaxis stopped 6 days before; aspirin for secondary prophylaxis by shared assessment and risk stratification; NSAIDs stopped 5 half-lives before (e.g. ibuprofen 1 day, naproxen 4 days); restart 24 h after.',
  sources: [V2('uptodate-antithrombotic-mirror')],
};

export const IMPLANTS_DEVICES_AVAILABLE: MonitoringStep = {
  id: 'implants-devices-available',
  phase: 'pre',
  text: 'Required implants, devices and special equipment verified available and matched to the patient before starting (UP.01.01.01 standardized list).',
  sources: [V('tjc-universal-protocol')],
};

export const IMAGING_REVIEWED: MonitoringStep = sharedMonitoring.IMAGING_REVIEWED;

export const SMOKING_STATUS: MonitoringStep = {
  id: 'smoking-status',
  phase: 'pre',
  text: 'Smoking status recorded (smoking affects SCS efficacy).',
  sources: [V('verrills-2016-scs')],
};

export const ANTIBIOTIC_PROPHYLAXIS_CHECK: MonitoringStep = {
  id: 'antibiotic-prophylaxis-check',
  phase: 'intra',
  text:
    'Antibiotic prophylaxis checked at the time-out: given within the last 60 minutes? (Yes / Not applicable; WHO Time Out). The time-out also addresses the need for antibiotics (UP.01.03.01). The fact base names no agent or regimen for SCS.',
  sources: [V('who-surgical-safety-checklist-2009'), V('tjc-universal-protocol')],
};

export const WHO_SIGN_OUT: MonitoringStep = {
  id: 'who-sign-out',
  phase: 'intra',
  text:
    'Sign Out before the patient leaves the room (WHO): procedure name recorded; instrument, sponge and needle counts correct (or not applicable); equipment problems to be addressed noted; key concerns for recovery and management reviewed.',
  sources: [V('who-surgical-safety-checklist-2009')],
};

export const EPIDURAL_HEMATOMA_OBSERVATION: MonitoringStep = {
  id: 'epidural-hematoma-observation',
  phase: 'post',
  text:
    'Watch for epidural hematoma: symptoms can appear within minutes to days and need urgent/emergent surgical evacuation. Some clinicians observe overnight.',
  sources: [V('nans-epidural-hematoma')],
};

export const DISCHARGE_RED_FLAGS: MonitoringStep = {
  id: 'discharge-red-flags',
  phase: 'post',
  text:
    'Discharge instructions given: seek urgent care for new or worsening back pain, new numbness or weakness, or bowel or bladder dysfunction (possible epidural hematoma or abscess; hematoma symptoms can appear up to days later), and for fever or tenderness/redness at the puncture or incision site.',
  patientText:
    'Get medical help right away if you have new or worse back pain, new numbness or weakness, trouble controlling your bladder or bowels, a fever, or redness or tenderness where the needle or cut went in. These problems can start up to several days later.',
  sources: [V2('martinez-serrano-discharge-summary'), V('nans-epidural-hematoma')],
};

export const ANTITHROMBOTIC_RESTART: MonitoringStep = {
  id: 'antithrombotic-restart',
  phase: 'post',
  text: 'Anticoagulant/antiplatelet restart timing given per the documented plan (ASRA 2018 restart intervals for high-bleeding-risk procedures), if any drug was held.',
  sources: [V2('uptodate-antithrombotic-mirror'), M('fact-base-consensus')],
};

// Bleeding risk (§1.2): High under ASRA 2018 and under ASIPP 2024, so no ASIPP entry.

export const BLEEDING_RISK_HIGH: Template['bleedingRisk'] = {
  asra2018: {
    class: 'high',
    sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
  },
};

// Alternatives (§5 AMA 2.1.1; §2.10)

export const ALTERNATIVE_NO_SCS: Fact = {
  id: 'no-scs-conservative-care',
  text:
    'No spinal cord stimulation: continue current care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed.',
  patientText:
    'You can choose not to have a spinal cord stimulator. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
  sources: [V('ama-2-1-1')],
};

export const ALTERNATIVE_INTRATHECAL_DRUG_DELIVERY: Fact = {
  id: 'intrathecal-drug-delivery',
  text:
    'Intrathecal drug delivery (a trial before a pump implant). The fact base lists it for refractory cancer and non-cancer pain but does not compare it with SCS; offered here as an alternative by inference.',
  patientText: 'A small pump placed under the skin that gives pain medicine directly into the fluid around the spinal cord. It is tested first with a trial.',
  sources: [I('bps-2015-itdd')],
};
