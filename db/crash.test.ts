// SIGKILL at random moments during the real write paths; nothing acknowledged is
// ever lost or changed, no multi-row write is half done, quick_check stays ok.
// CRASH_CYCLES sets the count (default 200); bench/crash-soak.mjs runs 1,000+.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriter, runCrashCycles, verify } from './testing/crash-harness';
import { tempDir } from './testing/temp-core';

const cycles = Number(process.env.CRASH_CYCLES ?? 200);
let work: string;
let writer: string;
beforeAll(async () => {
  work = tempDir('proceduredesk-crash-');
  writer = await bundleWriter();
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('crash durability (kill -9)', () => {
  it('the check itself fails on a lost or altered acknowledged write', async () => {
    const report = await runCrashCycles({ dataDir: `${work}/probe`, writer, cycles: 1 });
    expect(report.problems).toEqual([]);
    const problems: string[] = [];
    const tally = verify(`${work}/probe`, [
      { op: 'patient', id: '00000000-0000-4000-8000-000000000000', mrn: 'NEVER-WRITTEN' },
      { op: 'item', encounterId: '00000000-0000-4000-8000-000000000001', itemId: 'infection', status: 'checked', reason: null },
    ], problems);
    expect(tally.lost).toBe(2);
    expect(problems).toHaveLength(2);
  }, 60_000);

  it(`${cycles} SIGKILL cycles lose no acknowledged write`, async () => {
    const report = await runCrashCycles({ dataDir: `${work}/data`, writer, cycles });
    if (process.env.CRASH_REPORT) fs.writeFileSync(process.env.CRASH_REPORT, `${JSON.stringify(report, null, 2)}\n`);
    expect(report.problems).toEqual([]);
    expect(report.cycles).toBe(cycles);
    // The harness must have exercised the writes: thousands of acknowledgements over the run.
    expect(report.acknowledged).toBeGreaterThan(cycles);
  }, cycles * 3_000 + 60_000);
});
