/**
 * Facts shared word for word by the epidural steroid injection templates written with
 * this file (cervical, thoracic and lumbar interlaminar ESI, cervical transforaminal ESI,
 * caudal ESI), from shared/clinical/fact-reference.md §2.0, §2.1, §3.1, §3.2 and §5.
 * Several repeat, word for word, a fact that lumbar-tfesi.ts states inline (e.g. the FDA
 * 2014 counselling); that template is not changed. A fact that a route words or sources
 * differently (per-route incidences, bleeding-risk notes, the transforaminal trial
 * exclusion list) stays in that route's template.
 * Changing a shared fact changes every template that uses it, which requires a new
 * template version of each (stored versions are content-hashed).
 */
import type { Fact, MonitoringStep, Risk } from '../schema';
import { I, M, V, V2 } from './evidence';
import * as sharedContraindications from './contraindications';

// Indications (LCD L33906 applies to every spinal region)

export const LCD_COVERED_INDICATIONS: Fact = {
  id: 'lcd-covered-indications',
  text:
    'Medicare-covered ESI indications (LCD L33906): radiculopathy/radicular pain; neurogenic claudication from specified structural pathology; post-laminectomy syndrome; acute herpes zoster.',
  sources: [V2('lcd-l33906')],
};

export const DURATION_AND_FAILED_CONSERVATIVE_CARE: Fact = {
  id: 'duration-and-failed-conservative-care',
  text: 'Pain present for at least 4 weeks (except acute herpes zoster) despite failed conservative therapy (LCD L33906).',
  sources: [V2('lcd-l33906')],
};

export const CONCORDANT_HISTORY_EXAM_IMAGING: Fact = {
  id: 'concordant-history-exam-imaging',
  text: 'History, examination and concordant imaging documented (LCD L33906).',
  sources: [V2('lcd-l33906')],
};

/** Cervical ESI only (interlaminar and transforaminal): StatPearls "Cervical Epidural Injection". */
export const CERVICAL_ESI_PREREQUISITES: Fact = {
  id: 'cervical-esi-prerequisites',
  text:
    'Cervical ESI prerequisites (StatPearls): pain present for 6–8 weeks or more, failed conservative management, and no progressively worsening neurologic deficit. This is longer than the 4 weeks LCD L33906 requires; both are shown.',
  patientText:
    'Neck or arm nerve pain that has lasted at least 6 to 8 weeks, has not got better with other treatment, and is not causing weakness or numbness that keeps getting worse.',
  sources: [V('statpearls-cervical-epidural')],
};

// Contraindications. The cervical transforaminal template words the first two and the
// relative pregnancy/contrast items with the transforaminal trial exclusion list (as
// lumbar-tfesi.ts does), so it keeps its own versions of those.

/** Interlaminar and caudal routes (no transforaminal trial source). */
export const REFUSAL_OR_UNABLE_TO_CONSENT: Fact = sharedContraindications.REFUSAL_OR_UNABLE_TO_CONSENT;

/** Interlaminar and caudal routes. */
export const SYSTEMIC_INFECTION: Fact = {
  id: 'systemic-infection',
  text: 'Systemic infection or sepsis.',
  sources: [M('fact-base-consensus')],
};

/** Interlaminar and caudal routes: every ESI is intermediate bleeding risk under ASRA 2018. */
export const UNCORRECTED_COAGULOPATHY: Fact = sharedContraindications.UNCORRECTED_COAGULOPATHY_INTERMEDIATE;

/** Interlaminar and caudal routes. */
export const PREGNANCY: Fact = sharedContraindications.PREGNANCY;

/** Interlaminar and caudal routes. */
export const CONTRAST_ALLERGY: Fact = sharedContraindications.CONTRAST_ALLERGY;

export const POORLY_CONTROLLED_DIABETES: Fact = sharedContraindications.POORLY_CONTROLLED_DIABETES;

export const AXIAL_PAIN_ONLY: Fact = {
  id: 'axial-pain-only',
  text:
    'Predominantly axial (non-radicular) pain: non-covered/investigational under LCD L33906. A 2025 BMJ Rapid Recommendation is reported to recommend strongly against epidural injections for chronic axial spine pain (secondary AI summary; verify against BMJ 2025).',
  sources: [V2('lcd-l33906'), V2('droracle-bmj-2025-axial')],
};

// Imaging checks

export const IMAGE_GUIDANCE_WITH_CONTRAST: Fact = {
  id: 'image-guidance-with-contrast',
  text:
    'Image guidance (fluoroscopy or CT) with contrast used: the standard of care, and a coverage condition of LCD L33906 unless contrast is contraindicated.',
  sources: [V('statpearls-epidural-steroids'), V2('lcd-l33906')],
};

