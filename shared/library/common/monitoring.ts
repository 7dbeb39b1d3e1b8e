/**
 * Monitoring steps (pre-, intra- and post-procedure) shared word for word by procedure
 * templates: the Universal Protocol checks (fact base §4.2), the common pre-procedure
 * checks (§2.0), sedation and fasting (§6) and post-procedure observation (§2.0).
 * A step that a procedure words differently (e.g. antithrombotic-review, which names the
 * procedure's bleeding-risk class) stays in that template; do not widen a step here to fit.
 * Changing a shared fact changes every template that uses it, which requires a new
 * template version of each (stored versions are content-hashed).
 */
import type { MonitoringStep } from '../schema';
import { M, V, V2 } from './evidence';

// Pre-procedure

export const IDENTITY_TWO_IDENTIFIERS: MonitoringStep = {
  id: 'identity-two-identifiers',
  phase: 'pre',
  text: 'Patient identity verified with two identifiers.',
  sources: [M('fact-base-consensus'), V('tjc-universal-protocol')],
};

export const VERIFY_PROCEDURE_SITE_LEVEL_LATERALITY: MonitoringStep = {
  id: 'verify-procedure-site-level-laterality',
  phase: 'pre',
  text:
    'Correct procedure and site (level(s) and laterality) verified, involving the awake patient where possible, at each stage and whenever responsibility passes to another team member (UP.01.01.01).',
  sources: [V('tjc-universal-protocol')],
};

export const SITE_MARKED: MonitoringStep = {
  id: 'site-marked',
  phase: 'pre',
  text:
    'Site marked by the accountable practitioner who will be present: for spinal procedures, the general spinal region on the skin (intraoperative imaging may be used to locate and mark the exact vertebral level); mark visible after prep and draping (UP.01.02.01).',
  sources: [V('tjc-universal-protocol')],
};

export const DOCUMENTATION_AVAILABLE: MonitoringStep = {
  id: 'documentation-available',
  phase: 'pre',
  text:
    'Standardized list checked: signed consent, H&P and relevant labeled imaging available; any missing information or discrepancy resolved before starting (UP.01.01.01).',
  sources: [V('tjc-universal-protocol')],
};

export const ALLERGIES_REVIEWED: MonitoringStep = {
  id: 'allergies-reviewed',
  phase: 'pre',
  text: 'Allergies reviewed, including contrast, latex and iodine/chlorhexidine.',
  sources: [M('fact-base-consensus')],
};

export const COAGULOPATHY_EXAM: MonitoringStep = {
  id: 'coagulopathy-exam',
  phase: 'pre',
  text: 'Physical examination for signs of coagulopathy; consider coagulation studies in renal or hepatic disease.',
  sources: [V('asra-news-2019')],
};

export const PATIENT_BLEEDING_RISK_FACTORS: MonitoringStep = {
  id: 'patient-bleeding-risk-factors',
  phase: 'pre',
  text:
    'Patient bleeding-risk factors reviewed (older age, coagulopathy, severe liver or kidney dysfunction, prior surgery or radiation at the site); these may move the procedure to a higher bleeding-risk category.',
  sources: [V2('uptodate-bleeding-risk-mirror')],
};

export const PREGNANCY_STATUS: MonitoringStep = {
  id: 'pregnancy-status',
  phase: 'pre',
  text: 'Pregnancy status confirmed.',
  sources: [M('fact-base-consensus')],
};

export const INFECTION_SCREEN: MonitoringStep = {
  id: 'infection-screen',
  phase: 'pre',
  text: 'Infection screen: no infection at the site and no systemic or febrile illness (reschedule if ill, e.g. sore throat, fever, urinary tract infection).',
  sources: [M('fact-base-consensus'), V2('psadocs-preparing')],
};

export const PRE_SEDATION_EVALUATION: MonitoringStep = {
  id: 'pre-sedation-evaluation',
  phase: 'pre',
  text:
    'If sedation is planned: pre-sedation evaluation (major organ disease including sleep apnea; prior problems with sedation or anesthesia; history of difficult airway; medications, drug allergies and nutraceuticals; tobacco, alcohol or substance use; vital signs, heart and lung auscultation, airway evaluation), repeated immediately before the procedure.',
  sources: [V('asa-2018-moderate-sedation')],
};

