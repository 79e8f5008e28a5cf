/**
 * The whole matrix of issue 13's "Done when": every demo page for each persona, at 390 px and
 * 1280 px, in English, German and French, light and dark, with axe (WCAG 2.1 AA and the best
 * practices, `heading-order` among them) finding nothing and no page wider than its viewport.
 *
 * Kept fast on a small machine: one browser context per persona × locale × theme, one sign-in
 * (one sandbox reset) per context, pages reached through the demo's own navigation (one document
 * load per context), and each page checked at both widths by resizing rather than reloading.
 * The first view and the presenter panel are checked in every locale × theme as well.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoMessages, type DemoLocale } from '../../apps/demo/src/messages.js';
import {
  expectFitsViewport,
  expectNoAxeViolations,
  screenshot,
  settled,
  signIn,
} from './helpers.js';

const PERSONAS = ['freelancer', 'short_of_funds', 'new_user'] as const;
const LOCALES = ['en', 'de', 'fr'] as const satisfies readonly DemoLocale[];
const THEMES = ['light', 'dark'] as const;
const PHONE = { width: 390, height: 844 } as const;
const WIDE = { width: 1280, height: 900 } as const;
/** The narrowest phone the components support: checked for sideways scrolling only. */
const NARROWEST = { width: 320, height: 640 } as const;

type Size = typeof NARROWEST | typeof PHONE | typeof WIDE;

// axe judges still frames: with transitions running (a button's 150 ms hover fade after a resize
// moves it under the pointer) it measures colours halfway. Reduced motion makes them instant.
test.use({ reducedMotion: 'reduce' });

const PAGES = [
  { name: 'overview', nav: 'overview', title: 'overviewTitle' },
  { name: 'spending', nav: 'spending', title: 'spendingTitle' },
  { name: 'top-up', nav: 'topUp', title: 'topUpTitle' },
] as const;

interface Combination {
  locale: DemoLocale;
  theme: (typeof THEMES)[number];
}

/**
 * Checks what is on screen at one width: settled, no sideways scroll, then (unless `checks` is
 * 'width') axe finds nothing and a screenshot is kept.
 */
async function checkAt(
  page: Page,
  size: Size,
  name: string,
  options: { checks?: 'all' | 'width' } = {},
): Promise<void> {
  await page.setViewportSize(size);
  // The pointer rests in a corner, away from anything it could hover.
  await page.mouse.move(0, 0);
  // Two frames: the resize has been laid out and any resize observer has rendered.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await settled(page);
  await expectFitsViewport(page);
  if (options.checks === 'width') return;
  await expectNoAxeViolations(page, { bestPractice: true });
  await screenshot(page, `${name}-${String(size.width)}`);
}

/** The document speaks the chosen language, wears the chosen theme and names the wallet. */
async function expectPreferences(page: Page, { locale, theme }: Combination): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  // The host names its wallet in the reader's language ("Portefeuille Fieldwork", not "Fieldwork
  // Portefeuille").
  await expect(page.locator('.demo-Brand')).toContainText(demoMessages[locale].walletName);
}

for (const locale of LOCALES) {
  for (const theme of THEMES) {
    const t = demoMessages[locale];
    const combination = `${locale}-${theme}`;

    for (const persona of PERSONAS) {
      test(`matrix: every page for ${persona} in ${locale}, ${theme}, at 390 and 1280 px: axe finds nothing, nothing scrolls sideways (nor at 320 px)`, async ({
        page,
      }) => {
        await page.setViewportSize(PHONE);
        await signIn(page, persona, { locale, theme });
        await expectPreferences(page, { locale, theme });
        // Alternate the order of widths so each page costs two resizes, not three.
        let widths: Size[] = [NARROWEST, PHONE, WIDE];
        for (const { name, nav, title } of PAGES) {
          if (name !== 'overview')
            await page
              .getByRole('navigation', { name: t.navLabel })
              .getByRole('link', { name: t.nav[nav], exact: true })
              .click();
          await expect(page.getByRole('heading', { level: 1, name: t[title] })).toBeVisible();
          for (const size of widths)
            await checkAt(page, size, `walk-${persona}-${name}-${combination}`, {
              checks: size === NARROWEST ? 'width' : 'all',
            });
          widths = [...widths].reverse();
        }
      });
    }

    test(`matrix: the first view and the presenter panel in ${locale}, ${theme}, at 390 and 1280 px`, async ({
      page,
    }) => {
      await page.setViewportSize(PHONE);
      await signIn(page, 'freelancer', { locale, theme });
      await expectPreferences(page, { locale, theme });

      // The presenter panel: a bottom sheet on a phone, a docked side panel when wide.
      await page.getByRole('button', { name: t.simulator.open }).click();
      const panel = page.getByRole('complementary', { name: t.simulator.title });
      await expect(panel).toBeVisible();
      await expect(
        panel.getByRole('button', {
          name: t.simulator.failWith(t.simulator.failures.insufficient_funds),
        }),
      ).toBeVisible();
      for (const size of [PHONE, WIDE]) await checkAt(page, size, `presenter-${combination}`);
      await panel.getByRole('button', { name: t.simulator.close }).click();
      await expect(panel).toBeHidden();

      // The first view: what this is and what to try first, as each persona.
      await page.getByRole('button', { name: t.switchUser }).click();
      await expect(page.getByRole('heading', { level: 1, name: t.pickTitle })).toBeVisible();
      await expect(page.getByText(t.pickIntro)).toBeVisible();
      for (const persona of PERSONAS)
        await expect(page.getByText(t.personas[persona].tryFirst)).toBeVisible();
      // French elision: "Continuer en tant qu’Alex", never "que Alex".
      await expect(page.getByRole('button', { name: t.continueAs('Alex') })).toBeVisible();
      for (const size of [WIDE, PHONE, NARROWEST])
        await checkAt(page, size, `first-view-${combination}`, {
          checks: size === NARROWEST ? 'width' : 'all',
        });
    });
  }
}

test('matrix: French elides before a vowel', () => {
  expect(demoMessages.fr.continueAs('Alex')).toBe('Continuer en tant qu’Alex');
  expect(demoMessages.fr.continueAs('Maya')).toBe('Continuer en tant que Maya');
});
