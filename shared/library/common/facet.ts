/**
 * Facts shared word for word by the facet joint and radiofrequency ablation templates
 * (lumbar-facet-ia, cervical-facet-ia, cervical-mbb, lumbar-rfa, cervical-rfa,
 * genicular-rfa). Each comes from shared/clinical/fact-reference.md (§2.0, §2.2, §2.3,
 * §1.2, §5) and carries the tag the fact base gives it; 'inference' marks a fact carried
 * over from a related row, as the text says.
 * A fact that one template words or sources differently stays in that template.
 * Changing a shared fact changes every template that uses it, which requires a new
 * template version of each (stored versions are content-hashed).
 */
import type { Fact, MonitoringStep, Risk, Template } from '../schema';
import { I, M, V, V2 } from './evidence';
import * as sharedContraindications from './contraindications';
import * as sharedMonitoring from './monitoring';

type ImagingOption = Template['imaging']['options'][number];

// Contraindications (§2.0 common elements)

export const REFUSAL_OR_UNABLE_TO_CONSENT: Fact = sharedContraindications.REFUSAL_OR_UNABLE_TO_CONSENT;

/** For the low-bleeding-risk procedures (lumbar facet IA, lumbar medial branch RFA). */
export const UNCORRECTED_COAGULOPATHY: Fact = sharedContraindications.UNCORRECTED_COAGULOPATHY;

/** For the cervical procedures, intermediate bleeding risk under ASRA 2018. */
export const UNCORRECTED_COAGULOPATHY_INTERMEDIATE: Fact = sharedContraindications.UNCORRECTED_COAGULOPATHY_INTERMEDIATE;

export const PREGNANCY: Fact = sharedContraindications.PREGNANCY;

export const CONTRAST_ALLERGY: Fact = sharedContraindications.CONTRAST_ALLERGY;

/** Facet intra-articular injections contain corticosteroid. */
export const POORLY_CONTROLLED_DIABETES: Fact = sharedContraindications.POORLY_CONTROLLED_DIABETES;

// Imaging (§2.2: Klessinger 2013)

export const FLUOROSCOPY_LUMBAR: ImagingOption = {
  modality: 'fluoroscopy',
  isDefault: true,
  contrast: 'recommended',
  note:
    'Fluoroscopy is the standard; contrast is used to detect intravascular uptake. Ultrasound is described for cervical targets only, and CT guidance is not supported by guidelines (Klessinger 2013), so neither is offered at lumbar levels.',
  sources: [V('klessinger-2013')],
};

export const FLUOROSCOPY_CERVICAL: ImagingOption = {
  modality: 'fluoroscopy',
  isDefault: true,
  contrast: 'recommended',
  note:
    'Fluoroscopy is the standard; contrast is used to detect intravascular uptake. CT guidance is not supported by guidelines (Klessinger 2013), so it is not offered.',
  sources: [V('klessinger-2013')],
};

export const ULTRASOUND_CERVICAL: ImagingOption = {
  modality: 'ultrasound',
  isDefault: false,
  contrast: 'not-used',
  note:
    'Ultrasound is used for cervical targets (Klessinger 2013). The fact base gives no contrast rule for ultrasound guidance; "not used" is an inference (the contrast check for intravascular uptake is made under fluoroscopy) and needs clinical review.',
  sources: [V('klessinger-2013'), I('fact-base-consensus')],
};

export const CONTRAST_INTRAVASCULAR_CHECK: Fact = {
  id: 'contrast-intravascular-check',
  text: 'Contrast injected under fluoroscopy to detect intravascular uptake.',
  sources: [V('klessinger-2013')],
};

// Risks

/** Universal risk where the fact base states no infection risk for the procedure. */
export const INFECTION_CARRIED_OVER: Risk = {
  id: 'infection',
  name: 'Infection',
  clinicianText:
    'Infection at the puncture site. Not stated for this procedure in the fact base; included as a universal needle-procedure risk. No incidence figure.',
  patientText: 'Germs can get in where the needle goes through the skin and cause an infection.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: true,
  sources: [I('fact-base-consensus')],
};

