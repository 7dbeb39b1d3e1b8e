/**
 * Stored template versions. A version, once stored, never changes: an encounter
 * shows and exports exactly the content it was opened with.
 */
import { createHash } from 'node:crypto';
import { TemplateSchema, type Template } from '#shared/library/schema';
import type { TemplateSummary } from '#shared/contract/library';
import { readStored } from '#shared/contract/text';
import type { Db } from '../connection';
import { createBundledVersionRepository } from './bundled-versions';

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

/** Canonical form (schema key order), so equal content always hashes equal: what the lock records. */
function canonical(template: Template): { json: string; hash: string } {
  const json = JSON.stringify(TemplateSchema.parse(template));
  return { json, hash: sha256(json) };
}

/** How seeding met a bundled version, and the number it is stored under. */
export interface SeedResult {
  outcome: 'inserted' | 'recorded' | 'unchanged' | 'renumbered';
  storedVersion: number;
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
  const maxVersion = db.prepare<[string], number>('SELECT max(version) FROM templates WHERE id = ?').pluck();
  const bundled = createBundledVersionRepository(db);
  const allRows = db.prepare<[], TemplateRow>('SELECT id, version, name, content_json, content_sha256 FROM templates ORDER BY id, version');
  const cache = new Map<string, Template>();

  function parse(row: TemplateRow): Template {
    const key = `${row.id}@${row.version}`;
    let template = cache.get(key);
    if (!template) {
      template = readStored(() => TemplateSchema.parse(JSON.parse(row.content_json)));
      cache.set(key, template);
    }
    return template;
  }

  return {
    /**
     * Stores a bundled template version, or finds it stored already. A clinic's own version
     * that took the bundled number stays untouched: the bundled one is stored under the next
     * free number ('renumbered'). Refuses only a bundled version recorded earlier whose content
     * changed since, which the library lock test keeps out of any build that passes CI.
     */
    seed(template: Template, now: string): SeedResult {
      const { id, version } = template;
      const { json, hash } = canonical(template);
      const recorded = bundled.get(id, version);
      if (recorded) {
        const storedHash = one.get(id, recorded.storedVersion)?.content_sha256;
        const expected = recorded.storedVersion === version ? hash : canonical({ ...template, version: recorded.storedVersion }).hash;
        if (recorded.sha256 !== hash || storedHash !== expected) {
          throw new Error(`Template ${id} version ${version} differs from the stored copy. Changed clinical content must ship as a new version.`);
        }
        return { outcome: 'unchanged', storedVersion: recorded.storedVersion };
      }
      const record = (storedVersion: number) => bundled.record({ templateId: id, bundledVersion: version, storedVersion, sha256: hash, seededAt: now });
      const atNumber = one.get(id, version);
      if (!atNumber) {
        insert.run(id, version, template.name, json, hash, now);
        record(version);
        return { outcome: 'inserted', storedVersion: version };
      }
      // Same content at the same number (seeded before migration 013, or imported): only the record is missing.
      if (atNumber.content_sha256 === hash && !bundled.ofStored(id, version)) {
        record(version);
        return { outcome: 'recorded', storedVersion: version };
      }
      const storedVersion = (maxVersion.get(id) ?? 0) + 1;
      const renumbered = canonical({ ...template, version: storedVersion });
      insert.run(id, storedVersion, template.name, renumbered.json, renumbered.hash, now);
      record(storedVersion);
      return { outcome: 'renumbered', storedVersion };
    },
    /** Stores a template version exactly as given (publish, import); 'unchanged' if that exact content is already there. */
    store(template: Template, now: string): 'inserted' | 'unchanged' {
      const { json, hash } = canonical(template);
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
