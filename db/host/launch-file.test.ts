// The launch page that carries the secret to the browser (browser mode): owner-only,
// in an owner-only folder of its own, never written over, removed with the host.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-core';
import { secretInLaunchFile, writeLaunchFile } from './launch-file';

describe.runIf(process.platform !== 'win32')('the launch page', () => {
  it('is owner-only in an owner-only folder, forwards to the app with the secret in the fragment, and goes with the host', () => {
    const tmp = tempDir();
    try {
      const secret = 'ab'.repeat(32);
      const launch = writeLaunchFile(`http://127.0.0.1:4321/#secret=${secret}`, tmp);
      expect(fs.statSync(path.dirname(launch.file)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(launch.file).mode & 0o777).toBe(0o600);
      expect(path.dirname(launch.file)).not.toContain(secret);
      const page = fs.readFileSync(launch.file, 'utf8');
      expect(page).toContain(`<meta http-equiv="refresh" content="0;url=http://127.0.0.1:4321/#secret=${secret}">`);
      expect(secretInLaunchFile(launch.file)).toBe(secret);
      // Another launch gets a folder of its own; none is reused or written over.
      const second = writeLaunchFile('http://127.0.0.1:4322/#secret=cd', tmp);
      expect(path.dirname(second.file)).not.toBe(path.dirname(launch.file));
      launch.remove();
      expect(fs.existsSync(path.dirname(launch.file))).toBe(false);
      second.remove();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