export const NPO_IF_SEDATION: MonitoringStep = {
  id: 'npo-if-sedation',
  phase: 'pre',
  text:
    'If sedation is planned: fasting per ASA (clear liquids 2 h; light meal 6 h; fried or fatty food or meat at least 8 h). Fasting rules apply only when sedation is planned (local policy).',
  sources: [V('asa-2017-fasting'), M('fact-base-consensus')],
};

export const ESCORT_IF_SEDATED: MonitoringStep = {
  id: 'escort-if-sedated',
  phase: 'pre',
  text: 'If sedation is planned: escort home arranged.',
  sources: [V2('sabackpain-lsb')],
};

// Intra-procedure

export const TIME_OUT: MonitoringStep = {
  id: 'time-out',
  phase: 'intra',
  text:
    'Time-out immediately before starting: patient identity, correct side and site, consent form and procedure, patient position, relevant images labeled and displayed, safety precautions based on history or medication use; completion documented (UP.01.03.01).',
  sources: [V('tjc-universal-protocol')],
};

export const RESUSCITATION_EQUIPMENT: MonitoringStep = {
  id: 'resuscitation-equipment',
  phase: 'intra',
  text: 'Resuscitative equipment, oxygen and resuscitative drugs available for immediate use.',
  sources: [V('openfda-bupivacaine-label')],
};

export const SEDATION_MONITORING: MonitoringStep = {
  id: 'sedation-monitoring',
  phase: 'intra',
  text:
    'If sedated: a designated person other than the proceduralist monitors continuous pulse oximetry, ventilation (observation and capnography), level of consciousness (response to verbal command) and blood pressure at baseline and frequently (e.g. every 5 min); ECG if significant cardiovascular disease or dysrhythmia.',
  sources: [M('asa-2018-moderate-sedation')],
};

export const REVERSAL_AGENTS_AVAILABLE: MonitoringStep = {
  id: 'reversal-agents-available',
  phase: 'intra',
  text: 'If sedated: supplemental oxygen and reversal agents (naloxone, flumazenil) available.',
  sources: [M('asa-2018-moderate-sedation')],
};

// Post-procedure

export const OBSERVATION_IF_SEDATED: MonitoringStep = {
  id: 'observation-if-sedated',
  phase: 'post',
  text:
    'If sedated: monitor until discharge criteria are met (Aldrete score ≥9, or modified PADSS ≥9 on two consecutive measurements); observe longer (up to ~2 h) if naloxone or flumazenil was given.',
  sources: [V2('droracle-aldrete'), V2('wjge-2013-padss')],
};

export const OBSERVATION_IF_NOT_SEDATED: MonitoringStep = {
  id: 'observation-if-not-sedated',
  phase: 'post',
  text: 'If not sedated: observe before discharge. No authoritative observation time was found; 15–30 min is common practice.',
  sources: [M('fact-base-consensus')],
};

// Shared by several procedure groups (moved here from the group files, word for word).
export const ANTITHROMBOTIC_REVIEW_LOW: MonitoringStep = {
  id: 'antithrombotic-review',
  phase: 'pre',
  text:
    'Anticoagulant and antiplatelet medications reviewed, with a documented plan per ASRA 2018 for a low-bleeding-risk procedure; coordinate with the prescriber before stopping any drug.',
  sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
};

export const IMAGING_REVIEWED: MonitoringStep = {
  id: 'imaging-reviewed',
  phase: 'pre',
  text: 'Relevant imaging reviewed.',
  sources: [M('fact-base-consensus')],
};

export const BASELINE_PAIN_NEURO_EXAM: MonitoringStep = {
  id: 'baseline-pain-neuro-exam',
  phase: 'pre',
  text: 'Baseline pain score and neurologic examination documented.',
  sources: [M('fact-base-consensus')],
};

export const ANTITHROMBOTIC_RESTART: MonitoringStep = {
  id: 'antithrombotic-restart',
  phase: 'post',
  text: 'Anticoagulant/antiplatelet restart timing given per the documented plan (ASRA 2018 restart intervals), if any drug was held.',
  sources: [V2('uptodate-antithrombotic-mirror'), M('fact-base-consensus')],
};
