import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../library/index';
import { SOURCES } from '../library/sources';
import { particulateSteroidWarning } from './steroid-warning';
import { procedureTraits } from './traits';

function traitsOf(id: string) {
  const t = LIBRARY.find((x) => x.id === id);
  if (!t) throw new Error(id);
  return procedureTraits(t);
}
const cervicalTf = traitsOf('cervical-transforaminal-esi');
const warn = (id: string, ...names: string[]) => particulateSteroidWarning({ traits: traitsOf(id), medications: names.map((name) => ({ name })) });

describe('particulate steroid warning', () => {
  it('warns for triamcinolone, betamethasone or methylprednisolone in a cervical transforaminal injection', () => {
    for (const name of ['Triamcinolone acetonide 40 mg/mL', 'METHYLPREDNISOLONE ACETATE', 'betamethasone sodium phosphate and betamethasone acetate']) {
      const w = particulateSteroidWarning({ traits: cervicalTf, medications: [{ name: 'Lidocaine 1%' }, { name }] });
      expect(w, name).not.toBeNull();
      expect(w?.warning).toContain(name);
      expect(w?.warning).toMatch(/nonparticulate/);
    }
  });

  it('does not warn for dexamethasone sodium phosphate or local anaesthetic alone', () => {
    expect(warn('cervical-transforaminal-esi', 'Dexamethasone sodium phosphate 10 mg/mL', 'Lidocaine 1%')).toBeNull();
    expect(warn('cervical-transforaminal-esi')).toBeNull();
  });

  it('does not warn outside cervical transforaminal injection (lumbar TF, interlaminar, facet)', () => {
    for (const id of ['lumbar-transforaminal-esi', 'cervical-interlaminar-esi', 'lumbar-facet-intra-articular']) {
      expect(warn(id, 'triamcinolone acetonide'), id).toBeNull();
    }
  });

  it('asks for confirmation of an unnamed acetate or acetonide preparation', () => {
    const w = warn('cervical-transforaminal-esi', 'Dexamethasone acetate');
    expect(w?.warning).toMatch(/Confirm these are nonparticulate.*Dexamethasone acetate/);
    expect(w?.warning).not.toMatch(/Particulate corticosteroid chosen/);
  });

  it('cites registered sources with the fact base tags: SIS [V2], Rathmell item 6 [M]', () => {
    const w = warn('cervical-transforaminal-esi', 'triamcinolone');
    const ids = new Set(SOURCES.map((s) => s.id));
    for (const s of w?.sources ?? []) expect(ids.has(s.sourceId)).toBe(true);
    expect(w?.sources).toEqual(
      expect.arrayContaining([
        { sourceId: 'sis-2019-dexamethasone-shortage', evidence: 'V2' },
        { sourceId: 'rathmell-2015', evidence: 'M' },
      ]),
    );
  });
});