export const TEMPORARY_DISCOMFORT: Risk = {
  id: 'temporary-discomfort',
  name: 'Temporary discomfort',
  clinicianText:
    'Temporary soreness at the injection site. Not stated for this procedure in the fact base; included as a universal needle-procedure risk. No incidence figure.',
  patientText: 'The spot where the needle went in may be sore for a short time.',
  severity: 'minor',
  frequency: 'unknown',
  universal: true,
  sources: [I('fact-base-consensus')],
};

// Facet intra-articular injection: complications measured for facet nerve blocks
// (Manchikanti 2012), carried over; corticosteroid effects carried over from §2.1.

export const IA_BLEEDING: Risk = {
  id: 'bleeding',
  name: 'Bleeding and local hematoma',
  clinicianText:
    'Local hematoma or bleeding. Carried over from the Manchikanti 2012 series of ~43,000 facet nerve blocks (profuse bleeding and local hematoma were measured outcomes; rates not visible); not stated for intra-articular injection in the fact base.',
  patientText: 'There may be bleeding or a bruise (a small collection of blood) where the needle went in.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: true,
  sources: [I('manchikanti-2012-facet-complications')],
};

export const IA_INTRAVASCULAR_ENTRY: Risk = {
  id: 'intravascular-entry',
  name: 'Intravascular entry',
  clinicianText:
    'Needle entry into a blood vessel. Carried over from the Manchikanti 2012 facet nerve block series (measured outcome; rates not visible); not stated for intra-articular injection in the fact base. Contrast is used to detect intravascular uptake.',
  patientText: 'The needle can enter a small blood vessel. The doctor injects dye and watches on X-ray to check for this.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [I('manchikanti-2012-facet-complications'), V('klessinger-2013')],
};

export const IA_DURAL_PUNCTURE_HEADACHE: Risk = {
  id: 'dural-puncture-headache',
  name: 'Dural puncture and headache',
  clinicianText:
    'Dural puncture and headache. Carried over from the Manchikanti 2012 facet nerve block series (measured outcome; rates not visible); not stated for intra-articular injection in the fact base.',
  patientText:
    'The needle can go through the thin covering around the nerves. This can cause a headache that is worse when you sit or stand up.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [I('manchikanti-2012-facet-complications')],
};

export const IA_NERVE_ROOT_CORD_IRRITATION: Risk = {
  id: 'nerve-root-cord-irritation',
  name: 'Nerve-root or spinal cord irritation',
  clinicianText:
    'Nerve-root or spinal cord irritation. Carried over from the Manchikanti 2012 facet nerve block series (measured outcome; rates not visible); not stated for intra-articular injection in the fact base.',
  patientText: 'The needle or medicine can irritate a nearby nerve or the spinal cord.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [I('manchikanti-2012-facet-complications')],
};

export const IA_STEROID_SIDE_EFFECTS: Risk = {
  id: 'steroid-side-effects',
  name: 'Short-term steroid side effects',
  clinicianText:
    'Transient flushing/sweating, headache, insomnia/increased energy, water retention, irritability; blood pressure rise in hypertensive patients; temporary increase in pain. Listed for spinal steroid injections (clinic page, ESI section of the fact base); carried over to facet intra-articular steroid. The incidence figure given there is not carried over.',
  patientText:
    'The steroid can cause short-term side effects: a warm or red face, sweating, headache, trouble sleeping or extra energy, holding extra water, feeling irritable, or a short-term rise in pain. Blood pressure can go up in people with high blood pressure.',
  severity: 'minor',
  frequency: 'unknown',
  universal: false,
  sources: [I('vancouverspinedoctor-complications')],
};

export const IA_CORTICOSTEROID_SYSTEMIC_EFFECTS: Risk = {
  id: 'corticosteroid-systemic-effects',
  name: 'Blood glucose rise, bone density loss and adrenal suppression',
  clinicianText:
    'The 2024 ASRA-led corticosteroid guideline series lists increased blood glucose, decreased bone mineral density and HPA suppression as adverse events, and notes that lower doses give similar benefit. Stated in the ESI section of the fact base; carried over to facet intra-articular steroid (the series covers facet injections).',
  patientText:
    'Steroid shots can raise blood sugar, make bones less dense (weaker), and lower your body’s own steroid hormone (cortisol) for a while. Lower steroid doses work about as well as higher doses.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [I('benzon-2024-asra-corticosteroid')],
};

