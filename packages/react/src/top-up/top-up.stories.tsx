import type { PurseErrorCode } from '@purse/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { commonMessages } from '../i18n/catalog.js';
import type { FixtureClientOptions } from '../testing/fixture-client.js';
import { fixtureSource } from '../testing/fixtures.js';
import { topUpStepMessages, type TopUpErrorCode } from './step-messages.js';
import { TransferStatus } from '../transfer-status/transfer-status.js';
import { TopUp } from './top-up.js';

const SOURCES = [
  fixtureSource(),
  fixtureSource({
    id: 'pm_fixture_savings',
    bankName: 'CREDIT UNION',
    accountName: 'Rainy Day Savings',
    last4: '4321',
    accountType: 'savings',
    linkedAccountId: null,
    balance: null,
  }),
];

const client = (
  options: FixtureClientOptions = {},
): { purse: { client: FixtureClientOptions } } => ({
  purse: { client: { sources: SOURCES, ...options } },
});

const meta = {
  title: 'Components/TopUp',
  component: TopUp,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onLinkRequest: fn() },
  argTypes: {
    balanceCheck: { control: 'inline-radio', options: ['warn', 'block', 'off'] },
    linkSlot: { control: false },
  },
  parameters: client(),
} satisfies Meta<typeof TopUp>;

export default meta;
type Story = StoryObj<typeof meta>;

async function enterAmount(canvasElement: HTMLElement, amount: string): Promise<void> {
  const canvas = within(canvasElement);
  const input = await canvas.findByLabelText(/Amount/);
  await userEvent.clear(input);
  await userEvent.type(input, amount);
}

async function reachConfirm(canvasElement: HTMLElement, amount = '250'): Promise<void> {
  const canvas = within(canvasElement);
  await enterAmount(canvasElement, amount);
  await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
  await expect(canvas.getByRole('heading', { name: 'Review your top-up' })).toHaveFocus();
}

export const LoadingSources: Story = {
  parameters: client({ hang: ['listTopUpSources'] }),
};

/** No bank linked yet: a call to link one first. */
export const NoSources: Story = {
  parameters: client({ sources: [] }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Link a bank account' }));
    await expect(args.onLinkRequest).toHaveBeenCalledTimes(1);
  },
};

/** Two banks: one with a known available balance, one without. */
export const Editing: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Available $4,218.37')).toBeVisible();
    await expect(canvas.getByText('Balance unknown')).toBeVisible();
  },
};

/** With the same-day option the platform allows. */
export const SameDayAllowed: Story = {
  args: { allowSameDay: true },
};

/** Amounts read the German way: `1.234,56`, the currency sign after the number. */
export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText(/Betrag/), '1.234,56');
    await userEvent.click(canvas.getByRole('button', { name: 'Weiter' }));
    await expect(await canvas.findByText(/^1\.234,56\s\$$/)).toBeVisible();
  },
};

/** Below the minimum: the message names the limit, on the field. */
export const AmountTooSmall: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '0.50');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    const input = canvas.getByLabelText(/Amount/);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveFocus();
    await expect(canvas.getByText('The smallest top-up is $1.00.')).toBeVisible();
  },
};

export const AmountTooLarge: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '25000');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(canvas.getByText('The largest top-up is $10,000.00.')).toBeVisible();
  },
};

export const AmountNotANumber: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '12..5');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(canvas.getByText('Enter an amount like 1,234.56.')).toBeVisible();
  },
};

/** More than the bank shows as available: a warning to acknowledge before confirming. */
export const BalanceWarning: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '5000');
    await expect(canvas.getByText('This is more than your bank shows as available')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    const checkbox = canvas.getByRole('checkbox', {
      name: 'I understand this may fail and my bank may charge a fee',
    });
    await expect(checkbox).toHaveFocus();
    await expect(checkbox).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The platform refuses amounts above the available balance. */
export const BalanceBlocked: Story = {
  args: { balanceCheck: 'block' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '5000');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(
      canvas.getByText(
        'This is more than the $4,218.37 available in this account. Enter a smaller amount.',
      ),
    ).toBeVisible();
  },
};

export const ConfirmStep: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText(/Description/), 'Rent buffer');
    await reachConfirm(canvasElement);
    await expect(canvas.getByText('2–4 business days')).toBeVisible();
  },
};

/** The confirm step in the dark theme, with the balance warning accepted. */
export const ConfirmStepDark: Story = {
  globals: { theme: 'dark' },
  args: { allowSameDay: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '5000');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await userEvent.click(
      canvas.getByRole('checkbox', {
        name: 'I understand this may fail and my bank may charge a fee',
      }),
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(canvas.getByRole('heading', { name: 'Review your top-up' })).toHaveFocus();
  },
};

/** The form in the dark theme, with errors and the warning showing. */
export const EditingDark: Story = {
  globals: { theme: 'dark' },
  args: { allowSameDay: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await enterAmount(canvasElement, '5000');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(canvas.getByRole('checkbox', { name: /I understand/ })).toHaveFocus();
  },
};

