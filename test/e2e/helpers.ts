import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

const here = dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = join(here, '../../.artifacts/e2e/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/** Resets the demo's sandbox, then signs in as a persona with the given preferences. */
export async function signIn(
  page: Page,
  persona: 'freelancer' | 'short_of_funds' | 'new_user',
  options: { locale?: 'en' | 'de' | 'fr'; theme?: 'light' | 'dark' } = {},
): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    ({ locale, theme }) => {
      window.localStorage.setItem('purse-demo-locale', locale);
      window.localStorage.setItem('purse-demo-theme', theme);
    },
    { locale: options.locale ?? 'en', theme: options.theme ?? 'light' },
  );
  const reset = await page.request.post('/demo/session', { data: { persona } });
  expect(reset.status()).toBe(204);
  const fresh = await page.request.post('/demo/simulator/reset', { data: {} });
  expect(fresh.ok()).toBe(true);
  await page.goto('/');
}

/** Where a screenshot of that name is kept. */
export function screenshotPath(name: string): string {
  return join(SCREENSHOTS, `${name}.png`);
}

/**
 * Saves a screenshot as a test artifact: the full page, or only `of` (an element) when given.
 * Issue 13's items are named `item<N>-…` so each can be found by number.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { of?: Locator } = {},
): Promise<void> {
  const path = screenshotPath(name);
  if (options.of) await options.of.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** The part of axe-core's API the check uses, once injected into the page. */
interface AxeRun {
  run(
    context: Document,
    options: { runOnly: { type: 'tag'; values: string[] } },
  ): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
}

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/**
 * Runs axe on the page and fails on any violation (WCAG 2.x A and AA, plus axe's best practices
 * such as `heading-order` when `bestPractice` is set). axe is injected once per document (what
 * AxeBuilder would do on every call), so a page checked at two widths pays for it once.
 */
export async function expectNoAxeViolations(
  page: Page,
  options: { bestPractice?: boolean } = {},
): Promise<void> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  if (options.bestPractice) tags.push('best-practice');
  // Colours measured halfway through a CSS transition (a theme switch, a hover fade) are
  // neither the old nor the new ones: let every transition finish first.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => !(animation instanceof CSSTransition)),
  );
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (values) => {
    const { axe } = window as unknown as { axe: AxeRun };
    const results = await axe.run(document, { runOnly: { type: 'tag', values } });
    return results.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, tags);
  expect(violations).toEqual([]);
}

/** A simulator action from the presenter's panel, through the demo's server. */
export async function simulate(page: Page, path: string, data: unknown = {}): Promise<void> {
  const response = await page.request.post(`/demo/simulator/${path}`, { data });
  expect(response.ok(), await response.text()).toBe(true);
}

/**
 * The presenter moves the sandbox clock a business day at a time until `locator` shows
 * `data-state` = `state` (how many days it takes depends on the weekday and holidays). The UI
 * must update by itself: nothing reloads the page.
 */
export async function advanceUntil(
  page: Page,
  locator: Locator,
  state: string,
  maxDays = 5,
): Promise<void> {
  for (let day = 0; day < maxDays; day += 1) {
    if ((await locator.getAttribute('data-state')) === state) return;
    await simulate(page, 'clock', { businessDays: 1 });
    try {
      await expect(locator).toHaveAttribute('data-state', state, { timeout: 3_000 });
      return;
    } catch {
      // Not yet: another business day.
    }
  }
  await expect(locator).toHaveAttribute('data-state', state, { timeout: 10_000 });
}

/** Nothing on the page is wider than the viewport: no sideways scrolling. */
export async function expectFitsViewport(page: Page): Promise<void> {
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(viewport);
}

/** Waits until nothing on the page is loading (no skeleton or busy region left). */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('main [data-state="loading"]')).toHaveCount(0, { timeout: 20_000 });
}
