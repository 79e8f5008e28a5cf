import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'test/*/vitest.config.ts',
      // React 18: the component kit's compatibility test against the older renderer.
      'packages/react/vitest.react18.config.ts',
      // Every story rendered in headless Chromium, with its play function and an axe check.
      '.storybook/vitest.config.ts',
    ],
    restoreMocks: true,
    // Two cores on CI: keep parallelism modest.
    maxWorkers: 2,
  },
});
