/**
 * Signed notes and their addenda: insert and read only. The tables refuse
 * UPDATE and DELETE by trigger (migration 007), so nothing here could change
 * a signed note even by mistake. Each row carries its Ed25519 signature and key
 * id (migration 015); rows signed before that are listed as hash-only. The
 * content is stored compressed (migration 024, db/note-storage.ts) against its
 * encounter's template version, and read back as the exact canonical JSON that
 * was hashed and signed.
 */
import type { Actor } from '#shared/contract/common';
import type { Addendum, SignedNote } from '#shared/contract/note';
import { NoteContentSchema, type NoteContent } from '#shared/note/model';
import { canonicalAddendum, signatureMismatch } from '#shared/note/signature';
import type { Db } from '../connection';
import { packNoteContentChecked, storedNoteJson } from '../note-storage';
import { templateDictionary, type TemplateDictionary } from '../template-dictionary';
import { sha256 } from './templates';

interface NoteRow {
  id: string;
  encounter_id: string;
  content_json: string;
  /** The canonical JSON compressed (migration 024); content_json is '' then. */
  content: Uint8Array | null;
  /** Of the encounter the row names (null if that encounter is gone): its template version is the content's dictionary. */
  template_id: string | null;
  template_version: number | null;
  content_sha256: string;
  signed_at: string;
  signed_by_name: string;
  signed_by_role: Actor['role'];
  signed_by_user_id: string;
  attestation: string;
  key_id: string | null;
  signature: string | null;
}

interface AddendumRow {
  id: string;
  note_id: string;
  seq: number;
  reason: string;
  text: string;
  content_sha256: string;
  signed_at: string;
  signed_by_name: string;
  signed_by_role: Actor['role'];
  signed_by_user_id: string;
  key_id: string | null;
  signature: string | null;
}

/** The Ed25519 signature stored with a note or addendum; null on those signed before migration 015 (hash only). */
export interface StoredSignature {
  keyId: string | null;
  signature: string | null;
}

/** A signed note as stored: the contract's view (before verification) plus what only the core sees. */
export interface StoredNote extends Omit<SignedNote, 'verification'>, StoredSignature {
  contentJson: string;
  signedByUserId: string;
  /** Why the stored content could not be read back (contentJson is '' then): the check refuses the note with it. */
  unreadable?: string;
}
export interface StoredAddendum extends Omit<Addendum, 'verification'>, StoredSignature {
  signedByUserId: string;
}

const NOTE_COLUMNS = 'id, encounter_id, content_json, content, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, attestation, key_id, signature';
// A note read with its encounter's template version (by the encounter's primary key), for the content's dictionary.
const NOTE_READ = `SELECT ${NOTE_COLUMNS.split(', ').map((c) => `n.${c}`).join(', ')}, e.template_id, e.template_version
  FROM signed_notes n LEFT JOIN encounters e ON e.id = n.encounter_id`;
const ADDENDUM_COLUMNS = 'id, note_id, seq, reason, text, content_sha256, signed_at, signed_by_name, signed_by_role, signed_by_user_id, key_id, signature';

function toNote(r: NoteRow, dictionary: TemplateDictionary): StoredNote {
  let contentJson = '';
  let unreadable: string | undefined;
  try {
    contentJson = storedNoteJson(r, dictionary(r.template_id, r.template_version));
  } catch (error) {
    // Not thrown from here: every read goes through the check, which refuses the note, audited, saying why.
    unreadable = error instanceof Error ? error.message : String(error);
  }
  return {
    id: r.id,
    encounterId: r.encounter_id,
    contentSha256: r.content_sha256,
    signedAt: r.signed_at,
    signedBy: { name: r.signed_by_name, role: r.signed_by_role },
    attestation: r.attestation,
    contentJson,
    signedByUserId: r.signed_by_user_id,
    keyId: r.key_id,
    signature: r.signature,
    ...(unreadable === undefined ? {} : { unreadable }),
  };
}

function toAddendum(r: AddendumRow): StoredAddendum {
  return {
    id: r.id,
    noteId: r.note_id,
    seq: r.seq,
    reason: r.reason,
    text: r.text,
    contentSha256: r.content_sha256,
    signedAt: r.signed_at,
    signedBy: { name: r.signed_by_name, role: r.signed_by_role },
    signedByUserId: r.signed_by_user_id,
    keyId: r.key_id,
    signature: r.signature,
  };
}

