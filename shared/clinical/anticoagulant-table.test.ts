/**
 * The anticoagulant table against the clinical reference, row by row. The expected values below
 * are copied by hand from shared/clinical/fact-reference.md §1.3 and §1.3a (not derived from the
 * module), so a slip in either place shows up as a difference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceSchema } from '../library/source-schema';
import { SOURCES } from '../library/sources';
import { ANTICOAG_SOURCES } from '../library/sources-anticoag';
import { ANTICOAGULANT_TABLE, RISK_CLASSES, findAnticoagulant, type HoldRule, type RestartRule } from './anticoagulant-table';

/** A rule in the test's own shorthand: "stop 6 d", "stop 24 h", "stop 3–5 d", "no", "shared", "unknown". */
function describeHold(rule: HoldRule): string {
  switch (rule.kind) {
    case 'hold':
      return `stop ${rule.hours} h${rule.requiresNormalInr ? ' + INR' : ''}${rule.confirm ? ' + labs' : ''}`;
    case 'hold-days':
      return `stop ${rule.days} d${rule.requiresNormalInr ? ' + INR' : ''}${rule.confirm ? ' + labs' : ''}`;
    case 'hold-range':
      return `stop ${rule.min}–${rule.max} ${rule.unit === 'hours' ? 'h' : 'd'}${rule.requiresNormalInr ? ' + INR' : ''}${rule.confirm ? ' + labs' : ''}`;
    case 'half-lives':
      return `${rule.count} half-lives`;
    case 'follow':
      return `follow ${rule.drugIds.join(' | ')}`;
    case 'continue':
      return 'no';
    case 'shared-assessment':
      return 'shared';
    case 'unknown':
      return 'unknown';
  }
}

function describeRestart(rule: RestartRule): string {
  switch (rule.kind) {
    case 'hours':
      return `${rule.hours} h`;
    case 'range-hours':
      return `${rule.min}–${rule.max} h`;
    case 'specialist-directed':
      return 'specialist';
    case 'unknown':
      return 'unknown';
  }
}

interface Expected {
  high: string;
  intermediate: string;
  low: string;
  /** Restart after a low / intermediate / high-risk procedure. */
  restart: [string, string, string];
  review: boolean;
  secondary: boolean;
  /** Reference wording to find the row's line(s) in §1.3–§1.3a, for the provenance check. */
  factKeys: string[];
}

const NSAID = (days: number, key: string): Expected => ({
  high: `stop ${days} d`, intermediate: 'no', low: 'no', restart: ['24 h', '24 h', '24 h'], review: false, secondary: true,
  factKeys: [key, 'NSAIDs (general rule)'],
});

