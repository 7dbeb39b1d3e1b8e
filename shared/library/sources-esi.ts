/**
 * Sources cited by the epidural steroid injection templates (cervical, thoracic and
 * lumbar interlaminar ESI, cervical transforaminal ESI, caudal ESI) that are not already
 * in sources.ts. Each names the original work, from the team's fact base (restated in
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
];
