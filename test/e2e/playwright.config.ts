/**
 * The browser suite: Playwright driving Debian's Chromium against the running demo (its
 * production build, served by the demo's server with the embedded sandbox). Never downloads a
 * browser. Screenshots of every page are kept under .artifacts/e2e/screenshots.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.PURSE_E2E_PORT ?? 4310);
const CHROMIUM = process.env.PURSE_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  // The Next.js example has its own server: playwright.next.config.ts.
  testIgnore: 'next*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // One demo server, one sandbox: the scenarios run one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  outputDir: '../../.artifacts/e2e/results',
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://localhost:${String(PORT)}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `pnpm --filter @purse/demo run demo --port ${String(PORT)}`,
    url: `http://localhost:${String(PORT)}/demo/config`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
