/**
 * The browser suite on apps/next-example: its production build (`next build`, run by `pnpm test`
 * before this) served by `next start`, with the sandbox started in-process on a fixed port so the
 * scenario can move its clock. Debian's Chromium, never downloaded.
 */
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

const PORT = Number(process.env.PURSE_NEXT_PORT ?? 4330);
const SANDBOX_PORT = Number(process.env.PURSE_NEXT_SANDBOX_PORT ?? PORT + 1);

export default defineConfig({
  ...base,
  testMatch: 'next*.spec.ts',
  testIgnore: [],
  use: { ...base.use, baseURL: `http://localhost:${String(PORT)}` },
  webServer: {
    command: `pnpm --filter @purse/next-example exec next start --port ${String(PORT)}`,
    url: `http://localhost:${String(PORT)}/api/purse/accounts`,
    env: {
      PORT: String(PORT),
      PURSE_SANDBOX_PORT: String(SANDBOX_PORT),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
