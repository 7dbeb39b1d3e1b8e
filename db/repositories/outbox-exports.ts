/** The outbox export record (migration 008): insert and read only. */
import type { Actor } from '#shared/contract/common';
import type { OutboxExport, OutboxFile } from '#shared/contract/note';
import type { Db } from '../connection';

interface Row {
  id: string;
  encounter_id: string;
  document_id: string;
  replaces_document_id: string | null;
  note_id: string | null;
  addenda_count: number;
  pdf_sha256: string;
  files_json: string;
  folder: string;
  batch_id: string | null;
  at: string;
  by_name: string;
  by_role: Actor['role'];
}

const toExport = (r: Row): OutboxExport => ({
  id: r.id,
  encounterId: r.encounter_id,
  documentId: r.document_id,
  replacesDocumentId: r.replaces_document_id,
  noteId: r.note_id,
  addendaCount: r.addenda_count,
  pdfSha256: r.pdf_sha256,
  files: JSON.parse(r.files_json) as OutboxFile[],
  folder: r.folder,
  batchId: r.batch_id,
  at: r.at,
  by: { name: r.by_name, role: r.by_role },
});

/** An encounter a batch export may send: whether its note is signed, and whether the outbox already has it with every addendum. */
export interface BatchCandidate {
  id: string;
  signed: boolean;
  sentUnchanged: boolean;
}

export function createOutboxExportRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO outbox_exports (id, encounter_id, document_id, replaces_document_id, note_id, addenda_count, pdf_sha256, files_json, folder, batch_id, at, by_name, by_role, by_user_id)
     VALUES (@id, @encounterId, @documentId, @replaces, @noteId, @addendaCount, @pdfSha256, @files, @folder, @batchId, @at, @byName, @byRole, @byUserId)`,
  );
  const byEncounter = db.prepare<[string], Row>('SELECT * FROM outbox_exports WHERE encounter_id = ? ORDER BY at, rowid');
  const latest = db.prepare<[string], Row>('SELECT * FROM outbox_exports WHERE encounter_id = ? ORDER BY at DESC, rowid DESC LIMIT 1');
  const byDocumentId = db.prepare<[string], Row>('SELECT * FROM outbox_exports WHERE document_id = ?');
  const folders = db.prepare<[], string>('SELECT DISTINCT folder FROM outbox_exports').pluck();
  const nextSequence = db.prepare<[], number>('SELECT coalesce(max(rowid), 0) + 1 FROM outbox_exports').pluck();
  // sent: the latest export carries this very note with as many addenda as it has now (a signed note changes only by addenda).
  const candidate = `SELECT e.id, EXISTS (SELECT 1 FROM signed_notes n WHERE n.encounter_id = e.id) AS signed,
       EXISTS (SELECT 1 FROM signed_notes n JOIN outbox_exports x ON x.note_id = n.id
               WHERE n.encounter_id = e.id
                 AND x.rowid = (SELECT rowid FROM outbox_exports WHERE encounter_id = e.id ORDER BY at DESC, rowid DESC LIMIT 1)
                 AND x.addenda_count = (SELECT count(*) FROM note_addenda a WHERE a.note_id = n.id)) AS sent
     FROM encounters e`;
  type CandidateRow = { id: string; signed: number; sent: number };
  const plannedOn = db.prepare<[string], CandidateRow>(`${candidate} WHERE e.planned_date = ? ORDER BY e.created_at, e.id`);
  const signedAmong = db.prepare<[string], CandidateRow>(`${candidate} WHERE e.id IN (SELECT value FROM json_each(?))`);
  const toCandidate = (r: CandidateRow): BatchCandidate => ({ id: r.id, signed: r.signed === 1, sentUnchanged: r.sent === 1 });
  return {
    /** A day's encounters (the worklist's order), each with whether its note is signed and already sent as it stands. */
    plannedOn(date: string): BatchCandidate[] {
      return plannedOn.all(date).map(toCandidate);
    },
    /** The named encounters that exist, each with whether its note is signed and already sent as it stands. */
    among(ids: readonly string[]): BatchCandidate[] {
      return signedAmong.all(JSON.stringify(ids)).map(toCandidate);
    },
    insert(e: OutboxExport, byUserId: string): void {
      insert.run({
        id: e.id, encounterId: e.encounterId, documentId: e.documentId, replaces: e.replacesDocumentId, noteId: e.noteId,
        addendaCount: e.addendaCount, pdfSha256: e.pdfSha256, files: JSON.stringify(e.files), folder: e.folder, batchId: e.batchId,
        at: e.at, byName: e.by.name, byRole: e.by.role, byUserId,
      });
    },
    list(encounterId: string): OutboxExport[] {
      return byEncounter.all(encounterId).map(toExport);
    },
    latest(encounterId: string): OutboxExport | null {
      const row = latest.get(encounterId);
      return row ? toExport(row) : null;
    },
    byDocumentId(documentId: string): OutboxExport | null {
      const row = byDocumentId.get(documentId);
      return row ? toExport(row) : null;
    },
    /** The number the next export's files carry, so they sort after every earlier one (the table is append-only). */
    nextSequence(): number {
      return nextSequence.get()!;
    },
    /** Every folder an export was written to. */
    folders(): string[] {
      return folders.all();
    },
  };
}
export type OutboxExportRepository = ReturnType<typeof createOutboxExportRepository>;
