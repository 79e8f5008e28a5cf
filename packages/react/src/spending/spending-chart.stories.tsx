import type { BankTransaction } from '@purse/core';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ReactNode } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { PurseClient } from '../client/purse-client.js';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  FIXTURE_NOW,
  createFixturePurseClient,
  type FixtureClientOptions,
} from '../testing/fixture-client.js';
import { fixtureAccount, fixtureTransactions } from '../testing/fixtures.js';
import { SpendingChart } from './spending-chart.js';

const CHECKING = 'fca_fixture_checking';
const DAY = 86_400;
const history = fixtureTransactions({ accountId: CHECKING, days: 180 });
const client = (options: FixtureClientOptions = {}): FixtureClientOptions => ({
  accounts: [fixtureAccount()],
  transactions: { [CHECKING]: history },
  ...options,
});

/** The last twelve days still pending at the bank (a card-heavy fortnight). */
const pendingHeavy: BankTransaction[] = history.map((t) =>
  t.transactedAt > FIXTURE_NOW - 12 * DAY && t.status !== 'void'
    ? { ...t, status: 'pending', postedAt: null }
    : t,
);

/**
 * An account that never had its transactions fetched: the chart asks the bank for them, and the
 * bank answers a few seconds later (seen by polling, as without a live stream). A provider nested
 * in the global one, with its locale and theme.
 */
function FirstRefresh(props: { children: ReactNode }): ReactNode {
  const outer = usePurseContext('FirstRefresh');
  const [value] = useState<PurseClient>(() => {
    const fixture = createFixturePurseClient(
      client({ accounts: [fixtureAccount({ transactionRefresh: null })] }),
    );
    let succeededAt: number | null = null;
    const refresh = (status: 'pending' | 'succeeded') =>
      fixtureAccount({
        transactionRefresh: {
          id: 'fctxnref_first',
          status,
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: status === 'pending' ? null : FIXTURE_NOW + 3600,
        },
      });
    return {
      ...fixture,
      refreshTransactions: async (id) => {
        await fixture.refreshTransactions(id);
        succeededAt = Date.now() + 3_000;
        return refresh('pending');
      },
      getAccount: async (id) => {
        if (succeededAt === null) return fixture.getAccount(id);
        return refresh(Date.now() >= succeededAt ? 'succeeded' : 'pending');
      },
    };
  });
  return (
    <PurseProvider client={value} locale={outer.locale} theme={outer.theme.scheme} live={false}>
      {props.children}
    </PurseProvider>
  );
}

const withFirstRefresh: Decorator = (Story) => (
  <FirstRefresh>
    <Story />
  </FirstRefresh>
);

const meta = {
  title: 'Components/SpendingChart',
  component: SpendingChart,
  tags: ['autodocs'],
  args: {
    accountId: CHECKING,
    onRangeChange: fn(),
    onBucketChange: fn(),
    onIncludeInflowChange: fn(),
  },
  argTypes: {
    defaultRange: { control: 'inline-radio', options: [30, 90, 180] },
    defaultBucket: { control: 'inline-radio', options: ['day', 'week', 'month'] },
    defaultView: { control: 'inline-radio', options: ['chart', 'table'] },
    headingLevel: { control: 'inline-radio', options: [2, 3] },
    range: { control: false },
    bucket: { control: false },
    includeInflow: { control: false },
    accountIds: { control: false },
  },
  parameters: { purse: { client: client() } },
} satisfies Meta<typeof SpendingChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** 90 days by week: the default. */
export const Weekly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole('region', { name: 'Spending' });
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'ready'));
    await expect(canvas.getByRole('radio', { name: 'Weekly' })).toBeChecked();
    await expect(canvas.getByRole('radio', { name: '90 days' })).toBeChecked();
  },
};

export const Daily: Story = {
  args: { defaultBucket: 'day', defaultRange: 30 },
};

export const Monthly: Story = {
  args: { defaultBucket: 'month', defaultRange: 180 },
};

export const Last30Days: Story = {
  args: { defaultRange: 30 },
};

export const Last90Days: Story = {
  args: { defaultRange: 90 },
};

/** The longest history Stripe returns. */
export const Last180Days: Story = {
  args: { defaultRange: 180 },
};

