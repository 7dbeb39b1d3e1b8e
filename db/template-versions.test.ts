// Bundled and clinic template versions kept apart (issue 15): a later release bundling a version
// number the clinic already published must never make the database refuse to open.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Encounter } from '#shared/contract/encounter';
import type { Patient } from '#shared/contract/patient';
import { LIBRARY, LIBRARY_VERSIONS } from '#shared/library/index';
import { templateCanonicalJson, LibraryLockSchema, LOCK_FILE } from '#shared/library/lock';
import type { Template } from '#shared/library/schema';
import { openDatabase } from './connection';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations/index';
import { DATABASE_FILE } from './paths';
import { sha256 } from './repositories/templates';
import { ADMIN, keyOf, NURSE, ok, openTempCore, PATIENT, PHYSICIAN, tableCounts, tempDir, type TempCore } from './testing/temp-core';

const lock = LibraryLockSchema.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', LOCK_FILE), 'utf8')));
const MBB = 'lumbar-medial-branch-block';
/**
 * These cases replay a release history from a release that bundled version 1 of the medial branch
 * block (the later bundled versions of the real library are seeded like any other).
 */
const mbb = LIBRARY_VERSIONS.find((t) => t.id === MBB && t.version === 1)!;
const RELEASE_1 = LIBRARY.map((t) => (t.id === MBB ? mbb : t));

function withInfectionWording(t: Template, patientText: string): Template {
  return { ...t, risks: t.risks.map((r) => (r.id === 'infection' ? { ...r, patientText } : r)) };
}
/** A later release: this bundle, with its own (different) v2 of the medial branch block. */
const bundledV2 = { ...withInfectionWording(mbb, 'Bundled release wording.'), version: 2 };
const laterRelease = RELEASE_1.map((t) => (t.id === MBB ? bundledV2 : t));

const opened: TempCore[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.cleanup()));
function open(options: Parameters<typeof openTempCore>[0] = {}): TempCore {
  const core = openTempCore({ library: RELEASE_1, ...options });
  opened.push(core);
  return core;
}
/** Closes a core without deleting its folder, to open the same data again. */
function close(core: TempCore): string {
  opened.splice(opened.indexOf(core), 1);
  core.close();
  return core.dataDir;
}

interface MappingRow { template_id: string; bundled_version: number; stored_version: number; content_sha256: string }
const mapping = (core: TempCore) =>
  core.db.prepare<[], MappingRow>('SELECT template_id, bundled_version, stored_version, content_sha256 FROM bundled_template_versions ORDER BY template_id, bundled_version').all();
const versionsOf = (core: TempCore, id: string) =>
  core.db.prepare<[string], { version: number; content_sha256: string }>('SELECT version, content_sha256 FROM templates WHERE id = ? ORDER BY version').all(id);
const renumberAudits = (core: TempCore) =>
  core.db.prepare<[], { user_name: string; user_role: string; action: string; target: string }>("SELECT user_name, user_role, action, target FROM audit_log WHERE action = 'library.seedRenumbered'").all();

async function publishClinicV2(core: TempCore): Promise<string> {
  const clinicV2 = withInfectionWording(mbb, 'Our clinic wording.');
  expect(ok(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: 1, template: clinicV2 }))).toMatchObject({ id: MBB, version: 2 });
  return sha256(templateCanonicalJson({ ...clinicV2, version: 2 }));
}

async function newEncounter(core: TempCore): Promise<Encounter> {
  const patient = ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT }));
  return ok<Encounter>(await core.act('encounter.create', {
    actor: NURSE, patientId: patient.id, templateId: MBB, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-24', indication: 'Axial pain.',
  }));
}

