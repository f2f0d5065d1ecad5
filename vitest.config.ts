// Vitest: fast unit tests, and end-to-end tests in headless Chromium against a deck built once.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.e2e.test.ts', 'tests/.tmp/**', '**/node_modules/**'],
          // Unit tests run first, so a broken stage is reported before Chromium starts.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.e2e.test.ts'],
          exclude: ['tests/.tmp/**', '**/node_modules/**'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          // Each file drives a real Chromium; on 2 cores, one at a time in its own process is faster and steadier.
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
