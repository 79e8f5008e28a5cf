import {
  PurseError,
  type WalletActivityItem,
  type WalletActivityPage,
  type WalletActivityQuery,
} from '@purse/core';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { PurseClient } from '../client/purse-client.js';
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
  mode: 'ok' | 'error' | 'pending' = 'ok',
): PurseClient {
  return {
    ...createFixturePurseClient(),
    listWalletActivity: (query: WalletActivityQuery = {}): Promise<WalletActivityPage> => {
      if (mode === 'pending') return new Promise(() => undefined);
      if (mode === 'error')
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

/** Renders the story in a frame `width` pixels wide, as on a phone. */
const inWidth =
  (width: number): Decorator =>
  (Story) => (
    <div data-testid="frame" style={{ width: `${String(width)}px`, maxWidth: '100%' }}>
      <Story />
    </div>
  );

const PHONE_VIEWPORTS = {
  phone320: { name: 'Phone, 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone390: { name: 'Phone, 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' },
};

/** Nothing is wider than the frame: no sideways scrolling on a phone. */
async function expectFits(canvasElement: HTMLElement): Promise<void> {
  const frame = within(canvasElement).getByTestId('frame');
  const card = canvasElement.querySelector<HTMLElement>('.purse-WalletActivity');
  if (!card) throw new Error('no WalletActivity');
  await waitFor(() => expect(card.dataset.state).toBe('ready'));
  await expect(card.scrollWidth).toBeLessThanOrEqual(frame.clientWidth);
  const right = frame.getBoundingClientRect().right + 0.5;
  for (const row of Array.from(card.querySelectorAll<HTMLElement>('[data-slot="row"]')))
    await expect(row.getBoundingClientRect().right).toBeLessThanOrEqual(right);
}

const meta = {
  title: 'Components/WalletActivity',
  component: WalletActivity,
  tags: ['autodocs'],
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

export const Phone320: Story = {
  decorators: [inWidth(320)],
  globals: { viewport: { value: 'phone320', isRotated: false } },
  play: async ({ canvasElement }) => expectFits(canvasElement),
};

export const Phone390: Story = {
  decorators: [inWidth(390)],
  globals: { viewport: { value: 'phone390', isRotated: false } },
  play: async ({ canvasElement }) => expectFits(canvasElement),
};
