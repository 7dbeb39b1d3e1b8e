import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../library/sources';
import { STEROID_LABEL_SOURCES } from '../library/sources-steroid';
import { classifySteroid, compactName, looksLikeSteroid, STEROID_NAMES, STEROID_PRODUCTS, type Particulate } from './steroid-table';

const factBase = fs.readFileSync(path.resolve(__dirname, 'fact-reference.md'), 'utf8');

/** Every name the issue lists, brand and generic, with spacing, case and hyphen variants: [entered, generic, particulate]. */
const TABLE: readonly [string, string | null, Particulate][] = [
  // Triamcinolone acetonide (Kenalog)
  ['Kenalog-40', 'triamcinolone acetonide', true],
  ['KENALOG-40', 'triamcinolone acetonide', true],
  ['kenalog 40', 'triamcinolone acetonide', true],
  ['Kenalog40 1 mL', 'triamcinolone acetonide', true],
  ['Kenalog-80', 'triamcinolone acetonide', true],
  ['Kenalog', 'triamcinolone acetonide', true],
  ['Kenalog-10', 'triamcinolone acetonide', true],
  ['Triamcinolone acetonide 40 mg/mL', 'triamcinolone acetonide', true],
  ['triamcinolone-acetonide', 'triamcinolone acetonide', true],
  ['Triamcinolone', 'triamcinolone', true],
  // Triamcinolone hexacetonide (Aristospan)
  ['Aristospan', 'triamcinolone hexacetonide', true],
  ['ARISTOSPAN 20 mg/mL', 'triamcinolone hexacetonide', true],
  ['aristo span', 'triamcinolone hexacetonide', true],
  ['Hexatrione 2%', 'triamcinolone hexacetonide', true],
  ['triamcinolone hexacetonide', 'triamcinolone hexacetonide', true],
  // Methylprednisolone acetate (Depo-Medrol)
  ['Depo-Medrol', 'methylprednisolone acetate', true],
  ['Depo Medrol 80mg', 'methylprednisolone acetate', true],
  ['DEPOMEDROL', 'methylprednisolone acetate', true],
  ['depo-medrol 40 mg/ml', 'methylprednisolone acetate', true],
  ['METHYLPREDNISOLONE ACETATE', 'methylprednisolone acetate', true],
  ['Methylprednisolone', 'methylprednisolone', true],
  // Betamethasone (Celestone Soluspan)
  ['Celestone Soluspan', 'betamethasone sodium phosphate and betamethasone acetate', true],
  ['celestone-soluspan 6 mg/mL', 'betamethasone sodium phosphate and betamethasone acetate', true],
  ['Celestone', 'betamethasone sodium phosphate and betamethasone acetate', true],
  ['betamethasone sodium phosphate and betamethasone acetate', 'betamethasone sodium phosphate and betamethasone acetate', true],
  ['Betamethasone acetate and betamethasone sodium phosphate', 'betamethasone sodium phosphate and betamethasone acetate', true],
  ['betamethasone acetate', 'betamethasone acetate', true],
  ['Betamethasone', 'betamethasone', true],
  // Dexamethasone
  ['Dexamethasone sodium phosphate 10 mg/mL', 'dexamethasone sodium phosphate', false],
  ['dexamethasone-sodium-phosphate', 'dexamethasone sodium phosphate', false],
  ['DEXAMETHASONE PHOSPHATE', 'dexamethasone sodium phosphate', false],
  ['Dexamethasone', 'dexamethasone', false],
  ['dexamethasone 10mg preservative-free', 'dexamethasone', false],
  ['Dexaméthasone', 'dexamethasone', false],
  // Forms the fact base does not classify, and names nobody knows: unknown, never passed.
  ['Dexamethasone acetate', 'dexamethasone', 'unknown'],
  ['Methylprednisolone sodium succinate', 'methylprednisolone', 'unknown'],
  ['Betamethasone sodium phosphate', 'betamethasone', 'unknown'],
  ['Solu-Medrol', null, 'unknown'],
  ['Kenelog 40', null, 'unknown'],
  ['Zilretta', null, 'unknown'],
  ['', null, 'unknown'],
  // Two products named: the worse one decides.
  ['Dexamethasone + Kenalog-40', 'dexamethasone + triamcinolone acetonide', true],
];

