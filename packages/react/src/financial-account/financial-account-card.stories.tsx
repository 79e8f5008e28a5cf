import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { fixtureFinancialAccount } from '../testing/fixtures.js';
import { FinancialAccountCard } from './financial-account-card.js';

const meta = {
  title: 'Components/FinancialAccountCard',
  component: FinancialAccountCard,
  tags: ['autodocs'],
  args: { onRename: fn() },
  argTypes: { headingLevel: { control: 'inline-radio', options: [2, 3] } },
  parameters: { purse: { client: { financialAccount: fixtureFinancialAccount() } } },
} satisfies Meta<typeof FinancialAccountCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loading: Story = {
  parameters: { purse: { client: { hang: ['getFinancialAccount'] } } },
};

/** Balance, nickname, account and routing numbers. */
export const Normal: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('$1,250.00')).toBeVisible();
    await expect(canvas.getByText('101019644')).toBeVisible();
  },
};

export const NormalDarkFrench: Story = {
  globals: { theme: 'dark', locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^1\s250,00\s\$US$/)).toBeVisible();
  },
};

/** The host names the wallet and offers "Add money" (`name`, `onAddMoney`). */
export const NamedWithAddMoney: Story = {
  args: { name: 'Fieldwork Wallet', onAddMoney: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Fieldwork Wallet' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Add money' }));
    await expect(args.onAddMoney).toHaveBeenCalled();
  },
};

/** No name from the host and no nickname: a neutral "Wallet". */
export const Unnamed: Story = {
  parameters: {
    purse: { client: { financialAccount: fixtureFinancialAccount({ nickname: null }) } },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Wallet' })).toBeVisible();
  },
};

/** Money on its way out (and in). */
export const PendingAmounts: Story = {
  parameters: {
    purse: {
      client: {
        financialAccount: fixtureFinancialAccount({
          balance: { currency: 'usd', cash: 1_250_00, inboundPending: 0, outboundPending: 320_00 },
        }),
      },
    },
  },
};

export const InboundAndOutboundPending: Story = {
  parameters: {
    purse: {
      client: {
        financialAccount: fixtureFinancialAccount({
          balance: {
            currency: 'usd',
            cash: 1_250_00,
            inboundPending: 500_00,
            outboundPending: 320_00,
          },
        }),
      },
    },
  },
};

/** Stripe is still activating the ABA address: no numbers yet. */
export const AccountDetailsPending: Story = {
  parameters: {
    purse: {
      client: {
        financialAccount: fixtureFinancialAccount({
          nickname: null,
          address: null,
          features: {
            active: ['inbound_transfers.ach'],
            pending: ['financial_addresses.aba'],
            restricted: [],
          },
        }),
      },
    },
  },
};

export const Closed: Story = {
  parameters: {
    purse: {
      client: {
        financialAccount: fixtureFinancialAccount({
          status: 'closed',
          balance: { currency: 'usd', cash: 0, inboundPending: 0, outboundPending: 0 },
        }),
      },
    },
  },
};

/** The user has no financial account yet. */
export const NoAccount: Story = {
  parameters: { purse: { client: { financialAccount: null } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'No account yet' })).toBeVisible();
  },
};

export const LoadError: Story = {
  parameters: { purse: { client: { fail: { getFinancialAccount: 'stripe_unavailable' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

/** Rename inline: the new nickname is saved and announced, and focus returns to Rename. */
export const Rename: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Rename' }));
    const field = canvas.getByRole('textbox', { name: 'Account nickname' });
    await expect(field).toHaveFocus();
    await userEvent.clear(field);
    await userEvent.type(field, 'Rainy day fund{Enter}');
    await expect(await canvas.findByRole('heading', { name: 'Rainy day fund' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Rename' })).toHaveFocus();
    await expect(args.onRename).toHaveBeenCalledTimes(1);
  },
};

/** An empty nickname is refused on the field, before anything is sent. */
export const RenameInvalid: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Rename' }));
    const field = canvas.getByRole('textbox', { name: 'Account nickname' });
    await userEvent.clear(field);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Enter a name for this account.',
    );
    await expect(field).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The server refused the nickname. */
export const RenameRefused: Story = {
  parameters: {
    purse: {
      client: {
        financialAccount: fixtureFinancialAccount(),
        fail: { renameFinancialAccount: 'parameter_invalid' },
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Rename' }));
    const field = canvas.getByRole('textbox', { name: 'Account nickname' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Vacation{Enter}');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That name can’t be used.');
  },
};
