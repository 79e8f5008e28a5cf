import {
  TOP_UP_FAILURE_CODES,
  type TopUp,
  type TopUpFailureCode,
  type TransferFailureAction,
} from '@purse/core';
import { TOP_UP_FAILURE_INFO, failureAction } from '@purse/core/failure-info';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { FixtureClientOptions } from '../testing/fixture-client.js';
import { FIXTURE_NOW } from '../testing/fixture-client.js';
import { fixtureTopUp } from '../testing/fixtures.js';
import { TransferStatus } from './transfer-status.js';

const client = (
  topUp: TopUp | null,
  options: FixtureClientOptions = {},
): { purse: { client: FixtureClientOptions } } => ({
  purse: { client: { topUps: topUp ? [topUp] : [], ...options } },
});

const meta = {
  title: 'Components/TransferStatus',
  component: TransferStatus,
  tags: ['autodocs'],
  args: { topUpId: 'ibt_fixture', onPhaseChange: fn() },
  argTypes: {
    headingLevel: { control: 'inline-radio', options: [2, 3, 4] },
    initialTopUp: { control: false },
  },
  parameters: client(fixtureTopUp()),
} satisfies Meta<typeof TransferStatus>;

export default meta;
type Story = StoryObj<typeof meta>;

async function card(canvasElement: HTMLElement, state: string): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  const found = await canvas.findByRole('group', { name: 'Top-up' });
  await waitFor(() => expect(found).toHaveAttribute('data-state', state));
  // The card past its summary (note, timeline, cancel, receipt) arrives in its own chunk.
  await within(found).findByRole('list', { name: 'Progress' });
  return found;
}

export const Loading: Story = {
  parameters: client(fixtureTopUp(), { hang: ['getTopUp'] }),
};

/** Held for the platform's review (`requires_confirmation`). */
export const Review: Story = {
  parameters: client(fixtureTopUp({ status: 'requires_confirmation' })),
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'review');
  },
};

/** On its way, and still cancelable: cancel, confirm, canceled. */
export const ProcessingCancelable: Story = {
  play: async ({ canvasElement }) => {
    const status = await card(canvasElement, 'processing');
    const canvas = within(status);
    await expect(canvas.getByText(/Expected to arrive/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel top-up' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Yes, cancel top-up' }));
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'canceled'));
    await expect(status.querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Top-up of $250.00 canceled',
    );
  },
};

export const ProcessingDark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const status = await card(canvasElement, 'processing');
    await userEvent.click(within(status).getByRole('button', { name: 'Cancel top-up' }));
    await expect(within(status).getByText('Cancel this top-up?')).toBeVisible();
  },
};

/** Already sent to the bank: no cancel button. */
export const ProcessingNotCancelable: Story = {
  parameters: client(fixtureTopUp({ cancelable: false })),
  play: async ({ canvasElement }) => {
    const status = await card(canvasElement, 'processing');
    await expect(
      within(status).queryByRole('button', { name: 'Cancel top-up' }),
    ).not.toBeInTheDocument();
  },
};

/** A same-day top-up arriving today. */
export const ProcessingSameDay: Story = {
  parameters: client(
    fixtureTopUp({
      sameDay: true,
      cancelable: false,
      expectedArrival: { earliest: '2026-03-10', latest: '2026-03-10' },
    }),
  ),
};

export const Succeeded: Story = {
  parameters: client(
    fixtureTopUp({
      status: 'succeeded',
      cancelable: false,
      description: 'Rent buffer',
      statusTransitions: { succeededAt: FIXTURE_NOW - 60, failedAt: null, canceledAt: null },
    }),
  ),
  play: async ({ canvasElement }) => {
    const status = await card(canvasElement, 'succeeded');
    await expect(
      within(status).getByRole('link', { name: 'View receipt (opens in a new tab)' }),
    ).toHaveAttribute('target', '_blank');
  },
};

