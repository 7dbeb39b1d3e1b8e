import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './connection';
import { migrate } from './migrate';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/types';
import { tempDir, testKey } from './testing/temp-core';
import { APPLICATION_ID } from './integrity';

const key = testKey();
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function fresh(): { db: Db; dir: string } {
  const dir = tempDir();
  dirs.push(dir);
  return { db: openDatabase(path.join(dir, 'm.sqlite'), 99, key), dir };
}

/** The schema as SQLite records it: what the committed snapshot must match. */
export function schemaDump(db: Db): string {
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { sql: string }[];
  return `${rows.map((r) => `${r.sql.replace(/\s+/g, ' ').trim()};`).join('\n')}\n`;
}

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('apply all steps in one go and record the version; a second run does nothing', () => {
    const { db, dir } = fresh();
    expect(migrate(db, MIGRATIONS, path.join(dir, 'backups'))).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(migrate(db, MIGRATIONS, path.join(dir, 'backups'))).toMatchObject({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    db.close();
  });

  it('match the committed schema snapshot (db/schema.snapshot.sql)', () => {
    const { db } = fresh();
    migrate(db, MIGRATIONS, null);
    const snapshotFile = path.join(__dirname, 'schema.snapshot.sql');
    // After adding a migration: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run db/migrate.test.ts, then review the diff.
    if (process.env.UPDATE_SCHEMA_SNAPSHOT) fs.writeFileSync(snapshotFile, schemaDump(db));
    expect(schemaDump(db)).toBe(fs.readFileSync(snapshotFile, 'utf8'));
    db.close();
  });

  it('back up an existing file before migrating it, and the backup holds the old data', () => {
    const { db, dir } = fresh();
    const v1: Migration[] = [{ version: 1, name: 'a', up: 'CREATE TABLE a (x TEXT); INSERT INTO a VALUES (\'kept\');' }];
    migrate(db, v1, path.join(dir, 'backups'));
    const v2 = [...v1, { version: 2, name: 'b', up: 'ALTER TABLE a ADD COLUMN y TEXT;' }];
    const result = migrate(db, v2, path.join(dir, 'backups'));
    expect(result.from).toBe(1);
    expect(result.backupFile).not.toBeNull();
    const backup = openDatabase(result.backupFile!, 99, key);
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT x FROM a').pluck().get()).toBe('kept');
    backup.close();
    db.close();
  });

  it('roll back every step of a run when one step fails', () => {
    const { db, dir } = fresh();
    const broken: Migration[] = [
      { version: 1, name: 'ok', up: 'CREATE TABLE ok (x);' },
      { version: 2, name: 'bad', up: 'CREATE TABLE nope (; ' },
    ];
    expect(() => migrate(db, broken, path.join(dir, 'b'))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0);
    db.close();
  });

  it('each shipped step: a v1 file with data migrates to the latest, data intact, new rules in force', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 1), null);
    db.prepare(`INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES ('t', 1, 'T', '{}', 'h', 'now')`).run();
    const result = migrate(db, MIGRATIONS, path.join(dir, 'backups'));
    expect(result).toMatchObject({ from: 1, to: LATEST_SCHEMA_VERSION });
    expect(db.prepare('SELECT name FROM templates').pluck().get()).toBe('T');
    // 002: reviews table, and stored templates are immutable.
    expect(() => db.prepare("UPDATE templates SET name = 'x'").run()).toThrow(/never changes/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'fact_reviews'").pluck().get()).toBe(1);
    // 003: the file is stamped as ours.
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('007 signed-notes: a v6 file with an encounter migrates; signed notes and addenda are insert-only, one note per encounter', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 6), null);
    db.exec(`
      INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES ('t', 1, 'T', '{}', 'h', 'now');
      INSERT INTO patients VALUES ('p', 'MRN1', 'Peña', 'Ana', 'pena', 'ana', '1970-01-01', 'female', 'now', 'N', 'nurse');
      INSERT INTO encounters (id, patient_id, template_id, template_version, levels_json, laterality, imaging_modality, planned_date, indication, created_at, created_by_name, created_by_role)
        VALUES ('e', 'p', 't', 1, '[]', NULL, 'fluoroscopy', '2026-11-24', 'x', 'now', 'N', 'nurse');
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('u', 'dr', 'Dr', 'physician', 'h', 'now', 'now');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 7), path.join(dir, 'backups'))).toMatchObject({ from: 6, to: 7 });
    expect(db.prepare("SELECT state FROM encounters WHERE id = 'e'").pluck().get()).toBe('scheduled');
    const hash = 'a'.repeat(64);
    db.prepare(`INSERT INTO signed_notes VALUES ('n', 'e', '{}', ?, 'now', 'Dr', 'physician', 'u', 'I attest.')`).run(hash);
    db.prepare(`INSERT INTO note_addenda VALUES ('a', 'n', 1, 'a reason', 'text', ?, 'now', 'Dr', 'physician', 'u')`).run(hash);
    for (const sql of ["UPDATE signed_notes SET attestation = 'x'", 'DELETE FROM signed_notes', "UPDATE note_addenda SET text = 'x'", 'DELETE FROM note_addenda']) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/a signed note never changes; add an addendum/);
    }
    expect(() => db.prepare(`INSERT INTO signed_notes VALUES ('n2', 'e', '{}', ?, 'now', 'Dr', 'physician', 'u', 'I attest.')`).run(hash)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`INSERT INTO signed_notes VALUES ('n3', 'e', '{}', ?, 'now', 'Nurse', 'nurse', 'u', 'I attest.')`).run(hash)).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO note_addenda VALUES ('a2', 'missing', 1, 'a reason', 'text', ?, 'now', 'Dr', 'physician', 'u')`).run(hash)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO note_addenda VALUES ('a3', 'n', 1, 'a reason', 'text', ?, 'now', 'Dr', 'physician', 'u')`).run(hash)).toThrow(/UNIQUE/);
    db.close();
  });

  it('008 note-exports-outbox: a v7 file migrates; captured signatures and outbox exports are insert-only', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 7), null);
    db.exec(`
      INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES ('t', 1, 'T', '{}', 'h', 'now');
      INSERT INTO patients VALUES ('p', 'MRN1', 'Peña', 'Ana', 'pena', 'ana', '1970-01-01', 'female', 'now', 'N', 'nurse');
      INSERT INTO encounters (id, patient_id, template_id, template_version, levels_json, laterality, imaging_modality, planned_date, indication, created_at, created_by_name, created_by_role)
        VALUES ('e', 'p', 't', 1, '[]', NULL, 'fluoroscopy', '2026-11-24', 'x', 'now', 'N', 'nurse');
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('u', 'dr', 'Dr', 'physician', 'h', 'now', 'now');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 8), path.join(dir, 'backups'))).toMatchObject({ from: 7, to: 8 });
    const sig = db.prepare(`INSERT INTO consent_signatures VALUES (?, 'e', ?, 'Ana Peña', ?, ?, 'now', 'Dr', 'physician', 'u')`);
    sig.run('s1', 'patient', 'paper', null);
    sig.run('s2', 'witness', 'drawn', 'iVBORw0KGgo=');
    expect(() => sig.run('s3', 'patient', 'drawn', null), 'a drawn signature needs its image').toThrow(/CHECK/);
    expect(() => sig.run('s4', 'patient', 'paper', 'iVBORw0KGgo='), 'a paper signature has no image').toThrow(/CHECK/);
    expect(() => sig.run('s5', 'neighbour', 'paper', null)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO consent_signature_voids VALUES ('s1', 'wrong person', 'now', 'Dr', 'physician', 'u')`).run();
    const hash = 'b'.repeat(64);
    const exp = db.prepare(`INSERT INTO outbox_exports VALUES (?, 'e', ?, ?, NULL, 0, ?, '[]', '/outbox', NULL, 'now', 'Dr', 'physician', 'u')`);
    exp.run('x1', 'doc-1', null, hash);
    exp.run('x2', 'doc-2', 'doc-1', hash);
    expect(() => exp.run('x3', 'doc-3', 'doc-missing', hash), 'replaces must name an earlier export').toThrow(/FOREIGN KEY/);
    expect(() => exp.run('x4', 'doc-1', null, hash), 'a document id is exported once').toThrow(/UNIQUE/);
    for (const sql of [
      "UPDATE consent_signatures SET signer_name = 'x'", 'DELETE FROM consent_signatures',
      "UPDATE consent_signature_voids SET reason = 'x'", 'DELETE FROM consent_signature_voids',
      "UPDATE outbox_exports SET folder = 'x'", 'DELETE FROM outbox_exports',
    ]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/never changes|append-only/);
    }
    db.close();
  });

  it('009 patient-search-fts: a v8 file with patients migrates; they are indexed, new ones follow by trigger, accents ignored', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 8), null);
    db.exec(`
      INSERT INTO patients VALUES ('p', 'MRN1', 'Peña', 'Ana', 'pena', 'ana', '1970-01-01', 'female', 'now', 'N', 'nurse');
      INSERT INTO patients VALUES ('q', 'MRN2', 'Smith', 'John', 'smith', 'john', '1970-01-01', 'male', 'now', 'N', 'nurse');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 9), path.join(dir, 'backups'))).toMatchObject({ from: 8, to: 9 });
    const find = db.prepare('SELECT patient_id FROM patients_fts WHERE patients_fts MATCH ? ORDER BY patient_id').pluck();
    expect(find.all('pena')).toEqual(['p']);
    expect(find.all('"pe"*')).toEqual(['p']);
    expect(find.all('"mrn2"*')).toEqual(['q']);
    db.exec("INSERT INTO patients VALUES ('r', 'MRN3', 'Núñez', 'Iñaki', 'nunez', 'inaki', '1970-01-01', 'male', 'now', 'N', 'nurse')");
    expect(find.all('nunez inaki')).toEqual(['r']);
    // The app never changes a patient row; a repair by hand still keeps the index true.
    db.exec("UPDATE patients SET family_name = 'Pérez' WHERE id = 'p'");
    expect(find.all('pena')).toEqual([]);
    expect(find.all('perez')).toEqual(['p']);
    db.exec("DELETE FROM patients WHERE id = 'q'");
    expect(find.all('smith')).toEqual([]);
    db.exec("INSERT INTO patients_fts (patients_fts, rank) VALUES ('integrity-check', 1)");
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'note_exports_encounter'").pluck().get()).toBe(1);
    db.close();
  });

  it('010 follow-ups: a v9 file migrates; follow-ups, pain diaries and their voids are insert-only', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 9), null);
    db.exec(`
      INSERT INTO templates (id, version, name, content_json, content_sha256, created_at) VALUES ('t', 1, 'T', '{}', 'h', 'now');
      INSERT INTO patients VALUES ('p', 'MRN1', 'Peña', 'Ana', 'pena', 'ana', '1970-01-01', 'female', 'now', 'N', 'nurse');
      INSERT INTO encounters (id, patient_id, template_id, template_version, levels_json, laterality, imaging_modality, planned_date, indication, created_at, created_by_name, created_by_role)
        VALUES ('e', 'p', 't', 1, '[]', NULL, 'fluoroscopy', '2026-11-24', 'x', 'now', 'N', 'nurse');
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('u', 'nina', 'Nina', 'nurse', 'h', 'now', 'now');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 10), path.join(dir, 'backups'))).toMatchObject({ from: 9, to: 10 });
    const fu = db.prepare(`INSERT INTO follow_ups (id, encounter_id, seen_at, pain_score, work_interference, sleep_interference, activity_interference,
      percent_relief, relief_duration, relief_duration_unit, relief_ongoing, notes, at, by_name, by_role, by_user_id)
      VALUES (?, 'e', 'then', ?, 3, NULL, 4, ?, ?, ?, 0, '', 'now', 'Nina', 'nurse', 'u')`);
    fu.run('f1', 4, 50, 3, 'weeks');
    fu.run('f2', 0, null, null, null);
    expect(() => fu.run('f3', 11, 50, 3, 'weeks'), 'pain is 0-10').toThrow(/CHECK/);
    expect(() => fu.run('f4', 4, 101, 3, 'weeks'), 'relief is 0-100').toThrow(/CHECK/);
    expect(() => fu.run('f5', 4, 50, 3, null), 'a duration needs its unit').toThrow(/CHECK/);
    expect(() => fu.run('f6', 4, 50, 3, 'years')).toThrow(/CHECK/);
    db.prepare(`INSERT INTO follow_up_voids VALUES ('f1', 'wrong patient', 'now', 'Nina', 'nurse', 'u')`).run();
    expect(() => db.prepare(`INSERT INTO follow_up_voids VALUES ('missing', 'x', 'now', 'Nina', 'nurse', 'u')`).run()).toThrow(/FOREIGN KEY/);
    db.prepare(`INSERT INTO pain_diaries VALUES ('d1', 'e', 'then', 7, 'bupivacaine 0.5%', '', 'now', 'Nina', 'nurse', 'u')`).run();
    const entry = db.prepare(`INSERT INTO pain_diary_entries VALUES ('d1', ?, ?)`);
    entry.run(30, 2);
    entry.run(60, 1);
    expect(() => entry.run(60, 3), 'one score per time').toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => entry.run(120, 11)).toThrow(/CHECK/);
    db.prepare(`INSERT INTO pain_diary_voids VALUES ('d1', 'entered twice', 'now', 'Nina', 'nurse', 'u')`).run();
    for (const sql of [
      'UPDATE follow_ups SET pain_score = 1', 'DELETE FROM follow_ups', "UPDATE follow_up_voids SET reason = 'x'", 'DELETE FROM follow_up_voids',
      'UPDATE pain_diaries SET baseline = 1', 'DELETE FROM pain_diaries', 'UPDATE pain_diary_entries SET score = 1', 'DELETE FROM pain_diary_entries',
      "UPDATE pain_diary_voids SET reason = 'x'", 'DELETE FROM pain_diary_voids',
    ]) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/never changes|append-only/);
    }
    db.close();
  });

  it('refuse a list with a gap in its numbering', () => {
    const { db } = fresh();
    expect(() => migrate(db, [{ version: 2, name: 'x', up: '' }], null)).toThrow(/numbered 2, expected 1/);
    db.close();
  });
});
