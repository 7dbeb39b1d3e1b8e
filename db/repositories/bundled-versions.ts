/**
 * Which stored template versions came from the bundled library (migration 013): a bundled
 * version keeps its own number unless a clinic's version already took it. Insert-only.
 */
import type { Db } from '../connection';

export interface BundledVersion {
  templateId: string;
  bundledVersion: number;
  storedVersion: number;
  /** Hash of the bundled version as shipped: its library.lock.json entry. */
  sha256: string;
  seededAt: string;
}

interface Row {
  template_id: string;
  bundled_version: number;
  stored_version: number;
  content_sha256: string;
  seeded_at: string;
}

const toVersion = (r: Row): BundledVersion => ({
  templateId: r.template_id, bundledVersion: r.bundled_version, storedVersion: r.stored_version, sha256: r.content_sha256, seededAt: r.seeded_at,
});

export function createBundledVersionRepository(db: Db) {
  const byBundled = db.prepare<[string, number], Row>('SELECT * FROM bundled_template_versions WHERE template_id = ? AND bundled_version = ?');
  const byStored = db.prepare<[string, number], Row>('SELECT * FROM bundled_template_versions WHERE template_id = ? AND stored_version = ?');
  const allRows = db.prepare<[], Row>('SELECT * FROM bundled_template_versions ORDER BY template_id, bundled_version');
  const insert = db.prepare(
    'INSERT INTO bundled_template_versions (template_id, bundled_version, stored_version, content_sha256, seeded_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    get(templateId: string, bundledVersion: number): BundledVersion | undefined {
      const row = byBundled.get(templateId, bundledVersion);
      return row && toVersion(row);
    },
    /** The bundled version a stored row came from, if any. */
    ofStored(templateId: string, storedVersion: number): BundledVersion | undefined {
      const row = byStored.get(templateId, storedVersion);
      return row && toVersion(row);
    },
    all(): BundledVersion[] {
      return allRows.all().map(toVersion);
    },
    record(v: BundledVersion): void {
      insert.run(v.templateId, v.bundledVersion, v.storedVersion, v.sha256, v.seededAt);
    },
  };
}
export type BundledVersionRepository = ReturnType<typeof createBundledVersionRepository>;
