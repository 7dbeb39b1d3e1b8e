/**
 * Sources cited by the neuromodulation templates (spinal cord stimulation trial and
 * permanent implant) and the procedure-day items that are not already in sources.ts.
 * Each names the original work, from the team's fact base (restated in
 * shared/clinical/fact-reference.md §2.9, §4.1, §5, §8); the rules every entry keeps are
 * in source-schema.ts. The evidence tag lives on each citing fact, not here.
 */
import type { Source } from './source-schema';

export const NEUROMOD_SOURCES: readonly Source[] = [
  // Spinal cord stimulation (§2.9)
  {
    id: 'verrills-2016-scs',
    citation: 'Verrills et al. J Pain Res 2016;9:481: a review of spinal cord stimulation for chronic pain (title not recorded)',
    reliability: 'primary',
    note: 'Level I–II evidence for low back pain with mainly limb pain; smoking, psychiatric illness and the implanter\'s experience affect efficacy.',
  },
  {
    id: 'levine-2016-scs-trial',
    citation: 'Levine, Parrent, MacDougall. Can J Neurol Sci 2016: a series of spinal cord stimulation trials and implants (title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'taylor-francis-scs-chapter',
    citation: 'Book chapter on spinal cord stimulation lead placement (Taylor & Francis; authors, book and year not recorded)',
    reliability: 'primary',
    note: 'Read as the publisher\'s abstract.',
  },
  {
    id: 'scs-complications-review-2023',
    citation: 'Review of spinal cord stimulation complications. Curr Pain Headache Rep 2023;27(12):837. PMID 38010489',
    url: 'https://pubmed.ncbi.nlm.nih.gov/38010489/',
    reliability: 'primary',
  },
  {
    id: 'painandspineclinics-scs',
    citation:
      "No verified primary source: single-study rates of lead migration, lead breakage and battery failure after spinal cord stimulation, as a clinic's page quotes them",
    reliability: 'low',
    note: 'Confirm against the original reviews (Cameron 2004; Eldabe 2016).',
  },
  {
    id: 'kim-2011-paddle-lead-migration',
    citation: 'Kim et al. Pain Physician 2011;14:513: migration of spinal cord stimulator paddle leads (title not recorded)',
    reliability: 'secondary',
    note: 'Known only through a wiki page that summarises it: confirm against the paper.',
  },
  {
    id: 'baranidharan-2020-ipg-pain',
    citation: 'Baranidharan et al. Reg Anesth Pain Med 2020;45(11):891: pain at the implanted pulse generator site after spinal cord stimulator implant (title not recorded)',
    url: 'https://rapm.bmj.com/content/45/11/891',
    reliability: 'primary',
  },
  {
    id: 'deer-scs-complications-chapter',
    citation: 'Deer TR. "Complications of Spinal Cord Stimulation". Book chapter, Springer (book and year not recorded)',
    reliability: 'primary',
  },
  {
    id: 'nans-epidural-hematoma',
    citation:
      'North American Neuromodulation Society / Neuromodulation Foundation. Practice parameters, treatment of chronic neuropathic pain: outcomes and risks, epidural hematoma',
    url: 'https://www.neuromodfound.org/treatment_of_chronic_neuropathic_pain/outcomes/risks/epidural_hematoma/',
    reliability: 'primary',
  },
  {
    id: 'bps-2015-itdd',
    citation: 'British Pain Society. Guidance on intrathecal drug delivery (ITDD), 2015',
    reliability: 'primary',
    note: 'Its title and table of contents only.',
  },

  // Procedural verification and consent (§4.1, §5)
  {
    id: 'who-surgical-safety-checklist-2009',
    citation:
      'World Health Organization. WHO Surgical Safety Checklist, 2009 (19 items in three phases: Sign In, Time Out, Sign Out); Haynes AB, et al. N Engl J Med 2009',
    reliability: 'primary',
    note: 'The items were confirmed in several reproductions, never in the WHO\'s own form: its exact wording needs clinical review.',
  },
  {
    id: 'utmb-informed-consent-definition',
    citation: 'University of Texas Medical Branch. Institutional policies and procedures, definition: informed consent',
    url: 'https://utmb.edu/policies_and_procedures/Home/Definition/717',
    reliability: 'primary',
  },
];
