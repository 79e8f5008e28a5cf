import type { Decorator, Preview } from '@storybook/react-vite';
import { PurseProvider, type PurseClient } from '@purse/react';
import { createFixturePurseClient, type FixtureClientOptions } from '@purse/react/testing';
import '@purse/react/locales/de';
import '@purse/react/locales/fr';
import '../packages/react/src/styles.css';
import './preview.css';

/**
 * Per-story Purse setup, in `parameters.purse`:
 * - `client`: fixture client options (or a ready PurseClient) the story renders against;
 * - `stripe`: a Stripe-like object for linking stories (defaults to none).
 */
export interface PurseStoryParameters {
  client?: FixtureClientOptions | PurseClient;
  stripe?: unknown;
}

function isClient(value: unknown): value is PurseClient {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PurseClient).listAccounts === 'function'
  );
}

const withPurse: Decorator = (Story, context) => {
  const purse = (context.parameters.purse ?? {}) as PurseStoryParameters;
  const client = isClient(purse.client) ? purse.client : createFixturePurseClient(purse.client);
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : 'en';
  return (
    <div className="purse-story" data-theme={theme}>
      <PurseProvider
        // A new provider per story and per toolbar change, so fixture state starts fresh.
        key={`${context.id}:${theme}:${locale}`}
        client={client}
        stripe={(purse.stripe ?? null) as never}
        theme={theme}
        locale={locale}
      >
        <Story />
      </PurseProvider>
    </div>
  );
};

const preview: Preview = {
  decorators: [withPurse],
  globalTypes: {
    theme: {
      description: 'Colour scheme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language and number formats',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'de', title: 'Deutsch' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    layout: 'padded',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Every story is checked with axe in the story tests; a violation fails the test.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
