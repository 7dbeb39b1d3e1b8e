import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Encounter, EncounterDetail } from '#shared/contract/encounter';
import type { TemplateWithSources, TemplateOverview } from '#shared/contract/library';
import type { Patient } from '#shared/contract/patient';
import { LIBRARY } from '#shared/library/index';
import { factsOf, isFactUnverified } from '#shared/library/evidence-summary';
import { baseEvidence, reviewBacklog } from '#shared/library/review-backlog';
import type { Template } from '#shared/library/schema';
import { NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts } from '../testing/temp-core';

let core: ReturnType<typeof openTempCore>;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.cleanup());

const MBB = 'lumbar-medial-branch-block';
const mbb = LIBRARY.find((t) => t.id === MBB)!;
const REASON = 'Reviewed against our protocol: acceptable for this clinic.';
/** The bundled version a fresh database holds, and the next one a clinic publishes. */
const B = mbb.version;
const N = B + 1;

async function call<T>(method: string, input: unknown): Promise<T> {
  return ok<T>(await core.act(method, input));
}

function withInfectionWording(t: Template, patientText: string): Template {
  return { ...t, risks: t.risks.map((r) => (r.id === 'infection' ? { ...r, patientText } : r)) };
}

describe('library review', () => {
  it('records who accepted which unverified fact of which version', async () => {
    const unverified = factsOf(mbb).find((f) => isFactUnverified(f))!;
    // Verified: neither needs review nor rests on a secondary source (those the clinic may accept too).
    const verified = factsOf(mbb).find((f) => baseEvidence(f) === 'verified')!;
    const before = (await call<TemplateOverview[]>('library.overview', {})).find((o) => o.id === MBB)!;
    expect(before.backlog.awaitingReview).toBeGreaterThan(0);
    expect(before.backlog).toEqual(reviewBacklog(mbb, []));

    const review = await call('library.acceptFact', { actor: PHYSICIAN, templateId: MBB, version: B, factId: unverified.id, comment: REASON });
    expect(review).toMatchObject({ factId: unverified.id, acceptedBy: PHYSICIAN, comment: REASON });
    const got = await call<TemplateWithSources>('library.get', { templateId: MBB, version: B });
    expect(got.reviews.map((r) => r.factId)).toEqual([unverified.id]);
    const after = (await call<TemplateOverview[]>('library.overview', {})).find((o) => o.id === MBB)!;
    expect(after.backlog.awaitingReview).toBe(before.backlog.awaitingReview - 1);
    expect(after.backlog.accepted).toBe(1);

    expect(await core.act('library.acceptFact', { actor: PHYSICIAN, templateId: MBB, version: B, factId: unverified.id, comment: REASON }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.act('library.acceptFact', { actor: PHYSICIAN, templateId: MBB, version: B, factId: verified.id, comment: REASON }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.act('library.acceptFact', { actor: PHYSICIAN, templateId: MBB, version: B, factId: 'no-such-fact', comment: REASON }))
      .toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(() => core.db.prepare('DELETE FROM fact_reviews').run()).toThrow(/append-only/);
    expect(await core.act('library.acceptFact', { actor: NURSE, templateId: MBB, version: B, factId: unverified.id, comment: REASON }))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('reviewed facts in the note', () => {
  it('drops the review mark for a fact the reviewer accepted, and only for it', async () => {
    const patient = await call<Patient>('patient.create', { actor: NURSE, ...PATIENT });
    const encounter = await call<Encounter>('encounter.create', { actor: NURSE, patientId: patient.id, templateId: MBB, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial pain.' });
    for (const itemId of ['infection', 'temporary-discomfort']) {
      await call('checklist.setItem', { actor: PHYSICIAN, encounterId: encounter.id, itemId, status: 'checked' });
    }
    await call('library.acceptFact', { actor: PHYSICIAN, templateId: MBB, version: B, factId: 'infection', comment: REASON });
    const { text } = await call<{ text: string }>('note.export', { actor: PHYSICIAN, encounterId: encounter.id });
    const line = (name: string) => text.split('\n').find((l) => l.startsWith(`- ${name}:`)) ?? '';
    expect(line('Infection')).not.toContain('needs clinical review');
    expect(line('Temporary discomfort')).toContain('needs clinical review');
  });
});

describe('template versions', () => {
  it('an encounter started on the bundled version keeps it, and its note renders from it, after the next version is published', async () => {
    const patient = await call<Patient>('patient.create', { actor: NURSE, ...PATIENT });
    const plan = { actor: NURSE, patientId: patient.id, templateId: MBB, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial pain.' };
    const onV1 = await call<Encounter>('encounter.create', plan);
    await call('checklist.setItem', { actor: PHYSICIAN, encounterId: onV1.id, itemId: 'infection', status: 'checked' });

    const published = await call('library.publish', { actor: PHYSICIAN, basedOnVersion: B, template: withInfectionWording(mbb, 'VERSION TWO infection wording.') });
    expect(published).toMatchObject({ id: MBB, version: N });
    expect(await call('library.diff', { templateId: MBB, from: B, to: N })).toEqual([
      { kind: 'changed', path: 'risks[infection].patientText', before: mbb.risks.find((r) => r.id === 'infection')!.patientText, after: 'VERSION TWO infection wording.' },
    ]);

    const detail = await call<EncounterDetail>('encounter.get', { actor: NURSE, encounterId: onV1.id });
    expect(detail.encounter.templateVersion).toBe(B);
    const note = await call<{ text: string }>('note.export', { actor: PHYSICIAN, encounterId: onV1.id });
    expect(note.text).toContain(`version ${B}`);
    expect(note.text).not.toContain('VERSION TWO');
    const onV2 = await call<Encounter>('encounter.create', plan);
    expect(onV2.templateVersion).toBe(N);
    expect(() => core.db.prepare("UPDATE templates SET name = 'x'").run()).toThrow(/never changes/);
  });

  it('refuses a stale, empty or unsourced edit, changing nothing', async () => {
    await call('library.publish', { actor: PHYSICIAN, basedOnVersion: B, template: withInfectionWording(mbb, 'Second.') });
    const before = tableCounts(core);
    expect(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: B, template: withInfectionWording(mbb, 'Third.') }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`Version ${N} was published`) } });
    const latest = (await call<TemplateWithSources>('library.get', { templateId: MBB, version: N })).template;
    expect(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: N, template: latest }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Nothing changed') } });
    const unsourced = { ...latest, risks: latest.risks.map((r, i) => (i === 0 ? { ...r, sources: [{ sourceId: 'made-up', evidence: 'V' }] } : r)) };
    expect(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: N, template: unsourced }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('made-up') } });
    const noSources = { ...latest, risks: latest.risks.map((r, i) => (i === 0 ? { ...r, sources: [] } : r)) };
    expect(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: N, template: noSources }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: [{ path: 'template.risks.0.sources' }] } });
    expect(tableCounts(core)).toEqual(before);
  });
});