/** The bank took the money back after it arrived: contact is the way on. */
export const Returned: Story = {
  args: { onFailureAction: fn(), supportHref: 'https://example.com/support' },
  parameters: client(
    fixtureTopUp({
      status: 'succeeded',
      returned: true,
      cancelable: false,
      statusTransitions: { succeededAt: FIXTURE_NOW - 86_400, failedAt: null, canceledAt: null },
    }),
  ),
  play: async ({ canvasElement }) => {
    const status = await card(canvasElement, 'returned');
    await expect(
      within(status).getByText('Your bank returned the money after it arrived'),
    ).toBeVisible();
    await expect(
      await within(status).findByRole('link', { name: 'Contact support' }),
    ).toBeVisible();
  },
};

export const ReturnedDark: Story = { ...Returned, globals: { theme: 'dark' } };

export const Canceled: Story = {
  parameters: client(
    fixtureTopUp({
      status: 'canceled',
      cancelable: false,
      statusTransitions: { succeededAt: null, failedAt: null, canceledAt: FIXTURE_NOW - 30 },
    }),
  ),
};

/** We could not load the top-up (not a failed top-up). */
export const LoadError: Story = {
  parameters: client(fixtureTopUp(), { fail: { getTopUp: 'network_error' } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'We couldn’t load this top-up',
    );
  },
};

// -------------------------------------------------------------------------------------------
// One story per failure code

function failedTopUp(code: TopUpFailureCode): TopUp {
  return fixtureTopUp({
    status: 'failed',
    cancelable: false,
    failure: { code, message: TOP_UP_FAILURE_INFO[code].message },
    statusTransitions: { succeededAt: null, failedAt: FIXTURE_NOW - 120, canceledAt: null },
  });
}

/** The button each action shows, in English (the stories' checks). */
const ACTION_LABELS: Record<TransferFailureAction, string> = {
  try_smaller_amount: 'Try a smaller amount',
  choose_another_account: 'Choose another account',
  link_account_again: 'Link the account again',
  try_again: 'Try again',
  contact_support: 'Contact support',
};

function failedStory(code: TopUpFailureCode): Story {
  const action = failureAction(code);
  return {
    // The story's name, docs and a visible caption say which Stripe failure code the card shows.
    name: `Failed: ${code}`,
    args: { onFailureAction: fn(), supportHref: 'https://example.com/support' },
    parameters: {
      ...client(failedTopUp(code)),
      docs: {
        description: { story: `The card for failure code \`${code}\`; its way on: \`${action}\`.` },
      },
    },
    render: (args) => (
      <figure style={{ margin: 0 }} aria-label={`Failure code ${code}`}>
        <figcaption style={{ marginBottom: 8 }}>
          Failure code <code>{code}</code> · action <code>{action}</code>
        </figcaption>
        <TransferStatus {...args} />
      </figure>
    ),
    play: async ({ args, canvasElement }) => {
      const status = await card(canvasElement, 'failed');
      await expect(within(canvasElement).getByText(code)).toBeVisible();
      // The failure note is downloaded when a failure first shows.
      await expect(
        await within(status).findByRole('link', { name: 'Contact support' }),
      ).toBeVisible();
      await expect(status).toHaveTextContent(TOP_UP_FAILURE_INFO[code].message);
      await expect(status).toHaveTextContent(TOP_UP_FAILURE_INFO[code].nextStep);
      if (action === 'contact_support') {
        await expect(within(status).queryByRole('button', { name: 'Contact support' })).toBeNull();
        return;
      }
      await userEvent.click(within(status).getByRole('button', { name: ACTION_LABELS[action] }));
      await expect(args.onFailureAction).toHaveBeenCalledWith(
        action,
        expect.objectContaining({ id: 'ibt_fixture' }),
      );
    },
  };
}

