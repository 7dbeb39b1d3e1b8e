/**
 * Whole template sections shared word for word by several ESI templates, so each
 * route lists only what is its own. Changing one changes every template using it,
 * which then needs a new version (stored versions are content-hashed).
 */
import type { Template } from '../schema';
import * as esi from './esi';
import * as commonContraindications from './contraindications';
import { V, V2 } from './evidence';

/** Contraindications of the interlaminar and caudal routes (identical for all four). */
export const INTERLAMINAR_CAUDAL_CONTRAINDICATIONS: Template['contraindications'] = {
  absolute: [
    esi.REFUSAL_OR_UNABLE_TO_CONSENT,
    commonContraindications.LOCAL_INFECTION,
    esi.SYSTEMIC_INFECTION,
    esi.UNCORRECTED_COAGULOPATHY,
    commonContraindications.ESSENTIAL_INJECTATE_ALLERGY,
  ],
  relative: [
    esi.PREGNANCY,
    esi.CONTRAST_ALLERGY,
    esi.POORLY_CONTROLLED_DIABETES,
    commonContraindications.IMMUNOSUPPRESSION,
    commonContraindications.ANATOMIC_DISTORTION_PRIOR_SURGERY,
    commonContraindications.CURRENT_FEBRILE_ILLNESS,
    commonContraindications.CLINIC_RESTRICTION_CONDITIONS,
    esi.AXIAL_PAIN_ONLY,
  ],
};

/** The FDA 2014 epidural-steroid counselling, the same for every ESI route. */
export const ESI_REQUIRED_COUNSELLING: Template['requiredCounselling'] = [
  esi.FDA_SERIOUS_NEUROLOGIC_EVENTS,
  esi.FDA_OFF_LABEL_USE,
  esi.FDA_BENEFITS_RISKS_ALTERNATIVES,
  esi.FDA_WARNING_SYMPTOMS,
];

/** Follow-up for the thoracic/lumbar interlaminar and caudal routes. */
export const LUMBAR_THORACIC_CAUDAL_FOLLOW_UP: Template['followUp'] = [
  esi.REPEAT_CRITERIA_LCD,
  esi.SESSION_LIMITS_LCD_INTERLAMINAR_CAUDAL,
  esi.PRIVATE_PAYER_EXAMPLE,
  esi.REPORT_ADVERSE_EVENTS_MEDWATCH,
];

/** Imaging for the thoracic and lumbar interlaminar routes. */
export const THORACIC_LUMBAR_IL_IMAGING: Template['imaging'] = {
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
    esi.IMAGE_GUIDANCE_WITH_CONTRAST,
    esi.INTERLAMINAR_VIEWS_AND_CONTRAST_TEST_DOSE,
    esi.STEROID_CHOICE_INTERLAMINAR_CAUDAL,
    esi.STEROID_DOSE_REVIEWED_INTERLAMINAR_CAUDAL,
    esi.AVOID_HEAVY_SEDATION,
  ],
};
