/**
 * The checks worked in each phase of the procedure day, as data. Modelled on the WHO
 * Surgical Safety Checklist (Sign In, Time Out, Sign Out) and the Joint Commission
 * Universal Protocol, adapted to spine and pain procedures as the WHO note invites
 * ("Additions and modifications to fit local practice are encouraged"): fact-reference.md
 * §4, with the pre-procedure checks of §2.0, sedation and fasting of §6, and the FDA 2014
 * symptom list of §3.1.
 *
 * Every item carries its sources with the fact base's evidence tag: [M] facts, and items
 * the fact base does not state but that are carried over from a related row ('inference'),
 * show as "needs clinical review". Ids start with 'wf-' so they never clash with template
 * fact ids, which share the checklist state table. An id, once shipped, never changes:
 * stored state is keyed by it.
 *
 * The items check that something was done or recorded; the records themselves (the
 * anticoagulation calculator, the structured procedure record) are built elsewhere.
 */
import { I, M, V, V2 } from '../library/evidence';
import type { SourceRef } from '../library/schema';
import { applies, type Applicability, type EncounterPlanFacts } from './applicability';
import type { WorkPhase } from './states';
import type { ProcedureTraits } from './traits';

export interface WorkflowItem {
  /** kebab-case, prefixed 'wf-' so it never clashes with a template fact id. */
  id: string;
  phase: WorkPhase;
  /** Display group, e.g. 'identity', 'allergies', 'time-out', 'discharge'. */
  section: string;
  label: string;
  detail?: string;
  /** A required item must be checked or marked not applicable before the phase can be left. */
  required: boolean;
  /** Who answers it: WHO assigns each check to a role; the time-out belongs to the whole team. */
  by: 'nurse' | 'physician' | 'team';
  when: Applicability;
  sources: SourceRef[];
}

const WHO = 'who-surgical-safety-checklist-2009';
const UP = 'tjc-universal-protocol';
const CONSENSUS = 'fact-base-consensus';
const NPSG_IDENTIFIERS = 'tjc-npsg-01-01-01';

