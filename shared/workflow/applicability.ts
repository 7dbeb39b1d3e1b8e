/**
 * When a procedure-day item applies: to every encounter, or only where a trait of the
 * procedure or a choice in the encounter plan makes it relevant.
 */
import type { Laterality } from '../contract/encounter';
import type { ImagingModality } from '../library/schema';
import type { ProcedureTraits } from './traits';

export type Applicability =
  | 'always'
  /** Sedation is planned: fasting, escort, Aldrete score. */
  | 'sedation-planned'
  /** No sedation is planned: the unsedated observation. */
  | 'no-sedation'
  /** The patient is not recorded as free of diabetes (template items that name diabetic patients). */
  | 'diabetic'
  /** A corticosteroid is commonly injected and the patient is not recorded as free of diabetes: the glucose plan. */
  | 'diabetic-steroid'
  /** Contrast is used unless the planned injectate names none. */
  | 'contrast-planned'
  /** Epidural needle or lead: neuro check, hematoma/abscess red flags. */
  | 'neuraxial'
  /** Epidural corticosteroid: the FDA 2014 symptom list (vision change). */
  | 'epidural-steroid'
  /** Spinal cord stimulator trial or implant: antibiotic prophylaxis. */
  | 'implant'
  /** A pain diary follows the block (medial branch, sacroiliac, sympathetic blocks). */
  | 'diagnostic-block'
  /** A corticosteroid is commonly injected: diabetic glucose plan, steroid type. */
  | 'steroid'
  /** X-ray imaging: pregnancy status, fluoroscopy time and dose. */
  | 'fluoroscopy'
  /** Done at spinal levels: general region marked, level located on imaging. */
  | 'spinal'
  /** The plan names a side (left, right or bilateral). */
  | 'lateral';

export interface EncounterPlanFacts {
  sedationPlanned: boolean;
  laterality: Laterality | null;
  /** The modality chosen for this encounter, where known; X-ray imaging chosen over an ultrasound default still counts. */
  imagingModality?: ImagingModality | null | undefined;
  /**
   * From the patient's facts: true or false once diabetes is recorded; null or absent while
   * unknown, when diabetic items still show (an item never shown cannot be answered).
   */
  diabetic?: boolean | null | undefined;
  /** From the planned injectate: false once it names no contrast; null or absent while there is no plan. */
  contrastPlanned?: boolean | null | undefined;
}

export function applies(when: Applicability, traits: ProcedureTraits, plan: EncounterPlanFacts): boolean {
  switch (when) {
    case 'always':
      return true;
    case 'sedation-planned':
      return plan.sedationPlanned;
    case 'no-sedation':
      return !plan.sedationPlanned;
    case 'diabetic':
      return plan.diabetic !== false;
    case 'diabetic-steroid':
      return traits.steroid && plan.diabetic !== false;
    case 'contrast-planned':
      return plan.contrastPlanned !== false;
    case 'neuraxial':
      return traits.neuraxial;
    case 'epidural-steroid':
      return traits.epiduralSteroid;
    case 'implant':
      return traits.implant;
    case 'diagnostic-block':
      return traits.diagnosticBlock;
    case 'steroid':
      return traits.steroid;
    case 'fluoroscopy':
      return traits.fluoroscopyDefault || plan.imagingModality === 'fluoroscopy' || plan.imagingModality === 'ct';
    case 'spinal':
      return traits.spinal;
    case 'lateral':
      return plan.laterality !== null;
  }
}
