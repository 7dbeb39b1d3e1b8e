import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'core', environment: 'node', include: ['shared/**/*.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'electron/**/*.test.ts'] },
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
    ],
    // Bounds for a hang, not waits: the slowest tests without their own limit took up to 7 s on a
    // 2-core machine with two CPU-bound processes beside them. Hooks (bundling a child's script,
    // opening a core) get as long as a test rather than Vitest's default 10 s.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
