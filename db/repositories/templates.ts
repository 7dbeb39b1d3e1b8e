/**
 * Stored template versions. A version, once stored, never changes: an encounter
 * shows and exports exactly the content it was opened with.
 */
import { createHash } from 'node:crypto';
import { TemplateSchema, type Template } from '#shared/library/schema';
import type { TemplateSummary } from '#shared/contract/library';
import type { Db } from '../connection';

interface TemplateRow {
  id: string;
  version: number;
  name: string;
  content_json: string;
  content_sha256: string;
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

export function createTemplateRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO templates (id, version, name, content_json, content_sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const one = db.prepare<[string, number], TemplateRow>(
    'SELECT id, version, name, content_json, content_sha256 FROM templates WHERE id = ? AND version = ?',
  );
  const latest = db.prepare<[string], TemplateRow>(
    'SELECT id, version, name, content_json, content_sha256 FROM templates WHERE id = ? ORDER BY version DESC LIMIT 1',
  );
  const latestAll = db.prepare<[], TemplateRow>(
    `SELECT t.id, t.version, t.name, t.content_json, t.content_sha256 FROM templates t
     WHERE t.version = (SELECT max(version) FROM templates WHERE id = t.id) ORDER BY t.name`,
  );
  const versionsOf = db.prepare<[string], { version: number; created_at: string }>(
    'SELECT version, created_at FROM templates WHERE id = ? ORDER BY version',
  );
  const allRows = db.prepare<[], TemplateRow>('SELECT id, version, name, content_json, content_sha256 FROM templates ORDER BY id, version');
  const cache = new Map<string, Template>();

  function parse(row: TemplateRow): Template {
    const key = `${row.id}@${row.version}`;
    let template = cache.get(key);
    if (!template) {
      template = TemplateSchema.parse(JSON.parse(row.content_json));
      cache.set(key, template);
    }
    return template;
  }

  return {
    /** Stores a bundled template version if it is new; refuses one whose content changed. */
    seed(template: Template, now: string): 'inserted' | 'unchanged' {
      // Canonical form (schema key order), so equal content always hashes equal.
      const json = JSON.stringify(TemplateSchema.parse(template));
      const hash = sha256(json);
      const existing = one.get(template.id, template.version);
      if (!existing) {
        insert.run(template.id, template.version, template.name, json, hash, now);
        return 'inserted';
      }
      if (existing.content_sha256 !== hash) {
        throw new Error(
          `Template ${template.id} version ${template.version} differs from the stored copy. ` +
            'Changed clinical content must ship as a new version.',
        );
      }
      return 'unchanged';
    },
    /** Stores a template version exactly as given; 'unchanged' if that exact content is already there. */
    store(template: Template, now: string): 'inserted' | 'unchanged' {
      return this.seed(template, now);
    },
    hashOf(id: string, version: number): string | undefined {
      return one.get(id, version)?.content_sha256;
    },
    versions(id: string): { version: number; createdAt: string }[] {
      return versionsOf.all(id).map((r) => ({ version: r.version, createdAt: r.created_at }));
    },
    all(): Template[] {
      return allRows.all().map(parse);
    },
    get(id: string, version: number): Template | undefined {
      // A stored version never changes (migration 002's trigger), so once read it comes from memory:
      // the worklist asks for it once per row, and the row's JSON is ~30 KB.
      const cached = cache.get(`${id}@${version}`);
      if (cached) return cached;
      const row = one.get(id, version);
      return row && parse(row);
    },
    latest(id: string): Template | undefined {
      const row = latest.get(id);
      return row && parse(row);
    },
    listLatest(): TemplateSummary[] {
      return latestAll.all().map((row) => {
        const t = parse(row);
        return { id: t.id, version: t.version, name: t.name, category: t.category };
      });
    },
  };
}
export type TemplateRepository = ReturnType<typeof createTemplateRepository>;