/** §3.2 item 1, all interlaminar routes (cervical, thoracic, lumbar). */
export const INTERLAMINAR_VIEWS_AND_CONTRAST_TEST_DOSE: Fact = {
  id: 'interlaminar-views-contrast-test-dose',
  text: 'Interlaminar ESI done under image guidance with appropriate AP and lateral (or contralateral oblique) views and a test dose of contrast.',
  sources: [M('rathmell-2015')],
};

/** Interlaminar and caudal routes. */
export const STEROID_CHOICE_INTERLAMINAR_CAUDAL: Fact = {
  id: 'steroid-choice-interlaminar-caudal',
  text:
    'Steroid type recorded: either particulate or nonparticulate steroid is acceptable for interlaminar and caudal ESI (SIS best-practice recommendations, 2019).',
  sources: [V2('sis-2019-dexamethasone-shortage')],
};

/** Interlaminar and caudal routes (the transforaminal dose note differs). */
export const STEROID_DOSE_REVIEWED_INTERLAMINAR_CAUDAL: Fact = {
  id: 'steroid-dose-reviewed',
  text:
    'Steroid dose reviewed: lower doses give similar benefit (ASRA-led 2024 corticosteroid guideline). Methylprednisolone 40 mg is reported as effective as 80 mg (secondary AI summary citing RCTs; verify).',
  sources: [V('benzon-2024-asra-corticosteroid'), V2('droracle-esi-dose')],
};

/** §3.2 item 10 (Rathmell 2015, [M, uncertain]); not limited to one route in the fact base. */
export const AVOID_HEAVY_SEDATION: Fact = {
  id: 'avoid-heavy-sedation',
  text: 'Heavy sedation avoided so the patient can report symptoms during the injection.',
  sources: [M('rathmell-2015')],
};

// Risks. Intravascular injection and dural puncture carry per-route incidences and stay
// in each template.

export const INFECTION: Risk = {
  id: 'infection',
  name: 'Infection',
  clinicianText:
    'Infection at the puncture site, epidural abscess or meningitis. Severe infection is reported in 0.1%–0.01% of injections (patient-education source).',
  patientText:
    'Germs can get in where the needle goes through the skin. Rarely, a serious infection forms near the spine or in the fluid around the nerves. A serious infection happens in about 1 in 1,000 to 1 in 10,000 injections.',
  incidence: {
    text: 'Severe infection in 0.1%–0.01% of injections',
    sources: [V2('spine-health-esi-risks')],
  },
  severity: 'serious',
  frequency: 'rare',
  universal: true,
  sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
};

export const BLEEDING: Risk = {
  id: 'bleeding',
  name: 'Bleeding',
  clinicianText:
    'Bleeding at the injection site; more likely with bleeding disorders. Epidural hematoma, the serious form, is listed separately.',
  patientText: 'There may be some bleeding or a bruise where the needle went in. This is more likely if you have a bleeding problem.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: true,
  sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
};

export const TEMPORARY_DISCOMFORT: Risk = {
  id: 'temporary-discomfort',
  name: 'Temporary discomfort',
  clinicianText:
    'Temporary increase in pain after the injection; listed among the steroid side effects that usually resolve in 2–3 days, rarely up to 1 week.',
  patientText: 'Your pain may be worse for a few days after the shot. This usually goes away in 2 to 3 days.',
  severity: 'minor',
  frequency: 'unknown',
  universal: true,
  sources: [V2('vancouverspinedoctor-complications')],
};

export const NERVE_INJURY: Risk = {
  id: 'nerve-injury',
  name: 'Nerve injury',
  clinicianText: 'Nerve damage (extremely rare).',
  patientText: 'The needle or medicine could injure a nerve. This is extremely rare.',
  severity: 'serious',
  frequency: 'very-rare',
  universal: false,
  sources: [V2('spine-health-esi-risks')],
};

export const CATASTROPHIC_NEUROLOGIC_EVENTS: Risk = {
  id: 'catastrophic-neurologic-events',
  name: 'Rare catastrophic neurologic events (FDA 2014 warning)',
  clinicianText:
    'Spinal cord infarction, paraplegia, quadriplegia, stroke, cortical blindness and death. FDA counted 90 serious, sometimes fatal, neurologic events reported to FAERS from 1997 to 2014. Mechanisms: intrathecal injection, epidural hematoma, direct cord injury, and embolic infarction after inadvertent intra-arterial (particulate) injection.',
  patientText:
    'In rare cases, steroid shots in the spine have caused loss of vision, stroke, paralysis (being unable to move the arms or legs), or death.',
  severity: 'catastrophic',
  frequency: 'rare',
  universal: false,
  sources: [V('fda-dsc-2014'), V('racoosin-2017-nejm')],
};

