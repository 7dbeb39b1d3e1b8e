// The app:// protocol handler under thousands of generated request paths: never a file outside
// the bundle (the handler's fixed cases are in hardening.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from '#db/serve/static-files';
import { tempDir } from '#db/testing/temp-core';
import { appProtocolHandler } from './guards';

describe('app:// protocol handler under generated paths', () => {
  const root = tempDir('proceduredesk-bundle-');
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  const handler = appProtocolHandler((p) => resolveStatic(root, p), (file) => Promise.resolve(new Uint8Array(fs.readFileSync(file))));

  it('never serves outside the bundle, for thousands of generated paths', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('..', '%2e%2e', '..%2f', '%00', 'etc', 'passwd', 'index.html', '', '.', '\\'), { maxLength: 6 }), async (parts) => {
        const response = await handler({ url: `app://bundle/${parts.join('/')}` });
        if (response.status === 200) expect(await response.text()).toBe('<!doctype html>');
      }),
      { numRuns: 3000 },
    );
  });
});
