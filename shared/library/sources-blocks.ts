/**
 * Sources cited by the block templates (SIJ injection, stellate ganglion block, lumbar
 * sympathetic block, greater occipital nerve block, peripheral nerve block, trigger point
 * injection) that are not already in sources.ts. Each names the original work, from the
 * team's fact base (restated in shared/clinical/fact-reference.md §2.4–§2.8); the rules
 * every entry keeps are in source-schema.ts. The evidence tag lives on each citing fact,
 * not here.
 */
import { TEAM_CONSENSUS_CITATION, type Source } from './source-schema';

export const BLOCK_SOURCES: readonly Source[] = [
  // The clinical team's consensus for these procedures: not a source of evidence
  {
    id: 'fact-base-blocks-consensus',
    citation: TEAM_CONSENSUS_CITATION,
    reliability: 'low',
    note: 'Facts of the sacroiliac, sympathetic, occipital, peripheral nerve and trigger point templates recorded without an external source. Where a fact cites it as "inference", the content was carried over from related facts.',
  },

  // Sacroiliac joint injection (§2.4)
  {
    id: 'tzu-chi-sij-review',
    citation: 'Review of sacroiliac joint pain. Tzu Chi Med J (authors and year not recorded). PMC6905244',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC6905244/',
    reliability: 'primary',
  },
  {
    id: 'spine-secrets-sij-excerpt',
    citation: 'Spine Secrets (textbook; edition, chapter and authors not recorded): sacroiliac joint pain',
    reliability: 'primary',
  },
  {
    id: 'jee-2014-sij-guidance',
    citation: 'Jee et al. Arch Phys Med Rehabil 2014;95:330: a randomized trial of fluoroscopy- against ultrasound-guided sacroiliac joint injection (title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'sahin-sij-ct',
    citation: 'Şahin et al. CT-guided sacroiliac joint injection (journal and year not recorded)',
    reliability: 'primary',
  },

  // Stellate ganglion block (§2.5)
  {
    id: 'nelson-2017-sgb-stroke',
    citation: 'Nelson A. "Stroke: a complication of stellate ganglion block". Springer, 2017. doi:10.1007/978-3-319-60072-7_19',
    url: 'https://doi.org/10.1007/978-3-319-60072-7_19',
    reliability: 'primary',
  },
  {
    id: 'ghai-2016-saudi-j-anaesth',
    citation: 'Ghai et al. Saudi J Anaesth 2016: ultrasound-guided stellate ganglion block by a lateral approach at C7 (title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'findhealthclinics-sgb',
    citation: "No verified primary source: the expected effects of a stellate ganglion block as a clinic's page describes them",
    reliability: 'low',
  },
  {
    id: 'aneskey-sgb-lsb-complications',
    citation: 'Book chapter "Complications Associated with Stellate Ganglion and Lumbar Sympathetic Blocks" (book, authors and year not recorded)',
    reliability: 'primary',
    note: 'Cited by its title; the book it belongs to is still to be identified.',
  },
  {
    id: 'castbox-asra-2024-corticosteroid',
    citation:
      'No verified primary source: recommendations attributed to the 2024 ASRA-led corticosteroid guidelines (Benzon HT, et al. Reg Anesth Pain Med 2024, doi:10.1136/rapm-2024-105593)',
    reliability: 'low',
    note: 'Known only from a podcast summary: confirm each recommendation in the guideline.',
  },

  // Lumbar sympathetic block (§2.6)
  {
    id: 'lsb-clinic-pages',
    citation: 'No verified primary source: indications for lumbar sympathetic block as clinic pages list them',
    reliability: 'low',
  },
  {
    id: 'stepshealth-lsb-textbook-excerpt',
    citation: 'No verified primary source: an excerpt of an unidentified textbook on lumbar sympathetic block technique and complications',
    reliability: 'low',
  },
  {
    id: 'hopkins-lumbar-sympathetic-block',
    citation: 'Johns Hopkins Medicine, Blaustein Pain Treatment Center. Patient information: "Sympathetic nerve blocks: lumbar blocks"',
    url: 'https://anesthesiology.hopkinsmedicine.org/pain-medicine-and-pain-research/blaustein-pain-treatment-center/sympathetic-nerve-blocks-lumbar-blocks',
    reliability: 'secondary',
    note: 'An academic pain center\'s page for patients, accepted by the clinical team as verified for technique, risks and follow-up.',
  },
  {
    id: 'rochester-pain-lsb',
    citation: "No verified primary source: a clinic's page on lumbar sympathetic block (repeat blocks if helpful)",
    reliability: 'low',
  },

  // Greater occipital nerve block (§2.7)
  {
    id: 'tobin-flitman-2009',
    citation: 'Tobin & Flitman. Headache 2009: occipital nerve blocks (full citation not recorded)',
    reliability: 'primary',
  },
  {
    id: 'fernandes-2021-pract-neurol',
    citation: 'Fernandes et al. Pract Neurol 2021;21:30: greater occipital nerve block (title not recorded)',
    reliability: 'primary',
  },

  // Trigger point injection (§2.8)
  {
    id: 'statpearls-trigger-point-injection',
    citation: 'StatPearls: "Trigger Point Injection". StatPearls Publishing (authors and date not recorded)',
    reliability: 'primary',
  },
  {
    id: 'aneskey-tpi-chapter',
    citation: 'No verified primary source: an unidentified book chapter on trigger point injection (it states that serious adverse effects are observed)',
    reliability: 'low',
    note: 'Neither the book nor the chapter is recorded.',
  },
  {
    id: 'arizona-tpi-lay-page',
    citation: 'No verified primary source: the risks of trigger point injection as a page for lay readers lists them',
    reliability: 'low',
  },
  {
    id: 'droracle-tpi-acoem',
    citation:
      'No verified primary source: the ACOEM 2021 recommendation against glucocorticoids in trigger point injections is reported, not verified',
    reliability: 'low',
    note: 'Known only from an AI-generated summary: confirm in the ACOEM guideline.',
  },
  {
    id: 'tpi-lay-source-unnamed',
    citation: 'No verified primary source: an unnamed lay source (diffuse trigger points with an underlying endocrine disorder as a relative contraindication)',
    reliability: 'low',
  },
];
