import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// Not in `npm test`'s fast set, only in `npm run test:all`: the crash harnesses (SIGKILL of real
// child processes, many cycles), the fuzz suites (generated hostile input: payloads per method,
// request paths, typed text) and the probes that run the whole typecheck and lint again
// (scripts/boundaries.test.ts).
const SLOW = ['db/**/crash.test.ts', 'db/**/*-kill.test.ts', '**/*.fuzz.test.ts', 'scripts/boundaries.test.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...SLOW],
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx'],
          globalSetup: ['db/testing/vitest-host-setup.ts'],
          setupFiles: ['renderer/testing/fail-on-dom-nesting.ts', 'renderer/testing/async-waits.ts'],
        },
      },
      { extends: true, test: { name: 'slow', environment: 'node', include: SLOW } },
    ],
    // Bounds for a hang, not waits: the slowest tests without their own limit took up to 7 s on a
    // 2-core machine with two CPU-bound processes beside them. Hooks (bundling a child's script,
    // opening a core) get as long as a test rather than Vitest's default 10 s.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