/** Literally from fact-reference.md. Comments quote the cell where the encoding is a reading of it. */
const EXPECTED: Record<string, Expected> = {
  // §1.3 [V2]
  'aspirin-primary': { high: 'stop 6 d', intermediate: 'shared', low: 'no', restart: ['24 h', '24 h', '24 h'], review: false, secondary: true, factKeys: ['Aspirin, **primary**'] },
  'aspirin-secondary': { high: 'shared', intermediate: 'shared', low: 'no', restart: ['24 h', '24 h', '24 h'], review: false, secondary: true, factKeys: ['Aspirin, **secondary**'] },
  // "Follow ASA recommendations" | shared | "—" | restart "—"
  'aspirin-combination': { high: 'follow aspirin-primary | aspirin-secondary', intermediate: 'shared', low: 'unknown', restart: ['unknown', 'unknown', 'unknown'], review: false, secondary: true, factKeys: ['ASA combination products'] },
  // "5 half-lives" | "No (Δ footnote)" | "No" | 24 h
  'nsaid-other': { high: '5 half-lives', intermediate: 'no', low: 'no', restart: ['24 h', '24 h', '24 h'], review: false, secondary: true, factKeys: ['NSAIDs (general rule)'] },
  diclofenac: NSAID(1, '↳ diclofenac'),
  ketorolac: NSAID(1, '↳ ketorolac'),
  ibuprofen: NSAID(1, '↳ ibuprofen'),
  etodolac: NSAID(2, '↳ etodolac'),
  indomethacin: NSAID(2, '↳ indomethacin'),
  naproxen: NSAID(4, '↳ naproxen'),
  meloxicam: NSAID(4, '↳ meloxicam'),
  nabumetone: NSAID(6, '↳ nabumetone'),
  oxaprozin: NSAID(10, '↳ oxaprozin'),
  piroxicam: NSAID(10, '↳ piroxicam'),
  cilostazol: { high: 'stop 2 d', intermediate: 'no', low: 'no', restart: ['24 h', '24 h', '24 h'], review: false, secondary: true, factKeys: ['| Cilostazol'] },
  // restart "not shown in mirror"
  dipyridamole: { high: 'stop 2 d', intermediate: 'no', low: 'no', restart: ['unknown', 'unknown', 'unknown'], review: false, secondary: true, factKeys: ['| Dipyridamole'] },
  // low: "No; shared assessment & risk stratification"
  warfarin: { high: 'stop 5 d + INR', intermediate: 'stop 5 d + INR', low: 'shared', restart: ['6 h', '6 h', '6 h'], review: false, secondary: true, factKeys: ['Warfarin'] },
  acenocoumarol: { high: 'stop 3 d + INR', intermediate: 'stop 3 d + INR', low: 'shared', restart: ['24 h', '24 h', '24 h'], review: false, secondary: true, factKeys: ['Acenocoumarol'] },
  'ufh-iv': { high: 'stop 6 h', intermediate: 'stop 6 h', low: 'stop 6 h', restart: ['2 h', '2 h', '2 h'], review: false, secondary: true, factKeys: ['Unfractionated heparin IV'] },
  'ufh-sc': { high: 'stop 24 h', intermediate: 'stop 6 h', low: 'stop 6 h', restart: ['2 h', '2 h', '6 h'], review: false, secondary: true, factKeys: ['Unfractionated heparin SC'] },
  'enoxaparin-prophylactic': { high: 'stop 12 h', intermediate: 'stop 12 h', low: 'stop 12 h', restart: ['4 h', '12–24 h', '12–24 h'], review: false, secondary: true, factKeys: ['Enoxaparin, prophylactic'] },
  'enoxaparin-therapeutic': { high: 'stop 24 h', intermediate: 'stop 24 h', low: 'stop 24 h', restart: ['4 h', '12–24 h', '12–24 h'], review: false, secondary: true, factKeys: ['Enoxaparin, therapeutic'] },
  dalteparin: { high: 'stop 24 h', intermediate: 'stop 24 h', low: 'stop 24 h', restart: ['4 h', '12–24 h', '12–24 h'], review: false, secondary: true, factKeys: ['| Dalteparin'] },

  // §1.3 [M] + §1.3a [M]
  // restart "24 h (possibly 6 h after low-risk)" / §1.3a "6 h (low)"
  fondaparinux: { high: 'stop 4 d', intermediate: 'stop 4 d', low: 'shared', restart: ['6–24 h', '24 h', '24 h'], review: true, secondary: false, factKeys: ['Fondaparinux'] },
  // "4–5 days; 6 days if impaired renal function" / §1.3a "4 days"
  dabigatran: { high: 'stop 4–5 d', intermediate: 'stop 4–5 d', low: 'shared', restart: ['24 h', '24 h', '24 h'], review: true, secondary: false, factKeys: ['Dabigatran'] },
  rivaroxaban: { high: 'stop 3 d', intermediate: 'stop 3 d', low: 'shared', restart: ['24 h', '24 h', '24 h'], review: true, secondary: false, factKeys: ['Rivaroxaban'] },
  // "3–5 days" / §1.3a "3 days (§1.3 memory said 3–5)"
  apixaban: { high: 'stop 3–5 d', intermediate: 'stop 3–5 d', low: 'shared', restart: ['24 h', '24 h', '24 h'], review: true, secondary: false, factKeys: ['Apixaban'] },
  edoxaban: { high: 'stop 3 d', intermediate: 'stop 3 d', low: 'shared', restart: ['24 h', '24 h', '24 h'], review: true, secondary: false, factKeys: ['Edoxaban'] },
  // restart "12–24 h" / §1.3a "24 h vs 12–24 h"
  clopidogrel: { high: 'stop 7 d', intermediate: 'stop 7 d', low: 'no', restart: ['12–24 h', '12–24 h', '12–24 h'], review: true, secondary: false, factKeys: ['Clopidogrel'] },
  prasugrel: { high: 'stop 7–10 d', intermediate: 'stop 7–10 d', low: 'no', restart: ['12–24 h', '12–24 h', '12–24 h'], review: true, secondary: false, factKeys: ['Prasugrel'] },
  // "5 days" / §1.3a "5 days vs 5–7 days"
  ticagrelor: { high: 'stop 5–7 d', intermediate: 'stop 5–7 d', low: 'no', restart: ['12–24 h', '12–24 h', '12–24 h'], review: true, secondary: false, factKeys: ['Ticagrelor'] },
  // §1.3a only: "3 h" | "shared assessment" | "24 h"
  cangrelor: { high: 'stop 3 h', intermediate: 'stop 3 h', low: 'shared', restart: ['24 h', '24 h', '24 h'], review: true, secondary: false, factKeys: ['Cangrelor'] },
  // "abciximab 2–5 days; eptifibatide/tirofiban 8–24 h" | "same" | "—" | "8–12 h"
  abciximab: { high: 'stop 2–5 d', intermediate: 'stop 2–5 d', low: 'unknown', restart: ['unknown', '8–12 h', '8–12 h'], review: true, secondary: false, factKeys: ['GP IIb/IIIa inhibitors (abciximab'] },
  'eptifibatide-tirofiban': { high: 'stop 8–24 h', intermediate: 'stop 8–24 h', low: 'unknown', restart: ['unknown', '8–12 h', '8–12 h'], review: true, secondary: false, factKeys: ['GP IIb/IIIa inhibitors (abciximab'] },
  // §1.3a "not found"
  vorapaxar: { high: 'unknown', intermediate: 'unknown', low: 'unknown', restart: ['unknown', 'unknown', 'unknown'], review: true, secondary: false, factKeys: ['vorapaxar'] },
  // "at least 48 h and normal coagulation/fibrinogen" / §1.3a "48 h, all classes", "specialist-directed"
  thrombolytics: { high: 'stop 48 h + labs', intermediate: 'stop 48 h + labs', low: 'stop 48 h + labs', restart: ['specialist', 'specialist', 'specialist'], review: true, secondary: false, factKeys: ['Thrombolytics'] },
  // "Routine discontinuation not recommended; individualised/shared decision for high-risk procedures"
  'ssri-snri': { high: 'shared', intermediate: 'no', low: 'no', restart: ['unknown', 'unknown', 'unknown'], review: true, secondary: false, factKeys: ['SSRIs'] },
  // "The specific intervals were not retrieved"
  'herbal-supplements': { high: 'unknown', intermediate: 'unknown', low: 'unknown', restart: ['unknown', 'unknown', 'unknown'], review: true, secondary: false, factKeys: ['Herbal supplements'] },
};

