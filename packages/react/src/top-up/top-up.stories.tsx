import type { PurseErrorCode } from '@purse/core';
import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
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
  // The review step loads on demand (usually before Continue is pressed); it takes focus.
  await waitFor(() =>
    expect(canvas.getByRole('heading', { name: 'Review your top-up' })).toHaveFocus(),
  );
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
    // Tuesday 10 March 2026, 11:00 in New York: standard ACH arrives two business days on.
    await expect(canvas.getByText('Thu, Mar 12')).toBeVisible();
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
    await waitFor(() =>
      expect(canvas.getByRole('heading', { name: 'Review your top-up' })).toHaveFocus(),
    );
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

/** Quick amounts: one tap fills the field (`quickAmounts` in cents; `[]` hides them). */
export const QuickAmounts: Story = {
  args: { quickAmounts: [25_00, 50_00, 100_00, 500_00] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const group = await canvas.findByRole('group', { name: 'Quick amounts' });
    const hundred = within(group).getByRole('button', { name: '$100' });
    await userEvent.click(hundred);
    await expect(hundred).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByLabelText(/Amount/)).toHaveValue('100.00');
  },
};

/** The host names the wallet: the subtitle and the review say where the money goes. */
export const DestinationName: Story = {
  args: { destinationName: 'Maya’s Purse' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('Move money from your bank to Maya’s Purse.'),
    ).toBeVisible();
    await reachConfirm(canvasElement, '50');
    await expect(canvas.getByText('Maya’s Purse')).toBeVisible();
  },
};

/** A bank with a large balance ("Available $12,640.55"), the one that overflowed on phones. */
const PHONE_SOURCES = [
  fixtureSource({
    balance: { type: 'cash', currency: 'usd', current: 12_640_55, available: 12_640_55, asOf: 1 },
  }),
  ...SOURCES.slice(1),
];

const PHONES = {
  phone320: { name: 'Phone, 320 px', styles: { width: '320px', height: '640px' }, type: 'mobile' },
  phone390: { name: 'Phone, 390 px', styles: { width: '390px', height: '844px' }, type: 'mobile' },
};

/** The card in a box as wide as the phone, so the check below is about the card alone. */
const phoneWidth =
  (px: 320 | 390): Decorator =>
  (Story) => (
    <div data-testid="phone-frame" style={{ inlineSize: `${String(px)}px` }}>
      <Story />
    </div>
  );

/** No part of the card reaches past the phone's edge (no sideways scrolling). */
async function fitsPhone(canvasElement: HTMLElement): Promise<void> {
  const frame = within(canvasElement).getByTestId('phone-frame');
  const edge = frame.getBoundingClientRect().right + 0.5;
  const over = [...frame.querySelectorAll<HTMLElement>('.purse-TopUp *')].filter((node) => {
    const box = node.getBoundingClientRect();
    return box.width > 0 && box.right > edge && !node.closest('.purse-VisuallyHidden');
  });
  await expect(over.map((node) => node.dataset.slot ?? node.tagName)).toEqual([]);
  await expect(frame.scrollWidth).toBeLessThanOrEqual(frame.clientWidth);
  // In a page grid's `1fr` column the card is as wide as its content asks (its min-content):
  // that must fit the phone too, or the whole page scrolls sideways.
  const card = frame.querySelector<HTMLElement>('.purse-TopUp');
  const width = frame.style.inlineSize;
  frame.style.inlineSize = 'min-content';
  const needs = card?.getBoundingClientRect().width ?? Infinity;
  frame.style.inlineSize = width;
  await expect(needs).toBeLessThanOrEqual(320);
}

function phoneStory(px: 320 | 390, step: 'form' | 'review'): Story {
  return {
    parameters: { ...client({ sources: PHONE_SOURCES }), viewport: { options: PHONES } },
    globals: { viewport: { value: `phone${String(px)}`, isRotated: false } },
    decorators: [phoneWidth(px)],
    args: { destinationName: 'Maya’s Purse' },
    play: async ({ canvasElement }) => {
      await within(canvasElement).findByRole('group', { name: 'Quick amounts' });
      if (step === 'review') await reachConfirm(canvasElement, '9,500');
      await fitsPhone(canvasElement);
    },
  };
}

export const Phone320: Story = phoneStory(320, 'form');
export const Phone390: Story = phoneStory(390, 'form');
export const Phone320Review: Story = phoneStory(320, 'review');
export const Phone390Review: Story = phoneStory(390, 'review');
