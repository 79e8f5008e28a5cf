/**
 * apps/next-example in Chromium: Purse mounted in a Next.js App Router route handler, the wallet
 * rendered on the server and hydrated without a warning, a bank linked through the sandbox's
 * modal and a top-up followed until it succeeds.
 */
import { DEFAULT_KEYS } from '@purse/sandbox';
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers.js';

const PORT = Number(process.env.PURSE_NEXT_PORT ?? 4330);
const SANDBOX = `http://127.0.0.1:${String(Number(process.env.PURSE_NEXT_SANDBOX_PORT ?? PORT + 1))}`;

/** Every console error or warning and uncaught error, to prove hydration was clean. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** Moves the sandbox's clock on by one business day (what the demo's presenter panel does). */
async function nextBusinessDay(page: Page): Promise<void> {
  const response = await page.request.post(`${SANDBOX}/_sandbox/clock/advance`, {
    headers: { authorization: `Bearer ${DEFAULT_KEYS.secretKey}` },
    data: { business_days: 1 },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

test('the server-rendered wallet hydrates cleanly, in the locale chosen on the server', async ({
  page,
}) => {
  const problems = collectProblems(page);
  const html = await (await page.request.get('/?lang=de')).text();
  // German on the server (the locale pack is imported by the client component, so it is in both)
  expect(html).toContain('Geld einzahlen');

  await page.goto('/?lang=de');
  await expect(page.getByRole('button', { name: 'Bankkonto verknüpfen' })).toBeEnabled();
  await expect(page.locator('.purse-FinancialAccountCard')).toContainText('0,00');
  expect(problems).toEqual([]);
});

test('a bank linked through the sandbox modal, then a top-up that succeeds', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  await page.getByRole('button', { name: 'Link a bank account' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Link a bank account' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'StripeBank' }).click();
  await dialog.getByRole('checkbox', { name: /Everyday Checking/ }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await dialog.getByRole('button', { name: 'Agree and link' }).click();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.locator('.purse-BalanceCard').filter({ hasText: 'Everyday Checking' }),
  ).toContainText('$4,218.37');

  const form = page.locator('.purse-TopUp');
  await form.getByRole('radio', { name: /6789/ }).check();
  await form.getByRole('textbox', { name: /^Amount/ }).fill('25.00');
  await form.getByRole('button', { name: 'Continue' }).click();
  await form.getByRole('button', { name: 'Confirm top-up' }).click();
  const tracker = form.locator('.purse-TransferStatus');
  await expect(tracker).toHaveAttribute('data-state', 'processing');
  await screenshot(page, 'next-top-up-processing');

  for (let day = 0; day < 5; day += 1) {
    if ((await tracker.getAttribute('data-state')) === 'succeeded') break;
    await nextBusinessDay(page);
    await expect(tracker)
      .toHaveAttribute('data-state', 'succeeded', { timeout: 4_000 })
      .catch(() => undefined);
  }
  await expect(tracker).toHaveAttribute('data-state', 'succeeded');
  await expect(page.locator('.purse-FinancialAccountCard')).toContainText('$25.00');
  await screenshot(page, 'next-top-up-succeeded');
  expect(problems).toEqual([]);
});