export const FailedAccountClosed: Story = failedStory('account_closed');
export const FailedAccountFrozen: Story = failedStory('account_frozen');
export const FailedBankAccountRestricted: Story = failedStory('bank_account_restricted');
export const FailedBankOwnershipChanged: Story = failedStory('bank_ownership_changed');
export const FailedDebitNotAuthorized: Story = failedStory('debit_not_authorized');
export const FailedIncorrectAccountHolderAddress: Story = failedStory(
  'incorrect_account_holder_address',
);
export const FailedIncorrectAccountHolderName: Story = failedStory('incorrect_account_holder_name');
export const FailedIncorrectAccountHolderTaxId: Story = failedStory(
  'incorrect_account_holder_tax_id',
);
export const FailedInsufficientFunds: Story = failedStory('insufficient_funds');
export const FailedInvalidAccountNumber: Story = failedStory('invalid_account_number');
export const FailedInvalidCurrency: Story = failedStory('invalid_currency');
export const FailedNoAccount: Story = failedStory('no_account');
export const FailedOther: Story = failedStory('other');

export const FailedInsufficientFundsDark: Story = {
  ...failedStory('insufficient_funds'),
  name: 'Failed: insufficient_funds (dark)',
  globals: { theme: 'dark' },
};

export const FailedInsufficientFundsGerman: Story = {
  name: 'Failed: insufficient_funds (German)',
  args: { onFailureAction: fn(), supportHref: 'https://example.com/support' },
  parameters: client(failedTopUp('insufficient_funds')),
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('group', { name: 'Einzahlung' });
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'failed'));
    await expect(
      await within(status).findByRole('button', { name: 'Kleineren Betrag wählen' }),
    ).toBeVisible();
    await expect(status).toHaveTextContent('Was Sie tun können:');
    await expect(within(status).getByRole('link', { name: 'Support kontaktieren' })).toBeVisible();
  },
};

/** On a phone 320 px wide, in French (the longest words): the failure and its way on fit. */
export const FailedWithActionsPhone: Story = {
  name: 'Failed with actions (phone, 320 px, French)',
  args: { onFailureAction: fn(), supportHref: 'https://example.com/support' },
  parameters: client(failedTopUp('invalid_account_number')),
  globals: { locale: 'fr' },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByRole('group', { name: 'Rechargement' });
    await waitFor(() => expect(status).toHaveAttribute('data-state', 'failed'));
    const edge = status.getBoundingClientRect().right + 0.5;
    for (const control of [
      await within(status).findByRole('button', { name: 'Associer à nouveau le compte' }),
      within(status).getByRole('link', { name: 'Contacter le support' }),
    ]) {
      await expect(control.getBoundingClientRect().right).toBeLessThanOrEqual(edge);
    }
    await expect(status.scrollWidth).toBeLessThanOrEqual(status.clientWidth);
  },
};

export const SucceededDark: Story = { ...Succeeded, globals: { theme: 'dark' } };

/** Every failure code at once, for review (and a check that no code lacks a story). */
export const AllFailureCodes: Story = {
  parameters: {
    purse: {
      client: {
        topUps: TOP_UP_FAILURE_CODES.map((code) => ({ ...failedTopUp(code), id: `ibt_${code}` })),
      },
    },
  },
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      {TOP_UP_FAILURE_CODES.map((code) => (
        // Each card under a caption naming its failure code.
        <figure key={code} style={{ margin: 0 }} aria-label={`Failure code ${code}`}>
          <figcaption>
            <code>{code}</code> · <code>{failureAction(code)}</code>
          </figcaption>
          <TransferStatus topUpId={`ibt_${code}`} onFailureAction={fn()} supportHref="#support" />
        </figure>
      ))}
    </div>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(canvasElement.querySelectorAll('[data-state="failed"]')).toHaveLength(
        TOP_UP_FAILURE_CODES.length,
      ),
    );
    for (const code of TOP_UP_FAILURE_CODES) {
      const figure = within(canvasElement).getByRole('figure', { name: `Failure code ${code}` });
      await waitFor(() =>
        expect(figure.querySelector('[data-state="failed"]')).toHaveTextContent(
          TOP_UP_FAILURE_INFO[code].message,
        ),
      );
    }
  },
};
