// Migration steps from 012 on, each against a file as the step before it left it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { scratchDatabases, TEMPLATE_PATIENT_ENCOUNTER } from '../testing/migration-fixtures';
import { compactSignedNotes, unpackNoteContent } from '../note-storage';
import { MIGRATIONS } from './index';

const fresh = scratchDatabases();

describe('012 injectate-plan', () => {
  it('a v10 file with records and a void migrates: rows, sequence and voids kept, the new kind accepted, both tables still append-only', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 10), null);
    db.exec(`
      ${TEMPLATE_PATIENT_ENCOUNTER}
      INSERT INTO encounter_records (seq, id, encounter_id, kind, data_json, at, by_name, by_role) VALUES (7, 'r1', 'e', 'vitals', '{}', 'now', 'N', 'nurse');
      INSERT INTO encounter_records (seq, id, encounter_id, kind, data_json, at, by_name, by_role) VALUES (9, 'r2', 'e', 'inr', '{}', 'now', 'N', 'nurse');
      INSERT INTO encounter_record_voids VALUES ('r1', 'later', 'N', 'nurse', 'wrong patient');
    `);
    expect(() => db.prepare(`INSERT INTO encounter_records (id, encounter_id, kind, data_json, at, by_name, by_role) VALUES ('x', 'e', 'injectate-plan', '{}', 'now', 'N', 'nurse')`).run()).toThrow(/CHECK/);
    expect(migrate(db, MIGRATIONS.slice(0, 12), path.join(dir, 'backups'))).toMatchObject({ from: 10, to: 12 });
    expect(db.prepare('SELECT seq, id, kind FROM encounter_records ORDER BY seq').all()).toEqual([{ seq: 7, id: 'r1', kind: 'vitals' }, { seq: 9, id: 'r2', kind: 'inr' }]);
    expect(db.prepare('SELECT record_id, reason FROM encounter_record_voids').all()).toEqual([{ record_id: 'r1', reason: 'wrong patient' }]);
    const add = db.prepare(`INSERT INTO encounter_records (id, encounter_id, kind, data_json, at, by_name, by_role) VALUES (?, 'e', ?, '{}', 'now', 'N', 'nurse')`);
    expect(add.run('r3', 'injectate-plan').lastInsertRowid).toBe(10);
    expect(() => add.run('r4', 'grocery-list')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO encounter_record_voids VALUES ('missing', 'now', 'N', 'nurse', 'x')`).run()).toThrow(/FOREIGN KEY/);
    for (const sql of ["UPDATE encounter_records SET kind = 'inr'", 'DELETE FROM encounter_records']) expect(() => db.prepare(sql).run(), sql).toThrow(/append-only/);
    for (const sql of ["UPDATE encounter_record_voids SET reason = 'x'", 'DELETE FROM encounter_record_voids']) expect(() => db.prepare(sql).run(), sql).toThrow(/voids are final/);
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE name LIKE '%before_012'").pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('015 signing-keys', () => {
  it('a v13 file with signed notes migrates: they and their addenda are listed as hash-only, the list is closed, new rows need a signature', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 13), null);
    db.exec(`
      ${TEMPLATE_PATIENT_ENCOUNTER}
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('u', 'dr', 'Dr', 'physician', 'h', 'now', 'now');
      INSERT INTO signed_notes VALUES ('n', 'e', '{}', '${'a'.repeat(64)}', 'now', 'Dr', 'physician', 'u', 'I attest.');
      INSERT INTO note_addenda VALUES ('a', 'n', 1, 'a reason', 'text', '${'b'.repeat(64)}', 'now', 'Dr', 'physician', 'u');
    `);
    expect(migrate(db, MIGRATIONS.slice(0, 15), path.join(dir, 'backups'))).toMatchObject({ from: 13, to: 15 });
    expect(db.prepare('SELECT id, kind FROM hash_only_signatures ORDER BY id').all()).toEqual([{ id: 'a', kind: 'addendum' }, { id: 'n', kind: 'note' }]);
    expect(db.prepare('SELECT key_id, signature FROM signed_notes').get()).toEqual({ key_id: null, signature: null });
    expect(db.prepare('SELECT created_for_self, password_reset_at FROM users').get()).toEqual({ created_for_self: 0, password_reset_at: null });
    expect(() => db.prepare("INSERT INTO hash_only_signatures VALUES ('x', 'note')").run()).toThrow(/before migration 015/);
    for (const sql of ["UPDATE hash_only_signatures SET id = 'x'", 'DELETE FROM hash_only_signatures']) expect(() => db.prepare(sql).run(), sql).toThrow(/before migration 015/);
    expect(() => db.prepare("INSERT INTO note_addenda VALUES ('a2', 'n', 2, 'a reason', 'text', ?, 'now', 'Dr', 'physician', 'u', NULL, NULL)").run('c'.repeat(64))).toThrow(/Ed25519/);
    expect(() => db.prepare("UPDATE users SET created_for_self = 1").run()).toThrow(/never changes/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('016 records-role-follow-up-plans', () => {
  it('a v15 file with accounts and rows naming them migrates: every account and reference kept, records accepted, the triggers back, plans insert-only', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 15), null);
    db.exec(`
      ${TEMPLATE_PATIENT_ENCOUNTER}
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('a', 'ada', 'Ada', 'admin', 'h', 'now', 'now');
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, created_by, password_changed_at, created_for_self) VALUES ('u', 'dr', 'Dr', 'physician', 'h2', 'then', 'a', 'now', 1);
      INSERT INTO follow_ups (id, encounter_id, seen_at, pain_score, at, by_name, by_role, by_user_id) VALUES ('f', 'e', 'now', 3, 'now', 'Dr', 'physician', 'u');
    `);
    const before = db.prepare('SELECT * FROM users ORDER BY id').all();
    expect(() => db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('r', 'rec', 'Rec', 'records', 'h', 'now', 'now')").run()).toThrow(/CHECK/);
    expect(migrate(db, MIGRATIONS.slice(0, 16), path.join(dir, 'backups'))).toMatchObject({ from: 15, to: 16 });
    expect(db.prepare('SELECT * FROM users ORDER BY id').all()).toEqual(before);
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('r', 'rec', 'Rec', 'records', 'h', 'now', 'now')").run();
    expect(() => db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('x', 'x', 'X', 'clerk', 'h', 'now', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("DELETE FROM users WHERE id = 'r'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE users SET created_at = 'later' WHERE id = 'u'").run()).toThrow(/never changes/);
    expect(() => db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('y', 'DR', 'dr', 'nurse', 'h', 'now', 'now')").run()).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO follow_up_plans (id, encounter_id, due_date, how, at, by_name, by_role, by_user_id) VALUES ('p1', 'e', '2026-12-08', 'phone', 'now', 'Dr', 'physician', 'u')").run();
    for (const sql of ["UPDATE follow_up_plans SET due_date = '2026-12-09'", 'DELETE FROM follow_up_plans']) expect(() => db.prepare(sql).run(), sql).toThrow(/insert-only/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('018 day-teams', () => {
  it('a v17 file with accounts migrates: accounts kept, a pick per room and day stored, the room matched without case, picks append-only and checked', () => {
    const { db, dir } = fresh();
    migrate(db, MIGRATIONS.slice(0, 17), null);
    db.exec("INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('u', 'nn', 'Nina', 'nurse', 'h', 'now', 'now')");
    const before = db.prepare('SELECT * FROM users').all();
    expect(migrate(db, MIGRATIONS.slice(0, 18), path.join(dir, 'backups'))).toMatchObject({ from: 17, to: 18 });
    expect(db.prepare('SELECT * FROM users').all()).toEqual(before);
    const add = db.prepare("INSERT INTO day_teams (id, room, clinic_date, members_json, at, by_name, by_role, by_user_id) VALUES (?, ?, ?, ?, 'now', 'Nina', 'nurse', ?)");
    add.run('t1', 'Procedure room 1', '2026-12-05', '[{"kind":"account","userId":"u"}]', 'u');
    expect(db.prepare("SELECT id FROM day_teams WHERE room = 'PROCEDURE ROOM 1' AND clinic_date = '2026-12-05'").pluck().all()).toEqual(['t1']);
    expect(() => add.run('t2', 'Procedure room 1', '5/12/2026', '[]', 'u')).toThrow(/CHECK/);
    expect(() => add.run('t3', '', '2026-12-05', '[]', 'u')).toThrow(/CHECK/);
    expect(() => add.run('t4', 'Procedure room 1', '2026-12-05', '{"kind":"visitor"}', 'u')).toThrow(/CHECK/);
    expect(() => add.run('t5', 'Procedure room 1', '2026-12-05', '[]', 'nobody')).toThrow(/FOREIGN KEY/);
    for (const sql of ["UPDATE day_teams SET members_json = '[]'", 'DELETE FROM day_teams']) expect(() => db.prepare(sql).run(), sql).toThrow(/append-only/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});

describe('024 signed-note-storage', () => {
  it('a v23 file with a signed note migrates: the row kept as written, then moved to compressed storage giving back the same text, and nothing else may change', () => {
    const { db, dir } = fresh();
    // The fixture's rows as a v22 file holds them (before the patient's language column), then on to v23.
    migrate(db, MIGRATIONS.slice(0, 22), null);
    const text = '{"sections":[{"heading":"Consent","blocks":[]}],"note":"ñandú"}';
    db.exec(`
      ${TEMPLATE_PATIENT_ENCOUNTER}
      INSERT INTO users (id, username, display_name, role, password_hash, created_at, password_changed_at) VALUES ('u', 'dr', 'Dr', 'physician', 'h', 'now', 'now');
      INSERT INTO signing_keys (key_id, user_id, public_key, registered_at, registered_by_name, registered_by_role) VALUES ('${'k'.repeat(64)}', 'u', 'pk', 'now', 'Dr', 'physician');
    `);
    migrate(db, MIGRATIONS.slice(0, 23), path.join(dir, 'backups'));
    db.prepare(`INSERT INTO signed_notes VALUES ('n', 'e', ?, '${'a'.repeat(64)}', 'now', 'Dr', 'physician', 'u', 'I attest.', '${'k'.repeat(64)}', 'sig')`).run(text);
    const before = db.prepare('SELECT * FROM signed_notes').get();
    expect(migrate(db, MIGRATIONS.slice(0, 24), path.join(dir, 'backups'))).toMatchObject({ from: 23, to: 24 });
    expect(db.prepare('SELECT * FROM signed_notes').get()).toEqual({ ...(before as object), content: null });
    expect(compactSignedNotes(db)).toBe(1);
    const row = db.prepare('SELECT content_json, content FROM signed_notes').get() as { content_json: string; content: Uint8Array };
    expect(row.content_json).toBe('');
    // Format 2, against the encounter's template version ('{}' in the fixture): without it the content is refused.
    expect(row.content[0]).toBe(2);
    expect(unpackNoteContent(row.content, Buffer.from('{}'))).toBe(text);
    expect(() => unpackNoteContent(row.content)).toThrow(/template version it was compressed against is missing/);
    for (const sql of ["UPDATE signed_notes SET content_json = 'x', content = NULL", "UPDATE signed_notes SET signature = 'other'", 'DELETE FROM signed_notes']) {
      expect(() => db.prepare(sql).run(), sql).toThrow(/never changes/);
    }
    expect(() => db.prepare("INSERT INTO signed_notes (id, encounter_id, content_json, content, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, attestation, key_id, signature) VALUES ('m', 'e2', 'x', x'0100', ?, 'now', 'Dr', 'physician', 'u', 'I attest.', ?, 'sig')").run('b'.repeat(64), 'k'.repeat(64))).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
