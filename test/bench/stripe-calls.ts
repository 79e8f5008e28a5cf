/**
 * `pnpm bench:stripe-calls`: how many Stripe requests and browser API requests each demo page
 * view costs, cold (the first view after signing in) and warm (the same page again, inside the
 * server's freshness window). Runs the built demo in this process against its sandbox, drives
 * Debian's Chromium, and reads the sandbox's request log. Prints figures; asserts nothing.
 *
 *   --persona freelancer|short_of_funds|new_user   (default freelancer: Maya, everything linked)
 *   --settle MS   how long a page is left to finish its requests (default 2000)
 */
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { startBackend } from '../../apps/demo/server/backend.js';
import { createDemoApp } from '../../apps/demo/server/demo-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const demoRoot = join(root, 'apps/demo');
const { values } = parseArgs({
  options: {
    persona: { type: 'string', default: 'freelancer' },
    settle: { type: 'string', default: '2000' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const settleMs = Number(values.settle);

if (!values['skip-build']) {
  // Under `pnpm bench:…`, npm_execpath is the pnpm that runs us (no global pnpm needed).
  const pnpm = process.env.npm_execpath;
  const built = pnpm
    ? spawnSync(process.execPath, [pnpm, '--filter', '@purse/demo', 'run', 'build'], {
        cwd: root,
        stdio: 'ignore',
      })
    : spawnSync('npx', ['-y', 'pnpm@10.34.9', '--filter', '@purse/demo', 'run', 'build'], {
        cwd: root,
        stdio: 'ignore',
      });
  if (built.status !== 0)
    throw new Error('The demo did not build (pnpm --filter @purse/demo build)');
}

const backend = await startBackend({
  speed: 1,
  personasFile: join(demoRoot, '.personas.bench.json'),
  env: {},
});
if (backend.mode !== 'sandbox') throw new Error('The benchmark runs against the sandbox only.');
const sandbox = backend.sandbox;
const app = createDemoApp({ backend, distDir: join(demoRoot, 'dist'), log: () => undefined });
const server = app.listen(0, '127.0.0.1');
await new Promise<void>((resolve) => server.once('listening', resolve));
const port = (server.address() as AddressInfo).port;
const origin = `http://localhost:${String(port)}`;
sandbox.addWebhook({ url: `http://127.0.0.1:${String(port)}/webhooks/stripe` });

interface LoggedRequest {
  method: string;
  path: string;
}

async function stripeRequests(): Promise<LoggedRequest[]> {
  const response = await fetch(`${sandbox.url}/_sandbox/requests`, {
    headers: { Authorization: `Bearer ${sandbox.secretKey}` },
  });
  const body = (await response.json()) as { data: LoggedRequest[] };
  return body.data.filter((request) => request.path.startsWith('/v1/'));
}

const browser = await chromium.launch({
  executablePath: process.env.PURSE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

interface ViewFigures {
  stripe: number;
  stripeByPath: Map<string, number>;
  browser: number;
  browserByPath: Map<string, number>;
  /** GETs sent more than once in the view, with their query (a second page is not a repeat). */
  repeatedGets: string[];
}

function tally(paths: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}

async function view(page: Page, path: string): Promise<ViewFigures> {
  const before = (await stripeRequests()).length;
  const api: string[] = [];
  const exact: string[] = [];
  const onRequest = (request: { url(): string; method(): string }): void => {
    const url = new URL(request.url());
    // The live-update stream is one long request, not a page's data.
    if (url.pathname.startsWith('/api/purse/') && !url.pathname.endsWith('/events')) {
      api.push(`${request.method()} ${url.pathname.replace(/\/(fca|ibt|pm|fa)_[\w]+/g, '/:id')}`);
      exact.push(`${request.method()} ${url.pathname}${url.search}`);
    }
  };
  page.on('request', onRequest);
  await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
  await page.waitForTimeout(settleMs);
  page.off('request', onRequest);
  const after = await stripeRequests();
  const made = after
    .slice(before)
    .map(
      (request) =>
        `${request.method} ${request.path.replace(/\/(fca|ibt|pm|fa|acct|cus)_[\w]+/g, '/:id')}`,
    );
  return {
    stripe: made.length,
    stripeByPath: tally(made),
    browser: api.length,
    browserByPath: tally(api),
    repeatedGets: [...tally(exact.filter((r) => r.startsWith('GET ')))]
      .filter(([, count]) => count > 1)
      .map(([request, count]) => `${request} ×${String(count)}`),
  };
}

const pages = [
  ['overview', '/'],
  ['spending', '/spending'],
  ['top-up', '/top-up'],
] as const;

const rows: string[] = [];
const details: string[] = [];
for (const [name, path] of pages) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = await page.request.post(`${origin}/demo/session`, {
    data: { persona: values.persona },
    headers: { 'Purse-Request': '1' },
  });
  if (!signIn.ok()) throw new Error(`Signing in failed: ${String(signIn.status())}`);
  const cold = await view(page, path);
  const warm = await view(page, path);
  rows.push(
    `${name.padEnd(10)} ${String(cold.stripe).padStart(6)} ${String(warm.stripe).padStart(6)} ${String(cold.browser).padStart(9)} ${String(warm.browser).padStart(9)}`,
  );
  const list = (counts: Map<string, number>): string =>
    [...counts]
      .map(([key, count]) => `${key}${count > 1 ? ` ×${String(count)}` : ''}`)
      .join(', ') || '—';
  details.push(`${name} cold, Stripe: ${list(cold.stripeByPath)}`);
  details.push(`${name} cold, browser: ${list(cold.browserByPath)}`);
  details.push(`${name} warm, Stripe: ${list(warm.stripeByPath)}`);
  details.push(
    `${name} cold, the same GET twice (URL with query): ${cold.repeatedGets.join(', ') || 'none'}`,
  );
  await context.close();
}

console.log(`\nStripe and browser requests per page view (persona: ${values.persona})\n`);
console.log('page       Stripe: cold  warm   browser: cold  warm');
for (const row of rows) console.log(row);
console.log('');
for (const line of details) console.log(`  ${line}`);

await browser.close();
server.close();
await backend.close();