// Pre-procedure: the WHO Sign In and UP.01.01.01 pre-procedure verification, done by the nurse.
const PRE_PROCEDURE: WorkflowItem[] = [
  {
    id: 'wf-identity-two-identifiers',
    phase: 'pre-procedure',
    section: 'identity',
    label: 'Patient identity confirmed with two identifiers',
    required: true,
    by: 'nurse',
    when: 'always',
    // Two patient identifiers are National Patient Safety Goal NPSG.01.01.01, not the Universal
    // Protocol. The fact base does not record NPSG.01.01.01 yet, so it is [M] until reviewed.
    sources: [M(CONSENSUS), M(NPSG_IDENTIFIERS)],
  },
  {
    id: 'wf-procedure-site-confirmed',
    phase: 'pre-procedure',
    section: 'identity',
    label: 'Procedure and site (and level(s), where done at levels) confirmed with the patient',
    detail: 'Involve the patient, awake and aware, where possible; resolve any discrepancy with the plan before going on (UP.01.01.01).',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [V(WHO), V(UP)],
  },
  {
    id: 'wf-laterality-confirmed',
    phase: 'pre-procedure',
    section: 'identity',
    label: 'Side (left, right or bilateral) confirmed with the patient and matches the plan',
    required: true,
    by: 'nurse',
    when: 'lateral',
    sources: [V(UP), M(CONSENSUS)],
  },
  {
    id: 'wf-consent-discussion-done',
    phase: 'pre-procedure',
    section: 'consent',
    label: 'Consent discussion done and the signed consent is available',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [V(WHO), V(UP)],
  },
  // One item per allergy class, so each is answered on its own (WHO Sign In: "known allergy?";
  // the fact base names these classes in §2.0 and "known allergy to an essential injectate").
  {
    id: 'wf-allergy-contrast',
    phase: 'pre-procedure',
    section: 'allergies',
    label: 'Contrast allergy asked about and recorded',
    detail: 'If allergic: use an alternative or premedicate per local policy.',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V(WHO)],
  },
  {
    id: 'wf-allergy-iodine-chlorhexidine',
    phase: 'pre-procedure',
    section: 'allergies',
    label: 'Iodine or chlorhexidine (skin antiseptic) allergy asked about and recorded',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V(WHO)],
  },
  {
    id: 'wf-allergy-latex',
    phase: 'pre-procedure',
    section: 'allergies',
    label: 'Latex allergy asked about and recorded',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V(WHO)],
  },
  {
    id: 'wf-allergy-local-anaesthetic',
    phase: 'pre-procedure',
    section: 'allergies',
    label: 'Local anaesthetic allergy asked about and recorded',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V(WHO)],
  },
  {
    id: 'wf-allergy-steroid',
    phase: 'pre-procedure',
    section: 'allergies',
    label: 'Corticosteroid allergy asked about and recorded',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V(WHO)],
  },
  {
    id: 'wf-antithrombotics-reviewed',
    phase: 'pre-procedure',
    section: 'anticoagulation',
    label: 'Anticoagulant and antiplatelet medications reviewed; the anticoagulation check is complete',
    detail: 'The stop/restart plan is recorded with the anticoagulation check; coordinate with the prescriber before stopping any drug.',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V('asra-news-2019'), V2('clinicalpainadvisor-asra-2015')],
  },
  {
    id: 'wf-pregnancy-status',
    phase: 'pre-procedure',
    section: 'screening',
    label: 'Pregnancy status asked about and recorded (X-ray imaging)',
    required: true,
    by: 'nurse',
    when: 'fluoroscopy',
    sources: [M(CONSENSUS), V2('vancouverspinedoctor-complications')],
  },
  {
    id: 'wf-infection-screen',
    phase: 'pre-procedure',
    section: 'screening',
    label: 'Infection screen: no fever or current febrile illness, no skin infection at the site',
    detail: 'Reschedule if ill (e.g. sore throat, fever, urinary tract infection).',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V2('psadocs-preparing')],
  },
  {
    id: 'wf-diabetic-glucose-plan',
    phase: 'pre-procedure',
    section: 'screening',
    label: 'Diabetic patients: blood glucose plan agreed for the days after the steroid',
    detail: 'After an epidural steroid, postprandial glucose may rise for ~3–4 days and fasting glucose for ~1–3 days (low-quality secondary summary; verify).',
    required: true,
    by: 'nurse',
    when: 'diabetic-steroid',
    sources: [M(CONSENSUS), V2('droracle-esi-glucose')],
  },
  {
    id: 'wf-fasting-confirmed',
    phase: 'pre-procedure',
    section: 'sedation',
    label: 'Fasting confirmed: no clear liquids for 2 h, no light meal for 6 h, no fried or fatty food or meat for at least 8 h',
    detail: 'ASA fasting guideline (2017). Clear liquids include water, pulp-free juice, carbonated drinks, clear tea, black coffee. Fasting rules apply only when sedation is planned (local policy).',
    required: true,
    by: 'nurse',
    when: 'sedation-planned',
    sources: [V('asa-2017-fasting'), M(CONSENSUS)],
  },
  {
    id: 'wf-escort-arranged',
    phase: 'pre-procedure',
    section: 'sedation',
    label: 'Escort home arranged',
    required: true,
    by: 'nurse',
    when: 'sedation-planned',
    sources: [V2('sabackpain-lsb'), M(CONSENSUS)],
  },
  {
    // The fact base names IV access only for lumbar sympathetic block (§2.6) and for expected
    // blood loss (WHO Sign In); asking for it where needed is carried over from those.
    id: 'wf-iv-access',
    phase: 'pre-procedure',
    section: 'preparation',
    label: 'IV access placed where the procedure or sedation needs it',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [V('hopkins-lumbar-sympathetic-block'), I(WHO)],
  },
  {
    // Vital signs are part of the ASA pre-sedation examination; recording them for every
    // patient, sedated or not, is carried over from it.
    id: 'wf-baseline-vitals',
    phase: 'pre-procedure',
    section: 'preparation',
    label: 'Baseline vital signs recorded',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [V('asa-2018-moderate-sedation'), I(CONSENSUS)],
  },
  {
    id: 'wf-baseline-pain-score',
    phase: 'pre-procedure',
    section: 'preparation',
    label: 'Baseline pain score (0–10) recorded',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M(CONSENSUS), V2('lcd-l33906')],
  },
];

