/**
 * Writes a small file in the key folder so that a crash leaves the old file or
 * the whole new one, never half of it: owner-only (0600) temporary file,
 * fsynced, renamed into place, then the folder fsynced so the rename survives
 * a power cut. Used for the audit key and the audit seal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { syncFolder } from '../export/atomic-write';

/**
 * syncFolder: false skips the fsync of the folder after the rename, for a file that may fall back
 * to its previous version after a power cut without harm (the seal: a trail ahead of its seal is
 * checked entry by entry); the file's own bytes are always fsynced before the rename.
 */
export function writeOwnerOnly(file: string, data: Buffer | string, options: { syncFolder?: boolean } = {}): void {
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
  if (options.syncFolder ?? true) syncFolder(path.dirname(file));
}

/** Removes a file and makes the removal durable (the folder is fsynced). */
export function removeDurably(file: string): void {
  if (!fs.existsSync(file)) return;
  fs.rmSync(file, { force: true });
  syncFolder(path.dirname(file));
}
