// Killing the process in the middle of a backup never leaves a partial file as
// the newest backup: the newest listed one always opens and verifies.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listBackups, verifyBackupFile } from './backup';
import { openCore } from './core';
import { backupsDir } from './handlers/recovery';
import { bundleScript } from './testing/crash-harness';
import { NURSE, ok, PATIENT, tempDir } from './testing/temp-core';
import { TEST_PASSWORD_COST, withAct } from './testing/temp-core';

describe('backups under SIGKILL', () => {
  it('the newest listed backup is always complete and verified', async () => {
    const dir = tempDir();
    try {
      const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
      for (let i = 0; i < 200; i++) ok(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: `BK-${i}`, familyName: `Backup${'y'.repeat(90)}` }));
      core.close();
      const script = await bundleScript('backup-writer');
      for (let cycle = 0; cycle < 15; cycle++) {
        await new Promise<void>((resolve) => {
          const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
          let started = false;
          child.stdout.on('data', () => {
            if (started) return;
            started = true;
            setTimeout(() => child.kill('SIGKILL'), 5 + Math.floor(Math.random() * 120));
          });
          child.on('exit', () => resolve());
        });
        const newest = listBackups(backupsDir(dir))[0];
        if (!newest) continue;
        expect(verifyBackupFile(newest.file).patients).toBe(200);
      }
      expect(listBackups(backupsDir(dir)).length).toBeGreaterThan(0);
      expect(listBackups(backupsDir(dir)).every((b) => b.file.endsWith('.backup.sqlite'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
