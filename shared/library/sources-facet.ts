/**
 * Sources cited by the facet joint and radiofrequency ablation templates (lumbar and
 * cervical facet intra-articular injection, cervical medial branch block, lumbar and
 * cervical medial branch RFA, genicular RFA) that are not already in sources.ts. Each
 * names the original work, from the team's fact base (restated in
 * shared/clinical/fact-reference.md §2.2, §2.3); the rules every entry keeps are in
 * source-schema.ts. The evidence tag lives on each citing fact, not here.
 */
import type { Source } from './source-schema';

export const FACET_SOURCES: readonly Source[] = [
  // Facet / medial branch RFA (§2.2)
  {
    id: 'medical-ware-rfa-faq',
    citation: 'No verified primary source: burning, hypersensitivity or sunburn-like pain (neuritis) after radiofrequency ablation, as a device vendor describes it',
    reliability: 'low',
    note: 'A vendor\'s FAQ page only.',
  },
  {
    id: 'rfa-duration-clinic-pages',
    citation: 'No verified primary source: how long relief lasts after radiofrequency ablation, as clinic patient pages state it',
    reliability: 'low',
  },
  {
    id: 'jtss-2024-cervical-rfa',
    citation: 'Retrospective cohort after cervical radiofrequency ablation. J Turk Spinal Surg 2024 (authors and title not recorded)',
    url: 'https://jtss.org/articles/doi/jtss.galenos.2024.04274',
    reliability: 'primary',
  },
  {
    id: 'medicare-facet-lcds',
    citation:
      'Centers for Medicare & Medicaid Services. Local Coverage Determinations for facet joint interventions (L38765, L38841, L34892 and others; L38765 effective 25 April 2021, revised 7 July 2024)',
    reliability: 'primary',
    note: 'Their existence only: the criteria themselves were not read.',
  },
  {
    id: 'hurley-2022-cervical-facet',
    citation: 'Hurley RW, et al. Multisociety consensus practice guidelines on cervical facet joint pain. Reg Anesth Pain Med 2022 (full citation not retrieved)',
    reliability: 'primary',
    note: 'Not read: its citation is still to be retrieved.',
  },

  // Genicular nerve RFA (§2.3)
  {
    id: 'alomari-bhatia-2024-bja-educ',
    citation: 'Alomari & Bhatia. BJA Education 2024;24(5):164: genicular nerve radiofrequency ablation (title not recorded)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC11026924/',
    reliability: 'primary',
  },
  {
    id: 'arthroscopy-editorial-2022-genicular',
    citation: 'Editorial on genicular nerve radiofrequency ablation. Arthroscopy 2022 (authors and title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'genicular-targets-2025-retrospective',
    citation: 'Retrospective study of the targets of genicular nerve radiofrequency ablation, 2025. PMC12377543 (authors and journal not recorded)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC12377543/',
    reliability: 'primary',
  },
  {
    id: 'kose-2022-korean-j-pain',
    citation: 'Kose et al. Korean J Pain 2022;35(4): genicular nerve radiofrequency ablation, n=206 (title not recorded)',
    reliability: 'primary',
  },
  {
    id: 'genicular-review-2019',
    citation: 'Curr Phys Med Rehabil Rep 2019: a review of genicular nerve radiofrequency ablation (authors and title not recorded). doi:10.1007/s40141-019-00246-3',
    url: 'https://doi.org/10.1007/s40141-019-00246-3',
    reliability: 'primary',
  },
  {
    id: 'malaithong-2023-rapm',
    citation:
      'Malaithong et al. Reg Anesth Pain Med 2023;48(4):151: a randomized sham-controlled trial of bipolar genicular radiofrequency ablation against genicular local anesthetic and steroid, n=64 (title not recorded)',
    reliability: 'primary',
  },
];
