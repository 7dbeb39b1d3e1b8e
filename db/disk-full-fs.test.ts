// Disk full on a real, size-capped filesystem: a 4 MB tmpfs mounted for the test
// (Linux, when the test may mount; elsewhere the test is skipped and says why, and
// db/disk-full.test.ts covers the same path through SQLite's page cap). The disk
// is filled to within a few pages by a filler file; writes then fail with a clear
// STORAGE_FAILED, nothing acknowledged is lost, reads keep working, the file stays
// intact, and writing resumes once the filler is deleted, without a restart.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Patient } from '#shared/contract/patient';
import { NURSE, ok, openTempCore, PATIENT, tempDir } from './testing/temp-core';

function mountSmallFilesystem(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = tempDir('proceduredesk-tmpfs-');
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir]);
  if (mounted.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

const mount = mountSmallFilesystem();
afterAll(() => {
  if (!mount) return;
  spawnSync('umount', [mount]);
  fs.rmSync(mount, { recursive: true, force: true });
});

describe.skipIf(!mount)('disk full on a real 4 MB filesystem (needs permission to mount tmpfs)', () => {
  it('refuses the write clearly, keeps everything acknowledged, and writes again once space is freed', async () => {
    const dataDir = path.join(mount!, 'data');
    const core = openTempCore({ dataDir });
    try {
      ok(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'BEFORE-FULL' }));
      // Fill the disk to within ~64 KB with a filler file, as other files on a real disk would.
      const filler = path.join(mount!, 'filler.bin');
      const free = () => fs.statfsSync(mount!).bavail * fs.statfsSync(mount!).bsize;
      fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 64 * 1024), 1));

      const acknowledged: string[] = [];
      let refusal: { code: string; message: string } | null = null;
      for (let i = 0; i < 2000 && !refusal; i++) {
        const result = await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: `FS-${i}`, familyName: `Full${'x'.repeat(90)}${i}` });
        if (result.ok) acknowledged.push((result.value as Patient).mrn);
        else refusal = result.error;
      }
      expect(refusal).toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringContaining('the disk is full') });
      expect(core.db.inTransaction).toBe(false);
      // Reads keep working through the contract, and every acknowledged row is in the file.
      expect(ok<Patient[]>(await core.act('patient.search', { actor: NURSE, query: 'BEFORE-FULL' }))).toHaveLength(1);
      const stored = core.db.prepare("SELECT mrn FROM patients WHERE mrn LIKE 'FS-%'").pluck().all() as string[];
      expect(stored.sort()).toEqual(acknowledged.slice().sort());
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(core.db.pragma('quick_check', { simple: true })).toBe('ok');

      fs.rmSync(filler);
      expect(ok<Patient>(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: 'AFTER-FULL' })).mrn).toBe('AFTER-FULL');
      // The seal follows each answer (db/audit-seal-writer.ts); its last write closes its file before the unmount.
      await core.auditSettled();
    } finally {
      core.cleanup();
    }
  });
});
