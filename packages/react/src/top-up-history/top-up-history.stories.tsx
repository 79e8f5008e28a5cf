import type { TopUp } from '@purse/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { expectFitsPhone, PHONE_VIEWPORTS, phoneStory } from '../test-support/phone-frame.js';
import { FIXTURE_NOW, type FixtureClientOptions } from '../testing/fixture-client.js';
import { fixtureTopUp } from '../testing/fixtures.js';
import { TopUpHistory } from './top-up-history.js';

const EVERY_STATUS: TopUp[] = [
  fixtureTopUp({
    id: 'ibt_review',
    amount: 1_200_00,
    status: 'requires_confirmation',
    created: FIXTURE_NOW - 300,
  }),
  fixtureTopUp({ id: 'ibt_processing', amount: 250_00, created: FIXTURE_NOW - 3_600 }),
  fixtureTopUp({
    id: 'ibt_same_day',
    amount: 80_00,
    sameDay: true,
    cancelable: false,
    created: FIXTURE_NOW - 7_200,
  }),
  fixtureTopUp({
    id: 'ibt_succeeded',
    amount: 500_00,
    status: 'succeeded',
    cancelable: false,
    description: 'Rent buffer',
    created: FIXTURE_NOW - 86_400 * 3,
  }),
  fixtureTopUp({
    id: 'ibt_failed',
    amount: 75_00,
    status: 'failed',
    cancelable: false,
    failure: { code: 'insufficient_funds', message: 'Insufficient funds.' },
    created: FIXTURE_NOW - 86_400 * 6,
  }),
  fixtureTopUp({
    id: 'ibt_canceled',
    amount: 40_00,
    status: 'canceled',
    cancelable: false,
    created: FIXTURE_NOW - 86_400 * 9,
  }),
  fixtureTopUp({
    id: 'ibt_returned',
    amount: 320_00,
    status: 'succeeded',
    returned: true,
    cancelable: false,
    created: FIXTURE_NOW - 86_400 * 14,
  }),
];

/** `count` succeeded top-ups, one a day. */
function manyTopUps(count: number): TopUp[] {
  return Array.from({ length: count }, (_, i) =>
    fixtureTopUp({
      id: `ibt_${String(i).padStart(3, '0')}`,
      amount: 25_00 + i * 5_00,
      status: 'succeeded',
      cancelable: false,
      created: FIXTURE_NOW - 86_400 * i,
    }),
  );
}

const client = (options: FixtureClientOptions): { purse: { client: FixtureClientOptions } } => ({
  purse: { client: options },
});

const meta = {
  title: 'Components/TopUpHistory',
  component: TopUpHistory,
  tags: ['autodocs'],
  args: { onSelect: fn() },
  argTypes: {
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
    status: {
      control: 'select',
      options: [
        undefined,
        'requires_confirmation',
        'processing',
        'succeeded',
        'failed',
        'canceled',
      ],
    },
  },
  parameters: { ...client({ topUps: EVERY_STATUS }), viewport: { options: PHONE_VIEWPORTS } },
} satisfies Meta<typeof TopUpHistory>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {
  parameters: client({ hang: ['listTopUps'] }),
};

export const Empty: Story = {
  parameters: client({ topUps: [] }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No top-ups yet')).toBeVisible();
  },
};

/** One top-up in each status; rows are buttons that open a top-up. */
export const EveryStatus: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const failed = await canvas.findByRole('button', { name: /Failed/ });
    await userEvent.click(failed);
    await expect(args.onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'ibt_failed' }));
  },
};

export const EveryStatusDark: Story = { ...EveryStatus, globals: { theme: 'dark' } };

export const LoadingDark: Story = { ...Loading, globals: { theme: 'dark' } };

/** Without `onSelect`, rows are plain text. */
export const ReadOnly: Story = {
  render: ({ onSelect: _onSelect, ...args }) => <TopUpHistory {...args} />,
};

export const WithStatusFilter: Story = {
  args: { showStatusFilter: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByLabelText('Show'), 'Succeeded');
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(2));
  },
};

/** 20 a page, then "Load more". */
export const LoadMore: Story = {
  parameters: client({ topUps: manyTopUps(26) }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(20));
    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(canvas.getAllByRole('listitem')).toHaveLength(26));
    await expect(canvas.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  },
};

export const LoadError: Story = {
  parameters: client({ fail: { listTopUps: 'network_error' } }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'We couldn’t load your top-ups',
    );
  },
};

const fits = ({ canvasElement }: { canvasElement: HTMLElement }) =>
  expectFitsPhone(canvasElement, '.purse-TopUpHistory');

/** On a phone, with the status filter and a long description: nothing scrolls sideways. */
export const Phone320: Story = {
  ...phoneStory(320),
  args: { showStatusFilter: true },
  parameters: client({
    topUps: [
      ...EVERY_STATUS,
      fixtureTopUp({
        id: 'ibt_long',
        amount: 12_640_55,
        sameDay: true,
        description: 'Savings for the long summer holiday in the mountains',
        created: FIXTURE_NOW - 60,
      }),
    ],
  }),
  play: fits,
};

export const Phone390: Story = { ...phoneStory(390), args: { showStatusFilter: true }, play: fits };

/** German labels are longer ("Wird geprüft", "Alle Einzahlungen"). */
export const Phone320German: Story = {
  ...Phone320,
  globals: { ...phoneStory(320).globals, locale: 'de' },
};
