// The guarantee that a content edit which passed CI never makes an existing database refuse to
// open: every published template version still hashes as library.lock.json says.
// `npm run library:lock` (UPDATE_LIBRARY_LOCK=1) adds entries for new versions only, and rewrites
// data-files.ts; a changed published entry still fails. The data is read from disk through the
// same loader the app uses, so a new file counts before data-files.ts imports it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assert, describe, expect, it } from 'vitest';
import { LIBRARY_DATA_FILES } from './data-files';
import { DATA_FILES_MODULE, dataFilesModule } from './data-manifest';
import { LIBRARY, LIBRARY_VERSIONS } from './index';
import { DATA_DIR, loadLibrary } from './load';
import { checkLock, formatLock, LibraryLockSchema, LOCK_COMMENT, LOCK_FILE, type LibraryLock } from './lock';

const root = path.resolve(__dirname, '../..');
const dataDir = path.join(root, DATA_DIR);
const lockPath = path.join(root, LOCK_FILE);
const update = !!process.env.UPDATE_LIBRARY_LOCK;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every .json file under shared/library/data/ except the lock, relative to it. */
function dataFiles(): string[] {
  return (fs.readdirSync(dataDir, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.json') && f !== path.basename(LOCK_FILE))
    .sort();
}

function readData(): Record<string, unknown> {
  return Object.fromEntries(dataFiles().map((f) => {
    const text = fs.readFileSync(path.join(dataDir, f), 'utf8');
    try {
      return [f, JSON.parse(text) as unknown];
    } catch (error) {
      throw new Error(`${DATA_DIR}/${f}: not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  }));
}

function readLock(): LibraryLock {
  if (!fs.existsSync(lockPath)) return { $comment: LOCK_COMMENT, templates: {} };
  return LibraryLockSchema.parse(JSON.parse(fs.readFileSync(lockPath, 'utf8')));
}

describe('library lock', () => {
  const library = loadLibrary(readData());

  it('every published template version hashes as library.lock.json says (publish changes as a new version)', () => {
    const versions = library.versions.map((v) => ({ ...v, file: `${DATA_DIR}/${v.file}` }));
    const check = checkLock(versions, readLock(), sha256);
    if (update && check.unpublished.length) fs.writeFileSync(lockPath, formatLock(check.updated));
    const failures = update ? check.problems : [...check.problems, ...check.unpublished];
    if (failures.length) assert.fail(`${LOCK_FILE}:\n\n${failures.join('\n\n')}`);
  });

  it('is committed in its canonical form', () => {
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(formatLock(readLock()));
  });

  it(`${DATA_FILES_MODULE} bundles every data file (regenerate: npm run library:lock)`, () => {
    const file = path.join(root, DATA_FILES_MODULE);
    const generated = dataFilesModule(dataFiles());
    if (update) fs.writeFileSync(file, generated);
    expect(fs.readFileSync(file, 'utf8')).toBe(generated);
  });

  // Not while updating: data-files.ts may just have been rewritten, and the bundle loaded before that.
  it.skipIf(update)('the bundled library is the data on disk', () => {
    expect(LIBRARY_VERSIONS).toEqual(library.versions.map((v) => v.template));
    expect(LIBRARY).toEqual(library.latest);
  });
});

describe('library lock check', () => {
  // A lock of the data as it is, so these cases hold whatever state the committed lock is in.
  const lock = checkLock(loadLibrary(LIBRARY_DATA_FILES).versions, { $comment: LOCK_COMMENT, templates: {} }, sha256).updated;
  const check = (files: Readonly<Record<string, unknown>>) => checkLock(loadLibrary(files).versions, lock, sha256);
  const edited = (file: string, change: (data: Record<string, Record<string, unknown>>) => void) => {
    const data = structuredClone(LIBRARY_DATA_FILES[file]) as Record<string, Record<string, unknown>>;
    change(data);
    return { ...LIBRARY_DATA_FILES, [file]: data };
  };

  it('fails on a shared fact edited in place, naming each template version it is in, the fact, and what to do', () => {
    const files = edited('facts/contraindications.json', (f) => { f.immunosuppression!.text = 'Immunosuppression (any cause).'; });
    const { problems } = check(files);
    const message = problems.join('\n\n');
    // The message counts the published versions that use the fact (every version of every template, today).
    const using = loadLibrary(LIBRARY_DATA_FILES).usage.get('immunosuppression')?.length ?? 0;
    expect(using).toBeGreaterThan(0);
    expect(problems[0]).toMatch(new RegExp(`^Changed shared content .*\n {2}fact "immunosuppression" \\(facts/contraindications\\.json\\): ${using} published version\\(s\\): `));
    expect(message).toContain('cervical-transforaminal-esi version 1 (templates/cervical-transforaminal-esi/v1.json) no longer matches its published content:\n'
      + '  changed: contraindications.relative "immunosuppression" ← fact "immunosuppression" (facts/contraindications.json)');
    expect(message).toContain('publish as a new version');
  });

  it('publishes a new version without touching the published one', () => {
    // The next version of lumbar MBB says new wording through a new fact (its checklist id is its own key); the published ones keep theirs.
    const mbb = LIBRARY.find((t) => t.id === 'lumbar-medial-branch-block')!;
    const next = mbb.version + 1;
    let files = edited('facts/contraindications.json', (f) => { f['immunosuppression-reworded'] = { text: 'Immunosuppression (reworded).', sources: f.immunosuppression!.sources }; });
    const draft = structuredClone(files[`templates/lumbar-medial-branch-block/v${mbb.version}.json`]) as { version: number; contraindications: { relative: { fact: string }[] } };
    draft.version = next;
    draft.contraindications.relative = draft.contraindications.relative.map((r) => (r.fact === 'immunosuppression' ? { fact: 'immunosuppression-reworded' } : r));
    files = { ...files, [`templates/lumbar-medial-branch-block/v${next}.json`]: draft };
    const result = check(files);
    expect(result.problems).toEqual([]);
    expect(result.unpublished).toEqual([expect.stringMatching(new RegExp(`^lumbar-medial-branch-block version ${next} .* is not in the lock yet`))]);
    const published = lock.templates['lumbar-medial-branch-block'] ?? {};
    for (const [version, entry] of Object.entries(published)) expect(result.updated.templates['lumbar-medial-branch-block']?.[version]).toEqual(entry);
    expect(Object.keys(result.updated.templates['lumbar-medial-branch-block'] ?? {})).toEqual([...Object.keys(published), String(next)]);
  });
});