export const EPIDURAL_HEMATOMA: Risk = {
  id: 'epidural-hematoma',
  name: 'Epidural hematoma',
  clinicianText:
    'Epidural hematoma: rare; more likely with bleeding disorders; one mechanism of catastrophic neurologic injury. Warning signs: new or worsening back pain, new numbness or weakness, bowel or bladder dysfunction. No incidence figure after ESI was found.',
  patientText:
    'Rarely, blood can collect near the spinal cord and press on it. This is more likely in people with bleeding problems. Get help right away for new or worse back pain, new numbness or weakness, or trouble controlling your bladder or bowels.',
  severity: 'serious',
  frequency: 'rare',
  universal: false,
  sources: [V2('spine-health-esi-risks'), V2('martinez-serrano-discharge-summary'), V('racoosin-2017-nejm')],
};

export const STEROID_SIDE_EFFECTS: Risk = {
  id: 'steroid-side-effects',
  name: 'Short-term steroid side effects',
  clinicianText:
    'Transient flushing/sweating, headache, insomnia/increased energy, water retention, irritability; blood pressure rise in hypertensive patients. Reported in 1–5% of patients, usually resolving in 2–3 days, rarely lasting up to 1 week.',
  patientText:
    'The steroid can cause short-term side effects: a warm or red face, sweating, headache, trouble sleeping or extra energy, holding extra water, or feeling irritable. Blood pressure can go up in people with high blood pressure. About 1 to 5 out of 100 people get these. They usually go away in 2 to 3 days, and rarely last up to a week.',
  incidence: {
    text: '1–5% of patients (clinic page)',
    sources: [V2('vancouverspinedoctor-complications')],
  },
  severity: 'minor',
  frequency: 'common',
  universal: false,
  sources: [V2('vancouverspinedoctor-complications')],
};

export const BLOOD_GLUCOSE_RISE: Risk = {
  id: 'blood-glucose-rise',
  name: 'Blood glucose rise in diabetics',
  clinicianText:
    'Corticosteroid raises blood glucose (listed as an adverse event in the 2024 ASRA-led guideline). In diabetics, postprandial glucose may rise for ~3–4 days and fasting glucose for ~1–3 days after ESI; monitor for up to 4 days (low-quality secondary summary; verify).',
  patientText:
    'If you have diabetes, your blood sugar may go up for a few days after the shot. Check your blood sugar more often for up to 4 days.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V('benzon-2024-asra-corticosteroid'), V2('vancouverspinedoctor-complications'), V2('droracle-esi-glucose')],
};

export const HPA_AXIS_SUPPRESSION: Risk = {
  id: 'hpa-axis-suppression',
  name: 'Adrenal (HPA-axis) suppression',
  clinicianText:
    'Plasma cortisol is depressed for up to 3 weeks after epidural steroid. After 80 mg methylprednisolone, secondary adrenal insufficiency may last up to 4 weeks (a small proportion up to 2 months). HPA suppression is listed as an adverse event in the 2024 ASRA-led guideline.',
  patientText:
    "The steroid can lower your body's own steroid hormone (cortisol) for up to about 3 weeks, and sometimes longer.",
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V2('stepshealth-textbook-excerpt'), V('benzon-2024-asra-corticosteroid')],
};

export const BONE_DENSITY_DECREASE: Risk = {
  id: 'bone-density-decrease',
  name: 'Decreased bone mineral density',
  clinicianText: 'Decreased bone mineral density is listed as an adverse event of corticosteroid injections; lower doses give similar benefit.',
  patientText: 'Steroid shots can make bones less dense (weaker). Lower steroid doses work about as well as higher doses.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V('benzon-2024-asra-corticosteroid')],
};

export const ALLERGIC_REACTION: Risk = {
  id: 'allergic-reaction',
  name: 'Allergic reaction',
  clinicianText: 'Allergic reaction to a drug, contrast or skin antiseptic.',
  patientText: 'You could have an allergic reaction to a medicine, the X-ray dye, or the skin cleaner.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
};

export const VASOVAGAL_REACTION: Risk = {
  id: 'vasovagal-reaction',
  name: 'Vasovagal reaction',
  clinicianText: 'Vasovagal reaction. No incidence figure was found.',
  patientText: 'You may feel faint or lightheaded during or right after the shot.',
  severity: 'minor',
  frequency: 'unknown',
  universal: false,
  sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
};