const factBase = fs.readFileSync(path.resolve(__dirname, 'fact-reference.md'), 'utf8');
/** The markers around §1.3 and §1.3a in the reference: the only text the table may draw numbers from. */
const DRUG_TABLE_BEGIN = '<!-- BEGIN anticoagulant drug table';
const DRUG_TABLE_END = '<!-- END anticoagulant drug table -->';
const drugSections = factBase.slice(factBase.indexOf(DRUG_TABLE_BEGIN), factBase.indexOf(DRUG_TABLE_END));

describe('anticoagulant table (fact-reference.md §1.3, §1.3a)', () => {
  it('finds §1.3 and §1.3a between the reference\'s markers, and the PAUSE comparison outside them', () => {
    expect(factBase.split(DRUG_TABLE_BEGIN).length, 'exactly one BEGIN marker').toBe(2);
    expect(factBase.split(DRUG_TABLE_END).length, 'exactly one END marker').toBe(2);
    expect(factBase.indexOf(DRUG_TABLE_BEGIN)).toBeGreaterThan(factBase.indexOf('### 1.3 Drug table'));
    expect(drugSections).toContain('### 1.3a ');
    expect(drugSections).not.toContain('PAUSE');
    expect(factBase.indexOf('PAUSE')).toBeGreaterThan(factBase.indexOf(DRUG_TABLE_END));
  });

  it('has one row for each drug or class of §1.3 and §1.3a, and no other', () => {
    expect(ANTICOAGULANT_TABLE.map((r) => r.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(new Set(ANTICOAGULANT_TABLE.map((r) => r.id)).size).toBe(ANTICOAGULANT_TABLE.length);
    for (const r of ANTICOAGULANT_TABLE) expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  describe.each(Object.entries(EXPECTED))('%s', (id, expected) => {
    const row = findAnticoagulant(id)!;

    it.each(RISK_CLASSES)('before a %s-risk procedure, holds as the fact base states', (riskClass) => {
      expect(describeHold(row.hold[riskClass])).toBe(expected[riskClass]);
    });

    it('restarts as the fact base states (low, intermediate, high)', () => {
      expect(RISK_CLASSES.map((c) => describeRestart(row.restart[c]))).toEqual(expected.restart);
    });

    it(`is ${expected.review ? '' : 'not '}flagged for clinical review, ${expected.secondary ? '' : 'not '}as a secondary source`, () => {
      expect(row.needsClinicalReview).toBe(expected.review);
      expect(row.secondarySource).toBe(expected.secondary);
      // The flags agree with the evidence tags the row cites, and with its sources' reliability:
      // a row resting only on low-reliability sources needs review whatever its tags.
      const lowOnly = row.sources.every((s) => SOURCES.find((x) => x.id === s.sourceId)?.reliability === 'low');
      expect(row.needsClinicalReview).toBe(row.sources.some((s) => s.evidence === 'M' || s.evidence === 'inference') || lowOnly);
      expect(row.secondarySource).toBe(row.sources.some((s) => s.evidence === 'V2'));
    });

    it('states only numbers found on its own line(s) of §1.3–§1.3a', () => {
      const lines = drugSections.split('\n').filter((line) => expected.factKeys.some((k) => line.toLowerCase().includes(k.toLowerCase())));
      expect(lines.length, `no fact-base line for ${expected.factKeys.join(', ')}`).toBeGreaterThan(0);
      const text = lines.join('\n');
      const rules = [...RISK_CLASSES.map((c) => row.hold[c]), ...RISK_CLASSES.map((c) => row.restart[c]), ...Object.values(row.renalImpairedHold ?? {})];
      const numbers = rules.flatMap((r) => Object.entries(r).filter(([, v]) => typeof v === 'number').map(([, v]) => v as number));
      for (const n of numbers) expect(text, `${id}: ${n}`).toMatch(new RegExp(`(^|[^0-9.])${n}([^0-9.]|$)`));
    });

    it('cites registered sources, each with an evidence tag', () => {
      expect(row.sources.length).toBeGreaterThan(0);
      const ids = new Set(SOURCES.map((s) => s.id));
      for (const s of row.sources) expect(ids.has(s.sourceId), s.sourceId).toBe(true);
    });
  });

  it('marks every row after dalteparin [M], so each needs clinical review', () => {
    const ids = ANTICOAGULANT_TABLE.map((r) => r.id);
    const after = ids.slice(ids.indexOf('dalteparin') + 1);
    expect(after.length).toBe(15);
    for (const id of after) {
      const row = findAnticoagulant(id)!;
      expect(row.sources.some((s) => s.evidence === 'M'), id).toBe(true);
      expect(row.needsClinicalReview, id).toBe(true);
    }
  });

  it('cites the guideline (Narouze 2018) on every row that the mirror or recall gives', () => {
    for (const r of ANTICOAGULANT_TABLE.filter((row) => row.id !== 'cangrelor' && row.id !== 'vorapaxar')) {
      expect(r.sources.some((s) => s.sourceId === 'narouze-2018-asra'), r.id).toBe(true);
    }
  });

  it('encodes dabigatran with impaired renal function as 6 days (the longer of the sources) for high and intermediate risk', () => {
    const dabigatran = findAnticoagulant('dabigatran')!;
    expect(describeHold(dabigatran.renalImpairedHold!.high!)).toBe('stop 6 d');
    expect(describeHold(dabigatran.renalImpairedHold!.intermediate!)).toBe('stop 6 d');
    expect(dabigatran.renalImpairedHold!.low).toBeUndefined();
    expect(ANTICOAGULANT_TABLE.filter((r) => r.renalImpairedHold).map((r) => r.id)).toEqual(['dabigatran']);
  });

  it('makes every disagreement between sources visible (§1.3a: "never pick silently")', () => {
    for (const id of ['dabigatran', 'apixaban', 'ticagrelor', 'clopidogrel', 'prasugrel', 'fondaparinux', 'ssri-snri', 'aspirin-primary', 'piroxicam']) {
      expect(findAnticoagulant(id)!.disagreement, id).toBeTruthy();
    }
    expect(findAnticoagulant('dabigatran')!.disagreement).toMatch(/CrCl/);
    expect(findAnticoagulant('apixaban')!.disagreement).toMatch(/3 days/);
    expect(findAnticoagulant('ticagrelor')!.disagreement).toMatch(/5–7 days/);
  });

  it('keeps notes the fact base asks to show (ambiguous alignment, footnotes, SSRI advice, supplements)', () => {
    expect(findAnticoagulant('aspirin-combination')!.notes.join(' ')).toMatch(/column alignment in the mirror is ambiguous/i);
    expect(findAnticoagulant('ssri-snri')!.notes.join(' ')).toMatch(/antiplatelets/);
    expect(findAnticoagulant('herbal-supplements')!.notes.join(' ')).toMatch(/not retrieved/);
    // Ang-Lee figures are for reference only and conflict: the row shows no interval at all.
    expect(findAnticoagulant('herbal-supplements')!.notes.join(' ')).not.toMatch(/\d+\s*(h|days?)\b/);
  });
});

describe('anticoagulant sources (sources-anticoag.ts)', () => {
  it('are valid, unique, registered, and give no address the fact base does not give', () => {
    const all = SOURCES.map((s) => s.id);
    expect(new Set(all).size).toBe(all.length);
    for (const s of ANTICOAG_SOURCES) {
      expect(() => SourceSchema.parse(s)).not.toThrow();
      expect(all).toContain(s.id);
      expect(s.url).toBeUndefined();
    }
    // The two third-party encodings are not the guideline (§1.3a): no verified primary source,
    // and no repository named (summaries found in code are not sources).
    for (const id of ['anticoag2-hold-app', 'french-us-pain-manual-memo']) {
      const s = ANTICOAG_SOURCES.find((x) => x.id === id)!;
      expect(s.reliability, id).toBe('low');
      expect(s.citation, id).toMatch(/^No verified primary source: .*not the guideline$/);
      expect(s.citation, id).not.toMatch(/github|nmhusa|repository|app\.js/i);
    }
    expect(ANTICOAG_SOURCES.find((s) => s.id === 'french-us-pain-manual-memo')!.citation).toContain('aide-memoire');
  });

  it('are each cited by some row of the table', () => {
    for (const s of ANTICOAG_SOURCES) {
      expect(ANTICOAGULANT_TABLE.some((r) => r.sources.some((ref) => ref.sourceId === s.id)), s.id).toBe(true);
    }
  });
});
