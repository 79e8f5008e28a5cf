import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { PurseClient } from '../client/purse-client.js';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  FIXTURE_NOW,
  createFixturePurseClient,
  type FixtureClientOptions,
} from '../testing/fixture-client.js';
import { fixtureAccount, fixtureCreditAccount } from '../testing/fixtures.js';
import { BalanceCard } from './balance-card.js';

/**
 * The fixture client's clock stands still; countdown stories get one that ticks from the moment
 * the story renders (a provider nested in the global one, with its locale and theme).
 */
function TickingClock(props: { options: FixtureClientOptions; children: ReactNode }): ReactNode {
  const outer = usePurseContext('TickingClock');
  const [client] = useState<PurseClient>(() => {
    const fixture = createFixturePurseClient(props.options);
    const start = Date.now();
    return { ...fixture, now: () => fixture.now() + Math.floor((Date.now() - start) / 1000) };
  });
  return (
    <PurseProvider client={client} locale={outer.locale} theme={outer.theme.scheme}>
      {props.children}
    </PurseProvider>
  );
}

const withTickingClock =
  (options: FixtureClientOptions): Decorator =>
  (Story) => (
    <TickingClock options={options}>
      <Story />
    </TickingClock>
  );

const CHECKING = 'fca_fixture_checking';

const meta = {
  title: 'Components/BalanceCard',
  component: BalanceCard,
  tags: ['autodocs'],
  args: { accountId: CHECKING },
  argTypes: {
    headingLevel: { control: 'inline-radio', options: [2, 3] },
    initialAccount: { control: false },
  },
  parameters: { purse: { client: { accounts: [fixtureAccount()] } } },
} satisfies Meta<typeof BalanceCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {
  parameters: { purse: { client: { hang: ['getAccount'] } } },
};

/** Available (large) and current balance, and how fresh it is. */
export const Cash: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('$4,218.37')).toBeVisible();
    await expect(canvas.getByText(/^as of 2 minutes ago/)).toBeVisible();
  },
};

export const CashDarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^4\.218,37\s\$$/)).toBeVisible();
  },
};

/** A credit card: what is owed, and the credit used. */
export const Credit: Story = {
  args: { accountId: 'fca_fixture_credit' },
  parameters: { purse: { client: { accounts: [fixtureCreditAccount()] } } },
};

/** The bank gives only a current balance. */
export const CurrentOnly: Story = {
  parameters: {
    purse: {
      client: {
        accounts: [
          fixtureAccount({
            balance: {
              type: 'cash',
              currency: 'usd',
              current: 4_307_93,
              available: null,
              asOf: FIXTURE_NOW - 3_600,
            },
          }),
        ],
      },
    },
  },
};

/** Linked, but no refresh has run yet. */
export const NoBalanceYet: Story = {
  parameters: {
    purse: { client: { accounts: [fixtureAccount({ balance: null, balanceRefresh: null })] } },
  },
};

/** The first refresh is running: the card says it is getting the balance, not "No balance yet". */
export const FirstRefreshRunning: Story = {
  parameters: {
    purse: {
      client: {
        accounts: [
          fixtureAccount({
            balance: null,
            balanceRefresh: {
              status: 'pending',
              lastAttemptedAt: FIXTURE_NOW - 5,
              nextRefreshAvailableAt: null,
            },
          }),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Getting your balance from your bank…')).toBeVisible();
    await expect(canvas.queryByText('No balance yet')).toBeNull();
  },
};

/** The last refresh succeeded, but the bank sent no balance. */
export const BankSharesNoBalance: Story = {
  parameters: { purse: { client: { accounts: [fixtureAccount({ balance: null })] } } },
};

export const Pending: Story = {
  parameters: {
    purse: {
      client: {
        accounts: [
          fixtureAccount({
            balanceRefresh: {
              status: 'pending',
              lastAttemptedAt: FIXTURE_NOW - 5,
              nextRefreshAvailableAt: null,
            },
          }),
        ],
      },
    },
  },
};

/** Click "Refresh balance": pending, then (on the next poll) the countdown to the next one. */
export const Refreshing: Story = {
  decorators: [withTickingClock({ accounts: [fixtureAccount()], refreshMs: 1500 })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Refresh balance' }));
    await expect(await canvas.findByText('Refreshing…')).toBeVisible();
  },
};

/** The bank did not deliver the last refresh; it can be retried now. */
export const Failed: Story = {
  parameters: {
    purse: {
      client: {
        accounts: [
          fixtureAccount({
            balanceRefresh: {
              status: 'failed',
              lastAttemptedAt: FIXTURE_NOW - 300,
              nextRefreshAvailableAt: FIXTURE_NOW - 240,
            },
          }),
        ],
      },
    },
  },
};

/** The last refresh was moments ago: a live countdown to the next one. */
export const Cooldown: Story = {
  decorators: [
    withTickingClock({
      accounts: [
        fixtureAccount({
          balance: {
            type: 'cash',
            currency: 'usd',
            current: 4_307_93,
            available: 4_218_37,
            asOf: FIXTURE_NOW - 15,
          },
          balanceRefresh: {
            status: 'succeeded',
            lastAttemptedAt: FIXTURE_NOW - 18,
            nextRefreshAvailableAt: FIXTURE_NOW + 42,
          },
        }),
      ],
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: /^Refresh available in/ });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
  },
};

/** Inactive: the bank wants the user to sign in again; the host offers "Reconnect". */
export const Inactive: Story = {
  args: { onReconnect: fn() },
  parameters: {
    purse: {
      client: {
        accounts: [
          fixtureAccount({
            status: 'inactive',
            balanceRefresh: {
              status: 'succeeded',
              lastAttemptedAt: FIXTURE_NOW - 86_400,
              nextRefreshAvailableAt: null,
            },
            balance: {
              type: 'cash',
              currency: 'usd',
              current: 4_307_93,
              available: 4_218_37,
              asOf: FIXTURE_NOW - 86_400,
            },
          }),
        ],
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Reconnect' }));
    await expect(args.onReconnect).toHaveBeenCalledTimes(1);
  },
};

export const Disconnected: Story = {
  parameters: {
    purse: { client: { accounts: [fixtureAccount({ status: 'disconnected', balance: null })] } },
  },
};

/** Linked without the `balances` permission. */
export const PermissionMissing: Story = {
  parameters: {
    purse: {
      client: {
        accounts: [
          fixtureAccount({ permissions: ['payment_method'], balance: null, balanceRefresh: null }),
        ],
      },
    },
  },
};

/** The account could not be loaded. */
export const LoadError: Story = {
  parameters: { purse: { client: { fail: { getAccount: 'network_error' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t reach the server.',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** The refresh request failed (not the bank: our server). */
export const RefreshError: Story = {
  parameters: {
    purse: {
      client: { accounts: [fixtureAccount()], fail: { refreshBalance: 'stripe_unavailable' } },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Refresh balance' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t start a refresh.',
    );
  },
};
