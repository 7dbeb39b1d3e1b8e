/**
 * Test support for encryption at rest: what an attacker with a copy of the data
 * folder would try. Read the files with plain SQLite (no key), and scan their
 * bytes for a known patient, as strings(1) would.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** A patient whose name and MRN appear nowhere else, so any byte match is a leak. */
export const SENTINEL = { mrn: 'SENTINEL-4711', familyName: 'Quixotewright', givenName: 'Zebulon', birthDate: '1961-03-09', sex: 'male' } as const;
/** Lower case: the search index stores its tokens folded. */
const NEEDLES = [SENTINEL.familyName.toLowerCase(), SENTINEL.mrn.toLowerCase()];

/** Every regular file under `dir`, at any depth. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => fs.lstatSync(f).isFile());
}

/** The files under `dir` whose bytes spell the sentinel's name or MRN (in UTF-8 or UTF-16, any case). */
export function filesLeakingSentinel(dir: string): string[] {
  return filesUnder(dir).filter((file) => {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      // A backup's temporary file can go between listing and reading; anything else is a failure.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    const text = [bytes.toString('latin1'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le')].join('\n').toLowerCase();
    return NEEDLES.some((n) => text.includes(n));
  });
}

/**
 * Reads the patients' family names from a copy of `file` (and its -wal, if any)
 * with plain SQLite, as any other program would: the names, or the error.
 */
export function readWithoutKey(file: string, scratch: string): string[] | Error {
  fs.mkdirSync(scratch, { recursive: true });
  const copy = path.join(scratch, `${path.basename(file)}.copy`);
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  try {
    const db = new Database(copy);
    try {
      return db.prepare('SELECT family_name FROM patients').pluck().all() as string[];
    } finally {
      db.close();
    }
  } catch (error) {
    return error as Error;
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}

/** Permission bits of every file and folder under `dir` (itself included) that are not owner-only, as "mode path". */
export function notOwnerOnly(dir: string): string[] {
  const entries = [dir, ...fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f))];
  return entries.flatMap((entry) => {
    const stat = fs.lstatSync(entry);
    const mode = stat.mode & 0o777;
    const wanted = stat.isDirectory() ? 0o700 : 0o600;
    return mode === wanted ? [] : [`${mode.toString(8)} ${path.relative(path.dirname(dir), entry)}`];
  });
}