describe('seeding the bundled library', () => {
  it('a fresh database stores and records every bundled version under its own number; reopened, nothing new', () => {
    const first = open();
    expect(mapping(first)).toEqual(
      RELEASE_1.map((t) => ({ template_id: t.id, bundled_version: t.version, stored_version: t.version, content_sha256: lock.templates[t.id]?.[String(t.version)]?.sha256 }))
        .sort((a, b) => (a.template_id < b.template_id ? -1 : 1)),
    );
    const before = tableCounts(first);
    const again = open({ dataDir: close(first) });
    expect(tableCounts(again)).toEqual(before);
    expect(() => again.db.prepare('DELETE FROM bundled_template_versions').run()).toThrow(/insert-only/);
    expect(() => again.db.prepare('UPDATE bundled_template_versions SET stored_version = 9').run()).toThrow(/insert-only/);
  });

  it('a database seeded by a release of version-1 templates gets each bundled later version beside them; its encounters keep theirs', async () => {
    const versionOne = LIBRARY_VERSIONS.filter((t) => t.version === 1);
    const first = open({ library: versionOne });
    const onOne = await newEncounter(first);
    expect(onOne.templateVersion).toBe(1);
    const core = open({ dataDir: close(first), library: LIBRARY });
    for (const t of LIBRARY) expect(versionsOf(core, t.id).map((v) => v.version), t.id).toEqual(t.version === 1 ? [1] : [1, t.version]);
    expect(renumberAudits(core)).toEqual([]);
    expect(ok<{ encounter: Encounter }>(await core.act('encounter.get', { actor: NURSE, encounterId: onOne.id })).encounter.templateVersion).toBe(1);
    const next = ok<Encounter>(await core.act('encounter.create', {
      actor: NURSE, patientId: onOne.patientId, templateId: MBB, levels: ['L4'], laterality: 'left', plannedDate: '2026-11-25', indication: 'Axial pain.',
    }));
    expect(next.templateVersion).toBe(LIBRARY.find((t) => t.id === MBB)!.version);
  });

  it('a later release bundling a v2 the clinic already published opens: the clinic v2 stays, the bundled one arrives as v3, audited, and new encounters use it', async () => {
    const first = open();
    const clinicHash = await publishClinicV2(first);
    const logs: string[] = [];
    const core = open({ dataDir: close(first), library: laterRelease, log: (m) => logs.push(m) });

    expect(versionsOf(core, MBB)).toEqual([
      { version: 1, content_sha256: lock.templates[MBB]?.['1']?.sha256 },
      { version: 2, content_sha256: clinicHash },
      { version: 3, content_sha256: sha256(templateCanonicalJson({ ...bundledV2, version: 3 })) },
    ]);
    expect(mapping(core)).toContainEqual({ template_id: MBB, bundled_version: 2, stored_version: 3, content_sha256: sha256(templateCanonicalJson(bundledV2)) });
    expect(mapping(core)).not.toContainEqual(expect.objectContaining({ template_id: MBB, stored_version: 2 }));
    expect(logs).toContain(`bundled ${MBB} version 2 is stored as version 3: the clinic's own version 2 keeps its number`);
    expect(renumberAudits(core)).toEqual([{ user_name: 'ProcedureDesk', user_role: 'system', action: 'library.seedRenumbered', target: `template:${MBB}/version:3/bundled-version:2` }]);
    expect(ok(await core.as(ADMIN)('audit.verify', {}))).toMatchObject({ ok: true });

    expect(ok(await core.act('library.diff', { templateId: MBB, from: 2, to: 3 }))).toEqual([
      { kind: 'changed', path: 'risks[infection].patientText', before: 'Our clinic wording.', after: 'Bundled release wording.' },
    ]);
    expect((await newEncounter(core)).templateVersion).toBe(3);
    // The clinic's edit began from v2; v3 arrived since, so it starts again from v3.
    expect(await core.act('library.publish', { actor: PHYSICIAN, basedOnVersion: 2, template: withInfectionWording(mbb, 'Later edit.') }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Version 3 was published') } });
  });

  it('opening again with the same later release changes nothing', async () => {
    const first = open();
    await publishClinicV2(first);
    const second = open({ dataDir: close(first), library: laterRelease });
    const before = { counts: tableCounts(second), templates: versionsOf(second, MBB), mapping: mapping(second) };
    const logs: string[] = [];
    const third = open({ dataDir: close(second), library: laterRelease, log: (m) => logs.push(m) });
    expect({ counts: tableCounts(third), templates: versionsOf(third, MBB), mapping: mapping(third) }).toEqual(before);
    expect(renumberAudits(third)).toHaveLength(1);
    expect(logs.filter((m) => m.includes('bundled'))).toEqual([]);
  });

  it('the release after that, bundling v3, finds v3 taken by the renumbered bundled v2 and stores its own as v4', async () => {
    const first = open();
    await publishClinicV2(first);
    const second = open({ dataDir: close(first), library: laterRelease });
    const bundledV3 = { ...withInfectionWording(mbb, 'Third release wording.'), version: 3 };
    const third = open({ dataDir: close(second), library: RELEASE_1.map((t) => (t.id === MBB ? bundledV3 : t)) });
    expect(versionsOf(third, MBB).map((v) => v.version)).toEqual([1, 2, 3, 4]);
    expect(mapping(third).filter((m) => m.template_id === MBB))
      .toEqual([expect.objectContaining({ bundled_version: 1, stored_version: 1 }), expect.objectContaining({ bundled_version: 2, stored_version: 3 }), expect.objectContaining({ bundled_version: 3, stored_version: 4 })]);
    expect(renumberAudits(third).map((a) => a.target)).toEqual([`template:${MBB}/version:3/bundled-version:2`, `template:${MBB}/version:4/bundled-version:3`]);
  });

  it('a bundled version identical to the one the clinic stored under that number is only recorded', async () => {
    const first = open();
    const clinicV2 = withInfectionWording(mbb, 'Same words as the release.');
    ok(await first.act('library.publish', { actor: PHYSICIAN, basedOnVersion: 1, template: clinicV2 }));
    const core = open({ dataDir: close(first), library: RELEASE_1.map((t) => (t.id === MBB ? { ...clinicV2, version: 2 } : t)) });
    expect(versionsOf(core, MBB).map((v) => v.version)).toEqual([1, 2]);
    expect(mapping(core)).toContainEqual({ template_id: MBB, bundled_version: 2, stored_version: 2, content_sha256: sha256(templateCanonicalJson({ ...clinicV2, version: 2 })) });
    expect(renumberAudits(core)).toEqual([]);
  });

  it('still refuses a recorded bundled version whose content changed (a build the lock test fails), writing nothing', () => {
    const first = open();
    const dataDir = close(first);
    const file = path.join(dataDir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    const edited = RELEASE_1.map((t) => (t.id === MBB ? withInfectionWording(t, 'Edited without a new version.') : t));
    expect(() => open({ dataDir, library: edited })).toThrow(`Template ${MBB} version 1 differs from the stored copy`);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    for (const dir of [dataDir, `${dataDir}.keys`]) fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('a database from before migration 013', () => {
  /** Schema 12 with what that app stored: the bundled library and a clinic's own v2, written as its seed and publish did. */
  function schema12Database(): { dataDir: string; clinicHash: string } {
    const dataDir = tempDir();
    const db = openDatabase(path.join(dataDir, DATABASE_FILE), 12, keyOf(dataDir));
    migrate(db, MIGRATIONS.slice(0, 12), null);
    const insert = db.prepare('INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const store = (t: Template) => insert.run(t.id, t.version, t.name, templateCanonicalJson(t), sha256(templateCanonicalJson(t)), '2026-01-01T00:00:00.000Z');
    RELEASE_1.forEach(store);
    const clinicV2 = { ...withInfectionWording(mbb, 'Our clinic wording.'), version: 2 };
    store(clinicV2);
    db.close();
    return { dataDir, clinicHash: sha256(templateCanonicalJson(clinicV2)) };
  }

  it('migrates, and its first start records the bundled versions it holds without storing them again', () => {
    const { dataDir } = schema12Database();
    const core = open({ dataDir });
    expect(core.migration).toMatchObject({ from: 12, to: MIGRATIONS.length });
    expect(mapping(core)).toHaveLength(LIBRARY.length);
    expect(mapping(core)).toContainEqual({ template_id: MBB, bundled_version: 1, stored_version: 1, content_sha256: lock.templates[MBB]?.['1']?.sha256 });
    expect(core.db.prepare('SELECT count(*) FROM templates').pluck().get()).toBe(LIBRARY.length + 1);
    expect(renumberAudits(core)).toEqual([]);
  });

  it('opens with a later release bundling a different v2: the clinic v2 stays, the bundled one is stored as v3 and recorded', async () => {
    const { dataDir, clinicHash } = schema12Database();
    const core = open({ dataDir, library: laterRelease });
    expect(versionsOf(core, MBB).map((v) => [v.version, v.content_sha256])).toEqual([
      [1, lock.templates[MBB]?.['1']?.sha256], [2, clinicHash], [3, sha256(templateCanonicalJson({ ...bundledV2, version: 3 }))],
    ]);
    expect(mapping(core).filter((m) => m.template_id === MBB)).toEqual([
      { template_id: MBB, bundled_version: 2, stored_version: 3, content_sha256: sha256(templateCanonicalJson(bundledV2)) },
    ]);
    expect(mapping(core)).toHaveLength(LIBRARY.length);
    expect((await newEncounter(core)).templateVersion).toBe(3);
  });
});
