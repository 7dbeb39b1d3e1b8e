// The bundled library against a real database: what seeding stores is what the lock records, so
// the lock test (shared/library/library-lock.test.ts) passing means an existing database opens.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '#shared/library/index';
import { LibraryLockSchema, LOCK_FILE } from '#shared/library/lock';
import { createTemplateRepository } from './repositories/templates';
import { ok, openTempCore } from './testing/temp-core';

const lock = LibraryLockSchema.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', LOCK_FILE), 'utf8')));

describe('the seeded library and the lock', () => {
  it('opens a database seeded by this build again, and stores exactly the hashes the lock records', async () => {
    const first = openTempCore();
    first.close();
    const core = openTempCore({ dataDir: first.dataDir });
    try {
      expect(ok(await core.dispatch('system.info', {}))).toMatchObject({ dataDir: first.dataDir });
      const stored = core.db.prepare<[], { id: string; version: number; content_sha256: string }>('SELECT id, version, content_sha256 FROM templates').all();
      expect(stored).toHaveLength(LIBRARY.length);
      for (const row of stored) {
        expect(row.content_sha256, `${row.id} v${row.version}`).toBe(lock.templates[row.id]?.[String(row.version)]?.sha256);
      }
    } finally {
      core.cleanup();
    }
  });

  it('is what keeps it opening: a published version with other content is refused when seeded', () => {
    const core = openTempCore();
    try {
      const template = LIBRARY.find((t) => t.id === 'cervical-transforaminal-esi')!;
      const edited = { ...template, contraindications: { ...template.contraindications, absolute: template.contraindications.absolute.map((f, i) => (i === 0 ? { ...f, text: `${f.text} Edited.` } : f)) } };
      expect(() => createTemplateRepository(core.db).seed(edited, '2026-01-01T00:00:00Z')).toThrow(
        `Template cervical-transforaminal-esi version ${template.version} differs from the stored copy`,
      );
    } finally {
      core.cleanup();
    }
  });
});
