// The path guard shared by the app:// protocol and the loopback host, under
// thousands of generated request paths: it never resolves a file outside the bundle.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/temp-core';
import { resolveStatic } from './static-files';

let base: string;
let root: string;
beforeAll(() => {
  base = tempDir('proceduredesk-static-');
  root = path.join(base, 'bundle');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), 'ok');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'ok');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link-out.txt'));
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const segment = fc.oneof(
  fc.constantFrom('..', '.', '', 'assets', 'index.html', 'app.js', 'secret.txt', 'link-out.txt', '%2e%2e', '%2E%2E', '..%2f', '..%5c', '%2f', '%00', '\\..', '..\\', 'C:', '~', '%252e%252e', '%c0%ae%c0%ae', '.%2e', '%2e.'),
  fc.string({ maxLength: 6 }),
);
const requestPath = fc.array(segment, { maxLength: 8 }).map((parts) => `/${parts.join('/')}`);

describe('static file path guard', () => {
  it('serves the bundle, nothing else, for 20,000 generated paths', () => {
    const realRoot = fs.realpathSync(root) + path.sep;
    fc.assert(
      fc.property(requestPath, (p) => {
        const found = resolveStatic(root, p);
        if (found) {
          expect(found.file.startsWith(realRoot), `${p} -> ${found.file}`).toBe(true);
          expect(fs.readFileSync(found.file, 'utf8')).toBe('ok');
        }
      }),
      { numRuns: 20_000, seed: 424242 },
    );
  });

  it('resolves the real files and refuses the classic escapes', () => {
    expect(resolveStatic(root, '/')?.file).toBe(fs.realpathSync(path.join(root, 'index.html')));
    expect(resolveStatic(root, '/assets/app.js')?.type).toContain('javascript');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link-out.txt', '/assets/../../secret.txt', '/index.html%00.js', '/..\\secret.txt', `/${base}/secret.txt`]) {
      expect(resolveStatic(root, p), p).toBeNull();
    }
  });
});