// Medial branch RFA (§2.2 RFA risks: neuritis [V2], the rest [M])

export const RFA_INFECTION: Risk = {
  id: 'infection',
  name: 'Infection',
  clinicianText: 'Infection (listed among RFA risks). No incidence figure was found.',
  patientText: 'Germs can get in where the needle goes through the skin and cause an infection.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: true,
  sources: [M('fact-base-consensus')],
};

export const RFA_BLEEDING: Risk = {
  id: 'bleeding',
  name: 'Bleeding',
  clinicianText: 'Bleeding (listed among RFA risks). No incidence figure was found.',
  patientText: 'There may be bleeding or a bruise where the needle went in.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: true,
  sources: [M('fact-base-consensus')],
};

export const RFA_NEURITIS: Risk = {
  id: 'rfa-neuritis',
  name: 'Post-procedure neuritis',
  clinicianText:
    'Post-procedure burning, hypersensitivity or sunburn-like pain (neuritis), on average lasting no more than 1–2 weeks (vendor FAQ). No incidence figure was found.',
  patientText:
    'After the treatment the area may burn, feel extra sensitive, or hurt like a sunburn. This usually lasts no more than 1 to 2 weeks.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [V2('medical-ware-rfa-faq')],
};

export const RFA_SKIN_BURN: Risk = {
  id: 'skin-burn',
  name: 'Skin burn',
  clinicianText: 'Skin burn at the grounding pad or the electrode. No incidence figure was found.',
  patientText: 'The skin can get burned where the sticky grounding pad is placed or where the treatment needle goes in.',
  severity: 'moderate',
  frequency: 'unknown',
  universal: false,
  sources: [M('fact-base-consensus')],
};

export const RFA_NUMBNESS: Risk = {
  id: 'numbness',
  name: 'Numbness',
  clinicianText: 'Numbness (listed among RFA risks). No incidence figure was found.',
  patientText: 'You may have numbness near the treated area.',
  severity: 'minor',
  frequency: 'unknown',
  universal: false,
  sources: [M('fact-base-consensus')],
};

// Monitoring

export const ANTITHROMBOTIC_REVIEW_LOW: MonitoringStep = sharedMonitoring.ANTITHROMBOTIC_REVIEW_LOW;

export const ANTITHROMBOTIC_REVIEW_INTERMEDIATE: MonitoringStep = {
  id: 'antithrombotic-review',
  phase: 'pre',
  text:
    'Anticoagulant and antiplatelet medications reviewed, with a documented stop/restart plan per ASRA 2018 for an intermediate-bleeding-risk procedure (ASIPP 2024 differs, see bleeding risk); coordinate with the prescriber before stopping any drug.',
  sources: [M('fact-base-consensus'), V2('clinicalpainadvisor-asra-2015'), V2('uptodate-antithrombotic-mirror')],
};

export const ANTITHROMBOTIC_RESTART: MonitoringStep = sharedMonitoring.ANTITHROMBOTIC_RESTART;

export const IMAGING_REVIEWED: MonitoringStep = sharedMonitoring.IMAGING_REVIEWED;

export const BASELINE_PAIN_NEURO_EXAM: MonitoringStep = sharedMonitoring.BASELINE_PAIN_NEURO_EXAM;

export const DIABETIC_GLUCOSE_PLAN: MonitoringStep = {
  id: 'diabetic-glucose-plan',
  phase: 'pre',
  text: 'Diabetic patients: glucose plan agreed for the days after the steroid.',
  sources: [M('fact-base-consensus')],
};

export const DIABETIC_GLUCOSE_MONITORING: MonitoringStep = {
  id: 'diabetic-glucose-monitoring',
  phase: 'post',
  text:
    'Diabetic patients: monitor glucose for up to 4 days. Stated after ESI in the fact base (low-quality secondary summary; verify); carried over to facet intra-articular steroid.',
  sources: [I('droracle-esi-glucose')],
};

export const DISCHARGE_RED_FLAGS_LUMBAR: MonitoringStep = {
  id: 'discharge-red-flags',
  phase: 'post',
  text:
    'Discharge instructions given: seek care for fever, tenderness/redness at the puncture site, new or worsening back pain, or new numbness or weakness. (The fact base states these warning signs for neuraxial procedures; carried over to this facet procedure.)',
  sources: [I('martinez-serrano-discharge-summary')],
};

