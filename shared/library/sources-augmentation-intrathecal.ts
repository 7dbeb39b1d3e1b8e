/**
 * Sources cited by the vertebral augmentation and intrathecal drug delivery templates
 * (vertebral augmentation; intrathecal trial; intrathecal pump implant) that are not
 * already in sources.ts or sources-neuromod.ts. Each names the original work, from the
 * team's fact base (restated in shared/clinical/fact-reference.md §2.10, §2.11); the rules
 * every entry keeps are in source-schema.ts. The evidence tag lives on each citing fact.
 */
import type { Source } from './source-schema';

export const AUGMENTATION_INTRATHECAL_SOURCES: readonly Source[] = [
  // Intrathecal drug delivery (§2.10)
  {
    id: 'anesthesiology-2011-itdd-case-scenario',
    citation:
      'Case scenario on intrathecal drug delivery, with the complication and mortality rates of the meta-analysis by Aprili et al. in patients with cancer. Anesthesiology 2011;114(2):424 (authors and title not recorded)',
    url: 'https://pubs.asahq.org/anesthesiology/article/114/2/424/10980',
    reliability: 'primary',
    note: 'Read on the publisher\'s page. The rates are those of the meta-analysis by Aprili et al. (citation not recorded); whether they concern trials, implants or both is not recorded.',
  },
  {
    id: 'pacc-2017-best-practices',
    citation:
      'Polyanalgesic Consensus Conference (PACC) 2017: best practices and guidelines for intrathecal drug delivery. Neuromodulation 2017;20(2):96–132 (authors, title and DOI not recorded)',
    reliability: 'primary',
    note: 'The citation only: its recommendations were not recorded. The indications are also attributed to PACC 2012 (citation not recorded).',
  },

  // Vertebral augmentation (§2.11)
  {
    id: 'chandra-vertebral-augmentation-chapter',
    citation: 'Chandra et al. Book chapter on vertebral augmentation: indications (book, publisher and year not recorded)',
    reliability: 'primary',
    note: 'The book the chapter belongs to is not recorded: identify it and confirm the indications against it.',
  },
  {
    id: 'texas-orthop-j-vertebral-augmentation',
    citation: 'Review of vertebral augmentation. Texas Orthopaedic Journal (authors, title and year not recorded)',
    reliability: 'primary',
  },
  {
    id: 'statpearls-vertebral-augmentation',
    citation: 'StatPearls: "Vertebral Augmentation". StatPearls Publishing (authors and date not recorded)',
    reliability: 'primary',
  },
  {
    id: 'ijss-2021-kyphoplasty-posterior-wall',
    citation:
      'Balloon kyphoplasty in vertebral fractures with disruption of the posterior wall: a series. Int J Spine Surg (IJSS) 2021;15(2):353 (authors and title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'saad-2022-vertebral-augmentation',
    citation: 'Saad et al. Indian J Radiol Imaging 2022: complications of vertebral augmentation (title not recorded)',
    reliability: 'primary',
    note: 'Cited for the vertebral augmentation complication rates together with Borensztein 2017 and PMC6583283, without saying which of them states which figure.',
  },
  {
    id: 'borensztein-2017-global-spine-j',
    citation: 'Borensztein et al. Global Spine J 2017: complications of vertebral augmentation (title not recorded)',
    reliability: 'primary',
    note: 'Cited for the vertebral augmentation complication rates together with Saad 2022 and PMC6583283, without saying which of them states which figure.',
  },
  {
    id: 'pmc6583283-vertebral-augmentation',
    citation: 'Article on complications of vertebral augmentation. PMC6583283 (authors, title and journal not recorded)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6583283/',
    reliability: 'primary',
    note: 'Cited for the vertebral augmentation complication rates together with Saad 2022 and Borensztein 2017, without saying which of them states which figure.',
  },
];
