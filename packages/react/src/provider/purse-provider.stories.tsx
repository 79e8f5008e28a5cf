import { formatDate, formatMoney } from '@purse/core';
import { PurseProvider } from '@purse/react';
import { FIXTURE_NOW, createFixturePurseClient } from '@purse/react/testing';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { Catalog } from '../i18n/catalog.js';
import { usePurseContext } from './purse-context.js';

/*
 * The provider has no markup of its own worth showing, so these stories render a small sample
 * inside it: a card whose colours come from the theme's `--purse-*` variables and whose amount,
 * date and words follow the provider's locale. The story's `theme` and `locale` args are the
 * provider's props (the toolbar's theme and locale only change the outer, global provider).
 */

interface SampleMessages {
  title: string;
  balance: string;
  asOf: (date: string) => string;
  status: string;
  action: string;
}

const sampleMessages: Catalog<SampleMessages> = {
  en: {
    title: 'Cash balance',
    balance: 'Available',
    asOf: (date) => `As of ${date}`,
    status: 'Connected',
    action: 'Add money',
  },
  de: {
    title: 'Guthaben',
    balance: 'Verfügbar',
    asOf: (date) => `Stand: ${date}`,
    status: 'Verbunden',
    action: 'Geld hinzufügen',
  },
  fr: {
    title: 'Solde',
    balance: 'Disponible',
    asOf: (date) => `Au ${date}`,
    status: 'Connecté',
    action: 'Ajouter des fonds',
  },
};

/** A card styled only through the provider's theme, with values in the provider's locale. */
function ProviderSample() {
  const { locale, theme } = usePurseContext('ProviderSample');
  const t = sampleMessages[locale];
  return (
    <section
      className="purse-Card"
      aria-labelledby="purse-provider-sample-title"
      data-scheme={theme.scheme}
    >
      <h2 className="purse-Heading" id="purse-provider-sample-title">
        {t.title}
      </h2>
      <p className="purse-Muted">{t.balance}</p>
      <p className="purse-Amount" data-size="large" data-slot="amount">
        {formatMoney(123456, { currency: 'usd', locale })}
      </p>
      <p className="purse-Muted" data-slot="date">
        {t.asOf(formatDate(FIXTURE_NOW, { locale, timeZone: 'UTC' }))}
      </p>
      <p>
        <span className="purse-Badge" data-tone="success">
          {t.status}
        </span>
      </p>
      <button className="purse-Button" type="button">
        {t.action}
      </button>
    </section>
  );
}

// One client for every story: the sample reads nothing from it, and the provider keeps the first.
const client = createFixturePurseClient();

const meta = {
  title: 'Infrastructure/PurseProvider',
  component: PurseProvider,
  tags: ['autodocs'],
  args: { theme: 'light', locale: 'en', live: false },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'inline-radio', options: ['en', 'de', 'fr'] },
    client: { control: false },
    stripe: { control: false },
    children: { control: false },
  },
  render: (args) => (
    <PurseProvider {...args} client={client}>
      <ProviderSample />
    </PurseProvider>
  ),
} satisfies Meta<typeof PurseProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

function rootOf(element: HTMLElement): HTMLElement {
  const root = element.closest<HTMLElement>('.purse-Root');
  if (!root) throw new Error('The sample is not inside a .purse-Root');
  return root;
}

export const Light: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const amount = canvas.getByText('$1,234.56');
    await expect(canvas.getByRole('heading', { name: 'Cash balance' })).toBeVisible();
    await expect(canvas.getByText('As of Mar 10, 2026')).toBeVisible();
    const root = rootOf(amount);
    await expect(root).toHaveAttribute('data-theme', 'light');
    await expect(root).toHaveAttribute('lang', 'en');
    await expect(getComputedStyle(root).getPropertyValue('--purse-color-background')).toBe(
      '#ffffff',
    );
  },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = rootOf(canvas.getByText('$1,234.56'));
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(getComputedStyle(root).getPropertyValue('--purse-color-background')).toBe(
      '#14171f',
    );
    // The card paints the theme's background, not the page's.
    const card = canvas.getByRole('region', { name: 'Cash balance' });
    await expect(getComputedStyle(card).backgroundColor).toBe('rgb(20, 23, 31)');
  },
};

export const German: Story = {
  args: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Intl puts a non-breaking space before the symbol.
    const amount = canvas.getByText(/^1\.234,56\s\$$/);
    await expect(rootOf(amount)).toHaveAttribute('lang', 'de');
    await expect(canvas.getByRole('heading', { name: 'Guthaben' })).toBeVisible();
    await expect(canvas.getByText('Stand: 10.03.2026')).toBeVisible();
  },
};

export const FrenchDark: Story = {
  args: { locale: 'fr', theme: 'dark' },
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const amount = canvas.getByText(/^1\s234,56\s\$US$/);
    const root = rootOf(amount);
    await expect(root).toHaveAttribute('lang', 'fr');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(canvas.getByRole('button', { name: 'Ajouter des fonds' })).toBeEnabled();
  },
};

/** A platform's own brand, as a Stripe Appearance-style theme object. */
export const CustomTheme: Story = {
  args: {
    theme: { colorPrimary: '#0b6e4f', colorBorder: '#8fb8a8', borderRadius: '2px' },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Add money' });
    await expect(getComputedStyle(button).backgroundColor).toBe('rgb(11, 110, 79)');
    await expect(getComputedStyle(canvas.getByRole('region')).borderTopLeftRadius).toBe('2px');
  },
};
