/**
 * Sources cited by the facet joint and radiofrequency ablation templates (lumbar and
 * cervical facet intra-articular injection, cervical medial branch block, lumbar and
 * cervical medial branch RFA, genicular RFA) that are not already in sources.ts.
 * Citations and addresses were copied from the team's fact base (restated in
 * shared/clinical/fact-reference.md §2.2, §2.3); where the fact base gives no address, none is given here. The evidence tag
 * lives on each citing fact, not here.
 */
import type { Source } from './source-schema';

export const FACET_SOURCES: readonly Source[] = [
  // Facet / medial branch RFA (§2.2)
  {
    id: 'medical-ware-rfa-faq',
    citation: 'medical-ware.com, vendor FAQ on radiofrequency ablation: post-procedure burning, hypersensitivity or sunburn-like pain (neuritis)',
  },
  {
    id: 'rfa-duration-clinic-pages',
    citation: 'Clinic patient pages on the expected duration of relief after radiofrequency ablation (nevadapain.com; feelbetterrva.com)',
  },
  {
    id: 'jtss-2024-cervical-rfa',
    citation: 'Cervical radiofrequency ablation retrospective cohort. J Turk Spinal Surg 2024',
    url: 'https://jtss.org/articles/doi/jtss.galenos.2024.04274',
  },
  {
    id: 'medicare-facet-lcds',
    citation:
      'CMS Medicare Local Coverage Determinations for facet joint interventions (L38765, L38841, L34892 etc.; L38765 effective 04/25/2021, revised 07/07/2024)',
  },
  {
    id: 'hurley-2022-cervical-facet',
    citation: 'Hurley RW et al. Multisociety consensus on cervical facet joint pain. Reg Anesth Pain Med 2022 (citation not retrieved)',
  },

  // Genicular nerve RFA (§2.3)
  {
    id: 'alomari-bhatia-2024-bja-educ',
    citation: 'Alomari & Bhatia. BJA Education 2024;24(5):164 (genicular nerve radiofrequency ablation)',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC11026924/',
  },
  {
    id: 'arthroscopy-editorial-2022-genicular',
    citation: 'Arthroscopy editorial, 2022 (genicular nerve radiofrequency ablation)',
  },
  {
    id: 'genicular-targets-2025-retrospective',
    citation: '2025 retrospective study of genicular nerve radiofrequency ablation targets (PMC12377543)',
  },
  {
    id: 'kose-2022-korean-j-pain',
    citation: 'Kose et al. Korean J Pain 2022;35(4) (genicular nerve radiofrequency ablation, n=206)',
  },
  {
    id: 'genicular-review-2019',
    citation: 'Review of genicular nerve radiofrequency ablation. Curr Phys Med Rehabil Rep 2019',
    url: 'link.springer.com/10.1007/s40141-019-00246-3',
  },
  {
    id: 'malaithong-2023-rapm',
    citation:
      'Malaithong et al. Randomized sham-controlled trial of bipolar genicular radiofrequency ablation vs genicular local anesthetic + steroid (n=64). Reg Anesth Pain Med 2023;48(4):151',
  },
];
