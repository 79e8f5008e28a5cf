import {
  PurseError,
  type WalletActivityItem,
  type WalletActivityPage,
  type WalletActivityQuery,
} from '@purse/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { PurseClient } from '../client/purse-client.js';
import { expectFitsPhone, PHONE_VIEWPORTS, phoneStory } from '../test-support/phone-frame.js';
import { FIXTURE_NOW, createFixturePurseClient } from '../testing/fixture-client.js';
import { WalletActivity } from './wallet-activity.js';

const DAY = 86_400;

const EVERY_KIND: WalletActivityItem[] = [
  {
    id: 'trxn_pending',
    kind: 'top_up',
    amount: 250_00,
    currency: 'usd',
    status: 'pending',
    description: 'Rent buffer',
    created: FIXTURE_NOW - 600,
    postedAt: null,
    receiptUrl: null,
  },
  {
    id: 'trxn_returned',
    kind: 'top_up_returned',
    amount: -40_00,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: FIXTURE_NOW - DAY,
    postedAt: FIXTURE_NOW - DAY,
    receiptUrl: 'https://example.com/receipts/rd_1',
  },
  {
    id: 'trxn_top_up',
    kind: 'top_up',
    amount: 1_250_00,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: FIXTURE_NOW - 4 * DAY,
    postedAt: FIXTURE_NOW - 2 * DAY,
    receiptUrl: 'https://example.com/receipts/ibt_1',
  },
  {
    id: 'trxn_credit',
    kind: 'received_credit',
    amount: 12_640_55,
    currency: 'usd',
    status: 'posted',
    description: 'Invoice 1042 from Northwind Studio',
    created: FIXTURE_NOW - 6 * DAY,
    postedAt: FIXTURE_NOW - 6 * DAY,
    receiptUrl: null,
  },
  {
    id: 'trxn_debit',
    kind: 'received_debit',
    amount: -19_99,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: FIXTURE_NOW - 8 * DAY,
    postedAt: FIXTURE_NOW - 8 * DAY,
    receiptUrl: null,
  },
  {
    id: 'trxn_outbound',
    kind: 'outbound',
    amount: -300_00,
    currency: 'usd',
    status: 'posted',
    description: 'To Everyday Checking',
    created: FIXTURE_NOW - 8 * DAY - 60,
    postedAt: FIXTURE_NOW - 8 * DAY,
    receiptUrl: 'https://example.com/receipts/obt_1',
  },
  {
    id: 'trxn_other',
    kind: 'other',
    amount: 1_00,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: FIXTURE_NOW - 8 * DAY - 120,
    postedAt: FIXTURE_NOW - 8 * DAY - 120,
    receiptUrl: null,
  },
  {
    id: 'trxn_void',
    kind: 'top_up',
    amount: 75_00,
    currency: 'usd',
    status: 'void',
    description: null,
    created: FIXTURE_NOW - 9 * DAY,
    postedAt: null,
    receiptUrl: null,
  },
];

/** The fixture client with wallet activity: `items` paged by cursor, or a failure, or no answer. */
function activityClient(
  items: readonly WalletActivityItem[],
  mode: 'ok' | 'error' | 'pending' | 'more-error' = 'ok',
): PurseClient {
  return {
    ...createFixturePurseClient(),
    listWalletActivity: (query: WalletActivityQuery = {}): Promise<WalletActivityPage> => {
      if (mode === 'pending') return new Promise(() => undefined);
      if (mode === 'error' || (mode === 'more-error' && query.cursor))
        return Promise.reject(
          new PurseError({ code: 'stripe_unavailable', message: 'Stripe is unavailable.' }),
        );
      const start = query.cursor ? items.findIndex((i) => i.id === query.cursor) + 1 : 0;
      const limit = query.limit ?? 20;
      const data = items.slice(start, start + limit);
      const hasMore = start + limit < items.length;
      return Promise.resolve({
        data,
        hasMore,
        nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null,
      });
    },
  };
}

const meta = {
  title: 'Components/WalletActivity',
  component: WalletActivity,
  tags: ['autodocs'],
  argTypes: { headingLevel: { control: 'inline-radio', options: [2, 3, 4] } },
  parameters: {
    purse: { client: activityClient(EVERY_KIND) },
    viewport: { options: PHONE_VIEWPORTS },
  },
} satisfies Meta<typeof WalletActivity>;

export default meta;
type Story = StoryObj<typeof meta>;

export const EveryKind: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText('Rent buffer')).toBeVisible());
    await expect(canvas.getByText('Pending')).toBeVisible();
    await expect(
      canvas.getByRole('link', { name: /Receipt: Top-up returned by your bank/ }),
    ).toHaveAttribute('href', 'https://example.com/receipts/rd_1');
  },
};

export const Loading: Story = {
  parameters: { purse: { client: activityClient([], 'pending') } },
};

export const Empty: Story = {
  parameters: { purse: { client: activityClient([]) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByText('No activity yet')).toBeVisible());
  },
};

export const LoadError: Story = {
  parameters: { purse: { client: activityClient([], 'error') } },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('We couldn’t load your activity');
  },
};

export const Paginated: Story = {
  args: { pageSize: 2 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const more = await canvas.findByRole('button', { name: 'Load more' });
    await userEvent.click(more);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(4));
  },
};

/** Posted and pending, money in and out, receipts: every kind of row at once. */
export const EveryKindDark: Story = { ...EveryKind, globals: { theme: 'dark' } };

/** The next page failed: the rows stay, the alert says so, "Load more" asks for it again. */
export const LoadMoreError: Story = {
  args: { pageSize: 2 },
  parameters: { purse: { client: activityClient(EVERY_KIND, 'more-error') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Load more' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t load more activity.',
    );
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2);
  },
};

/** Under a section's `<h2>`: the card's heading is an `<h3>`. */
export const HeadingLevel3: Story = {
  args: { headingLevel: 3 },
  render: (args) => (
    <section>
      <h2>Your wallet</h2>
      <WalletActivity {...args} />
    </section>
  ),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole('heading', { level: 3, name: 'Activity' }),
    ).toBeVisible();
  },
};

const fits = ({ canvasElement }: { canvasElement: HTMLElement }) =>
  expectFitsPhone(canvasElement, '.purse-WalletActivity');

export const Phone320: Story = { ...phoneStory(320), play: fits };

export const Phone390: Story = { ...phoneStory(390), play: fits };

/** French words run longest ("Rechargement renvoyé par votre banque"). */
export const Phone320French: Story = {
  ...phoneStory(320),
  globals: { ...phoneStory(320).globals, locale: 'fr' },
  play: fits,
};

export const Phone320Empty: Story = {
  ...phoneStory(320),
  parameters: { purse: { client: activityClient([]) } },
  play: ({ canvasElement }) => expectFitsPhone(canvasElement, '.purse-WalletActivity', 'empty'),
};

export const Phone320Error: Story = {
  ...phoneStory(320),
  parameters: { purse: { client: activityClient([], 'error') } },
  play: ({ canvasElement }) => expectFitsPhone(canvasElement, '.purse-WalletActivity', 'error'),
};