export const DISCHARGE_RED_FLAGS_CERVICAL: MonitoringStep = {
  id: 'discharge-red-flags',
  phase: 'post',
  text:
    'Discharge instructions given: seek care for fever, tenderness/redness at the puncture site, new or worsening neck pain, or new numbness or weakness. (The fact base states these warning signs, with back pain, for neuraxial procedures; carried over to this cervical facet procedure.)',
  sources: [I('martinez-serrano-discharge-summary')],
};

// RFA-specific checks (§2.2, [M])

export const IMPLANTED_DEVICE_CHECK: MonitoringStep = {
  id: 'implanted-device-check',
  phase: 'pre',
  text:
    'Pacemaker/ICD or other implanted stimulator asked about; if present, device management planned before RF energy is used (RF energy interference).',
  sources: [M('fact-base-consensus')],
};

export const METAL_IMPLANTS_NEAR_PAD: MonitoringStep = {
  id: 'metal-implants-near-pad',
  phase: 'pre',
  text: 'Metal implants near the planned grounding pad site checked.',
  sources: [M('fact-base-consensus')],
};

export const GROUNDING_PAD_PLACEMENT: MonitoringStep = {
  id: 'grounding-pad-placement',
  phase: 'intra',
  text: 'Grounding pad placement checked before RF energy is used.',
  sources: [M('fact-base-consensus')],
};

export const GROUNDING_PAD_SKIN_CHECK: MonitoringStep = {
  id: 'grounding-pad-skin-check',
  phase: 'post',
  text: 'Skin at the grounding pad site checked after the procedure.',
  sources: [M('fact-base-consensus')],
};

// Facet intra-articular corticosteroid: conflicting evidence (§2.2), shown as the fact base shows it

export const IA_STEROID_JOINT_INFLAMMATION_INDICATION: Fact = {
  id: 'ia-steroid-joint-inflammation',
  text:
    'Facet joint pain in a patient with joint inflammation: the 2024/25 ASRA-led multisociety consensus states that "injection of corticosteroid into the facet joint in patients with joint inflammation may relieve pain and improves function". AAPM&R (citing ASPN/ASIPP) disagrees; see expected benefit.',
  patientText:
    'Pain from an inflamed facet joint. Newer expert guidance says a steroid shot into the joint may ease the pain and help you move better, but other guidance disagrees.',
  sources: [V('facet-sij-corticosteroid-consensus'), V('aapmr-spinal-procedures')],
};

export const IA_STEROID_EXPECTED_BENEFIT: Fact = {
  id: 'expected-benefit',
  text:
    'Sources conflict; both are shown and neither is chosen. AAPM&R (citing ASPN/ASIPP): IA facet steroid injections "have been shown to be ineffective when used either therapeutically or diagnostically prior to RFA". 2024/25 ASRA-led multisociety consensus: "Injection of corticosteroid into the facet joint in patients with joint inflammation may relieve pain and improves function." The fact base gives no duration of benefit.',
  patientText:
    'Experts disagree about this shot. Some guidance says a steroid shot into the facet joint does not help. Newer expert guidance says it may ease pain and help you move better when the joint is inflamed.',
  sources: [V('aapmr-spinal-procedures'), V('facet-sij-corticosteroid-consensus')],
};

export const IA_STEROID_EVIDENCE_COUNSELLING: Fact = {
  id: 'ia-steroid-evidence-conflict',
  text:
    'Conflicting evidence on intra-articular facet steroid discussed (AAPM&R: ineffective therapeutically or diagnostically before RFA; 2024/25 multisociety consensus: may relieve pain and improves function in patients with joint inflammation), together with the burdens, risks and expected benefits of all options, including forgoing treatment.',
  patientText:
    'We talked about how experts disagree on whether this shot helps, what it could do for you, how it could harm you, and your other choices, including not having the shot.',
  sources: [V('aapmr-spinal-procedures'), V('facet-sij-corticosteroid-consensus'), V('ama-2-1-1')],
};