/** Salary and refunds drawn as a second stack. */
export const WithMoneyIn: Story = {
  args: { defaultIncludeInflow: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('switch', { name: 'Include money in' })).toBeChecked();
    await expect(await canvas.findByText(/\$[\d,.]+ in$/)).toBeVisible();
    // The legend's swatches: money in has its own colour; pending is hatched.
    const swatch = (series: string): CSSStyleDeclaration => {
      const el = canvasElement.querySelector(
        `[data-slot="legend"] [data-series="${series}"] [data-slot="swatch"]`,
      );
      if (!el) throw new Error(`no ${series} swatch`);
      return getComputedStyle(el);
    };
    await expect(swatch('pending').backgroundImage).toContain('repeating-linear-gradient');
    await expect(swatch('inflow').backgroundImage).toBe('none');
    await expect(swatch('inflow').backgroundColor).not.toBe(swatch('posted').backgroundColor);
    // A second stack is drawn for money in.
    await waitFor(() =>
      expect(
        canvasElement.querySelectorAll('[data-slot="plot"] path[fill="var(--purse-chart-inflow)"]')
          .length,
      ).toBeGreaterThan(0),
    );
  },
};

/** Twelve days still pending: hatched bars on top of the posted ones, and called out in the total. */
export const PendingHeavy: Story = {
  args: { defaultRange: 30, defaultBucket: 'day' },
  parameters: { purse: { client: client({ transactions: { [CHECKING]: pendingHeavy } }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/ pending$/)).toBeVisible();
    // Drawn: posted bars, with the pending part hatched on top.
    const bars = (fill: string) =>
      canvasElement.querySelectorAll(`[data-slot="plot"] path[fill${fill}]`);
    await waitFor(() => expect(bars('="var(--purse-chart-outflow)"').length).toBeGreaterThan(0));
    await expect(bars('$="-out)"').length).toBeGreaterThan(0);
  },
};

/** The first page has not arrived: a skeleton. */
export const Loading: Story = {
  parameters: { purse: { client: client({ hang: ['listTransactions'] }) } },
};

/** Pages arriving one by one: the chart grows and says how many are in. */
export const LoadingPages: Story = {
  args: { defaultRange: 180 },
  parameters: { purse: { client: client({ latencyMs: 1_500 }) } },
};

export const Empty: Story = {
  // Story parameters merge deeply into the meta's: replace the account's list, not the record.
  parameters: { purse: { client: client({ transactions: { [CHECKING]: [] } }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // (The live region says it too, visually hidden.)
    await expect(
      await canvas.findByText('No spending in the last 90 days', {
        selector: '[data-slot="empty-title"]',
      }),
    ).toBeVisible();
  },
};

export const LoadError: Story = {
  parameters: { purse: { client: client({ fail: { listTransactions: 'stripe_unavailable' } }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side. Please try again.',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** The account was linked without the `transactions` permission. */
export const PermissionMissing: Story = {
  parameters: {
    purse: {
      client: client({
        accounts: [fixtureAccount({ permissions: ['balances', 'payment_method'] })],
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('This account didn’t share its transactions', { selector: 'strong' }),
    ).toBeVisible();
  },
};

/** Never refreshed: the chart asked the bank for transactions and waits (here, forever). */
export const FetchingTransactions: Story = {
  parameters: {
    purse: {
      client: client({
        accounts: [fixtureAccount({ transactionRefresh: null })],
        hang: ['refreshTransactions'],
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Fetching your transactions…')).toBeVisible();
  },
};

/** Never refreshed, and the bank answers three seconds later: the chart appears by itself. */
export const FetchingThenReady: Story = {
  decorators: [withFirstRefresh],
};

/** The table instead of the chart (the same figures, for anyone who prefers numbers). */
export const TableView: Story = {
  args: { defaultView: 'table' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole('region', { name: 'Money out per week, last 90 days' }),
    ).toBeVisible();
    await expect(canvas.getByRole('rowheader', { name: 'Total' })).toBeVisible();
  },
};

/** Switching from weeks to days and months changes the bars (and the table's rows). */
export const SwitchBucket: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole('region', { name: 'Spending' });
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'ready'));
    const rows = () => canvas.getByRole('table').querySelectorAll('tbody tr').length;
    await expect(rows()).toBe(14);
    await userEvent.click(canvas.getByRole('radio', { name: 'Daily' }));
    await expect(rows()).toBe(90);
    // The arrow keys move along the group, as in any radio group.
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(canvas.getByRole('radio', { name: 'Monthly' })).toBeChecked();
    await expect(rows()).toBe(4);
  },
};

/** "Show as table" and back. */
export const ToggleTable: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Show as table' }));
    await expect(
      canvas.getByRole('region', { name: 'Money out per week, last 90 days' }),
    ).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Show as chart' }));
    await expect(canvas.getByRole('button', { name: 'Show as table' })).toBeVisible();
  },
};

export const DarkGerman: Story = {
  globals: { theme: 'dark', locale: 'de' },
  args: { defaultIncludeInflow: true },
};

/** Money moved to savings and a credit card bill paid: not spending, and said to be left out. */
function posted(id: string, daysAgo: number, amount: number, description: string): BankTransaction {
  const at = FIXTURE_NOW - daysAgo * DAY;
  const times = { transactedAt: at, postedAt: at + 3600, voidAt: null, updated: at + 3600 };
  return {
    id,
    accountId: CHECKING,
    amount,
    currency: 'usd',
    description,
    status: 'posted',
    ...times,
  };
}
const withOwnTransfers: BankTransaction[] = [
  ...history,
  posted('fctxn_to_savings', 3, -300_00, 'ONLINE TRANSFER TO SAVINGS XXXXXX4321'),
  posted('fctxn_card_payment', 5, -612_00, 'RWDS CARD PAYMENT 1881'),
];
const ownTransfers = {
  purse: { client: client({ transactions: { [CHECKING]: withOwnTransfers } }) },
};

export const OwnTransfersExcluded: Story = {
  parameters: ownTransfers,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(
        'Not counted: 2 transfers between your accounts and card payments ($912.00).',
      ),
    ).toBeVisible();
    const merchants = canvas.getByRole('region', { name: 'Top merchants' });
    await expect(within(merchants).queryByText(/card payment|transfer/i)).toBeNull();
  },
};

export const OwnTransfersExcludedGerman: Story = {
  parameters: ownTransfers,
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(/^Nicht mitgezählt: 2 Umbuchungen zwischen Ihren Konten/),
    ).toBeVisible();
  },
};