/** Lumbar interlaminar and caudal routes: as the ESI sources state it. */
export const TEMPORARY_LEG_NUMBNESS_WEAKNESS: Risk = {
  id: 'temporary-leg-numbness-weakness',
  name: 'Temporary leg numbness or weakness',
  clinicianText: 'Temporary leg numbness or weakness.',
  patientText: 'Your leg may feel numb or weak for a short time after the shot.',
  severity: 'minor',
  frequency: 'unknown',
  universal: false,
  sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
};

/** Cervical and thoracic routes: the ESI sources name the leg only, so this is carried over. */
export const TEMPORARY_NUMBNESS_WEAKNESS_CARRIED_OVER: Risk = {
  id: 'temporary-numbness-weakness',
  name: 'Temporary numbness or weakness',
  clinicianText:
    'Temporary numbness or weakness. The ESI sources list temporary leg numbness or weakness without naming the approach; which limb is affected after a cervical or thoracic injection is not stated in the fact base, so this is carried over and needs clinical review. No incidence figure.',
  patientText: 'Part of your body, such as an arm or a leg, may feel numb or weak for a short time after the shot.',
  severity: 'minor',
  frequency: 'unknown',
  universal: false,
  sources: [I('spine-health-esi-risks'), I('spine-secrets-excerpt')],
};

// Required counselling: FDA Drug Safety Communication, 23 April 2014 (§3.1, §5).

export const FDA_SERIOUS_NEUROLOGIC_EVENTS: Fact = {
  id: 'fda-serious-neurologic-events',
  text:
    'FDA 2014 warning discussed: injection of corticosteroids into the epidural space may result in rare but serious adverse events, including loss of vision, stroke, paralysis and death.',
  patientText:
    'The FDA warns that steroid shots into the space around the spinal nerves can, in rare cases, cause loss of vision, stroke, paralysis, or death.',
  sources: [V('fda-dsc-2014')],
};

export const FDA_OFF_LABEL_USE: Fact = {
  id: 'fda-off-label-use',
  text:
    'Off-label status discussed: the effectiveness and safety of epidural corticosteroids have not been established, and FDA has not approved corticosteroids (methylprednisolone, hydrocortisone, triamcinolone, betamethasone, dexamethasone) for epidural use.',
  patientText:
    'The FDA has not approved steroid medicines for injection into the space around the spinal nerves. This is called "off-label" use. How safe and how effective they are for this use has not been proven.',
  sources: [V('fda-dsc-2014')],
};

export const FDA_BENEFITS_RISKS_ALTERNATIVES: Fact = {
  id: 'fda-benefits-risks-alternatives',
  text:
    'Benefits and risks of the epidural steroid injection discussed, along with the benefits and risks of other possible treatments, including forgoing treatment.',
  patientText:
    'We talked about how this shot may help you, how it could harm you, and your other choices, including not having the shot.',
  sources: [V('fda-dsc-2014'), V('ama-2-1-1')],
};

export const FDA_WARNING_SYMPTOMS: Fact = {
  id: 'fda-warning-symptoms',
  text:
    'Emergency warning symptoms given (FDA DSC information for patients): loss of or change in vision; tingling or numbness in arms or legs; sudden weakness or numbness of the face, arm or leg on one or both sides; dizziness; severe headache; seizures.',
  patientText:
    'Get emergency care right away if you have: loss of vision or a change in how you see; tingling or numbness in your arms or legs; sudden weakness or numbness of your face, arm or leg on one or both sides; dizziness; a severe headache; or a seizure.',
  sources: [M('fda-dsc-2014')],
};

// Monitoring steps. antithrombotic-review names each route's ASIPP 2024 class, so it
// stays in each template.

export const IMAGING_REVIEWED: MonitoringStep = {
  id: 'imaging-reviewed',
  phase: 'pre',
  text: 'Relevant imaging reviewed and concordant with the clinical findings.',
  sources: [M('fact-base-consensus'), V2('lcd-l33906')],
};

export const DIABETIC_GLUCOSE_PLAN: MonitoringStep = {
  id: 'diabetic-glucose-plan',
  phase: 'pre',
  text: 'Diabetic patients: glucose plan agreed for the days after the steroid.',
  sources: [M('fact-base-consensus'), V2('droracle-esi-glucose')],
};

