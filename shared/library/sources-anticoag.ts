/**
 * Sources cited by the anticoagulant / antiplatelet table (shared/clinical/anticoagulant-table.ts)
 * that are not already in sources.ts: the two third-party encodings of the Narouze 2018 rows
 * after dalteparin (fact-reference.md §1.3a), and the ASRA regional-anesthesia guideline that
 * the thrombolytic row is extrapolated from (§1.1, §1.3). Citations are copied from the fact
 * base; it gives no address for any of them, so none is given here. The evidence tag lives on
 * each citing row, not here.
 */
import type { Source } from './source-schema';

export const ANTICOAG_SOURCES: readonly Source[] = [
  {
    id: 'anticoag2-hold-app',
    citation:
      'A public anticoagulation-hold web app whose README says its pain-procedure rules are "based on" the ASRA second edition (repository nmhusa-pixel/anticoag2, app.js). Third-party encoding, not the guideline itself',
  },
  {
    id: 'french-us-pain-manual-memo',
    citation:
      'A French ultrasound-guided pain-procedure manual that cites Narouze 2018 by DOI but labels its own table a memo to be re-checked against the original. Third-party encoding, not the guideline itself',
  },
  {
    id: 'horlocker-2018-asra-regional',
    citation:
      'Horlocker et al. ASRA regional anesthesia anticoagulation guideline, 4th edition. Reg Anesth Pain Med 2018;43:263–309 (regional anesthesia, not pain procedures)',
  },
];
