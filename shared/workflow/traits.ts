/**
 * What the procedure-day workflow needs to know about a procedure, derived from its
 * template. Where the template's own data answers the question (default imaging, levels,
 * the risks it counsels, the follow-up it asks for) that data is used, so an edited or
 * clinic-authored template gets the right items without a code change. The template
 * schema has no field for "neuraxial" or "implant", so those come from the category.
 *
 * A template whose category is not one of the bundled library's is treated as unknown and
 * gets every safety trait on: an item that does not apply can be marked not applicable,
 * while an item that was never shown cannot be answered.
 */
import type { Template } from '../library/schema';

export interface ProcedureTraits {
  /** Needle, lead, catheter or cement in or beside the spinal canal: post-procedure neuro check and hematoma/abscess red flags. */
  neuraxial: boolean;
  /** Epidural corticosteroid: the FDA 2014 warning's symptom list (vision change) at discharge. */
  epiduralSteroid: boolean;
  /** Cervical transforaminal ESI: only nonparticulate steroid (fact base §2.1, §3.2 item 6). */
  cervicalTransforaminal: boolean;
  /** Lumbar transforaminal ESI: nonparticulate steroid preferred, particulate only with every risk-reducing measure (§2.1, §3.2 items 7–8). */
  lumbarTransforaminal: boolean;
  /** Implanted device (spinal cord stimulator or intrathecal drug delivery, trial or implant): antibiotic prophylaxis at the time-out. */
  implant: boolean;
  /** The template asks for a pain diary after the block (diagnostic or prognostic block). */
  diagnosticBlock: boolean;
  /** A corticosteroid is commonly injected: diabetic glucose plan, steroid type at the time-out. */
  steroid: boolean;
  /** Done at spinal levels: the skin mark shows the general region and imaging locates the level (UP.01.02.01). */
  spinal: boolean;
  /** The default imaging uses X-rays (fluoroscopy, or CT): pregnancy status and radiation dose are relevant. */
  fluoroscopyDefault: boolean;
}

const ESI = 'Epidural steroid injection';
const NEUROMODULATION = 'Neuromodulation';
const ADHESIOLYSIS = 'Epidural adhesiolysis';
const INTRATHECAL = 'Intrathecal drug delivery';
const VERTEBRAL_AUGMENTATION = 'Vertebral augmentation';

/** The categories of the bundled library (shared/library/data/); any other is unknown. */
export const KNOWN_CATEGORIES: readonly string[] = [
  ESI,
  'Facet joint / medial branch',
  'Knee / genicular nerve',
  'Sacroiliac joint',
  'Sympathetic block',
  'Peripheral nerve block',
  'Soft tissue / trigger point',
  NEUROMODULATION,
  ADHESIOLYSIS,
  INTRATHECAL,
  VERTEBRAL_AUGMENTATION,
];

/**
 * The only bundled cervical transforaminal template. Listed by id because the schema
 * records neither the approach nor the spinal region; a clinic-authored copy under
 * another id is caught by its name instead.
 */
const CERVICAL_TRANSFORAMINAL_IDS: readonly string[] = ['cervical-transforaminal-esi'];
/** Likewise the only bundled lumbar transforaminal template. */
const LUMBAR_TRANSFORAMINAL_IDS: readonly string[] = ['lumbar-transforaminal-esi'];

export function procedureTraits(template: Template): ProcedureTraits {
  const defaultImaging = template.imaging.options.find((o) => o.isDefault)?.modality;
  // Fluoroscopy and CT both use X-rays; the schema guarantees exactly one default.
  const fluoroscopyDefault = defaultImaging === 'fluoroscopy' || defaultImaging === 'ct';

  if (!KNOWN_CATEGORIES.includes(template.category)) {
    return {
      neuraxial: true,
      epiduralSteroid: true,
      cervicalTransforaminal: true,
      lumbarTransforaminal: true,
      implant: true,
      diagnosticBlock: true,
      steroid: true,
      spinal: true,
      fluoroscopyDefault,
    };
  }

  // Adhesiolysis is not an ESI: the fact base does not say it uses a steroid (its template counsels the FDA warning "if used").
  const epiduralSteroid = template.category === ESI;
  // Spinal cord stimulator leads are placed in the epidural space (fact base §2.9); intrathecal
  // catheters and pumps are implanted too (§1.2), so their trial gets the same time-out check.
  const implant = template.category === NEUROMODULATION || template.category === INTRATHECAL;
  // Adhesiolysis is an epidural procedure (§2.1). Vertebral augmentation is not, but its cement
  // can leak outside the vertebra (§2.11): the neuro check and red flags are carried over to it.
  const neuraxial = epiduralSteroid || implant || template.category === ADHESIOLYSIS || template.category === VERTEBRAL_AUGMENTATION;
  const cervicalTransforaminal =
    CERVICAL_TRANSFORAMINAL_IDS.includes(template.id) ||
    (epiduralSteroid && /cervical/i.test(template.name) && /transforaminal/i.test(template.name));
  const lumbarTransforaminal =
    LUMBAR_TRANSFORAMINAL_IDS.includes(template.id) ||
    (epiduralSteroid && /lumb/i.test(template.name) && /transforaminal/i.test(template.name));
  // Templates where a corticosteroid is commonly injected ask for a diabetic glucose plan
  // "for the days after the steroid" (ESI, facet intra-articular, SIJ, GON). Trigger point
  // injection mentions steroid only as a risk "if used" (ACOEM recommends against it), so a
  // mention of steroid alone is not enough.
  const steroid = epiduralSteroid || template.monitoring.some((m) => /glucose plan/i.test(m.text));
  // Medial branch, sacroiliac and sympathetic block templates ask for a pain diary
  // (fact base §2.2, §2.4, §2.5, §2.6); no other template does.
  const diagnosticBlock = [...template.monitoring, ...template.followUp].some((f) => /pain diary/i.test(f.text));
  // Caudal ESI has no level list but is still a spinal (neuraxial) procedure.
  const spinal = template.levels !== null || neuraxial;

  return { neuraxial, epiduralSteroid, cervicalTransforaminal, lumbarTransforaminal, implant, diagnosticBlock, steroid, spinal, fluoroscopyDefault };
}
