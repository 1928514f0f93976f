import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,app,components,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.{ts,tsx}', 'node_modules/**'],
          // No unit test is about time, but some do real work (the CPU-cost ratios of the poison-body
          // tests run ~2 s of CPU): Vitest's 5 s default failed one on a machine at load 17. A hung
          // test still fails, later.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['{lib,app,scripts}/**/*.int.test.{ts,tsx}'],
          // Each test file gets its own process and its own fresh database (see lib/testing/).
          pool: 'forks',
          globalSetup: ['lib/testing/global-setup.ts'],
          setupFiles: ['lib/testing/setup-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
