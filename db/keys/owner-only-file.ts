/**
 * Writes a small file in the key folder so that a crash leaves the old file or
 * the whole new one, never half of it: owner-only (0600) temporary file,
 * fsynced, renamed into place, then the folder fsynced so the rename survives
 * a power cut. Used for the audit key and the audit seal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { syncFolder } from '../export/atomic-write';

export function writeOwnerOnly(file: string, data: Buffer | string): void {
  const temp = `${file}.tmp`;
  // A temporary file left by a crash is replaced: it was never renamed, so it was never in use.
  fs.rmSync(temp, { force: true });
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
  syncFolder(path.dirname(file));
}

/** Removes a file and makes the removal durable (the folder is fsynced). */
export function removeDurably(file: string): void {
  if (!fs.existsSync(file)) return;
  fs.rmSync(file, { force: true });
  syncFolder(path.dirname(file));
}