export const FOLLOW_UP_RFA_SELECTION_BY_MBB: Fact = {
  id: 'rfa-selection-by-mbb',
  text:
    'If radiofrequency ablation is considered later, patients are selected with diagnostic/prognostic medial branch blocks, not by the response to this injection: per AAPM&R, IA facet steroid injections have been shown to be ineffective when used diagnostically prior to RFA, and MBBs are effective for diagnosing facet joint pain before RFA.',
  patientText:
    'If a longer-lasting nerve treatment (radiofrequency ablation) is considered later, a different test shot (medial branch block) is used to decide, not the result of this shot.',
  sources: [V('aapmr-spinal-procedures')],
};

// Alternatives

export const NO_INJECTION_CONSERVATIVE_CARE: Fact = {
  id: 'no-injection-conservative-care',
  text:
    'No injection: continue conservative care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed.',
  patientText:
    'You can choose not to have the shot. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
  sources: [V('ama-2-1-1')],
};

export const NO_RFA_CONSERVATIVE_CARE: Fact = {
  id: 'no-rfa-conservative-care',
  text:
    'No radiofrequency ablation: continue conservative care or forgo treatment. The risks, burdens and expected benefits of all options, including forgoing treatment, are discussed.',
  patientText:
    'You can choose not to have this nerve treatment. You can keep up your current care, or have no treatment. We talked about what could happen with each choice.',
  sources: [V('ama-2-1-1')],
};

export const MBB_THEN_RFA: Fact = {
  id: 'mbb-then-rfa',
  text:
    'Diagnostic/prognostic medial branch block, followed by medial branch radiofrequency ablation if positive: MBBs are effective for diagnosing facet joint pain before RFA (AAPM&R).',
  patientText:
    'A test shot that numbs the small nerves to the facet joints. If it helps, a longer-lasting nerve treatment (radiofrequency ablation) may follow.',
  sources: [V('aapmr-spinal-procedures')],
};

export const FACET_INTRA_ARTICULAR_STEROID: Fact = {
  id: 'facet-intra-articular-steroid',
  text:
    'Facet intra-articular corticosteroid injection. Sources differ: AAPM&R (citing ASPN/ASIPP) states IA facet steroid injections have been shown to be ineffective when used therapeutically or diagnostically before RFA; the 2024/25 multisociety consensus states that IA corticosteroid in patients with joint inflammation may relieve pain and improves function.',
  patientText:
    'A steroid shot into the facet joint itself. Experts disagree about it: some guidance says it does not help, while newer guidance says it may ease pain and improve function when the joint is inflamed.',
  sources: [V('aapmr-spinal-procedures'), V('facet-sij-corticosteroid-consensus')],
};

// Medial branch RFA follow-up (§2.2)

export const EXPECTED_DURATION_CLINIC_PAGES: Fact = {
  id: 'expected-duration',
  text:
    'Expected duration of relief after medial branch RFA: commonly quoted as 6–12 months (clinic pages); 6–18 months on another clinic page. Lay sources only; the fact base has no guideline figure.',
  patientText: 'Relief from this treatment does not last forever. Clinics often say it lasts about 6 to 12 months, sometimes up to 18 months.',
  sources: [V2('rfa-duration-clinic-pages')],
};

export const REPEAT_RFA_MEDICARE: Fact = {
  id: 'repeat-rfa-criteria',
  text:
    'Repeat RFA (Medicare): coverage usually requires ≥50% relief lasting ≥6 months from the previous RFA, with a limit on sessions per rolling 12 months. Check the current facet LCD.',
  patientText:
    'Medicare usually pays for a repeat treatment only if the last one cut your pain at least in half for at least 6 months. There is also a limit on how many treatments you can have in a year.',
  sources: [M('medicare-facet-lcds')],
};

export const NEURITIS_COURSE_REVIEW: Fact = {
  id: 'neuritis-course-review',
  text:
    'Post-procedure neuritis (burning, hypersensitivity or sunburn-like pain) reviewed at follow-up; on average it lasts no more than 1–2 weeks (vendor FAQ).',
  patientText: 'Tell us if burning or sunburn-like pain in the treated area lasts more than 1 to 2 weeks.',
  sources: [V2('medical-ware-rfa-faq')],
};
