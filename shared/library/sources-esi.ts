/**
 * Sources cited by the epidural steroid injection templates (cervical, thoracic and
 * lumbar interlaminar ESI, cervical transforaminal ESI, caudal ESI) that are not already
 * in sources.ts. Citations and addresses were copied from the team's fact base (restated in
 * shared/clinical/fact-reference.md §2.1); where the fact base gives no address, none is
 * given here. The evidence tag lives on each citing fact, not here.
 */
import type { Source } from './source-schema';

export const ESI_SOURCES: readonly Source[] = [
  // Cervical ESI prerequisites and expected benefit (§2.1)
  {
    id: 'statpearls-cervical-epidural',
    citation: 'StatPearls: "Cervical Epidural Injection" (updated 4/2023)',
    url: 'http://www.statpearls.com/point-of-care/19234',
  },
];
