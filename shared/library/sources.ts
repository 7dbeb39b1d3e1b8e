/**
 * Every source the bundled templates, the anticoagulant table and the procedure-day items
 * cite. Each entry names the original work, from the fact base's rows and its §8 "Main
 * sources" (restated in shared/clinical/fact-reference.md): authors, title, journal, year,
 * DOI or the official address, as far as the fact base records them. No entry points at
 * a copy or names where one was read; where the fact base records nothing better than an
 * AI summary, a forum post, a lay or clinic page or an unidentified excerpt, the entry
 * says "No verified primary source" and is 'low' (source-schema.ts). The evidence tag
 * lives on each citing fact, not here.
 *
 * Ids never change, even where one names the copy the team first read (e.g.
 * 'uptodate-bleeding-risk-mirror', 'racoosin-2017-nejm'): templates cite sources by id,
 * and a stored template version is content-hashed, ids included.
 */
import { TEAM_CONSENSUS_CITATION, type Source } from './source-schema';
import { ANTICOAG_SOURCES } from './sources-anticoag';
import { AUGMENTATION_INTRATHECAL_SOURCES } from './sources-augmentation-intrathecal';
import { BLOCK_SOURCES } from './sources-blocks';
import { ESI_SOURCES } from './sources-esi';
import { FACET_SOURCES } from './sources-facet';
import { GUIDELINE_SOURCES } from './sources-guidelines';
import { NEUROMOD_SOURCES } from './sources-neuromod';
import { STEROID_LABEL_SOURCES } from './sources-steroid';
import { STUDY_AND_PAGE_SOURCES } from './sources-studies-and-pages';

const BASE_SOURCES: readonly Source[] = [
  // The clinical team's consensus: not a source of evidence
  {
    id: 'fact-base-consensus',
    citation: TEAM_CONSENSUS_CITATION,
    reliability: 'low',
    note: 'General consensus or practice standard recorded by the clinical team without an external source. Where a fact cites it as "inference", the content was carried over from related facts.',
  },
  ...GUIDELINE_SOURCES,
  ...STUDY_AND_PAGE_SOURCES,
];

/** The registry: the first-cut sources plus those added with each group of templates. Ids are unique (tested). */
export const SOURCES: readonly Source[] = [...BASE_SOURCES, ...ESI_SOURCES, ...FACET_SOURCES, ...BLOCK_SOURCES, ...NEUROMOD_SOURCES, ...AUGMENTATION_INTRATHECAL_SOURCES, ...ANTICOAG_SOURCES, ...STEROID_LABEL_SOURCES];

/**
 * The primary guidelines a chart note may name (fact-reference.md, citing rule 3), in the
 * order a note lists them; a note names only those its template cites. Every other source
 * stays in the app's reference view.
 */
export const CHART_GUIDELINE_IDS: readonly string[] = [
  'narouze-2018-asra',
  'fda-dsc-2014',
  'rathmell-2015',
  'who-surgical-safety-checklist-2009',
  'tjc-universal-protocol',
  'ama-2-1-1',
];
