/**
 * No page asks the Purse API for the same thing twice (issue 10's "Done when"): each demo page,
 * for each persona, loaded cold (a fresh document) and reached through the demo's navigation,
 * must not send the same GET (method and URL with its query) twice within one page view. The
 * live-update stream (SSE) is one long request and is left out. Prints the requests each page
 * view made, as figures.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { settled, signIn } from './helpers.js';

const PERSONAS = ['freelancer', 'short_of_funds', 'new_user'] as const;
const PAGES = [
  { path: '/', link: 'Overview', name: 'overview' },
  { path: '/spending', link: 'Spending', name: 'spending' },
  { path: '/top-up', link: 'Top up', name: 'top-up' },
] as const;

/** How long the API must stay silent before a page view counts as finished. */
const QUIET_MS = 1_000;

/** Records the Purse API requests a page sends, from now on. */
function recordApiRequests(page: Page): {
  requests: string[];
  lastAt: () => number;
  stop: () => void;
} {
  const requests: string[] = [];
  let lastAt = Date.now();
  const onRequest = (request: Request): void => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/purse/') || url.pathname.endsWith('/events')) return;
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
    lastAt = Date.now();
  };
  page.on('request', onRequest);
  return { requests, lastAt: () => lastAt, stop: () => page.off('request', onRequest) };
}

/** Waits until nothing is loading and the API has been silent for QUIET_MS. */
async function quiet(page: Page, lastAt: () => number): Promise<void> {
  await settled(page);
  await expect
    .poll(() => Date.now() - lastAt(), { timeout: 15_000, intervals: [250] })
    .toBeGreaterThanOrEqual(QUIET_MS);
}

/** The GETs sent more than once, with how many times. */
function repeatedGets(requests: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const request of requests)
    if (request.startsWith('GET ')) counts.set(request, (counts.get(request) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([request, n]) => `${request} ×${String(n)}`);
}

/** The requests of one page view, shortened for the figures (ids become :id). */
function figures(requests: readonly string[]): string {
  const short = requests.map((r) => r.replace(/\/(fca|ibt|pm|fa|tu|obt)_\w+/g, '/:id'));
  const counts = new Map<string, number>();
  for (const request of short) counts.set(request, (counts.get(request) ?? 0) + 1);
  return [...counts].map(([r, n]) => (n > 1 ? `${r} ×${String(n)}` : r)).join(', ') || '—';
}

for (const persona of PERSONAS) {
  test(`requests: no page sends the same GET twice in one view, for ${persona}`, async ({
    page,
  }, testInfo) => {
    await signIn(page, persona);
    const rows: string[] = [];
    const repeated: string[] = [];

    const view = async (how: 'cold' | 'navigated', name: string, go: () => Promise<void>) => {
      const recorder = recordApiRequests(page);
      await go();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await quiet(page, recorder.lastAt);
      recorder.stop();
      const again = repeatedGets(recorder.requests);
      rows.push(
        `${persona.padEnd(15)} ${name.padEnd(9)} ${how.padEnd(10)} ${String(recorder.requests.length).padStart(3)}  ${figures(recorder.requests)}`,
      );
      repeated.push(...again.map((r) => `${name} (${how}): ${r}`));
    };

    // Each page loaded cold: a fresh document, nothing cached in the browser.
    // (From a blank page, so nothing the previous document still sends is counted.)
    for (const { path, name } of PAGES) {
      await page.goto('about:blank');
      await view('cold', name, () => page.goto(path).then());
    }
    // Then each page reached from the previous one through the navigation, as a person does.
    for (const { link, name } of [...PAGES.slice(1), PAGES[0]])
      await view('navigated', name, () =>
        page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click(),
      );

    const table = ['persona         page      view       API  requests', ...rows].join('\n');
    console.log(`\nBrowser requests to the Purse API per page view\n${table}\n`);
    await testInfo.attach(`requests-${persona}.txt`, { body: table, contentType: 'text/plain' });
    expect(repeated, 'the same GET was sent twice within one page view').toEqual([]);
  });
}
