import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'test/*/vitest.config.ts'],
    restoreMocks: true,
    // Two cores on CI: keep parallelism modest.
    maxWorkers: 2,
  },
});
