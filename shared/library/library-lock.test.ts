// The guarantee that a content edit which passed CI never makes an existing database refuse to
// open: every published template version still hashes as the lock says. `npm run library:lock`
// (UPDATE_LIBRARY_LOCK=1) adds entries for new versions only; a changed published entry still fails.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assert, describe, expect, it } from 'vitest';
import { LIBRARY } from './index';
import { checkLock, formatLock, LibraryLockSchema, LOCK_COMMENT, LOCK_FILE, type LibraryLock, type LockedVersion } from './lock';

const root = path.resolve(__dirname, '../..');
const lockPath = path.join(root, LOCK_FILE);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function readLock(): LibraryLock {
  if (!fs.existsSync(lockPath)) return { $comment: LOCK_COMMENT, templates: {} };
  return LibraryLockSchema.parse(JSON.parse(fs.readFileSync(lockPath, 'utf8')));
}

const versions: LockedVersion[] = LIBRARY.map((template) => ({ template, file: `shared/library/templates (${template.id})` }));

describe('library lock', () => {
  it('every published template version hashes as library.lock.json says (publish changes as a new version)', () => {
    const lock = readLock();
    const check = checkLock(versions, lock, sha256);
    if (process.env.UPDATE_LIBRARY_LOCK && check.unpublished.length) {
      fs.mkdirSync(path.dirname(lockPath), { recursive: true });
      fs.writeFileSync(lockPath, formatLock(check.updated));
    }
    const failures = process.env.UPDATE_LIBRARY_LOCK ? check.problems : [...check.problems, ...check.unpublished];
    if (failures.length) assert.fail(`${LOCK_FILE}:\n\n${failures.join('\n\n')}`);
  });

  it('is committed in its canonical form', () => {
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(formatLock(readLock()));
  });
});