// Time-out: immediately before starting, by the whole team (WHO Time Out; UP.01.02.01, UP.01.03.01).
const TIME_OUT: WorkflowItem[] = [
  {
    id: 'wf-team-introduced',
    phase: 'time-out',
    section: 'time-out',
    label: 'All team members introduced by name and role',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO)],
  },
  {
    id: 'wf-verbal-confirmation',
    phase: 'time-out',
    section: 'time-out',
    label: 'Patient, procedure and site (and level(s)) confirmed aloud, against the consent form; patient position correct',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO), V(UP)],
  },
  {
    id: 'wf-side-confirmed-aloud',
    phase: 'time-out',
    section: 'time-out',
    label: 'Side confirmed aloud',
    required: true,
    by: 'team',
    when: 'lateral',
    sources: [V(UP)],
  },
  {
    id: 'wf-site-marked',
    phase: 'time-out',
    section: 'time-out',
    label: 'Site marked by the practitioner who will perform the procedure; mark visible after prep and draping',
    detail: 'Marking is required where there is more than one possible location and a procedure at the wrong one could harm the patient (UP.01.02.01); otherwise mark not applicable.',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(UP), V(WHO)],
  },
  {
    id: 'wf-spinal-region-marked',
    phase: 'time-out',
    section: 'time-out',
    label: 'Spinal procedure: the general spinal region is marked on the skin; imaging is used to locate the exact vertebral level',
    required: true,
    by: 'team',
    when: 'spinal',
    sources: [V(UP)],
  },
  {
    id: 'wf-imaging-displayed',
    phase: 'time-out',
    section: 'time-out',
    label: 'Relevant images and results labelled and displayed',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO), V(UP)],
  },
  {
    id: 'wf-anticoagulant-status-confirmed',
    phase: 'time-out',
    section: 'time-out',
    label: 'Anticoagulant and antiplatelet status and plan confirmed',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(UP), M(CONSENSUS)],
  },
  {
    id: 'wf-steroid-type-confirmed',
    phase: 'time-out',
    section: 'time-out',
    label: 'Planned injectate read back aloud (steroid and dose, local anaesthetic, contrast); steroid type (particulate or not) confirmed',
    detail: 'The planned injectate recorded before the time-out is shown with this item, checked against the route.',
    required: true,
    by: 'team',
    when: 'steroid',
    sources: [M(CONSENSUS)],
  },
  {
    id: 'wf-antibiotic-prophylaxis',
    phase: 'time-out',
    section: 'time-out',
    label: 'Antibiotic prophylaxis given within the last 60 minutes',
    required: true,
    by: 'team',
    when: 'implant',
    sources: [V(WHO), V(UP)],
  },
  {
    id: 'wf-equipment-sterility-confirmed',
    phase: 'time-out',
    section: 'time-out',
    label: 'Sterility (including indicator results) and equipment confirmed; required devices and implants available',
    detail: 'Resuscitative equipment, oxygen and resuscitative drugs available for immediate use.',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO), V(UP), V('openfda-bupivacaine-label')],
  },
  {
    id: 'wf-critical-events-reviewed',
    phase: 'time-out',
    section: 'time-out',
    label: 'Anticipated critical events reviewed',
    detail: 'Physician: critical or unexpected steps and duration. Sedation provider: patient-specific concerns. Nurse: sterility and equipment concerns.',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO)],
  },
];

// Procedure: the record of what was done was made (WHO Sign Out: "the name of the procedure
// recorded"). The fact base lists no recording elements beyond that; each element below is
// carried over from it, so each shows as needing clinical review.
const PROCEDURE: WorkflowItem[] = [
  {
    id: 'wf-imaging-modality-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Imaging modality used recorded',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-contrast-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Contrast use recorded (or none used)',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO), V2('lcd-l33906')],
  },
  {
    id: 'wf-fluoroscopy-time-dose-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Fluoroscopy time and radiation dose recorded',
    required: true,
    by: 'physician',
    when: 'fluoroscopy',
    sources: [I(WHO)],
  },
  {
    id: 'wf-medications-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Medications injected recorded (drug and dose)',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-levels-treated-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Levels or sites treated (and side) recorded',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-procedure-complications-recorded',
    phase: 'procedure',
    section: 'procedure',
    label: 'Complications during the procedure recorded (or none)',
    required: true,
    by: 'physician',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-sign-out',
    phase: 'procedure',
    section: 'procedure',
    label: 'Sign out: equipment problems noted; key concerns for recovery reviewed by physician and nurse',
    required: true,
    by: 'team',
    when: 'always',
    sources: [V(WHO)],
  },
];

