// A group confirmation through the real core: several items checked in one write, each
// change its own history entry (who, when, from → to), and any item that is unknown, not
// shown for the plan, or of a later phase refuses the whole group, changing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EncounterDetail } from '#shared/contract/encounter';
import { encounterItems } from '#shared/domain/encounter-workflow';
import { LIBRARY } from '#shared/library/index';
import { NURSE, ok, openTempCore, PATIENT, RECORDS, tableCounts, type TempCore } from '../testing/temp-core';

let core: TempCore;
let encounterId = '';
beforeEach(async () => {
  core = openTempCore({ now: () => new Date('2026-11-24T14:00:00.000Z') });
  const patient = ok<{ id: string }>(await core.as(NURSE)('patient.create', { ...PATIENT }));
  encounterId = ok<{ id: string }>(await core.as(NURSE)('encounter.create', {
    patientId: patient.id, templateId: 'lumbar-transforaminal-esi', levels: ['L4-L5'], laterality: 'left',
    plannedDate: '2026-11-24', indication: 'Left L5 radicular pain.',
  })).id;
  ok(await core.as(NURSE)('encounter.advance', { encounterId, to: 'pre-procedure' }));
});
afterEach(() => core.cleanup());

const nurse = () => core.as(NURSE);
const detail = async () => ok<EncounterDetail>(await nurse()('encounter.get', { encounterId }));
const template = LIBRARY.find((t) => t.id === 'lumbar-transforaminal-esi')!;
const items = encounterItems(template, { sedationPlanned: false, laterality: 'left', imagingModality: 'fluoroscopy' }).phaseItems;
const risks = template.risks.map((r) => r.id);

describe('checklist.setItems', () => {
  it('checks every named item in one write, each change its own history entry', async () => {
    ok(await nurse()('checklist.setItem', { encounterId, itemId: risks[0]!, status: 'not-applicable', reason: 'asked twice' }));
    const states = ok<{ itemId: string; status: string; updatedBy: { name: string } }[]>(
      await nurse()('checklist.setItems', { encounterId, itemIds: risks, status: 'checked' }),
    );
    expect(states.map((s) => s.itemId)).toEqual(risks);
    const d = await detail();
    for (const id of risks) expect(d.items.find((i) => i.itemId === id)).toMatchObject({ status: 'checked', updatedBy: { name: NURSE.name } });
    const history = d.itemHistory.filter((h) => risks.includes(h.itemId) && h.to === 'checked');
    expect(history).toHaveLength(risks.length);
    expect(history[0]).toMatchObject({ itemId: risks[0], from: 'not-applicable', to: 'checked', by: { name: NURSE.name } });
    expect(history[1]).toMatchObject({ from: null, to: 'checked' });
    // Each item still unticks on its own.
    ok(await nurse()('checklist.setItem', { encounterId, itemId: risks[1]!, status: 'unchecked' }));
    expect((await detail()).items.find((i) => i.itemId === risks[1])?.status).toBe('unchecked');
  });

  const refusals: [string, () => string, string][] = [
    ['an unknown item', () => 'no-such-item', 'NOT_FOUND'],
    ['an item not shown for the plan (sedation is not planned)', () => 'escort-if-sedated', 'CONFLICT'],
    ['an item of a later phase', () => items.find((i) => i.phase === 'recovery')!.id, 'CONFLICT'],
  ];
  it.each(refusals)('refuses the whole group for %s, changing nothing', async (_name, bad, code) => {
    const before = tableCounts(core);
    const itemIds = [risks[0]!, risks[1]!, bad()];
    const refused = await nurse()('checklist.setItems', { encounterId, itemIds, status: 'checked' });
    expect(refused).toMatchObject({ ok: false, error: { code, message: expect.stringContaining('nothing was confirmed') } });
    const after = tableCounts(core);
    expect(after.checklist_items).toBe(before.checklist_items);
    expect(after.checklist_item_events).toBe(before.checklist_item_events);
    expect((await detail()).items.filter((i) => itemIds.includes(i.itemId))).toEqual([]);
  });

  it('refuses bad input and other roles', async () => {
    expect(await nurse()('checklist.setItems', { encounterId, itemIds: [], status: 'checked' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('checklist.setItems', { encounterId, itemIds: [risks[0], risks[0]], status: 'checked' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await nurse()('checklist.setItems', { encounterId, itemIds: [risks[0]], status: 'unchecked' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.as(RECORDS)('checklist.setItems', { encounterId, itemIds: [risks[0]], status: 'checked' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