export const BASELINE_PAIN_NEURO_EXAM: MonitoringStep = {
  id: 'baseline-pain-neuro-exam',
  phase: 'pre',
  text: 'Baseline pain score, function scale and neurologic examination documented.',
  sources: [V2('lcd-l33906'), M('fact-base-consensus')],
};

export const DISCHARGE_RED_FLAGS: MonitoringStep = {
  id: 'discharge-red-flags',
  phase: 'post',
  text:
    'Discharge instructions given: seek urgent care for new or worsening back pain, new numbness or weakness, or bowel or bladder dysfunction (possible epidural hematoma or abscess), and for fever or tenderness/redness at the puncture site.',
  patientText:
    'Get medical help right away if you have new or worse back pain, new numbness or weakness, trouble controlling your bladder or bowels, a fever, or redness or tenderness where the needle went in.',
  sources: [V2('martinez-serrano-discharge-summary')],
};

export const DIABETIC_GLUCOSE_MONITORING: MonitoringStep = {
  id: 'diabetic-glucose-monitoring',
  phase: 'post',
  text: 'Diabetic patients: monitor glucose for up to 4 days (postprandial rise ~3–4 days, fasting rise ~1–3 days; verify).',
  patientText: 'If you have diabetes, check your blood sugar more often for up to 4 days.',
  sources: [V2('droracle-esi-glucose')],
};

export const ANTITHROMBOTIC_RESTART: MonitoringStep = {
  id: 'antithrombotic-restart',
  phase: 'post',
  text: 'Anticoagulant/antiplatelet restart timing given per the documented plan (ASRA 2018 restart intervals).',
  sources: [V2('uptodate-antithrombotic-mirror'), M('fact-base-consensus')],
};

// Alternatives

export const NO_INJECTION_CONSERVATIVE_CARE: Fact = {
  id: 'no-injection-conservative-care',
  text:
    'No injection: continue conservative care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed. ESI coverage requires failed conservative therapy (LCD L33906).',
  patientText:
    'You can choose not to have the shot. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
  sources: [V('ama-2-1-1'), V2('lcd-l33906')],
};

// Follow-up

export const REPEAT_CRITERIA_LCD: Fact = {
  id: 'repeat-criteria-lcd',
  text: 'Repeat injection only after ≥50% sustained pain relief or ≥50% functional improvement (LCD L33906).',
  patientText:
    'Another shot is considered only if this one lowered your pain, or improved what you can do, by at least half, and the benefit lasted.',
  sources: [V2('lcd-l33906')],
};

/** Interlaminar and caudal routes (the transforaminal limit is 2 levels). */
export const SESSION_LIMITS_LCD_INTERLAMINAR_CAUDAL: Fact = {
  id: 'session-limits-lcd',
  text:
    'Limits (LCD L33906): caudal or interlaminar ESI at no more than 1 level (TFESI: no more than 2 levels per region per session); at most 4 sessions per spinal region per rolling 12 months.',
  sources: [V2('lcd-l33906')],
};

export const PRIVATE_PAYER_EXAMPLE: Fact = {
  id: 'private-payer-example',
  text:
    'Private payer example (eviCore CMM-200): repeat only with ≥50% relief for ≥2 weeks plus functional or medication improvement; at least 14 days between injections; at most 3 per region per 6 months (≤4 per 12 months).',
  sources: [V2('evicore-cmm-200')],
};

export const REPORT_ADVERSE_EVENTS_MEDWATCH: Fact = {
  id: 'report-adverse-events-medwatch',
  text: 'Adverse events reported to FDA MedWatch (FDA encourages patients and clinicians to report).',
  sources: [V('fda-dsc-2014')],
};

/** Cervical ESI only: StatPearls "Cervical Epidural Injection". */
export const CERVICAL_REPEAT_INTERVAL: Fact = {
  id: 'cervical-repeat-interval',
  text: 'Cervical ESI: one or two repeat injections may follow at 2–4 weeks (StatPearls).',
  patientText: 'If needed, one or two more shots may be given 2 to 4 weeks apart.',
  sources: [V('statpearls-cervical-epidural')],
};

/** Cervical ESI only. */
export const CERVICAL_EXPECTED_BENEFIT: Fact = {
  id: 'expected-benefit',
  text:
    'Cervical ESI: "significant relief" (50% pain reduction at 3 months) is achieved by about 50% of patients (StatPearls). ESI is effective for radicular pain, but relief is not long-lasting (AAPM&R, citing ASPN/ASIPP).',
  patientText:
    'About half of people have their nerve pain cut by half 3 months after the shot. The relief may not last.',
  sources: [V('statpearls-cervical-epidural'), V('aapmr-spinal-procedures')],
};
