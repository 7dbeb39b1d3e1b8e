/**
 * Sources cited by the anticoagulant / antiplatelet table (shared/clinical/anticoagulant-table.ts)
 * that are not already in sources.ts: the two third-party encodings of the Narouze 2018 rows
 * after dalteparin (fact-reference.md §1.3a), which are not the guideline and so are no
 * verified source, and the ASRA regional-anesthesia guideline that the thrombolytic row is
 * extrapolated from (§1.1, §1.3). The fact base gives no address for any of them, so none
 * is given here. The evidence tag lives on each citing row, not here.
 */
import type { Source } from './source-schema';

export const ANTICOAG_SOURCES: readonly Source[] = [
  {
    id: 'anticoag2-hold-app',
    citation:
      'No verified primary source: a third-party anticoagulation-hold web application that says its pain-procedure rules follow the ASRA second edition (Narouze 2018); an encoding, not the guideline',
    reliability: 'low',
    note: 'Confirm every interval against the tables of Narouze 2018.',
  },
  {
    id: 'french-us-pain-manual-memo',
    citation:
      'No verified primary source: a French manual of ultrasound-guided pain procedures that cites Narouze 2018 by DOI but calls its own table an aide-memoire to be checked against the guideline; an encoding, not the guideline',
    reliability: 'low',
    note: 'Confirm every interval against the tables of Narouze 2018.',
  },
  {
    id: 'horlocker-2018-asra-regional',
    citation:
      'Horlocker TT, Vandermeuelen E, Kopp SL, Gogarten W, Leffert LR, Benzon HT. Regional Anesthesia in the Patient Receiving Antithrombotic or Thrombolytic Therapy: American Society of Regional Anesthesia and Pain Medicine Evidence-Based Guidelines (Fourth Edition). Reg Anesth Pain Med 2018;43:263–309',
    reliability: 'secondary',
    note: 'Regional anesthesia, not pain procedures; superseded by the fifth edition (Kopp SL, et al. Reg Anesth Pain Med 2025, doi:10.1136/rapm-2024-105766). The team knew it only through other documents citing it: confirm against the guideline.',
  },
];