/** The request is on its way (it never answers here). */
export const Submitting: Story = {
  parameters: client({ hang: ['createTopUp'] }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await reachConfirm(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm top-up' }));
    const busy = canvas.getByRole('button', { name: 'Starting top-up…' });
    await expect(busy).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The whole flow: amount, review, confirm, then the live tracker (passed as `renderTracker`). */
export const Submitted: Story = {
  args: {
    renderTracker: (topUp) => (
      <TransferStatus topUpId={topUp.id} initialTopUp={topUp} headingLevel={4} />
    ),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await reachConfirm(canvasElement, '250');
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() =>
      expect(canvas.getByRole('heading', { name: 'Top-up started' })).toHaveFocus(),
    );
    await expect(args.onSuccess).toHaveBeenCalledTimes(1);
    const tracker = await canvas.findByRole('group', { name: 'Top-up' });
    await expect(tracker).toHaveAttribute('data-state', 'processing');
    await expect(within(tracker).getByText('$250.00')).toBeVisible();
  },
};

/** Submitted, in the dark theme. */
export const SubmittedDark: Story = {
  ...Submitted,
  globals: { theme: 'dark' },
};

// -------------------------------------------------------------------------------------------
// One story per error a top-up can meet

const COMMON = commonMessages.en;

function errorStory(code: PurseErrorCode, message: string): Story {
  return {
    parameters: client({ fail: { createTopUp: code } }),
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await reachConfirm(canvasElement, '40');
      await userEvent.click(canvas.getByRole('button', { name: 'Confirm top-up' }));
      const alert = await canvas.findByRole('alert');
      await expect(alert).toHaveTextContent(message);
      await expect(alert).toHaveFocus();
    },
  };
}

const words = (code: TopUpErrorCode): string => topUpStepMessages.en.errors[code];

export const ErrorAmountTooSmall: Story = errorStory('amount_too_small', words('amount_too_small'));
export const ErrorAmountTooLarge: Story = errorStory('amount_too_large', words('amount_too_large'));
export const ErrorBalanceInsufficient: Story = errorStory(
  'balance_insufficient',
  words('balance_insufficient'),
);
export const ErrorSourceUnusable: Story = errorStory('source_unusable', words('source_unusable'));
export const ErrorTopUpRefused: Story = errorStory('top_up_refused', words('top_up_refused'));
export const ErrorSameDayUnavailable: Story = {
  ...errorStory('same_day_unavailable', words('same_day_unavailable')),
  args: { allowSameDay: true },
};
export const ErrorIdempotencyKeyReused: Story = errorStory(
  'idempotency_key_reused',
  words('idempotency_key_reused'),
);
export const ErrorIdempotencyKeyInUse: Story = errorStory(
  'idempotency_key_in_use',
  words('idempotency_key_in_use'),
);
export const ErrorParameterInvalid: Story = errorStory(
  'parameter_invalid',
  words('parameter_invalid'),
);
export const ErrorCurrencyUnsupported: Story = errorStory(
  'currency_unsupported',
  words('currency_unsupported'),
);
export const ErrorStatementDescriptorInvalid: Story = errorStory(
  'statement_descriptor_invalid',
  words('statement_descriptor_invalid'),
);
export const ErrorResourceMissing: Story = errorStory(
  'resource_missing',
  words('resource_missing'),
);
export const ErrorPermissionMissing: Story = errorStory(
  'permission_missing',
  words('permission_missing'),
);
export const ErrorAccountInactive: Story = errorStory(
  'account_inactive',
  words('account_inactive'),
);
export const ErrorAccountDisconnected: Story = errorStory(
  'account_disconnected',
  words('account_disconnected'),
);
export const ErrorFeatureDisabled: Story = errorStory(
  'feature_disabled',
  words('feature_disabled'),
);
export const ErrorFinancialAccountMissing: Story = errorStory(
  'financial_account_missing',
  words('financial_account_missing'),
);
export const ErrorStripeUnavailable: Story = errorStory(
  'stripe_unavailable',
  words('stripe_unavailable'),
);
export const ErrorNetwork: Story = errorStory('network_error', COMMON.networkError);
export const ErrorRateLimited: Story = errorStory('rate_limited', COMMON.rateLimited);
export const ErrorUnauthenticated: Story = errorStory('unauthenticated', COMMON.sessionExpired);
export const ErrorInternal: Story = errorStory('internal_error', COMMON.errorFallback);
export const ErrorNetworkDark: Story = {
  ...errorStory('network_error', COMMON.networkError),
  globals: { theme: 'dark' },
};

/** The banks could not be loaded. */
export const SourcesError: Story = {
  parameters: client({ fail: { listTopUpSources: 'network_error' } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t load your bank accounts',
    );
  },
};
