/**
 * Contraindications shared word for word by procedure templates (fact base §2.0):
 * absolute ones first, then relative ones. A contraindication that a procedure words or
 * sources differently (e.g. uncorrected-coagulopathy, pregnancy, contrast-allergy) stays
 * in that template. Whether one is absolute or relative is decided by the template's
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