export const OwnTransfersExcludedFrench: Story = {
  parameters: ownTransfers,
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(/^Non comptés : 2 virements entre vos comptes/),
    ).toBeVisible();
  },
};

/** Everything posted: the total says "nothing pending" rather than leaving pending unsaid. */
export const NothingPending: Story = {
  parameters: {
    purse: {
      client: client({
        transactions: {
          [CHECKING]: history.map((t) =>
            t.status === 'pending' ? { ...t, status: 'posted', postedAt: t.transactedAt } : t,
          ),
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/· nothing pending$/)).toBeVisible();
  },
};

export const NothingPendingGerman: Story = {
  ...NothingPending,
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/· nichts ausstehend$/)).toBeVisible();
  },
};

const CARD = 'fca_fixture_card';
const allPosted = history.map((t) =>
  t.status === 'pending' ? { ...t, status: 'posted' as const, postedAt: t.transactedAt } : t,
);

/**
 * The default account (checking) has nothing pending; yesterday's card payments are pending on
 * the credit card. The chart keeps the account the person knows and says where the pending is.
 */
export const PendingOnAnotherAccount: Story = {
  args: { otherAccountIds: [CHECKING, CARD] },
  parameters: {
    purse: {
      client: client({
        accounts: [
          fixtureAccount(),
          fixtureAccount({
            id: CARD,
            displayName: 'Rewards Credit Card',
            last4: '1881',
            category: 'credit',
            subcategory: 'credit_card',
          }),
        ],
        transactions: {
          [CHECKING]: allPosted,
          [CARD]: [
            {
              id: 'fctxn_card_dinner',
              currency: 'usd',
              updated: FIXTURE_NOW,
              accountId: CARD,
              amount: -42_10,
              description: 'SQ *BLUE BOTTLE COFFEE',
              status: 'pending',
              transactedAt: FIXTURE_NOW - DAY,
              postedAt: null,
              voidAt: null,
            },
          ],
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('$42.10 pending on Rewards Credit Card ••1881'),
    ).toBeVisible();
    await expect(canvas.getByText(/· nothing pending$/)).toBeVisible();
  },
};

export const PendingOnAnotherAccountFrench: Story = {
  ...PendingOnAnotherAccount,
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(/^42,10\s\$US en attente sur Rewards Credit Card ••1881$/),
    ).toBeVisible();
  },
};
