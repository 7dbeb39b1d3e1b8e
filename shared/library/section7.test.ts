/**
 * Fact-reference §7 as data (section7.ts): every item of §7 is listed, everything it names
 * exists, and what it names is shown as "needs clinical review" whatever its tag.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANTICOAGULANT_TABLE, findAnticoagulant } from '../clinical/anticoagulant-table';
import { buildChecklist } from '../domain/checklist';
import { WORKFLOW_ITEMS } from '../workflow/phase-items';
import { evidenceState, factNeedsReview, inSection7 } from './evidence-state';
import { factsOf, isFactUnverified } from './evidence-summary';
import { LIBRARY } from './index';
import { SECTION7 } from './section7';
import { SOURCES } from './sources';

const reference = fs.readFileSync(path.resolve(__dirname, '../clinical/fact-reference.md'), 'utf8');
const section7 = reference.slice(reference.indexOf('## 7.'), reference.indexOf('## 8.'));

describe('fact-reference §7 as data', () => {
  it('lists every numbered item of §7 once, in order', () => {
    const numbers = [...section7.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(10);
    expect(SECTION7.map((i) => i.item)).toEqual(numbers);
  });

  it('names only ids that exist: sources, template facts, procedure-day items, anticoagulant rows', () => {
    const sourceIds = new Set(SOURCES.map((s) => s.id));
    const workflowIds = new Set(WORKFLOW_ITEMS.map((w) => w.id));
    for (const item of SECTION7) {
      for (const id of item.sourceIds) expect(sourceIds.has(id), `§7.${item.item} source ${id}`).toBe(true);
      for (const id of item.workflowItemIds) expect(workflowIds.has(id), `§7.${item.item} procedure-day item ${id}`).toBe(true);
      for (const id of item.anticoagulantRows) expect(findAnticoagulant(id), `§7.${item.item} anticoagulant row ${id}`).toBeDefined();
      for (const f of item.facts) {
        const templates = f.templateId === '*' ? LIBRARY : LIBRARY.filter((t) => t.id === f.templateId);
        expect(templates.length, `§7.${item.item} template ${f.templateId}`).toBeGreaterThan(0);
        const having = templates.filter((t) => factsOf(t).some((x) => x.id === f.factId));
        expect(having.length, `§7.${item.item} ${f.templateId} ${f.factId}`).toBeGreaterThan(0);
        if (f.templateId !== '*') expect(having.length, `§7.${item.item} ${f.templateId} ${f.factId}`).toBe(templates.length);
        if (f.part === 'incidence') for (const t of having) expect(t.risks.some((r) => r.id === f.factId), `${t.id} ${f.factId} is a risk`).toBe(true);
      }
      // An item that names nothing says why.
      if (!item.sourceIds.length && !item.facts.length && !item.workflowItemIds.length && !item.anticoagulantRows.length) {
        expect(item.note, `§7.${item.item}`).toBeTruthy();
      }
    }
  });

  it('covers the rows of the drug table below dalteparin (item 1)', () => {
    const ids = ANTICOAGULANT_TABLE.map((r) => r.id);
    expect([...SECTION7.find((i) => i.item === 1)!.anticoagulantRows].sort()).toEqual(ids.slice(ids.indexOf('dalteparin') + 1).sort());
  });

  it('covers the payer ≥80% two-block rule, the steroid-dose equivalences, the glucose-rise durations and the GON/sympathetic steroid advice', () => {
    const byText = (re: RegExp) => LIBRARY.flatMap((t) => buildChecklist(t).flatMap((s) => s.items).filter((i) => re.test(i.label)).map((i) => ({ t, i })));
    const cases = [
      byText(/≥80% relief/), byText(/Methylprednisolone 40 mg|Dexamethasone 4 mg/), byText(/glucose may rise|postprandial/i),
      byText(/corticosteroid for GON block|not recommend adding corticosteroid to sympathetic/),
    ];
    for (const found of cases) {
      expect(found.length).toBeGreaterThan(0);
      for (const { t, i } of found) {
        expect(inSection7({ sources: i.sources, templateId: t.id, factId: i.id }), `${t.id} ${i.id}`).toBe(true);
        expect(i.needsReview, `${t.id} ${i.id}`).toBe(true);
      }
    }
  });

  it('marks every item of §7 for review wherever the library states it (checklist, review queue)', () => {
    for (const item of SECTION7) {
      for (const f of item.facts.filter((x) => x.part === undefined)) {
        for (const t of LIBRARY.filter((x) => f.templateId === '*' || x.id === f.templateId)) {
          const fact = factsOf(t).find((x) => x.id === f.factId);
          if (!fact) continue;
          expect(isFactUnverified(fact), `${t.id} ${f.factId}`).toBe(true);
          const row = buildChecklist(t).flatMap((s) => s.items).find((x) => x.id === f.factId);
          if (row) expect(row.evidence, `${t.id} ${f.factId}`).toBe('needs-review');
        }
      }
      for (const id of item.anticoagulantRows) expect(findAnticoagulant(id)!.needsClinicalReview, id).toBe(true);
      for (const id of item.workflowItemIds) {
        const w = WORKFLOW_ITEMS.find((x) => x.id === id)!;
        expect(factNeedsReview({ sources: w.sources, workflowItemId: id }), id).toBe(true);
      }
    }
  });

  it('applies an item-11 entry to a risk only once it states an incidence figure', () => {
    const t = LIBRARY.find((x) => x.id === 'lumbar-medial-branch-rfa')!;
    const neuritis = t.risks.find((r) => r.id === 'rfa-neuritis')!;
    expect(neuritis.incidence).toBeUndefined();
    const verified = [{ sourceId: 'cohen-2020-lumbar-facet', evidence: 'V' as const }];
    expect(inSection7({ sources: verified, templateId: t.id, factId: 'rfa-neuritis' })).toBe(false);
    expect(inSection7({ sources: verified, templateId: t.id, factId: 'rfa-neuritis', hasIncidence: true })).toBe(true);
  });
});

describe('evidence state: one rule for every surface', () => {
  const esi = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;

  it('a §7 fact the data tags [V2] → needs review (the steroid-dose equivalences)', () => {
    const item = esi.imaging.checks.find((f) => f.id === 'steroid-dose-reviewed')!;
    expect(item.sources.some((s) => s.evidence === 'V2')).toBe(true);
    expect(item.sources.some((s) => s.evidence === 'M' || s.evidence === 'inference')).toBe(false);
    expect(evidenceState({ sources: item.sources, templateId: esi.id, factId: 'steroid-dose-reviewed' })).toBe('needs-review');
  });

  it('a §7 fact listed by template and id, tagged [V] on a primary source → needs review (the time-out elements)', () => {
    const timeOut = esi.monitoring.find((f) => f.id === 'time-out')!;
    expect(timeOut.sources.every((s) => s.evidence === 'V')).toBe(true);
    expect(evidenceState({ sources: timeOut.sources })).toBe('verified');
    expect(evidenceState({ sources: timeOut.sources, templateId: esi.id, factId: 'time-out' })).toBe('needs-review');
  });

  it('a [V] fact whose sources are all low-reliability → needs review', () => {
    expect(evidenceState({ sources: [{ sourceId: 'rfa-duration-clinic-pages', evidence: 'V' }] })).toBe('needs-review');
    expect(evidenceState({ sources: [{ sourceId: 'rfa-duration-clinic-pages', evidence: 'V' }, { sourceId: 'ama-2-1-1', evidence: 'V' }] })).toBe('verified');
  });

  it('a fact the reviewer accepted → accepted; [V2] → secondary; [V] on a primary source → verified', () => {
    const sources = [{ sourceId: 'fact-base-consensus', evidence: 'M' as const }];
    expect(evidenceState({ sources }, true)).toBe('accepted');
    expect(evidenceState({ sources: [{ sourceId: 'lcd-l33906', evidence: 'V2' }] })).toBe('secondary');
    expect(evidenceState({ sources: [{ sourceId: 'lcd-l33906', evidence: 'V2' }] }, true)).toBe('secondary');
    expect(evidenceState({ sources: [{ sourceId: 'ama-2-1-1', evidence: 'V' }] })).toBe('verified');
    // A §7 fact accepted by the reviewer shows as accepted, as any other reviewed fact.
    const timeOut = esi.monitoring.find((f) => f.id === 'time-out')!;
    expect(evidenceState({ sources: timeOut.sources, templateId: esi.id, factId: 'time-out' }, true)).toBe('accepted');
  });
});
