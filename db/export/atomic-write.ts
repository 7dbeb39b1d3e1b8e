/**
 * Writes a file so that a reader of the folder (an integration engine polling
 * the outbox) sees either nothing or the whole file: the bytes go to a hidden
 * temporary name in the same folder and are fsynced (writePartial), then renamed
 * into place (publishPartial), and the folder is fsynced so the rename survives a
 * power cut. A temporary file starts with "." and ends in ".partial": never picked
 * up, and removed or finished at start-up (reconcile.ts).
 * Files are owner-only (0600) by default, whatever the umask: they hold a patient's note. A site whose
 * interface engine runs as another user sets 0640 or 0644 (settings.interop.outboxFileMode).
 */
import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE, syncDir } from '../owner-only-files';

/** The hidden name a file waits under until it is published. */
export function partialName(name: string, uniqueId: string): string {
  return `.${name}.${uniqueId}.partial`;
}

/** The final name and id a partial file stands for, or null for any other file. */
export function parsePartialName(file: string): { name: string; uniqueId: string } | null {
  const match = /^\.(.+)\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.partial$/.exec(file);
  return match ? { name: match[1]!, uniqueId: match[2]! } : null;
}

/** Writes and fsyncs the bytes under the partial name; on failure nothing is left behind. */
export function writePartial(folder: string, name: string, data: Buffer | string, uniqueId: string, mode: number = FILE_MODE): void {
  const temp = path.join(folder, partialName(name, uniqueId));
  const fd = fs.openSync(temp, 'wx', FILE_MODE);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(fd, mode);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
}

/** Renames a partial file into place (the folder is synced by the caller, once for all its files). */
export function publishPartial(folder: string, name: string, uniqueId: string): void {
  fs.renameSync(path.join(folder, partialName(name, uniqueId)), path.join(folder, name));
}

/** Removes a partial file if it is there. */
export function removePartial(folder: string, name: string, uniqueId: string): void {
  fs.rmSync(path.join(folder, partialName(name, uniqueId)), { force: true });
}

/** One file, written whole or not at all. */
export function writeFileAtomic(folder: string, name: string, data: Buffer | string, uniqueId: string): void {
  writePartial(folder, name, data, uniqueId);
  try {
    publishPartial(folder, name, uniqueId);
  } catch (error) {
    removePartial(folder, name, uniqueId);
    throw error;
  }
  syncFolder(folder);
}

/** fsync on a directory: POSIX needs it for the rename to be durable; Windows cannot open a folder this way. */
export function syncFolder(folder: string): void {
  syncDir(folder);
}

/** Whether the folder exists and this process can create files in it; the reason if not. */
export function outboxFolderProblem(folder: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    return `the folder ${folder} does not exist`;
  }
  if (!stat.isDirectory()) return `${folder} is not a folder`;
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    return `ProcedureDesk cannot write to ${folder}`;
  }
  return null;
}