// Recovery and discharge (§2.0 post-procedure observation and discharge instructions, §6).
const RECOVERY: WorkflowItem[] = [
  {
    id: 'wf-observation-period',
    phase: 'recovery',
    section: 'recovery',
    label: 'Observation period completed',
    detail:
      'Sedated: until discharge criteria are met; longer (up to ~2 h) if naloxone or flumazenil was given. Not sedated: no authoritative observation time was found; 15–30 min is common practice.',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [V2('droracle-aldrete'), M(CONSENSUS)],
  },
  {
    // The fact base sets no interval and names no observations for unsedated patients;
    // repeating the baseline observations is carried over from the pre-procedure checks.
    id: 'wf-recovery-vitals-pain',
    phase: 'recovery',
    section: 'recovery',
    label: 'Vital signs and pain score (0–10) recorded at intervals',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M('asa-2018-moderate-sedation'), I(CONSENSUS)],
  },
  {
    id: 'wf-neuro-check',
    phase: 'recovery',
    section: 'recovery',
    label: 'Neurological check: strength and sensation compared with the baseline examination',
    detail: 'New numbness or weakness after a neuraxial procedure can be a sign of epidural hematoma or abscess.',
    required: true,
    by: 'nurse',
    when: 'neuraxial',
    sources: [V2('martinez-serrano-discharge-summary'), I(CONSENSUS)],
  },
  {
    id: 'wf-aldrete-score',
    phase: 'recovery',
    section: 'recovery',
    label: 'Aldrete score 9 or more before discharge',
    detail: 'Activity, respiration, circulation, consciousness and oxygen saturation, each 0–2. Alternative: modified PADSS 9 or more on two consecutive measurements.',
    required: true,
    by: 'nurse',
    when: 'sedation-planned',
    sources: [V2('droracle-aldrete'), V2('wjge-2013-padss')],
  },
  {
    id: 'wf-recovery-complications-recorded',
    phase: 'recovery',
    section: 'recovery',
    label: 'Complications in recovery recorded (or none)',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [I(WHO)],
  },
  {
    id: 'wf-discharge-criteria-met',
    phase: 'recovery',
    section: 'recovery',
    label: 'Discharge criteria met',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [M('asa-2018-moderate-sedation'), V2('droracle-aldrete')],
  },
  {
    id: 'wf-discharge-instructions',
    phase: 'recovery',
    section: 'discharge',
    label: 'Discharge instructions given: seek care for fever, or redness or tenderness at the injection site',
    required: true,
    by: 'nurse',
    when: 'always',
    // Stated for neuraxial procedures (§2.0); given after every procedure by carry-over.
    sources: [V2('martinez-serrano-discharge-summary'), I(CONSENSUS)],
  },
  {
    id: 'wf-discharge-red-flags-neuraxial',
    phase: 'recovery',
    section: 'discharge',
    label: 'Red flags explained: seek urgent care for new or worsening back pain, new numbness or weakness, or bowel or bladder change',
    detail: 'Possible signs of epidural hematoma or abscess.',
    required: true,
    by: 'nurse',
    when: 'neuraxial',
    sources: [V2('martinez-serrano-discharge-summary')],
  },
  {
    id: 'wf-discharge-vision-change',
    phase: 'recovery',
    section: 'discharge',
    label: 'After an epidural steroid: seek emergency care for loss of or change in vision',
    detail:
      'Also tingling or numbness in arms or legs; sudden weakness or numbness of face, arm or leg on one or both sides; dizziness; severe headache; seizures (FDA 2014 patient information).',
    required: true,
    by: 'nurse',
    when: 'epidural-steroid',
    sources: [M('fda-dsc-2014')],
  },
  {
    id: 'wf-discharge-escort',
    phase: 'recovery',
    section: 'discharge',
    label: 'Leaves with the escort',
    required: true,
    by: 'nurse',
    when: 'sedation-planned',
    sources: [V2('sabackpain-lsb')],
  },
  {
    id: 'wf-anticoagulant-restart-given',
    phase: 'recovery',
    section: 'discharge',
    label: 'Told when to restart anticoagulants or antiplatelets, per the recorded plan (or none held)',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [V2('uptodate-antithrombotic-mirror'), M(CONSENSUS)],
  },
  {
    id: 'wf-pain-diary-given',
    phase: 'recovery',
    section: 'discharge',
    label: 'Pain diary given, and its review booked',
    detail: 'After a medial branch block: pain scores (and activity) at set intervals over the hours the local anaesthetic lasts.',
    required: true,
    by: 'nurse',
    when: 'diagnostic-block',
    sources: [M(CONSENSUS), V('hopkins-lumbar-sympathetic-block')],
  },
  {
    id: 'wf-follow-up-booked',
    phase: 'recovery',
    section: 'discharge',
    label: 'Follow-up booked',
    required: true,
    by: 'nurse',
    when: 'always',
    sources: [I(CONSENSUS)],
  },
];

export const WORKFLOW_ITEMS: readonly WorkflowItem[] = [...PRE_PROCEDURE, ...TIME_OUT, ...PROCEDURE, ...RECOVERY];

/** The items that apply to this procedure and plan, in phase order. */
export function workflowItemsFor(traits: ProcedureTraits, plan: EncounterPlanFacts): WorkflowItem[] {
  return WORKFLOW_ITEMS.filter((item) => applies(item.when, traits, plan));
}