describe('library import and export', () => {
  it('exporting and re-importing yields identical content', async () => {
    await call('library.publish', { actor: PHYSICIAN, basedOnVersion: B, template: withInfectionWording(mbb, 'Edited in room 1.') });
    const { document } = await call<{ document: string }>('library.export', { allVersions: true });
    const other = openTempCore();
    try {
      const result = ok<{ inserted: unknown[]; unchanged: unknown[] }>(await other.act('library.import', { actor: PHYSICIAN, document }));
      expect(result.inserted).toEqual([{ id: MBB, version: N }]);
      expect(result.unchanged).toHaveLength(LIBRARY.length);
      const hashes = (c: typeof core) => c.db.prepare('SELECT id, version, content_sha256 FROM templates ORDER BY id, version').all();
      expect(hashes(other)).toEqual(hashes(core));
      const again = ok<{ document: string }>(await other.act('library.export', { allVersions: true }));
      expect(JSON.parse(again.document).templates).toEqual(JSON.parse(document).templates);
    } finally {
      other.cleanup();
    }
  });

  it('refuses a version that exists with other content, writing nothing', async () => {
    const other = openTempCore();
    try {
      ok(await other.act('library.publish', { actor: PHYSICIAN, basedOnVersion: B, template: withInfectionWording(mbb, 'Room 2 wording.') }));
      await call('library.publish', { actor: PHYSICIAN, basedOnVersion: B, template: withInfectionWording(mbb, 'Room 1 wording.') });
      const { document } = await call<{ document: string }>('library.export', { allVersions: true });
      const before = tableCounts(other);
      expect(await other.act('library.import', { actor: PHYSICIAN, document })).toMatchObject({
        ok: false, error: { code: 'CONFLICT', message: expect.stringContaining(`${MBB} version ${N} already exists here with different content`) },
      });
      expect(tableCounts(other)).toEqual(before);
    } finally {
      other.cleanup();
    }
  });
});
