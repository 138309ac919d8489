import { defineConfig } from 'vitest/config';

// Business dates must not depend on the machine's zone: every test runs far from Asia/Shanghai.
process.env.TZ = 'America/Los_Angeles';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/renderer/**', 'node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: { TZ: 'America/Los_Angeles' },
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 30_000,
          env: { TZ: 'America/Los_Angeles' },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env: { TZ: 'America/Los_Angeles' },
        },
      },
    ],
  },
});
