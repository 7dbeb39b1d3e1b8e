// Killing the process in the middle of a backup never leaves a partial file as
// the newest backup: every listed generation always restores and verifies.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATION_SUFFIX, listBackups, verifyBackupFile } from './backup';
import { openCore } from './core';
import { backupsDir } from './handlers/recovery';
import { bundleScript } from './testing/crash-harness';
import { keyOf, NURSE, ok, PATIENT, tempDir } from './testing/temp-core';
import { TEST_PASSWORD_COST, withAct } from './testing/temp-core';

describe('backups under SIGKILL', () => {
  it('every listed generation is always complete and restores verified', async () => {
    const dir = tempDir();
    try {
      const core = withAct(openCore({ passwordCost: TEST_PASSWORD_COST, dataDir: dir }));
      for (let i = 0; i < 200; i++) ok(await core.act('patient.create', { actor: NURSE, ...PATIENT, mrn: `BK-${i}`, familyName: `Backup${'y'.repeat(90)}` }));
      core.close();
      const script = await bundleScript('backup-writer');
      // The first run is killed just after its first backup is listed, which
      // also times one backup on this machine. Later runs are killed at a random
      // point within two backups' time: a fixed window of milliseconds would
      // never reach a finished backup on a slow runner (the copy runs on a
      // worker thread that has to start first).
      let oneBackupMs = 0;
      for (let cycle = 0; cycle < 15; cycle++) {
        await new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
          let err = '';
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          let readyAt = 0;
          let out = '';
          child.stdout.setEncoding('utf8');
          child.stdout.on('data', (chunk: string) => {
            out += chunk;
            if (readyAt === 0) {
              readyAt = performance.now();
              if (cycle > 0) setTimeout(() => child.kill('SIGKILL'), Math.random() * 2 * oneBackupMs);
            }
            // The whole output so far: a name split across two reads is still seen.
            if (cycle === 0 && out.includes(`${GENERATION_SUFFIX}\n`)) {
              oneBackupMs = performance.now() - readyAt;
              child.kill('SIGKILL');
            }
          });
          // Only the kill may end it: a writer that failed on its own would leave nothing to test.
          child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the backup writer exited on its own (${code}): ${err}`))));
        });
        const listed = listBackups(backupsDir(dir));
        if (cycle === 0) expect(listed[0], 'the first run finished one backup').toBeDefined();
        // Every generation, not only the newest: a kill never damages what older ones share.
        for (const backup of listed) expect(verifyBackupFile(backup.file, keyOf(dir)).patients).toBe(200);
      }
      expect(listBackups(backupsDir(dir)).length).toBeGreaterThan(0);
      expect(listBackups(backupsDir(dir)).every((b) => b.file.endsWith(GENERATION_SUFFIX))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