export function createSignedNoteRepository(db: Db) {
  const insertNote = db.prepare(
    `INSERT INTO signed_notes (${NOTE_COLUMNS})
     VALUES (@id, @encounterId, '', @content, @contentSha256, @signedAt, @signedByName, @signedByRole, @signedByUserId, @attestation, @keyId, @signature)`,
  );
  const insertAddendum = db.prepare(
    `INSERT INTO note_addenda (${ADDENDUM_COLUMNS})
     VALUES (@id, @noteId, @seq, @reason, @text, @contentSha256, @signedAt, @signedByName, @signedByRole, @signedByUserId, @keyId, @signature)`,
  );
  const byEncounter = db.prepare<[string], NoteRow>(`${NOTE_READ} WHERE n.encounter_id = ?`);
  const byId = db.prepare<[string], NoteRow>(`${NOTE_READ} WHERE n.id = ?`);
  const templateOf = db.prepare<[string], { template_id: string; template_version: number }>('SELECT template_id, template_version FROM encounters WHERE id = ?');
  const dictionary = templateDictionary(db);
  const addendaOf = db.prepare<[string], AddendumRow>(`SELECT ${ADDENDUM_COLUMNS} FROM note_addenda WHERE note_id = ? ORDER BY seq`);
  // Signed if the row is there, or if the audit trail records the signing (a row deleted behind the app's back).
  const signed = db.prepare<{ encounterId: string; prefix: string }, number>(
    `SELECT EXISTS (SELECT 1 FROM signed_notes WHERE encounter_id = @encounterId)
         OR EXISTS (SELECT 1 FROM audit_log a JOIN encounters e ON e.id = @encounterId
                    WHERE a.patient_id = e.patient_id AND a.action = 'note.sign' AND substr(a.target, 1, length(@prefix)) = @prefix)`,
  ).pluck();

  return {
    insertNote(note: StoredNote): void {
      const template = templateOf.get(note.encounterId);
      const content = packNoteContentChecked(note.contentJson, `signed note ${note.id}`, dictionary(template?.template_id ?? null, template?.template_version ?? null));
      insertNote.run({
        id: note.id, encounterId: note.encounterId, content, contentSha256: note.contentSha256,
        signedAt: note.signedAt, signedByName: note.signedBy.name, signedByRole: note.signedBy.role,
        signedByUserId: note.signedByUserId, attestation: note.attestation, keyId: note.keyId, signature: note.signature,
      });
    },
    insertAddendum(a: StoredAddendum): void {
      insertAddendum.run({
        id: a.id, noteId: a.noteId, seq: a.seq, reason: a.reason, text: a.text, contentSha256: a.contentSha256,
        signedAt: a.signedAt, signedByName: a.signedBy.name, signedByRole: a.signedBy.role, signedByUserId: a.signedByUserId,
        keyId: a.keyId, signature: a.signature,
      });
    },
    byEncounter(encounterId: string): StoredNote | null {
      const row = byEncounter.get(encounterId);
      return row ? toNote(row, dictionary) : null;
    },
    get(id: string): StoredNote | null {
      const row = byId.get(id);
      return row ? toNote(row, dictionary) : null;
    },
    addenda(noteId: string): StoredAddendum[] {
      return addendaOf.all(noteId).map(toAddendum);
    },
    isSigned(encounterId: string): boolean {
      return signed.get({ encounterId, prefix: `encounter:${encounterId}/note:` }) === 1;
    },
  };
}
export type SignedNoteRepository = ReturnType<typeof createSignedNoteRepository>;

/**
 * The hash layer of a signed note's check: the content hashes to its recorded
 * SHA-256 and parses as a note, the signature stored beside it is the one
 * inside it, and each addendum (numbered 1, 2, 3…) hashes to its own, chained
 * to the hash before it. Anyone can recompute hashes, so this alone proves
 * nothing against a forger: db/signing/verify-note.ts adds the Ed25519
 * signatures and what the audit trail records, and is what every read uses.
 */
export function checkSignedNote(note: StoredNote, addenda: readonly StoredAddendum[]): { ok: true; content: NoteContent } | { ok: false; problem: string } {
  if (note.unreadable !== undefined) return { ok: false, problem: note.unreadable };
  const actual = sha256(note.contentJson);
  if (actual !== note.contentSha256) return { ok: false, problem: `the content hashes to ${actual}, not the recorded ${note.contentSha256}` };
  let content: NoteContent;
  try {
    content = NoteContentSchema.parse(JSON.parse(note.contentJson));
  } catch {
    return { ok: false, problem: 'the stored content is not a note' };
  }
  const mismatch = signatureMismatch(content, note);
  if (mismatch) return { ok: false, problem: mismatch };
  let previousSha256 = note.contentSha256;
  for (const [i, a] of addenda.entries()) {
    if (a.noteId !== note.id || a.seq !== i + 1) return { ok: false, problem: `addendum ${i + 1} is missing` };
    const hash = sha256(canonicalAddendum({ ...a, previousSha256 }));
    if (hash !== a.contentSha256) return { ok: false, problem: `addendum ${a.seq} hashes to ${hash}, not the recorded ${a.contentSha256}` };
    previousSha256 = a.contentSha256;
  }
  return { ok: true, content };
}
