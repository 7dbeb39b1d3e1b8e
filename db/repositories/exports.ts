/** An append-only record of every note export: who, when, and the hashes of what left. */
import type { Actor } from '#shared/contract/common';
import type { Db } from '../connection';

export function createExportRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO note_exports (encounter_id, pdf_sha256, text_sha256, at, by_name, by_role) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM note_exports WHERE encounter_id = ?');
  return {
    record(encounterId: string, pdfSha256: string, textSha256: string, at: string, actor: Actor): void {
      insert.run(encounterId, pdfSha256, textSha256, at, actor.name, actor.role);
    },
    count(encounterId: string): number {
      return count.get(encounterId)?.n ?? 0;
    },
  };
}
export type ExportRepository = ReturnType<typeof createExportRepository>;
