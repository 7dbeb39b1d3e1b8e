// A physician accepts a fact for the clinic with a required comment (why it is acceptable here),
// on the real core and a real SQLite file: who may, what is refused with nothing written, what
// survives a reopen of the file, the audit entry, and migration 014 on a file from before it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatientOutcomes } from '#shared/contract/follow-up';
import type { TemplateWithSources, TemplateOverview } from '#shared/contract/library';
import { thresholdsFor } from '#shared/clinical/relief-thresholds';
import { factsOf } from '#shared/library/evidence-summary';
import { LIBRARY } from '#shared/library/index';
import { baseEvidence } from '#shared/library/review-backlog';
import { openDatabase } from '../connection';
import { openCore } from '../core';
import type { HandlerContext } from './support/context';
import { libraryHandlers } from './library';
import { migrate } from '../migrate';
import { MIGRATIONS } from '../migrations/index';
import { createReviewRepository } from '../repositories/reviews';
import { createTemplateRepository } from '../repositories/templates';
import { ADMIN, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, tempDir, TEST_PASSWORD_COST, testKey, withAct, type TempCore } from '../testing/temp-core';

const MBB = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
const needsReview = factsOf(MBB).find((f) => baseEvidence(f) === 'needs-review')!;
const secondary = factsOf(MBB).find((f) => baseEvidence(f) === 'secondary')!;
const verified = factsOf(MBB).find((f) => baseEvidence(f) === 'verified')!;
const COMMENT = 'Matches our protocol and the 2020 multisociety guideline; reviewed at the March clinical governance meeting.';

const cores: TempCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.cleanup()));
// A clock that stands still: the acceptance and its audit entry are compared to the millisecond.
function core(): TempCore {
  const c = openTempCore({ now: () => new Date('2026-11-24T15:00:00.000Z') });
  cores.push(c);
  return c;
}
const accept = (factId: string, comment: unknown = COMMENT) => ({ templateId: MBB.id, version: MBB.version, factId, comment });
const backlogOf = async (c: TempCore) => ok<TemplateOverview[]>(await c.act('library.overview', {})).find((o) => o.id === MBB.id)!.backlog;

describe('accepting a fact with a comment', () => {
  it('only a physician may: a nurse or an administrator is refused and nothing is written', async () => {
    const c = core();
    await c.act('library.overview', { actor: NURSE });
    await c.act('library.overview', { actor: ADMIN });
    const before = tableCounts(c);
    for (const actor of [NURSE, ADMIN]) {
      expect(await c.act('library.acceptFact', { actor, ...accept(needsReview.id) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(tableCounts(c)).toEqual(before);
  });

  it('the handler itself refuses a nurse, whatever path reaches it (not only the contract\'s access list)', () => {
    const c = core();
    const ctx = { db: c.db, templates: createTemplateRepository(c.db), reviews: createReviewRepository(c.db), now: () => '2026-05-01T10:00:00.000Z' } as unknown as HandlerContext;
    const handler = libraryHandlers(ctx)['library.acceptFact'];
    const call = { token: 't', caller: { actor: NURSE, userId: 'u', token: 't' } };
    expect(() => handler({ ...accept(needsReview.id), comment: COMMENT }, call)).toThrow(/Only a physician may accept a fact/);
    expect(c.db.prepare('SELECT count(*) FROM fact_reviews').pluck().get()).toBe(0);
  });

  it('refuses a missing, empty, blank or overlong comment with a clear message, and writes nothing', async () => {
    const c = core();
    await c.act('library.overview', {});
    const before = tableCounts(c);
    const { comment: _none, ...withoutComment } = accept(needsReview.id);
    expect(await c.act('library.acceptFact', { actor: PHYSICIAN, ...withoutComment })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const comment of ['', '   ', '\n\t ', 'x'.repeat(1001), null, 42]) {
      const result = await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(needsReview.id, comment) });
      expect(result, JSON.stringify(comment)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(JSON.stringify(await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(needsReview.id, '  ') }))).toContain('say why this fact is acceptable for this clinic');
    expect(tableCounts(c)).toEqual(before);
    expect(await backlogOf(c)).toMatchObject({ accepted: 0 });
  });

  it('accepts a needs-review fact and a secondary-source fact, not a verified one; the comment is stored trimmed', async () => {
    const c = core();
    const before = await backlogOf(c);
    const review = ok(await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(needsReview.id, `  ${COMMENT}\n`) }));
    expect(review).toMatchObject({ factId: needsReview.id, acceptedBy: PHYSICIAN, comment: COMMENT });
    ok(await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(secondary.id, 'Secondary summary checked against the primary trial.') }));
    expect(await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(verified.id) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(needsReview.id) })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await backlogOf(c)).toMatchObject({
      awaitingReview: before.awaitingReview - 1, secondary: before.secondary - 1, accepted: 2, verified: before.verified, total: before.total, reviewed: false,
    });
    // Append-only: the comment can be neither changed nor removed.
    expect(() => c.db.prepare("UPDATE fact_reviews SET comment = 'changed'").run()).toThrow(/append-only/);
  });

  it('is in the audit trail: who accepted which fact of which version, and when', async () => {
    const c = core();
    const review = ok<{ acceptedAt: string }>(await c.act('library.acceptFact', { actor: PHYSICIAN, ...accept(needsReview.id) }));
    const { entries } = ok<{ entries: { action: string; target: string; user: { name: string }; at: string }[] }>(await c.act('audit.list', { actor: PHYSICIAN, action: 'library.acceptFact' }));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user: { name: PHYSICIAN.name }, target: `template:${MBB.id}@${MBB.version}/fact:${needsReview.id}`, at: review.acceptedAt });
  });

  it('persists across a reopen of the database file: fact, comment, who and when', async () => {
    const dataDir = tempDir();
    const first = withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST }));
    const review = ok<{ acceptedAt: string }>(await first.act('library.acceptFact', { actor: PHYSICIAN, ...accept(needsReview.id) }));
    first.close();
    const reopened = openTempCore({ dataDir });
    cores.push(reopened);
    const got = ok<TemplateWithSources>(await reopened.act('library.get', { templateId: MBB.id, version: MBB.version }));
    expect(got.reviews).toEqual([{ factId: needsReview.id, acceptedAt: review.acceptedAt, acceptedBy: PHYSICIAN, comment: COMMENT }]);
    expect(await backlogOf(reopened)).toMatchObject({ accepted: 1 });
  });
});