describe('steroid classifier', () => {
  it.each(TABLE)('%s → %s, particulate %s', (entered, generic, particulate) => {
    const c = classifySteroid(entered);
    expect(c.particulate).toBe(particulate);
    expect(c.generic).toBe(generic);
    expect(c.entered).toBe(entered.trim());
    expect(c.reason.length).toBeGreaterThan(10);
    // A recognised name is cited; an unrecognised one has nothing to cite and says so.
    if (c.matches.length) expect(c.sources.length).toBeGreaterThan(0);
    else expect(c.reason).toMatch(/not in the steroid table/);
  });

  it('ignores case, spaces, hyphens, punctuation and accents', () => {
    expect(compactName('Kenalog-40')).toBe(compactName(' kenalog 40 '));
    expect(compactName('DEPO–MEDROL')).toBe('depomedrol');
    expect(compactName('Dexaméthasone')).toBe('dexamethasone');
  });

  it('hints at a suspension for an unknown acetate or depot name', () => {
    expect(classifySteroid('Fluocortolone acetate').reason).toMatch(/suggests a suspension/);
    expect(classifySteroid('Zilretta').reason).not.toMatch(/suspension/);
  });

  it('cites the fact base for the class and the FDA label for each brand, with their tags', () => {
    expect(classifySteroid('Kenalog-40').sources).toEqual([
      { sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' },
      { sourceId: 'fda-label-kenalog-40-80', evidence: 'V2' },
    ]);
    expect(classifySteroid('Depo-Medrol').sources).toContainEqual({ sourceId: 'openfda-depo-medrol', evidence: 'V' });
    expect(classifySteroid('Celestone Soluspan').sources).toContainEqual({ sourceId: 'dailymed-celestone-soluspan', evidence: 'V' });
    expect(classifySteroid('Aristospan').sources).toContainEqual({ sourceId: 'fda-label-aristospan', evidence: 'V2' });
    expect(classifySteroid('Dexamethasone sodium phosphate').sources).toEqual(
      expect.arrayContaining([
        { sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' },
        { sourceId: 'rathmell-2015', evidence: 'M' },
        { sourceId: 'dailymed-dexamethasone-sodium-phosphate', evidence: 'V' },
      ]),
    );
    // A family name whose own label was not read needs clinical review.
    expect(classifySteroid('Kenalog-10').sources).toContainEqual({ sourceId: 'fda-label-kenalog-40-80', evidence: 'inference' });
    expect(classifySteroid('Celestone').sources).toContainEqual({ sourceId: 'dailymed-celestone-soluspan', evidence: 'inference' });
  });

  it('classes as particulate exactly the generics the fact base names (§2.1), and dexamethasone as nonparticulate', () => {
    expect(factBase).toMatch(/Particulate steroids \(triamcinolone, betamethasone, methylprednisolone\)/);
    expect(factBase).toMatch(/nonparticulate steroid \(dexamethasone\)/);
    for (const p of STEROID_PRODUCTS) {
      const base = ['triamcinolone', 'betamethasone', 'methylprednisolone', 'dexamethasone'].find((g) => p.generic.startsWith(g));
      expect(base, p.id).toBeDefined();
      expect(p.particulate, p.id).toBe(base !== 'dexamethasone');
    }
  });

  it('cites only registered sources; every label source is cited by the table', () => {
    const registered = new Set(SOURCES.map((s) => s.id));
    const cited = new Set([...STEROID_PRODUCTS, ...STEROID_NAMES].flatMap((r) => r.sources.map((s) => s.sourceId)));
    for (const id of cited) expect(registered.has(id), id).toBe(true);
    for (const s of STEROID_LABEL_SOURCES) expect(cited.has(s.id), s.id).toBe(true);
    for (const n of STEROID_NAMES) expect(STEROID_PRODUCTS.some((p) => p.id === n.product), n.name).toBe(true);
  });

  it('judges a medication list entry as a steroid only when it looks like one', () => {
    for (const name of ['Kenalog-40', 'Solu-Medrol', 'Dexamethasone', 'hydrocortisone', 'Prednisolone acetate', 'Unknown acetonide']) expect(looksLikeSteroid(name), name).toBe(true);
    for (const name of ['Lidocaine 1%', 'Bupivacaine 0.25%', 'Ropivacaine', 'Omnipaque 240', 'Iohexol', 'Isovue-M 200', 'Normal saline', 'Clonidine']) {
      expect(looksLikeSteroid(name), name).toBe(false);
    }
  });
});
