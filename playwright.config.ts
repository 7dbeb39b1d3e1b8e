import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is not possible offline.
const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'e2e/specs',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
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
