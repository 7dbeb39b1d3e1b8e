/**
 * Contraindications shared word for word by procedure templates (fact base §2.0):
 * absolute ones first, then relative ones. Variants worded for a group of procedures
 * (e.g. uncorrected coagulopathy for intermediate bleeding risk, pregnancy with the
 * breastfeeding note) are at the end; a wording used by one template only stays in it. Whether one is absolute or relative is decided by the template's
 * array it is placed in.
 * Changing a shared fact changes every template that uses it, which requires a new
 * template version of each (stored versions are content-hashed).
 */
import type { Fact } from '../schema';
import { M, V2 } from './evidence';

// Absolute

export const LOCAL_INFECTION: Fact = {
  id: 'local-infection',
  text: 'Local infection at the injection site.',
  sources: [M('fact-base-consensus')],
};

export const ESSENTIAL_INJECTATE_ALLERGY: Fact = {
  id: 'essential-injectate-allergy',
  text: 'Known allergy to an essential injectate.',
  sources: [M('fact-base-consensus')],
};

// Relative

export const IMMUNOSUPPRESSION: Fact = {
  id: 'immunosuppression',
  text: 'Immunosuppression.',
  sources: [M('fact-base-consensus')],
};

export const ANATOMIC_DISTORTION_PRIOR_SURGERY: Fact = {
  id: 'anatomic-distortion-prior-surgery',
  text: 'Anatomic distortion or prior surgery at the target level.',
  sources: [M('fact-base-consensus')],
};

export const CURRENT_FEBRILE_ILLNESS: Fact = {
  id: 'current-febrile-illness',
  text: 'Current febrile illness (e.g. sore throat, fever, urinary tract infection): reschedule.',
  sources: [M('fact-base-consensus'), V2('psadocs-preparing')],
};

export const CLINIC_RESTRICTION_CONDITIONS: Fact = {
  id: 'clinic-restriction-conditions',
  text: 'Other conditions on a clinic restriction list for spinal injections: anemia, significant asthma, bleeding problems, kidney disease.',
  sources: [V2('vancouverspinedoctor-complications')],
};

// Shared by several procedure groups (moved here from the group files, word for word).
export const REFUSAL_OR_UNABLE_TO_CONSENT: Fact = {
  id: 'refusal-or-unable-to-consent',
  text: 'Patient refusal or inability to consent.',
  sources: [M('fact-base-consensus')],
};

export const UNCORRECTED_COAGULOPATHY: Fact = {
  id: 'uncorrected-coagulopathy',
  text: 'Uncorrected coagulopathy.',
  sources: [M('fact-base-consensus')],
};

export const UNCORRECTED_COAGULOPATHY_INTERMEDIATE: Fact = {
  id: 'uncorrected-coagulopathy',
  text: 'Uncorrected coagulopathy, or antithrombotics not managed per ASRA 2018 for an intermediate-bleeding-risk procedure.',
  sources: [M('fact-base-consensus')],
};

export const PREGNANCY_FLUOROSCOPY: Fact = {
  id: 'pregnancy',
  text: 'Pregnancy (fluoroscopy radiation).',
  sources: [M('fact-base-consensus')],
};

export const PREGNANCY: Fact = {
  id: 'pregnancy',
  text: 'Pregnancy (fluoroscopy radiation). A clinic restriction list also names breastfeeding.',
  sources: [M('fact-base-consensus'), V2('vancouverspinedoctor-complications')],
};

export const CONTRAST_ALLERGY: Fact = {
  id: 'contrast-allergy',
  text: 'Contrast allergy: use an alternative or premedicate per local policy.',
  sources: [M('fact-base-consensus'), V2('vancouverspinedoctor-complications')],
};

export const POORLY_CONTROLLED_DIABETES: Fact = {
  id: 'poorly-controlled-diabetes',
  text: 'Poorly controlled diabetes (steroid-induced hyperglycemia).',
  sources: [M('fact-base-consensus')],
};
