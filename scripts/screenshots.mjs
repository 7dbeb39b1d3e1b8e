// npm run screenshots: pictures of the main screens for docs/screenshots.md and the README, in the light
// and the dark theme, taken in headless Chromium from the real app (built, then
// started by the e2e fixtures on a temporary data folder with demo patients).
// Writes scripts/screenshots/<screen>-<theme>.png; e2e/specs/screenshots.spec.ts
// says what is on each. Run it again whenever a screen changes.
import { spawnSync } from 'node:child_process';

const run = (args, env = {}) => {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(['scripts/build.mjs']);
run(['node_modules/@playwright/test/cli.js', 'test', 'e2e/specs/screenshots.spec.ts', '--workers=1'], { PROCEDUREDESK_SCREENSHOTS: 'scripts/screenshots' });
console.log('screenshots: scripts/screenshots/');
