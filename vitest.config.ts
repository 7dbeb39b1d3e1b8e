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
          setupFiles: ['renderer/testing/fail-on-dom-nesting.ts'],
        },
      },
    ],
    testTimeout: 20_000,
  },
});
