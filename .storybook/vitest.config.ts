/**
 * The `storybook` Vitest project: every story in `.storybook/main.ts`'s `stories` glob becomes a
 * test that renders it in headless Chromium, runs its `play` function and checks it with axe.
 */
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './chromium.js';

const configDir = fileURLToPath(new URL('.', import.meta.url));

export default defineProject({
  plugins: [storybookTest({ configDir })],
  test: {
    name: 'storybook',
    setupFiles: [fileURLToPath(new URL('./vitest.setup.ts', import.meta.url))],
    // One browser page at a time, and only after the Node projects are done (group 0): CI has
    // two cores, and Chromium next to two test workers slows timing-sensitive suites.
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