describe('an accepted secondary-source fact elsewhere', () => {
  it('the outcomes screen still shows a relief threshold from a secondary source as secondary once the clinic accepted it', async () => {
    const c = core();
    // No bundled threshold rests on a secondary source today: the clinic publishes one that does (the payer criterion, cited [V2] from a primary work).
    const payer = MBB.followUp.find((f) => f.id === 'rfa-threshold-payer')!;
    const edited = { ...MBB, followUp: MBB.followUp.map((f) => (f.id === payer.id ? { ...f, sources: [{ sourceId: 'cohen-2020-lumbar-facet', evidence: 'V2' as const }] } : f)) };
    const v2 = ok<{ version: number }>(await c.act('library.publish', { actor: PHYSICIAN, basedOnVersion: MBB.version, template: edited })).version;
    const asPublished = { ...edited, version: v2 };
    expect(thresholdsFor(asPublished).map((t) => t.fact.id)).toContain(payer.id);
    expect(baseEvidence(factsOf(asPublished).find((f) => f.id === payer.id)!)).toBe('secondary');
    ok(await c.act('library.acceptFact', { actor: PHYSICIAN, templateId: MBB.id, version: v2, factId: payer.id, comment: COMMENT }));
    const patient = ok<{ id: string }>(await c.act('patient.create', { actor: NURSE, ...PATIENT }));
    ok(await c.act('encounter.create', { actor: NURSE, patientId: patient.id, templateId: MBB.id, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial pain.' }));
    const outcomes = ok<PatientOutcomes>(await c.act('outcomes.forPatient', { actor: NURSE, patientId: patient.id }));
    expect(outcomes.procedures[0]!.thresholds.find((t) => t.factId === payer.id)).toMatchObject({ needsReview: false, reviewedBy: null });
  });
});

describe('migration 014 (fact review comments)', () => {
  it('keeps an acceptance from before it, with no comment, and refuses a blank or overlong one from then on', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'm.sqlite'), 99, testKey());
    migrate(db, MIGRATIONS.slice(0, 13), null);
    db.exec(`
      INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES ('t', 1, 'T', '{}', 'h', 'now');
      INSERT INTO fact_reviews VALUES ('t', 1, 'old', 'then', 'Dr Old', 'physician');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 14), path.join(dir, 'backups'))).toMatchObject({ from: 13, to: 14 });
    expect(createReviewRepository(db).list('t', 1)).toEqual([{ factId: 'old', acceptedAt: 'then', acceptedBy: { name: 'Dr Old', role: 'physician' }, comment: null }]);
    const insert = db.prepare("INSERT INTO fact_reviews VALUES ('t', 1, ?, 'now', 'Dr New', 'physician', ?)");
    insert.run('with-comment', 'Fine for us.');
    for (const blank of ['', ' ', '\n\t', 'x'.repeat(1001)]) expect(() => insert.run(`f${blank.length}`, blank), JSON.stringify(blank)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE fact_reviews SET comment = 'x' WHERE fact_id = 'old'").run()).toThrow(/append-only/);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
