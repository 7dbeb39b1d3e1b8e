import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not possible offline.
const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Bounds that only a hang reaches, on a 2-core machine with two workers and other work beside
  // them (the longest specs without their own limit took 40-45 s there). Waits are on the page's
  // state (auto-waiting expect), never on a time; expect gives up after 15 s instead of 5 s.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // skip-reasons first: its lines (why a test was skipped) print just above the list's summary.
  reporter: [['./e2e/skip-reasons.ts'], ['list']],
  use: {
    headless: true,
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
