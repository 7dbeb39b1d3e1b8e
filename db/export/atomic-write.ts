/**
 * Writes a file so that a reader of the folder (an integration engine polling
 * the outbox) sees either nothing or the whole file: the bytes go to a hidden
 * temporary name in the same folder, are fsynced, then renamed into place, and
 * the folder is fsynced so the rename survives a power cut. A temporary file
 * left by a crash starts with "." and ends in ".partial": never picked up.
 * Files are owner-only (0600), whatever the umask: they hold a patient's note.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FILE_MODE, syncDir } from '../owner-only-files';

export function writeFileAtomic(folder: string, name: string, data: Buffer | string, uniqueId: string): void {
  const final = path.join(folder, name);
  const temp = path.join(folder, `.${name}.${uniqueId}.partial`);
  const fd = fs.openSync(temp, 'wx', FILE_MODE);
  try {
    if (process.platform !== 'win32') fs.fchmodSync(fd, FILE_MODE);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, final);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
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
