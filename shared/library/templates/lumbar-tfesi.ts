/**
 * Lumbar transforaminal epidural steroid injection (TFESI).
 * Every fact comes from shared/clinical/fact-reference.md (§2.0, §2.1, §1.2, §3.1,
 * §3.2, §4, §5, §6) and carries the evidence tag the fact base gives it.
 * Items taken from ../common/ are shared word for word with other templates: changing one
 * there changes each template that uses it, which then needs a new version.
 */
import type { Template } from '../schema';
import * as commonContraindications from '../common/contraindications';
import { M, V, V2 } from '../common/evidence';
import * as commonMonitoring from '../common/monitoring';
import * as sharedFacts from '../common/shared-facts';

export const lumbarTfesi: Template = {
  id: 'lumbar-transforaminal-esi',
  version: 1,
  name: 'Lumbar transforaminal epidural steroid injection',
  category: 'Epidural steroid injection',
  // max 2: LCD L33906 allows TFESI at no more than 2 levels per region per session (see followUp).
  levels: { options: ['L1-L2', 'L2-L3', 'L3-L4', 'L4-L5', 'L5-S1', 'S1'], max: 2 },
  lateralityRequired: true,
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
    {
      id: 'lcd-covered-indications',
      text:
        'Medicare-covered ESI indications (LCD L33906): radiculopathy/radicular pain; neurogenic claudication from specified structural pathology; post-laminectomy syndrome; acute herpes zoster.',
      sources: [V2('lcd-l33906')],
    },
    {
      id: 'duration-and-failed-conservative-care',
      text: 'Pain present for at least 4 weeks (except acute herpes zoster) despite failed conservative therapy (LCD L33906).',
      sources: [V2('lcd-l33906')],
    },
    {
      id: 'concordant-history-exam-imaging',
      text: 'History, examination and concordant imaging documented (LCD L33906).',
      sources: [V2('lcd-l33906')],
    },
  ],

  contraindications: {
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
      {
        id: 'poorly-controlled-diabetes',
        text: 'Poorly controlled diabetes (steroid-induced hyperglycemia).',
        sources: [M('fact-base-consensus')],
      },
      commonContraindications.IMMUNOSUPPRESSION,
      commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
      commonContraindications.CURRENT_FEBRILE_ILLNESS,
      commonContraindications.CLINIC_RESTRICTION_CONDITIONS,
      {
        id: 'axial-pain-only',
        text:
          'Predominantly axial (non-radicular) pain: non-covered/investigational under LCD L33906. A 2025 BMJ Rapid Recommendation is reported to recommend strongly against epidural injections for chronic axial spine pain (secondary AI summary; verify against BMJ 2025).',
        sources: [V2('lcd-l33906'), V2('droracle-bmj-2025-axial')],
      },
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
        id: 'nonparticulate-steroid-initial',
        text:
          'Nonparticulate steroid (preservative-free dexamethasone) for the initial lumbar TFESI. Particulate steroids (triamcinolone, betamethasone, methylprednisolone) carry higher risk; they may have a role in some circumstances (e.g. inadequate response to dexamethasone, or a dexamethasone shortage) with all risk-mitigation strategies.',
        sources: [V2('sis-2019-dexamethasone-shortage'), M('rathmell-2015')],
      },
      sharedFacts.EXTENSION_TUBING,
      {
        id: 'avoid-heavy-sedation',
        text: 'Heavy sedation avoided so the patient can report symptoms during the injection.',
        sources: [M('rathmell-2015')],
      },
      sharedFacts.STEROID_DOSE_REVIEWED,
    ],
  },

  risks: [
    {
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
    },
    {
      id: 'bleeding',
      name: 'Bleeding',
      clinicianText:
        'Bleeding at the injection site; more likely with bleeding disorders. Epidural hematoma, the serious form, is listed separately.',
      patientText: 'There may be some bleeding or a bruise where the needle went in. This is more likely if you have a bleeding problem.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: true,
      sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
    },
    {
      id: 'temporary-discomfort',
      name: 'Temporary discomfort',
      clinicianText:
        'Temporary increase in pain after the injection; listed among the steroid side effects that usually resolve in 2–3 days, rarely up to 1 week.',
      patientText: 'Your back or leg may hurt more for a few days after the shot. This usually goes away in 2 to 3 days.',
      severity: 'minor',
      frequency: 'unknown',
      universal: true,
      sources: [V2('vancouverspinedoctor-complications')],
    },
    {
      id: 'intravascular-injection',
      name: 'Intravascular injection',
      clinicianText:
        'Needle entry into a blood vessel, reported in 7.9% of lumbar transforaminal epidurals. Intravascular injection can cause local anesthetic toxicity, and inadvertent intra-arterial injection of particulate steroid can cause embolic infarction.',
      patientText:
        'The needle can enter a small blood vessel. This happens in about 8 out of 100 of these injections. The doctor injects dye and watches on X-ray to check for this before giving the steroid.',
      incidence: {
        text: 'Intravascular entry in 7.9% of lumbar transforaminal injections (prospective study of >10,000 fluoroscopic epidurals)',
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
        'Dural puncture: 0.5% overall across fluoroscopic epidurals (lumbar interlaminar 0.8%); no lumbar transforaminal-specific figure was found. Post-dural-puncture headache is positional and usually improves in days; epidural blood patch if persistent. No incidence figure for the headache itself was found.',
      patientText:
        'The needle can go through the thin covering around the nerves. This happens in about 1 in 200 epidural injections. It can cause a headache that is worse when you sit or stand up. The headache usually gets better in a few days. If it does not, a treatment called a blood patch can help.',
      incidence: {
        text: 'Dural puncture in 0.5% of fluoroscopic epidural injections overall (all approaches; lumbar interlaminar 0.8%; no lumbar transforaminal figure given)',
        sources: [V2('manchikanti-2012-epidural-complications'), V2('spine-health-esi-risks')],
      },
      severity: 'moderate',
      frequency: 'uncommon',
      universal: false,
      sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
    },
    {
      id: 'nerve-injury',
      name: 'Nerve injury',
      clinicianText: 'Nerve damage (extremely rare).',
      patientText: 'The needle or medicine could injure a nerve. This is extremely rare.',
      severity: 'serious',
      frequency: 'very-rare',
      universal: false,
      sources: [V2('spine-health-esi-risks')],
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
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
    },
    {
      id: 'bone-density-decrease',
      name: 'Decreased bone mineral density',
      clinicianText: 'Decreased bone mineral density is listed as an adverse event of corticosteroid injections; lower doses give similar benefit.',
      patientText: 'Steroid shots can make bones less dense (weaker). Lower steroid doses work about as well as higher doses.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [V('benzon-2024-asra-corticosteroid')],
    },
    {
      id: 'allergic-reaction',
      name: 'Allergic reaction',
      clinicianText: 'Allergic reaction to a drug, contrast or skin antiseptic.',
      patientText: 'You could have an allergic reaction to a medicine, the X-ray dye, or the skin cleaner.',
      severity: 'moderate',
      frequency: 'unknown',
      universal: false,
      sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
    },
    {
      id: 'vasovagal-reaction',
      name: 'Vasovagal reaction',
      clinicianText: 'Vasovagal reaction. No incidence figure was found.',
      patientText: 'You may feel faint or lightheaded during or right after the shot.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
    },
    {
      id: 'temporary-leg-numbness-weakness',
      name: 'Temporary leg numbness or weakness',
      clinicianText: 'Temporary leg numbness or weakness.',
      patientText: 'Your leg may feel numb or weak for a short time after the shot.',
      severity: 'minor',
      frequency: 'unknown',
      universal: false,
      sources: [V2('spine-health-esi-risks'), V2('spine-secrets-excerpt')],
    },
  ],

  requiredCounselling: [
    {
      id: 'fda-serious-neurologic-events',
      text:
        'FDA 2014 warning discussed: injection of corticosteroids into the epidural space may result in rare but serious adverse events, including loss of vision, stroke, paralysis and death.',
      patientText:
        'The FDA warns that steroid shots into the space around the spinal nerves can, in rare cases, cause loss of vision, stroke, paralysis, or death.',
      sources: [V('fda-dsc-2014')],
    },
    {
      id: 'fda-off-label-use',
      text:
        'Off-label status discussed: the effectiveness and safety of epidural corticosteroids have not been established, and FDA has not approved corticosteroids (methylprednisolone, hydrocortisone, triamcinolone, betamethasone, dexamethasone) for epidural use.',
      patientText:
        'The FDA has not approved steroid medicines for injection into the space around the spinal nerves. This is called "off-label" use. How safe and how effective they are for this use has not been proven.',
      sources: [V('fda-dsc-2014')],
    },
    {
      id: 'fda-benefits-risks-alternatives',
      text:
        'Benefits and risks of the epidural steroid injection discussed, along with the benefits and risks of other possible treatments, including forgoing treatment.',
      patientText:
        'We talked about how this shot may help you, how it could harm you, and your other choices, including not having the shot.',
      sources: [V('fda-dsc-2014'), V('ama-2-1-1')],
    },
    {
      id: 'fda-warning-symptoms',
      text:
        'Emergency warning symptoms given (FDA DSC information for patients): loss of or change in vision; tingling or numbness in arms or legs; sudden weakness or numbness of the face, arm or leg on one or both sides; dizziness; severe headache; seizures.',
      patientText:
        'Get emergency care right away if you have: loss of vision or a change in how you see; tingling or numbness in your arms or legs; sudden weakness or numbness of your face, arm or leg on one or both sides; dizziness; a severe headache; or a seizure.',
      sources: [M('fda-dsc-2014')],
    },
  ],

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
        'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure (ASIPP 2024 differs, see bleeding risk); coordinate with the prescriber before stopping any drug.',
      sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
    },
    commonMonitoring.COAGULOPATHY_EXAM,
    commonMonitoring.PATIENT_BLEEDING_RISK_FACTORS,
    {
      id: 'imaging-reviewed',
      phase: 'pre',
      text: 'Relevant imaging reviewed and concordant with the clinical findings.',
      sources: [M('fact-base-consensus'), V2('lcd-l33906')],
    },
    commonMonitoring.PREGNANCY_STATUS,
    {
      id: 'diabetic-glucose-plan',
      phase: 'pre',
      text: 'Diabetic patients: glucose plan agreed for the days after the steroid.',
      sources: [M('fact-base-consensus'), V2('droracle-esi-glucose')],
    },
    commonMonitoring.INFECTION_SCREEN,
    commonMonitoring.PRE_SEDATION_EVALUATION,
    commonMonitoring.NPO_IF_SEDATION,
    commonMonitoring.ESCORT_IF_SEDATED,
    {
      id: 'baseline-pain-neuro-exam',
      phase: 'pre',
      text: 'Baseline pain score, function scale and neurologic examination documented.',
      sources: [V2('lcd-l33906'), M('fact-base-consensus')],
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
      id: 'discharge-red-flags',
      phase: 'post',
      text:
        'Discharge instructions given: seek urgent care for new or worsening back pain, new numbness or weakness, or bowel or bladder dysfunction (possible epidural hematoma or abscess), and for fever or tenderness/redness at the puncture site.',
      patientText:
        'Get medical help right away if you have new or worse back pain, new numbness or weakness, trouble controlling your bladder or bowels, a fever, or redness or tenderness where the needle went in.',
      sources: [V2('martinez-serrano-discharge-summary')],
    },
    {
      id: 'diabetic-glucose-monitoring',
      phase: 'post',
      text: 'Diabetic patients: monitor glucose for up to 4 days (postprandial rise ~3–4 days, fasting rise ~1–3 days; verify).',
      patientText: 'If you have diabetes, check your blood sugar more often for up to 4 days.',
      sources: [V2('droracle-esi-glucose')],
    },
    {
      id: 'antithrombotic-restart',
      phase: 'post',
      text: 'Anticoagulant/antiplatelet restart timing given per the documented plan (ASRA 2018 restart intervals).',
      sources: [V2('uptodate-antithrombotic-mirror'), M('fact-base-consensus')],
    },
  ],

  bleedingRisk: {
    asra2018: {
      class: 'intermediate',
      sources: [V2('narouze-2018-asra'), V2('uptodate-bleeding-risk-mirror')],
    },
    asipp2024: {
      class: 'low',
      note:
        'Guidelines differ. ASIPP 2024 classes lumbar TFESI at L3, L4, L5 and S1 as Low, but lumbar L1–L2 (like cervical and thoracic TFESI) as Intermediate; ASRA 2018 classes all TFESI as Intermediate. "Low" applies only to L3–S1; the summary does not say how an L2–L3 injection is classed.',
      sources: [V2('asipp-2024'), V2('asipp-2024-risk-summary')],
    },
  },

  alternatives: [
    {
      id: 'no-injection-conservative-care',
      text:
        'No injection: continue conservative care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed. ESI coverage requires failed conservative therapy (LCD L33906).',
      patientText:
        'You can choose not to have the shot. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
      sources: [V('ama-2-1-1'), V2('lcd-l33906')],
    },
    {
      id: 'interlaminar-or-caudal-esi',
      text:
        'Epidural steroid by an interlaminar or caudal approach instead of transforaminal. Bleeding-risk classes differ under ASIPP 2024 (lumbar interlaminar: High above L5, Intermediate at L5–S1; caudal: Intermediate). One large database analysis, cited only in a forum post (low reliability; verify), found higher odds of nerve-root injury (OR 1.69) and lower odds of epidural hematoma (OR 0.60) with TFESI than with interlaminar ESI.',
      patientText:
        'The steroid can reach the same space by a different path: between the bones of the back (interlaminar) or through an opening near the tailbone (caudal). Each path has its own risks.',
      sources: [V('aapmr-spinal-procedures'), V2('asipp-2024-risk-summary'), V2('studentdoctor-tf-vs-il')],
    },
  ],

  expectedBenefit: {
    id: 'expected-benefit',
    text: 'Epidural steroid injection is effective for radicular pain, but relief is short-term and not long-lasting (AAPM&R, citing ASPN/ASIPP).',
    patientText: 'The shot can ease nerve pain that goes down the leg. The relief is usually short-term and may not last.',
    sources: [V('aapmr-spinal-procedures')],
  },

  followUp: [
    {
      id: 'repeat-criteria-lcd',
      text: 'Repeat injection only after ≥50% sustained pain relief or ≥50% functional improvement (LCD L33906).',
      patientText:
        'Another shot is considered only if this one lowered your pain, or improved what you can do, by at least half, and the benefit lasted.',
      sources: [V2('lcd-l33906')],
    },
    {
      id: 'session-limits-lcd',
      text: 'Limits (LCD L33906): TFESI at no more than 2 levels per region per session; at most 4 sessions per spinal region per rolling 12 months.',
      sources: [V2('lcd-l33906')],
    },
    {
      id: 'private-payer-example',
      text:
        'Private payer example (eviCore CMM-200): repeat only with ≥50% relief for ≥2 weeks plus functional or medication improvement; at least 14 days between injections; at most 3 per region per 6 months (≤4 per 12 months).',
      sources: [V2('evicore-cmm-200')],
    },
    {
      id: 'report-adverse-events-medwatch',
      text: 'Adverse events reported to FDA MedWatch (FDA encourages patients and clinicians to report).',
      sources: [V('fda-dsc-2014')],
    },
  ],
};
