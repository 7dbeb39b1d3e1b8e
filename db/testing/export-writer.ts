/**
 * Child process for the export-kill test: opens the core on a prepared data
 * folder, signs in, and exports one encounter's signed note to the outbox. Each
 * file-system step the export takes in the outbox folder (open, write, fsync,
 * close, rename, remove; the database commit falls between two of them) is
 * counted; at step <stopAt> the process says so and stops there, for the parent
 * to SIGKILL it. A stopAt past the last step lets the export finish.
 *   node export-writer.mjs <dataDir> <outbox> <encounterId> <stopAt>
 * The steps are found by the file-system calls, not by markers in the code, so
 * the same harness runs against any order of writing and recording.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../core';
import { NURSE, PHYSICIAN, TEST_PASSWORD, TEST_PASSWORD_COST, withAct } from './temp-core';

const [dataDir, outbox, encounterId, stopAtText] = process.argv.slice(2) as [string, string, string, string];
const stopAt = Number(stopAtText);
const say = (line: object) => fs.writeSync(1, `${JSON.stringify(line)}\n`);

const core = withAct(openCore({ dataDir, passwordCost: TEST_PASSWORD_COST }));

let step = 0;
const outboxFds = new Set<number>();
const inOutbox = (p: unknown) => typeof p === 'string' && (path.resolve(p) === outbox || path.resolve(p).startsWith(`${outbox}${path.sep}`));
function gate(what: string): void {
  if (step === stopAt) {
    say({ op: 'stopped', step, before: what });
    // Blocks this thread for good: the parent kills the process here.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  }
  step += 1;
}

function intercept(): void {
  const { openSync, writeFileSync, fsyncSync, closeSync, renameSync, rmSync } = fs;
  fs.openSync = ((file: fs.PathLike, ...rest: unknown[]) => {
    if (!inOutbox(file)) return (openSync as (...a: unknown[]) => number)(file, ...rest);
    gate(`open ${path.basename(String(file))}`);
    const fd = (openSync as (...a: unknown[]) => number)(file, ...rest);
    outboxFds.add(fd);
    return fd;
  });
  fs.writeFileSync = ((target: unknown, ...rest: unknown[]) => {
    if (typeof target === 'number' ? outboxFds.has(target) : inOutbox(target)) gate('write');
    return (writeFileSync as (...a: unknown[]) => void)(target, ...rest);
  });
  fs.fsyncSync = (fd: number) => {
    if (outboxFds.has(fd)) gate('fsync');
    fsyncSync(fd);
  };
  fs.closeSync = (fd: number) => {
    if (outboxFds.delete(fd)) gate('close');
    closeSync(fd);
  };
  fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    if (inOutbox(from)) gate(`rename ${path.basename(String(from))}`);
    renameSync(from, to);
  };
  fs.rmSync = (file: fs.PathLike, options?: fs.RmOptions) => {
    if (inOutbox(file)) gate(`remove ${path.basename(String(file))}`);
    rmSync(file, options);
  };
}

/** Adds an addendum to the encounter's signed note, so the next export has something new to send. */
async function addAddendum(c: Pick<typeof core, 'act'>, encounter: string): Promise<void> {
  const got = await c.act('note.get', { actor: PHYSICIAN, encounterId: encounter });
  if (!got.ok) throw new Error(JSON.stringify(got.error));
  const noteId = (got.value as { note: { id: string } }).note.id;
  const added = await c.act('note.addAddendum', { actor: PHYSICIAN, noteId, reason: 'Detail added', text: 'A detail added after signing.', password: TEST_PASSWORD });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
}

async function run(): Promise<void> {
  // Signs the nurse in first, so the export is the only thing that touches the outbox.
  const listed = await core.act('note.outboxExports', { actor: NURSE, encounterId });
  if (!listed.ok) throw new Error(JSON.stringify(listed.error));
  // Something new to send: a note already sent as it stands is not exported again (issue 19).
  await addAddendum(core, encounterId);
  intercept();
  const exported = await core.act('note.exportToOutbox', { actor: NURSE, encounterId });
  if (!exported.ok) throw new Error(JSON.stringify(exported.error));
  say({ op: 'done', steps: step });
  core.close();
}

run().catch((error: unknown) => {
  process.stderr.write(`export-writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
