/** Test support: fresh temp folders for one test file, removed with their key folders after each test. */
import fs from 'node:fs';
import { afterEach } from 'vitest';
import { defaultKeyDir } from '../core';
import { tempDir } from './temp-core';

/** Call once at the top of a test file; the function it returns makes a folder that lasts one test. */
export function tempDirsPerTest(): () => string {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((d) => {
    fs.rmSync(d, { recursive: true, force: true });
    fs.rmSync(defaultKeyDir(d), { recursive: true, force: true });
  }));
  return () => {
    const d = tempDir();
    made.push(d);
    return d;
  };
}
