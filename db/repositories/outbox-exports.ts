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

export function createOutboxExportRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO outbox_exports (id, encounter_id, document_id, replaces_document_id, note_id, addenda_count, pdf_sha256, files_json, folder, batch_id, at, by_name, by_role, by_user_id)
     VALUES (@id, @encounterId, @documentId, @replaces, @noteId, @addendaCount, @pdfSha256, @files, @folder, @batchId, @at, @byName, @byRole, @byUserId)`,
  );
  const byEncounter = db.prepare<[string], Row>('SELECT * FROM outbox_exports WHERE encounter_id = ? ORDER BY at, rowid');
  const latest = db.prepare<[string], Row>('SELECT * FROM outbox_exports WHERE encounter_id = ? ORDER BY at DESC, rowid DESC LIMIT 1');
  const byDocumentId = db.prepare<[string], Row>('SELECT * FROM outbox_exports WHERE document_id = ?');
  const folders = db.prepare<[], string>('SELECT DISTINCT folder FROM outbox_exports').pluck();
  const plannedOn = db.prepare<[string], { id: string; signed: number }>(
    `SELECT e.id, EXISTS (SELECT 1 FROM signed_notes n WHERE n.encounter_id = e.id) AS signed
     FROM encounters e WHERE e.planned_date = ? ORDER BY e.created_at, e.id`,
  );
  const signedAmong = db.prepare<[string], { id: string; signed: number }>(
    `SELECT e.id, EXISTS (SELECT 1 FROM signed_notes n WHERE n.encounter_id = e.id) AS signed
     FROM encounters e WHERE e.id IN (SELECT value FROM json_each(?))`,
  );
  return {
    /** A day's encounters (the worklist's order), each with whether its note is signed. */
    plannedOn(date: string): { id: string; signed: boolean }[] {
      return plannedOn.all(date).map((r) => ({ id: r.id, signed: r.signed === 1 }));
    },
    /** The named encounters that exist, each with whether its note is signed. */
    among(ids: readonly string[]): { id: string; signed: boolean }[] {
      return signedAmong.all(JSON.stringify(ids)).map((r) => ({ id: r.id, signed: r.signed === 1 }));
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
    /** Every folder an export was written to. */
    folders(): string[] {
      return folders.all();
    },
  };
}
export type OutboxExportRepository = ReturnType<typeof createOutboxExportRepository>;
