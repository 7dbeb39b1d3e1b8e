// Disk full: SQLite's own SQLITE_FULL path, produced by capping the database size
// (PRAGMA max_page_count), as a full disk would. The write in progress fails with
// a clear STORAGE_FAILED, nothing acknowledged is lost, reads keep working, and
// writing resumes once space is freed, without a restart.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Patient } from '#shared/contract/patient';
import { NURSE, ok, openTempCore, PATIENT } from './testing/temp-core';

let core: ReturnType<typeof openTempCore>;
beforeEach(() => {
  core = openTempCore();
});
afterEach(() => core.cleanup());

describe('disk full', () => {
  it('refuses the write clearly, keeps everything acknowledged, and recovers when space returns', async () => {
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages + 1}`);
    const acknowledged: string[] = [];
    let refusal: { code: string; message: string } | null = null;
    for (let i = 0; i < 500 && !refusal; i++) {
      const result = await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: `FULL-${i}`, familyName: `Full${'x'.repeat(80)}${i}` });
      if (result.ok) acknowledged.push((result.value as Patient).mrn);
      else refusal = result.error;
    }
    expect(refusal).toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringContaining('the disk is full') });
    expect(core.db.inTransaction).toBe(false);
    // Reading still works, and every acknowledged write is there.
    const found = ok<Patient[]>(await core.act('patient.search', { actor: NURSE, query: 'FULL-', limit: 100 }));
    expect(found.map((p) => p.mrn).sort()).toEqual(acknowledged.slice().sort());
    expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');

    // Space is freed: the next write goes through on the same connection.
    core.db.pragma('max_page_count = 1073741823');
    expect(ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'AFTER-FULL' })).mrn).toBe('AFTER-FULL');
  });
});
