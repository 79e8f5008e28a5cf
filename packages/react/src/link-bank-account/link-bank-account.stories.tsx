import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { CollectAccountsResult, StripeLike } from '../provider/purse-context.js';
import { fixtureAccount, fixtureCreditAccount } from '../testing/fixtures.js';
import { LinkBankAccount } from './link-bank-account.js';

/*
 * js.stripe.com is out of reach in Storybook, so each story hands the provider a Stripe-like
 * object whose `collectFinancialConnectionsAccounts` answers at once, as Stripe.js would after
 * the user finished (or left) its modal. The fixture client plays the server.
 */

function stripeAnswering(
  result: CollectAccountsResult | Promise<CollectAccountsResult>,
): StripeLike {
  return { collectFinancialConnectionsAccounts: () => Promise.resolve(result) };
}

const linksTwo = stripeAnswering({
  financialConnectionsSession: {
    id: 'fcsess_fixture_1',
    accounts: [{ id: 'fca_fixture_checking' }, { id: 'fca_fixture_credit' }],
  },
});

const leaves = stripeAnswering({
  financialConnectionsSession: { id: 'fcsess_fixture_1', accounts: [] },
});

const expired = stripeAnswering({
  error: {
    type: 'invalid_request_error',
    code: 'session_expired',
    message: 'The Financial Connections Session has expired.',
  },
});

/** The modal stays open: the promise never settles. */
const neverCloses = stripeAnswering(new Promise<CollectAccountsResult>(() => undefined));

const accounts = [fixtureAccount(), fixtureCreditAccount()];

const meta = {
  title: 'Components/LinkBankAccount',
  component: LinkBankAccount,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onCancel: fn(), onError: fn(), onEvent: fn() },
  argTypes: {
    variant: { control: 'inline-radio', options: ['primary', 'secondary'] },
    size: { control: 'inline-radio', options: ['default', 'small'] },
  },
  parameters: { purse: { client: { accounts }, stripe: linksTwo } },
} satisfies Meta<typeof LinkBankAccount>;

export default meta;
type Story = StoryObj<typeof meta>;

/** At rest: nothing is asked of the server until the click. */
export const Idle: Story = {};

export const Secondary: Story = {
  args: { variant: 'secondary', size: 'small', children: 'Connect another bank' },
};

/** Linked: announced in a live region, and `onSuccess` gets the server's accounts. */
export const Success: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Link a bank account' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Linked 2 accounts');
    await expect(canvas.getByRole('button', { name: 'Link another account' })).toBeEnabled();
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
  },
};

/** The user closed Stripe's modal: a cancel, not an error. */
export const Cancelled: Story = {
  parameters: { purse: { stripe: leaves } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Link a bank account' }));
    await expect(await canvas.findByText('No accounts were linked.')).toBeVisible();
    await expect(args.onCancel).toHaveBeenCalledTimes(1);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** Stripe.js could not launch the flow (the session expired or was used). */
export const SessionExpired: Story = {
  parameters: { purse: { stripe: expired } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Link a bank account' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'This linking session expired or was already used.',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
  },
};

/** Our server could not be reached. */
export const ServerError: Story = {
  parameters: { purse: { client: { accounts, fail: { createLinkSession: 'network_error' } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Link a bank account' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t reach the server.',
    );
  },
};

/** Stripe.js is still loading (`stripe` is a pending promise). */
export const PreparingStripe: Story = {
  parameters: { purse: { stripe: new Promise<StripeLike>(() => undefined) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Preparing…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

/** The server is creating the session. */
export const CreatingSession: Story = {
  parameters: { purse: { client: { accounts, hang: ['createLinkSession'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Link a bank account' }));
    await expect(await canvas.findByRole('button', { name: 'Preparing…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** Stripe's modal is open; clicking again does nothing. */
export const WaitingForBank: Story = {
  parameters: { purse: { stripe: neverCloses } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Link a bank account' });
    await userEvent.click(button);
    await expect(await canvas.findByText('Waiting for your bank…')).toBeVisible();
    await userEvent.click(button);
    await expect(button.closest('.purse-LinkBankAccount')).toHaveAttribute('data-state', 'open');
  },
};

/** The server stores what was linked. */
export const Completing: Story = {
  parameters: { purse: { client: { accounts, hang: ['completeLinkSession'] } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Link a bank account' }));
    await expect(await canvas.findByText('Finishing up…')).toBeVisible();
  },
};

/** The provider got no `stripe`: the button says so (and the console tells the developer). */
export const Unavailable: Story = {
  parameters: { purse: { stripe: null } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      canvas.getByRole('button', { name: 'Bank linking is unavailable' }),
    ).toBeDisabled();
  },
};
