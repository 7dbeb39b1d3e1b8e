/**
 * Facts that several templates state word for word (risks, indications, steps),
 * defined once. Changing one changes every template that lists it, which then
 * needs a new version (stored versions are content-hashed).
 */
import type { Fact } from '../schema';
import { M, V, V2 } from './evidence';

/** Used by cervical-mbb, lumbar-mbb. */
export const LOW_INJECTATE_VOLUME: Fact = {
  id: 'low-injectate-volume',
  text: 'Low injectate volume (0.25 mL rather than 0.5 mL) to avoid spread and false-positive blocks (secondary AI summary; verify).',
  sources: [V2('droracle-mbb-volume')],
};

/** Used by cervical-mbb, lumbar-mbb. */
export const LOCAL_ANESTHETIC_RECORDED: Fact = {
  id: 'local-anesthetic-recorded',
  text: 'Local anesthetic used (e.g. lidocaine vs bupivacaine) recorded, so the pain diary can cover its expected duration.',
  sources: [M('fact-base-consensus')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const REFUSAL_OR_UNABLE_TO_CONSENT: Fact = {
  id: 'refusal-or-unable-to-consent',
  text: 'Patient refusal or inability to consent.',
  sources: [M('fact-base-consensus'), V('clinicaltrials-nct01020929')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const SYSTEMIC_INFECTION: Fact = {
  id: 'systemic-infection',
  text: 'Systemic infection or sepsis.',
  sources: [M('fact-base-consensus'), V('clinicaltrials-nct01020929')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const UNCORRECTED_COAGULOPATHY: Fact = {
  id: 'uncorrected-coagulopathy',
  text: 'Uncorrected coagulopathy, or antithrombotics not managed per ASRA 2018 for an intermediate-bleeding-risk procedure.',
  sources: [M('fact-base-consensus'), V('clinicaltrials-nct01020929')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const PREGNANCY: Fact = {
  id: 'pregnancy',
  text: 'Pregnancy (fluoroscopy radiation). A clinic restriction list also names breastfeeding.',
  sources: [M('fact-base-consensus'), V('clinicaltrials-nct01020929'), V2('vancouverspinedoctor-complications')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const CONTRAST_ALLERGY: Fact = {
  id: 'contrast-allergy',
  text: 'Contrast allergy: use an alternative or premedicate per local policy.',
  sources: [M('fact-base-consensus'), V('clinicaltrials-nct01020929'), V2('vancouverspinedoctor-complications')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const CONTRAST_REAL_TIME_BEFORE_STEROID: Fact = {
  id: 'contrast-real-time-before-steroid',
  text:
    'Contrast injected under real-time fluoroscopy and/or digital subtraction angiography (DSA), in the appropriate AP view, before any steroid or other potentially hazardous injectate.',
  // §2.1 attributes this row jointly to StatPearls [V] and Rathmell [M] without saying which
  // sentence is which; §3.2 item 4 is [M]. The weakest tag is applied.
  sources: [M('rathmell-2015'), M('statpearls-epidural-steroids')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const LOCAL_ANESTHETIC_TEST_DOSE: Fact = {
  id: 'local-anesthetic-test-dose',
  text: 'Local anesthetic test dose considered before the steroid.',
  sources: [M('rathmell-2015')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const EXTENSION_TUBING: Fact = {
  id: 'extension-tubing',
  text: 'Extension tubing used for the transforaminal injection.',
  sources: [M('rathmell-2015')],
};

/** Used by cervical-tfesi, lumbar-tfesi. */
export const STEROID_DOSE_REVIEWED: Fact = {
  id: 'steroid-dose-reviewed',
  text:
    'Steroid dose reviewed: lower doses give similar benefit (ASRA-led 2024 corticosteroid guideline). Dexamethasone 4 mg is reported as effective as 8–12 mg for TFESI (secondary AI summary citing RCTs; verify).',
  sources: [V('benzon-2024-asra-corticosteroid'), V2('droracle-esi-dose')],
};
