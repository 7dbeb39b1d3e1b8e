import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../library/index';
import { SOURCES } from '../library/sources';
import { particulateSteroidWarning, plannedSteroidCheck, STEROID_ROUTE_RULES, steroidRouteRule } from './steroid-warning';
import { procedureTraits } from './traits';

const factBase = fs.readFileSync(path.resolve(__dirname, '../clinical/fact-reference.md'), 'utf8');

function traitsOf(id: string) {
  const t = LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return procedureTraits(t);
}
const cervicalTf = traitsOf('cervical-transforaminal-esi');
const warn = (id: string, ...names: string[]) => particulateSteroidWarning({ traits: traitsOf(id), medications: names.map((name) => ({ name })) });
const plan = (name: string | null, nonParticulateConfirmed = false) => ({ steroid: name === null ? null : { name }, nonParticulateConfirmed });

describe('which routes take which steroid (fact base §2.1, §3.2 items 6–8)', () => {
  it('cervical transforaminal: nonparticulate only; lumbar transforaminal: nonparticulate preferred; no other bundled procedure has a rule', () => {
    const ruled = LIBRARY.map((t) => [t.id, steroidRouteRule(procedureTraits(t))?.rule ?? null] as const).filter(([, r]) => r !== null);
    expect(Object.fromEntries(ruled)).toEqual({ 'cervical-transforaminal-esi': 'nonparticulate-only', 'lumbar-transforaminal-esi': 'nonparticulate-preferred' });
  });

  it('cites the fact base with its tags: SIS [V2] for both, Rathmell [M], the FDA risk assessment [V] for the mechanism', () => {
    const [cervical, lumbar] = STEROID_ROUTE_RULES;
    expect(cervical!.sources).toEqual([
      { sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' },
      { sourceId: 'rathmell-2015', evidence: 'M' },
      { sourceId: 'racoosin-2017-nejm', evidence: 'V' },
    ]);
    expect(lumbar!.sources).toEqual([{ sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' }, { sourceId: 'rathmell-2015', evidence: 'M' }]);
    const ids = new Set(SOURCES.map((s) => s.id));
    for (const r of STEROID_ROUTE_RULES) for (const s of r.sources) expect(ids.has(s.sourceId), s.sourceId).toBe(true);
    // The statements the rules rest on are the fact base's.
    expect(factBase).toContain('**Cervical TFESI: nonparticulate steroid only.**');
    expect(factBase).toContain('a particulate steroid is an option for lumbar TFESI only if every risk-reducing measure is used');
    expect(factBase).toContain('Interlaminar and caudal injections may use either kind.');
  });

  it('an unknown category gets the strictest rule', () => {
    const unknown = { ...LIBRARY.find((t) => t.id === 'peripheral-nerve-block')!, id: 'x', name: 'X', category: 'Something new' };
    expect(steroidRouteRule(procedureTraits(unknown))?.rule).toBe('nonparticulate-only');
  });
});

describe('the planned steroid at the time-out', () => {
  it('a particulate steroid, by brand or generic, is a hard stop for cervical transforaminal injection, naming the drug and why', () => {
    for (const name of ['Kenalog-40', 'kenalog 40', 'Depo Medrol 80mg', 'Celestone Soluspan', 'Celestone', 'Aristospan', 'triamcinolone acetonide', 'methylprednisolone acetate', 'betamethasone acetate']) {
      const check = plannedSteroidCheck(cervicalTf, plan(name));
      expect(check.status, name).toBe('hard-stop');
      expect(check.message).toContain(name);
      expect(check.message).toMatch(/particulate steroid, planned for a cervical transforaminal injection/);
      expect(check.message).toMatch(/embolic infarction/);
      expect(check.sources).toContainEqual({ sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' });
    }
    expect(plannedSteroidCheck(cervicalTf, plan('Kenalog-40')).message).toContain('Kenalog-40 (triamcinolone acetonide)');
  });

  it('dexamethasone passes; no steroid passes; no plan cannot be checked', () => {
    expect(plannedSteroidCheck(cervicalTf, plan('Dexamethasone sodium phosphate')).status).toBe('ok');
    expect(plannedSteroidCheck(cervicalTf, plan(null)).status).toBe('no-steroid');
    expect(plannedSteroidCheck(cervicalTf, null).status).toBe('no-plan');
  });

  it('an unrecognised steroid needs a physician to confirm it is nonparticulate; once confirmed it passes', () => {
    const check = plannedSteroidCheck(cervicalTf, plan('Kenelog'));
    expect(check.status).toBe('confirm');
    expect(check.message).toMatch(/A physician must confirm that Kenelog is nonparticulate/);
    expect(plannedSteroidCheck(cervicalTf, plan('Kenelog', true)).status).toBe('confirmed');
    // A confirmation never turns a known particulate steroid into a pass.
    expect(plannedSteroidCheck(cervicalTf, plan('Kenalog-40', true)).status).toBe('hard-stop');
  });

  it('lumbar transforaminal: a particulate or unknown steroid is a caution (the fact base allows it with every risk-reducing measure), not a stop', () => {
    const lumbar = traitsOf('lumbar-transforaminal-esi');
    const check = plannedSteroidCheck(lumbar, plan('Kenalog-40'));
    expect(check.status).toBe('caution');
    expect(check.message).toMatch(/only if every risk-reducing measure is used/);
    expect(plannedSteroidCheck(lumbar, plan('Kenelog')).status).toBe('caution');
    expect(plannedSteroidCheck(lumbar, plan('Dexamethasone')).status).toBe('ok');
  });

  it('interlaminar, caudal, facet and SIJ: no rule; the plan is read back with its classification', () => {
    for (const id of ['cervical-interlaminar-esi', 'caudal-esi', 'lumbar-facet-intra-articular', 'sacroiliac-joint-injection']) {
      const check = plannedSteroidCheck(traitsOf(id), plan('Depo-Medrol'));
      expect(check.status, id).toBe('ok');
      expect(check.message).toBe('Depo-Medrol (methylprednisolone acetate): particulate.');
    }
  });
});

describe('the procedure record warning (same table, same rules)', () => {
  it('warns for particulate steroids by generic and by brand in a cervical transforaminal injection', () => {
    for (const name of ['Triamcinolone acetonide 40 mg/mL', 'METHYLPREDNISOLONE ACETATE', 'betamethasone sodium phosphate and betamethasone acetate', 'Kenalog-40', 'Depo-Medrol', 'Celestone', 'Aristospan']) {
      const w = particulateSteroidWarning({ traits: cervicalTf, medications: [{ name: 'Lidocaine 1%' }, { name }] });
      expect(w, name).not.toBeNull();
      expect(w?.title).toBe('Warning: particulate steroid for a cervical transforaminal injection.');
      expect(w?.warning).toContain(name);
      expect(w?.warning).toMatch(/nonparticulate/);
    }
  });

  it('does not warn for dexamethasone sodium phosphate, local anaesthetic or contrast', () => {
    expect(warn('cervical-transforaminal-esi', 'Dexamethasone sodium phosphate 10 mg/mL', 'Lidocaine 1%', 'Omnipaque 240')).toBeNull();
    expect(warn('cervical-transforaminal-esi')).toBeNull();
  });

  it('cautions for lumbar transforaminal; says nothing for interlaminar or facet (either kind, fact base §2.1)', () => {
    expect(warn('lumbar-transforaminal-esi', 'Kenalog-40')?.title).toBe('Caution: particulate steroid for a lumbar transforaminal injection.');
    for (const id of ['cervical-interlaminar-esi', 'lumbar-facet-intra-articular']) expect(warn(id, 'triamcinolone acetonide'), id).toBeNull();
  });

  it('asks for confirmation of an unrecognised steroid-like preparation', () => {
    for (const name of ['Dexamethasone acetate', 'Solu-Medrol']) {
      const w = warn('cervical-transforaminal-esi', name);
      expect(w?.title).toBe('Warning: confirm the steroid for a cervical transforaminal injection.');
      expect(w?.warning).toMatch(new RegExp(`Confirm these are nonparticulate.*${name}`));
      expect(w?.warning).not.toMatch(/Particulate corticosteroid chosen/);
    }
  });

  it('cites registered sources with the fact base tags and the label of each brand', () => {
    const w = warn('cervical-transforaminal-esi', 'Kenalog-40');
    const ids = new Set(SOURCES.map((s) => s.id));
    for (const s of w?.sources ?? []) expect(ids.has(s.sourceId)).toBe(true);
    expect(w?.sources).toEqual(
      expect.arrayContaining([
        { sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' },
        { sourceId: 'rathmell-2015', evidence: 'M' },
        { sourceId: 'fda-label-kenalog-40-80', evidence: 'V2' },
      ]),
    );
  });
});
