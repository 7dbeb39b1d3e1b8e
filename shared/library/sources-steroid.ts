/**
 * Sources cited by the injectable-corticosteroid table (shared/clinical/steroid-table.ts)
 * for the brand ↔ generic identity and the dosage form of each product: the FDA label as
 * DailyMed or openFDA publishes it. The particulate classification itself rests on the
 * fact base (fact-reference.md §2.1, §3.2), cited on each table row.
 *
 * Where the label was read on DailyMed or openFDA, the address is given and the row's tag
 * is [V]. Where only reproductions of the label could be read (the Kenalog-40/-80 and
 * Aristospan labels), the label is named without an address (citing rule 1: the original,
 * never the copy) and the rows citing it are [V2]. The evidence tag lives on each citing
 * row, not here. A label read only in reproductions is 'secondary'; one read on DailyMed or openFDA, 'primary'.
 */
import type { Source } from './source-schema';

export const STEROID_LABEL_SOURCES: readonly Source[] = [
  {
    id: 'fda-label-kenalog-40-80',
    citation:
      'KENALOG-40 and KENALOG-80 Injection (triamcinolone acetonide injectable suspension, USP). E.R. Squibb & Sons. FDA prescribing information, NDA 014901',
    reliability: 'secondary',
  },
  {
    id: 'openfda-triamcinolone-acetonide-suspension',
    citation: 'Triamcinolone acetonide injectable suspension, USP, 40 mg/mL ("sterile aqueous suspension"). FDA label, openFDA set id 1c6a740e-bc0d-41f3-b576-7d4c3880be23',
    url: 'https://api.fda.gov/drug/label.json?search=set_id%3A1c6a740e-bc0d-41f3-b576-7d4c3880be23',
    reliability: 'primary',
  },
  {
    id: 'fda-label-aristospan',
    citation: 'ARISTOSPAN (triamcinolone hexacetonide injectable suspension, USP) 5 mg/mL and 20 mg/mL. Sandoz Inc. FDA prescribing information',
    reliability: 'secondary',
  },
  {
    id: 'openfda-hexatrione',
    citation: 'Hexatrione 2% (triamcinolone hexacetonide), injection, suspension, 40 mg/2 mL. Medexus Pharma. FDA drug listing NDC 59137-570 (imported during a shortage), openFDA',
    url: 'https://api.fda.gov/drug/ndc.json?search=packaging.package_ndc%3A%2259137-570-01%22',
    reliability: 'primary',
  },
  {
    id: 'openfda-depo-medrol',
    citation:
      'DEPO-MEDROL (methylprednisolone acetate injectable suspension, USP). Pharmacia & Upjohn Company LLC. FDA drug listing NDC 0009-0306 and label (revised March 2024), openFDA',
    url: 'https://api.fda.gov/drug/ndc.json?search=product_ndc%3A%220009-0306%22',
    reliability: 'primary',
  },
  {
    id: 'dailymed-celestone-soluspan',
    citation:
      'CELESTONE SOLUSPAN (betamethasone sodium phosphate and betamethasone acetate) injectable suspension, USP, 6 mg/mL. Organon LLC. FDA label (revised 7/2024), DailyMed set id bf78d1be-42d7-4837-92a5-49113a79278f',
    url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=bf78d1be-42d7-4837-92a5-49113a79278f',
    reliability: 'primary',
  },
  {
    id: 'dailymed-dexamethasone-sodium-phosphate',
    citation: 'Dexamethasone sodium phosphate injection, USP ("a sterile solution"). Fresenius Kabi USA. FDA label, DailyMed set id 2b626a48-c7aa-4443-9164-a08ff069ccd1',
    url: 'https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=2b626a48-c7aa-4443-9164-a08ff069ccd1',
    reliability: 'primary',
  },
];
