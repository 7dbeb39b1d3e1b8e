/**
 * Sources cited by the neuromodulation templates (spinal cord stimulation trial and
 * permanent implant) that are not already in sources.ts. Citations and addresses were
 * copied from the team's fact base (restated in shared/clinical/fact-reference.md §2.9, §4.1, §5, §8);
 * where the fact base gives no address, none is given here. The evidence tag lives on
 * each citing fact, not here.
 */
import type { Source } from './source-schema';

export const NEUROMOD_SOURCES: readonly Source[] = [
  // Spinal cord stimulation (§2.9)
  {
    id: 'verrills-2016-scs',
    citation:
      'Verrills et al., J Pain Res 2016;9:481 (spinal cord stimulation review: Level I–II evidence for low back with predominant limb pain; smoking, psychiatric illness and implanter experience affect efficacy)',
  },
  {
    id: 'levine-2016-scs-trial',
    citation: 'Can J Neurol Sci 2016 (Levine, Parrent, MacDougall): spinal cord stimulation trial and implant series',
  },
  {
    id: 'taylor-francis-scs-chapter',
    citation: 'Taylor & Francis chapter abstract on spinal cord stimulation lead placement (fluoroscopic percutaneous epidural leads; paddle leads via laminotomy)',
  },
  {
    id: 'scs-complications-review-2023',
    citation: 'Review of spinal cord stimulation complications. Curr Pain Headache Rep 2023;27(12):837 (PubMed 38010489)',
    url: 'http://www.pubmed.gov/38010489/',
  },
  {
    id: 'painandspineclinics-scs',
    citation:
      'painandspineclinics.com clinic page on spinal cord stimulation complications (single-study figures for lead migration, lead breakage and battery failure); verify against Cameron 2004 / Eldabe 2016',
  },
  {
    id: 'kim-2011-paddle-lead-migration',
    citation: 'Kim 2011, Pain Physician 14:513 (paddle-lead migration), as summarised on neurosurgerywiki',
  },
  {
    id: 'baranidharan-2020-ipg-pain',
    citation: 'Baranidharan et al., RAPM 2020;45(11):891 (IPG-site pain after spinal cord stimulator implant)',
    url: 'https://rapm.bmj.com/content/45/11/891',
  },
  {
    id: 'deer-scs-complications-chapter',
    citation: 'Deer TR, "Complications of Spinal Cord Stimulation" (Springer chapter)',
  },
  {
    id: 'nans-epidural-hematoma',
    citation: 'NANS/Neuromodulation Foundation practice parameters: epidural hematoma (treatment of chronic neuropathic pain, outcomes, risks)',
    url: 'https://www.neuromodfound.org/treatment_of_chronic_neuropathic_pain/outcomes/risks/epidural_hematoma/',
  },
  {
    id: 'bps-2015-itdd',
    citation: 'British Pain Society 2015 intrathecal drug delivery (ITDD) guidance (title/TOC)',
  },

  // Procedural verification and consent (§4.1, §5)
  {
    id: 'who-surgical-safety-checklist-2009',
    citation:
      'WHO Surgical Safety Checklist (2009; 19 items; 3 phases: Sign In, Time Out, Sign Out), items as reproduced by demo.essq.ed.ac.uk, Medscape, medicalalgorithms.com and frcamindmaps (not the WHO PDF); Haynes et al., NEJM 2009',
    url: 'http://demo.essq.ed.ac.uk/theatre-safety-checklist.html',
  },
  {
    id: 'utmb-informed-consent-definition',
    citation: 'UTMB policy definition of informed consent (likelihood of success; potential problems during recuperation; names of the persons performing the procedure)',
    url: 'https://utmb.edu/policies_and_procedures/Home/Definition/717',
  },
];
