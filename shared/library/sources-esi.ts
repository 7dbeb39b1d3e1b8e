/**
 * Sources cited by the epidural steroid injection templates (cervical, thoracic and
 * lumbar interlaminar ESI, cervical and lumbar transforaminal ESI, caudal ESI) that are not
 * already in sources.ts. Each names the original work, from the team's fact base (restated in
 * shared/clinical/fact-reference.md §2.1); the rules every entry keeps are in
 * source-schema.ts. The evidence tag lives on each citing fact, not here.
 */
import type { Source } from './source-schema';

export const ESI_SOURCES: readonly Source[] = [
  // Cervical ESI prerequisites and expected benefit (§2.1)
  {
    id: 'statpearls-cervical-epidural',
    citation: 'StatPearls: "Cervical Epidural Injection" (updated April 2023). StatPearls Publishing (authors not recorded)',
    url: 'http://www.statpearls.com/point-of-care/19234',
    reliability: 'primary',
  },
  // The population rate of serious spinal adverse events after ESI, overall and by region (§2.1, §3)
  {
    id: 'eworuke-2020-medicare-esi',
    citation:
      'Eworuke E, Crisafi L, Liao J, et al. Risk of serious spinal adverse events associated with epidural corticosteroid injections in the Medicare population. Reg Anesth Pain Med, published online 4 December 2020. doi:10.1136/rapm-2020-101778',
    url: 'https://doi.org/10.1136/rapm-2020-101778',
    reliability: 'primary',
    note: 'Read as its abstract. Medicare Parts A and B, 2009–2015: 11 probable serious spinal adverse events within 3 days among 1,355,957 ESIs.',
  },
];
