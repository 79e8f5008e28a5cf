import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { PurseClient } from '../client/purse-client.js';
import { LinkBankAccount } from '../link-bank-account/link-bank-account.js';
import type { StripeLike } from '../provider/purse-context.js';
import { FIXTURE_NOW, createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureAccount, fixtureCreditAccount } from '../testing/fixtures.js';
import { AccountList } from './account-list.js';

const linksChecking: StripeLike = {
  collectFinancialConnectionsAccounts: () =>
    Promise.resolve({
      financialConnectionsSession: {
        id: 'fcsess_fixture_1',
        accounts: [{ id: 'fca_fixture_checking' }],
      },
    }),
};

const accounts = [
  fixtureAccount(),
  fixtureCreditAccount(),
  fixtureAccount({
    id: 'fca_fixture_savings',
    displayName: 'High-Yield Savings',
    last4: '4321',
    subcategory: 'savings',
    balance: {
      type: 'cash',
      currency: 'usd',
      current: 12_840_55,
      available: 12_840_55,
      asOf: FIXTURE_NOW - 7_200,
    },
  }),
];

const meta = {
  title: 'Components/AccountList',
  component: AccountList,
  tags: ['autodocs'],
  args: { onReconnect: fn() },
  argTypes: {
    headingLevel: { control: 'inline-radio', options: [2, 3] },
    emptyAction: { control: false },
  },
  parameters: { purse: { client: { accounts } } },
} satisfies Meta<typeof AccountList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('list', { name: 'Linked bank accounts' });
    await expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  },
};

export const Loading: Story = {
  parameters: { purse: { client: { hang: ['listAccounts'] } } },
};

export const Empty: Story = {
  args: { emptyAction: <LinkBankAccount size="small" /> },
  parameters: { purse: { client: { accounts: [] }, stripe: linksChecking } },
};

export const LoadError: Story = {
  parameters: { purse: { client: { fail: { listAccounts: 'network_error' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t load your bank accounts.',
    );
  },
};

/** The server's list predates the link: the new account's card appears as soon as it is linked. */
function linkingClient(): PurseClient {
  const fixture = createFixturePurseClient({ accounts: [fixtureAccount()] });
  return { ...fixture, listAccounts: () => Promise.resolve({ data: [] }) };
}

export const LinkingAddsACard: Story = {
  args: { emptyAction: <LinkBankAccount size="small" /> },
  parameters: { purse: { client: linkingClient(), stripe: linksChecking } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Link a bank account' }));
    const list = await canvas.findByRole('list', { name: 'Linked bank accounts' });
    await expect(
      within(list).getByRole('heading', { name: 'Everyday Checking ending in 6789' }),
    ).toBeVisible();
  },
};
