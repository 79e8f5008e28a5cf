import {
  PurseError,
  type PurseErrorCode,
  type TopUp as TopUpResource,
  type TopUpRequest,
} from '@purse/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent, type UserEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import { commonMessages } from '../i18n/catalog.js';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  createFixturePurseClient,
  fixtureAccount,
  fixtureSource,
  fixtureTopUp,
  type FixtureClientOptions,
  type FixturePurseClient,
} from '../testing/index.js';
import { TOP_UP_ERROR_CODES, topUpStepMessages } from './step-messages.js';
import { TopUp } from './top-up.js';
import { useTopUp } from './use-top-up.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { TransferStatus } from '../transfer-status/transfer-status.js';

const SAVINGS = fixtureSource({
  id: 'pm_fixture_savings',
  bankName: 'CREDIT UNION',
  accountName: 'Rainy Day Savings',
  last4: '4321',
  accountType: 'savings',
  linkedAccountId: null,
  balance: null,
});

/** A fixture client whose `createTopUp` fails with each listed code in turn, then works. */
function clientFailingWith(
  codes: PurseErrorCode[],
  options: FixtureClientOptions = { sources: [fixtureSource()] },
): FixturePurseClient {
  const base = createFixturePurseClient(options);
  const queue = [...codes];
  return {
    ...base,
    createTopUp: (request, opts) => {
      const code = queue.shift();
      if (!code) return base.createTopUp(request, opts);
      base.calls.push(['createTopUp', request, opts]);
      return Promise.reject(new PurseError({ code, message: `Fixture failure: ${code}` }));
    },
  };
}

function root(): HTMLElement {
  const found = document.querySelector<HTMLElement>('.purse-TopUp');
  if (!found) throw new Error('no TopUp');
  return found;
}

function topUpCalls(client: FixturePurseClient): { request: TopUpRequest; key: string }[] {
  return client.calls
    .filter(([method]) => method === 'createTopUp')
    .map(([, request, options]) => ({
      request: request as TopUpRequest,
      key: (options as { idempotencyKey: string }).idempotencyKey,
    }));
}

async function reviewAmount(user: UserEvent, amount: string, label = /Amount/): Promise<void> {
  const input = await screen.findByRole('textbox', { name: label });
  await user.clear(input);
  await user.type(input, amount);
  await user.click(screen.getByRole('button', { name: /Continue|Weiter|Continuer/ }));
}

// jsdom, user-event and axe are slow on a busy CI machine.
/** The tracker a host passes to show the new top-up live. */
const tracker = (topUp: TopUpResource): ReactNode => (
  <TransferStatus topUpId={topUp.id} initialTopUp={topUp} headingLevel={4} />
);

describe('TopUp', { timeout: 20_000 }, () => {
  it('lists the linked banks with their available balance', async () => {
    const client = createFixturePurseClient({ sources: [fixtureSource(), SAVINGS] });
    renderWithPurse(<TopUp />, client);
    expect(root()).toHaveAttribute('data-state', 'loading-sources');
    expect(within(root()).getByText('Loading…')).toBeInTheDocument();

    const group = await screen.findByRole('group', { name: 'From' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(radios[0]).toBeChecked();
    expect(radios[0]!.closest('label')).toHaveTextContent(
      'Everyday Checking ••6789STRIPEBANKAvailable $4,218.37',
    );
    expect(radios[1]!.closest('label')).toHaveTextContent(
      'Rainy Day Savings ••4321CREDIT UNIONBalance unknown',
    );
    expect(root()).toHaveAttribute('data-state', 'editing');
    expect(screen.getByLabelText(/Amount/)).toHaveAttribute('inputmode', 'decimal');
    expect(screen.getByText('Between $1.00 and $10,000.00')).toBeInTheDocument();
  });

  it('starts on checking rather than a savings account listed first, and names unnamed accounts by their bank', async () => {
    const unnamed = fixtureSource({ id: 'pm_unnamed', accountName: null, last4: '1111' });
    const client = createFixturePurseClient({ sources: [SAVINGS, fixtureSource(), unnamed] });
    renderWithPurse(<TopUp />, client);
    expect(await screen.findByRole('radio', { name: /Everyday Checking/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Rainy Day Savings/ })).not.toBeChecked();
    // Without the account's name: its bank, with the account type as the second line.
    expect(screen.getByRole('radio', { name: /1111/ }).closest('label')).toHaveTextContent(
      'STRIPEBANK ••1111Checking',
    );
  });

  it('says where the money goes in plain words, or in the host’s', async () => {
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    const { unmount } = renderWithPurse(<TopUp />, client);
    expect(await screen.findByText('Move money from your bank to your wallet.')).toBeVisible();
    unmount();
    const user = userEvent.setup();
    renderWithPurse(<TopUp destinationName="Maya’s Purse" />, client, 'de');
    expect(
      await screen.findByText('Überweisen Sie Geld von Ihrer Bank auf Maya’s Purse.'),
    ).toBeVisible();
    await reviewAmount(user, '25', /Betrag/);
    const summary = within(await screen.findByRole('region', { name: 'Einzahlung prüfen' }));
    expect(summary.getByText('An').nextSibling).toHaveTextContent('Maya’s Purse');
  });

  it('offers quick amounts that fill the field, formatted for the locale', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    const { unmount } = renderWithPurse(<TopUp />, client);
    const group = await screen.findByRole('group', { name: 'Quick amounts' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['$50', '$100', '$250']);
    await user.click(within(group).getByRole('button', { name: '$100' }));
    expect(screen.getByRole('textbox', { name: /Amount/ })).toHaveValue('100.00');
    expect(within(group).getByRole('button', { name: '$100' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(group).getByRole('button', { name: '$50' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    unmount();

    renderWithPurse(<TopUp quickAmounts={[20_00, 75_50]} />, client, 'de');
    const de = await screen.findByRole('group', { name: 'Schnellbeträge' });
    expect(
      within(de)
        .getAllByRole('button')
        .map((b) => b.textContent.replace(/\s/g, ' ')),
    ).toEqual(['20 $', '75,50 $']);
    await user.click(within(de).getByRole('button', { name: /75,50/ }));
    expect(screen.getByRole('textbox', { name: /Betrag/ })).toHaveValue('75,50');
  });

  it('hides the quick amounts with quickAmounts={[]}', async () => {
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    renderWithPurse(<TopUp quickAmounts={[]} />, client);
    await screen.findByRole('textbox', { name: /Amount/ });
    expect(screen.queryByRole('group', { name: 'Quick amounts' })).not.toBeInTheDocument();
  });

  it('changes "Top-up started" once the transfer fails, and a tracker’s action goes back to the form', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource(), SAVINGS] });
    const { live } = renderWithPurse(
      <TopUp
        renderTracker={(topUp, { startOver }) => (
          <button type="button" onClick={() => startOver({ focus: 'source' })}>
            Choose another account ({topUp.id})
          </button>
        )}
      />,
      client,
    );
    await reviewAmount(user, '40');
    await user.click(await screen.findByRole('button', { name: 'Confirm top-up' }));
    const started = await screen.findByRole('heading', { name: 'Top-up started' });
    expect(topUpCalls(client)).toHaveLength(1);
    const id =
      /\((.*)\)/.exec(
        screen.getByRole('button', { name: /Choose another account/ }).textContent,
      )?.[1] ?? 'missing';
    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ id, status: 'failed', cancelable: false }),
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Top-up failed' })).toBeVisible();
    expect(started).not.toHaveTextContent('Top-up started');
    expect(screen.queryByText(/You can follow it here/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Choose another account/ }));
    expect(root()).toHaveAttribute('data-state', 'editing');
    expect(screen.getByRole('radio', { name: /Everyday Checking/ })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Amount/ })).toHaveValue('40');
  });

  it('selects the default source when given', async () => {
    const client = createFixturePurseClient({ sources: [fixtureSource(), SAVINGS] });
    renderWithPurse(<TopUp defaultSourceId="pm_fixture_savings" />, client);
    expect(await screen.findByRole('radio', { name: /CREDIT UNION/ })).toBeChecked();
  });

  it('asks to link a bank first when there is none', async () => {
    const user = userEvent.setup();
    const onLinkRequest = vi.fn();
    renderWithPurse(<TopUp onLinkRequest={onLinkRequest} />, createFixturePurseClient());
    expect(await screen.findByText('Link a bank account first')).toBeInTheDocument();
    expect(root()).toHaveAttribute('data-state', 'no-sources');
    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));
    expect(onLinkRequest).toHaveBeenCalledTimes(1);
  });

  it('renders a link slot in the empty state, and picks up a newly linked bank', async () => {
    const sources: ReturnType<typeof fixtureSource>[] = [];
    const client = createFixturePurseClient({ sources });
    const { live } = renderWithPurse(<TopUp linkSlot={<a href="#link">Connect</a>} />, client);
    expect(await screen.findByRole('link', { name: 'Connect' })).toBeInTheDocument();
    sources.push(fixtureSource());
    act(() => live().emit({ type: 'account.updated', data: fixtureAccount() }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'editing'));
    expect(screen.getByRole('radio', { name: /STRIPEBANK/ })).toBeChecked();
  });

  it('reviews, confirms and then follows the top-up', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    renderWithPurse(<TopUp onSuccess={onSuccess} renderTracker={tracker} />, client);
    await user.type(await screen.findByLabelText(/Amount/), '25');
    await user.type(screen.getByLabelText(/Description/), 'Rent buffer');
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(root()).toHaveAttribute('data-state', 'confirming');
    // The review step may still be downloading: it takes focus when it shows.
    const heading = await screen.findByRole('heading', { name: 'Review your top-up' });
    await waitFor(() => expect(heading).toHaveFocus());
    const summary = within(screen.getByRole('region', { name: 'Review your top-up' }));
    expect(summary.getByText('Amount').nextSibling).toHaveTextContent('$25.00');
    expect(summary.getByText('From').nextSibling).toHaveTextContent('Everyday Checking ••6789');
    expect(summary.getByText('To').nextSibling).toHaveTextContent('Your wallet');
    // Tuesday 10 March, 11:00 in New York: standard ACH, 2 business days on.
    expect(summary.getByText('Arrives').nextSibling).toHaveTextContent('Thu, Mar 12');
    expect(summary.getByText('Description').nextSibling).toHaveTextContent('Rent buffer');
    expect(topUpCalls(client)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    expect(screen.getByRole('heading', { name: 'Top-up started' })).toHaveFocus();
    const [call] = topUpCalls(client);
    expect(call?.request).toEqual({
      sourceId: 'pm_fixture_checking',
      amount: 25_00,
      currency: 'usd',
      description: 'Rent buffer',
    });
    expect(call?.key).toMatch(/.{8,}/);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ amount: 25_00 }));
    // The tracker the host passed shows the new top-up.
    const status = await screen.findByRole('group', { name: 'Top-up' });
    expect(status).toHaveAttribute('data-state', 'processing');
    expect(status).toHaveTextContent('$25.00');

    await user.click(screen.getByRole('button', { name: 'Make another top-up' }));
    expect(root()).toHaveAttribute('data-state', 'editing');
    expect(screen.getByLabelText(/Amount/)).toHaveValue('');
    expect(screen.getByLabelText(/Amount/)).toHaveFocus();
  });

  it('sends one request, with one key, for a double click on Confirm', async () => {
    const user = userEvent.setup();
    const base = createFixturePurseClient({ sources: [fixtureSource()] });
    let answer: (() => void) | null = null;
    const client: FixturePurseClient = {
      ...base,
      createTopUp: (request, opts) =>
        new Promise((resolve, reject) => {
          answer = () => {
            base.createTopUp(request, opts).then(resolve, reject);
          };
        }),
    };
    renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '100');
    const confirm = screen.getByRole('button', { name: 'Confirm top-up' });
    await user.dblClick(confirm);
    expect(root()).toHaveAttribute('data-state', 'submitting');
    expect(screen.getByRole('button', { name: 'Starting top-up…' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(screen.getByRole('button', { name: 'Starting top-up…' }));
    act(() => answer?.());
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    expect(topUpCalls(client)).toHaveLength(1);
  });

  it('never sends a second request while one is in flight', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource()], hang: ['createTopUp'] });
    renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '100');
    const confirm = screen.getByRole('button', { name: 'Confirm top-up' });
    act(() => {
      confirm.click();
      confirm.click();
    });
    await user.click(confirm);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(root()).toHaveAttribute('data-state', 'submitting');
    expect(topUpCalls(client)).toHaveLength(1);
  });

  it.each<PurseErrorCode>([
    'network_error',
    'stripe_unavailable',
    'internal_error',
    'idempotency_key_in_use',
    'rate_limited',
  ])('retries after %s with the same key', async (code) => {
    const user = userEvent.setup();
    const client = clientFailingWith([code]);
    renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '40');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveFocus();
    expect(root()).toHaveAttribute('data-state', 'error');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    const calls = topUpCalls(client);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.key).toBe(calls[0]?.key);
    expect(calls[1]?.request).toEqual(calls[0]?.request);
  });

  it('keeps the key when going back without changes, and makes a new one after an edit', async () => {
    const user = userEvent.setup();
    const client = clientFailingWith(['network_error', 'network_error']);
    renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '40');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await screen.findByRole('alert');

    // Back to the form, nothing changed: the same attempt, the same key.
    await user.click(screen.getByRole('button', { name: 'Edit top-up' }));
    expect(screen.getByLabelText(/Amount/)).toHaveFocus();
    expect(screen.getByLabelText(/Amount/)).toHaveValue('40');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await screen.findByRole('alert');

    // A changed amount is a new attempt.
    await user.click(screen.getByRole('button', { name: 'Edit top-up' }));
    await reviewAmount(user, '45');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));

    const calls = topUpCalls(client);
    expect(calls.map((c) => c.request.amount)).toEqual([40_00, 40_00, 45_00]);
    expect(calls[1]?.key).toBe(calls[0]?.key);
    expect(calls[2]?.key).not.toBe(calls[0]?.key);
  });

  it('uses a new key for the next top-up, even an identical one', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '10');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await user.click(await screen.findByRole('button', { name: 'Make another top-up' }));
    await reviewAmount(user, '10');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    const calls = topUpCalls(client);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.key).not.toBe(calls[0]?.key);
  });

  it.each([
    ['de', '1.234,56', '1.234,56 $'],
    ['fr', '1 234,56', '1 234,56 $US'],
    ['en', '1,234.56', '$1,234.56'],
  ] as const)('reads amounts the %s way', async (locale, typed, shown) => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    renderWithPurse(<TopUp />, client, locale);
    await reviewAmount(user, typed, /Betrag|Montant|Amount/);
    const amount = document.querySelector('[data-slot="summary-amount"]');
    expect(amount?.textContent.replace(/\s/g, ' ')).toBe(shown.replace(/\s/g, ' '));
    await user.click(
      screen.getByRole('button', {
        name: /Confirm top-up|Einzahlung bestätigen|Confirmer le rechargement/,
      }),
    );
    await waitFor(() => expect(topUpCalls(client)).toHaveLength(1));
    expect(topUpCalls(client)[0]?.request.amount).toBe(123_456);
  });

  it('puts the currency sign where the locale writes it', async () => {
    renderWithPurse(<TopUp />, createFixturePurseClient({ sources: [fixtureSource()] }), 'de');
    const input = await screen.findByLabelText(/Betrag/);
    expect(input).toHaveAttribute('placeholder', '0,00');
    expect(input.parentElement).toHaveAttribute('data-affix', 'suffix');
    expect(screen.getByText('Zwischen 1,00 $ und 10.000,00 $')).toBeInTheDocument();
  });

  it.each([
    ['0.50', 'The smallest top-up is $1.00.'],
    ['20000', 'The largest top-up is $10,000.00.'],
    ['abc', 'Enter an amount like 1,234.56.'],
    ['1.234', 'Use at most 2 decimal places.'],
    ['-5', 'Enter an amount above zero.'],
    ['', 'Enter an amount.'],
  ])('refuses %j with a message on the field', async (typed, message) => {
    const user = userEvent.setup();
    renderWithPurse(<TopUp />, createFixturePurseClient({ sources: [fixtureSource()] }));
    const input = await screen.findByLabelText(/Amount/);
    if (typed) await user.type(input, typed);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(root()).toHaveAttribute('data-state', 'editing');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(`Between $1.00 and $10,000.00 ${message}`);
    expect(input).toHaveFocus();
  });

  it('uses the given limits and shows an error when leaving the field', async () => {
    const user = userEvent.setup();
    renderWithPurse(
      <TopUp minAmount={5_00} maxAmount={500_00} />,
      createFixturePurseClient({ sources: [fixtureSource()] }),
    );
    const input = await screen.findByLabelText(/Amount/);
    expect(screen.getByText('Between $5.00 and $500.00')).toBeInTheDocument();
    await user.type(input, '4.99');
    expect(screen.queryByText('The smallest top-up is $5.00.')).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByText('The smallest top-up is $5.00.')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '600');
    expect(screen.getByText('The largest top-up is $500.00.')).toBeInTheDocument();
  });

  it('warns when the amount is more than the bank has available, and needs an acknowledgement', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    renderWithPurse(<TopUp />, client);
    const input = await screen.findByLabelText(/Amount/);
    await user.type(input, '5000');
    expect(screen.getByText('This is more than your bank shows as available')).toBeInTheDocument();
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Everyday Checking ••6789 shows $4,218.37 available.'),
    );
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const checkbox = screen.getByRole('checkbox', {
      name: 'I understand this may fail and my bank may charge a fee',
    });
    expect(checkbox).toHaveFocus();
    expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    expect(checkbox).toHaveAccessibleDescription(
      'Confirm that you understand, or enter a smaller amount.',
    );
    expect(root()).toHaveAttribute('data-state', 'editing');

    await user.click(checkbox);
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(root()).toHaveAttribute('data-state', 'confirming');
    expect(root()).toHaveTextContent('the top-up may fail and your bank may charge a fee');
  });

  it('refuses an amount above the available balance with balanceCheck="block"', async () => {
    const user = userEvent.setup();
    renderWithPurse(
      <TopUp balanceCheck="block" />,
      createFixturePurseClient({ sources: [fixtureSource()] }),
    );
    await reviewAmount(user, '5000');
    expect(root()).toHaveAttribute('data-state', 'editing');
    expect(screen.getByLabelText(/Amount/)).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText(
        'This is more than the $4,218.37 available in this account. Enter a smaller amount.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('ignores the balance with balanceCheck="off" and when the balance is unknown', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithPurse(
      <TopUp balanceCheck="off" />,
      createFixturePurseClient({ sources: [fixtureSource()] }),
    );
    await reviewAmount(user, '5000');
    expect(root()).toHaveAttribute('data-state', 'confirming');
    unmount();

    renderWithPurse(<TopUp />, createFixturePurseClient({ sources: [SAVINGS] }));
    await reviewAmount(user, '9000');
    expect(root()).toHaveAttribute('data-state', 'confirming');
  });

  it('limits the description to 140 characters and counts them', async () => {
    const user = userEvent.setup();
    renderWithPurse(<TopUp />, createFixturePurseClient({ sources: [fixtureSource()] }));
    const description = await screen.findByLabelText(/Description/);
    expect(description).toHaveAttribute('maxlength', '140');
    await user.type(description, 'Savings');
    expect(description).toHaveAccessibleDescription('7/140 characters');
  });

  it('offers same-day only when allowed, and sends it', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithPurse(
      <TopUp />,
      createFixturePurseClient({ sources: [fixtureSource()] }),
    );
    await screen.findByLabelText(/Amount/);
    expect(screen.queryByRole('checkbox', { name: 'Same-day transfer' })).not.toBeInTheDocument();
    unmount();

    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    renderWithPurse(<TopUp allowSameDay />, client);
    await user.click(await screen.findByRole('checkbox', { name: 'Same-day transfer' }));
    await reviewAmount(user, '30');
    // Same-day ACH before the cutoff arrives the day it is sent.
    expect(root()).toHaveTextContent('ArrivesTue, Mar 10');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() => expect(topUpCalls(client)).toHaveLength(1));
    expect(topUpCalls(client)[0]?.request.sameDay).toBe(true);
  });

  const common = commonMessages.en;
  const serverErrors: [PurseErrorCode, string, boolean][] = [
    ...TOP_UP_ERROR_CODES.map((code): [PurseErrorCode, string, boolean] => [
      code,
      topUpStepMessages.en.errors[code],
      code === 'idempotency_key_in_use' || code === 'stripe_unavailable',
    ]),
    ['network_error', common.networkError, true],
    ['rate_limited', common.rateLimited, true],
    ['internal_error', common.errorFallback, true],
    ['unauthenticated', common.sessionExpired, false],
  ];
  it.each(serverErrors)('says what %s means', async (code, message, retryable) => {
    const user = userEvent.setup();
    const onError = vi.fn();
    const client = createFixturePurseClient({
      sources: [fixtureSource()],
      fail: { createTopUp: code },
    });
    render(
      <PurseProvider client={client} onError={onError}>
        <TopUp />
      </PurseProvider>,
    );
    await reviewAmount(user, '40');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`Your top-up didn’t start${message}`);
    expect(alert).not.toHaveTextContent('Fixture failure');
    expect(alert).toHaveFocus();
    expect(root()).toHaveAttribute('data-state', 'error');
    expect(screen.queryByRole('button', { name: 'Try again' }) !== null).toBe(retryable);
    expect(screen.getByRole('button', { name: 'Edit top-up' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code });
  });

  it.each(['de', 'fr'] as const)('has words for every top-up error in %s', (locale) => {
    for (const code of TOP_UP_ERROR_CODES) {
      expect(topUpStepMessages[locale].errors[code]).not.toBe(topUpStepMessages.en.errors[code]);
      expect(topUpStepMessages[locale].errors[code].length).toBeGreaterThan(10);
    }
  });

  it('makes a new key after idempotency_key_reused', async () => {
    const user = userEvent.setup();
    const client = clientFailingWith(['idempotency_key_reused']);
    renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '40');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await screen.findByRole('alert');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit top-up' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    const calls = topUpCalls(client);
    expect(calls[1]?.key).not.toBe(calls[0]?.key);
  });

  it('shows an error with a retry when the banks cannot be loaded', async () => {
    const user = userEvent.setup();
    let fail = true;
    const base = createFixturePurseClient({ sources: [fixtureSource()] });
    const client: PurseClient = {
      ...base,
      listTopUpSources: () =>
        fail
          ? Promise.reject(new PurseError({ code: 'network_error', message: 'offline' }))
          : base.listTopUpSources(),
    };
    renderWithPurse(<TopUp />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load your bank accounts');
    expect(alert).toHaveTextContent(common.networkError);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'editing'));
  });

  it('works in StrictMode', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    render(
      <StrictMode>
        <PurseProvider client={client}>
          <TopUp renderTracker={tracker} />
        </PurseProvider>
      </StrictMode>,
    );
    await reviewAmount(user, '12.5');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    expect(topUpCalls(client)).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Top-up' })).toHaveTextContent('$12.50');
  });

  it('passes props and a ref to the root', async () => {
    let node: HTMLDivElement | null = null;
    renderWithPurse(
      <TopUp
        className="mine"
        data-testid="top-up"
        ref={(el) => {
          node = el;
        }}
      />,
      createFixturePurseClient({ sources: [fixtureSource()] }),
    );
    const element = screen.getByTestId('top-up');
    expect(element).toHaveClass('purse-Card', 'purse-TopUp', 'mine');
    expect(node).toBe(element);
    await screen.findByLabelText(/Amount/);
  });

  const axeOptions = { rules: { 'color-contrast': { enabled: false } } };

  it('has no axe violations while editing with errors and a balance warning', async () => {
    const user = userEvent.setup();
    const { container } = renderWithPurse(
      <TopUp allowSameDay />,
      createFixturePurseClient({ sources: [fixtureSource(), SAVINGS] }),
    );
    await reviewAmount(user, '5000');
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
    await user.clear(screen.getByLabelText(/Amount/));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
  });

  it('has no axe violations when loading, empty, confirming, failing and submitted', async () => {
    const user = userEvent.setup();
    const loading = renderWithPurse(
      <TopUp />,
      createFixturePurseClient({ hang: ['listTopUpSources'] }),
    );
    expect((await axe.run(loading.container, axeOptions)).violations).toEqual([]);
    loading.unmount();

    const empty = renderWithPurse(
      <TopUp onLinkRequest={() => undefined} />,
      createFixturePurseClient(),
    );
    await screen.findByText('Link a bank account first');
    expect((await axe.run(empty.container, axeOptions)).violations).toEqual([]);
    empty.unmount();

    const client = clientFailingWith(['network_error']);
    const { container } = renderWithPurse(<TopUp />, client);
    await reviewAmount(user, '40');
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    await screen.findByRole('alert');
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'submitted'));
    expect((await axe.run(container, axeOptions)).violations).toEqual([]);
  });

  it('shows the created top-up at once, not a loading state', async () => {
    const user = userEvent.setup();
    const base = createFixturePurseClient({ sources: [fixtureSource()] });
    const client: FixturePurseClient = {
      ...base,
      getTopUp: () => new Promise(() => undefined),
      createTopUp: (request, opts) => {
        base.calls.push(['createTopUp', request, opts]);
        return Promise.resolve(fixtureTopUp({ id: 'ibt_new', amount: request.amount }));
      },
    };
    renderWithPurse(<TopUp renderTracker={tracker} />, client);
    await reviewAmount(user, '99');
    await user.click(screen.getByRole('button', { name: 'Confirm top-up' }));
    const status = await screen.findByRole('group', { name: 'Top-up' });
    expect(status).toHaveAttribute('data-state', 'processing');
    expect(status).toHaveTextContent('$99.00');
  });
});

/** A host's own form, built only from `useTopUp()`'s prop getters. */
function CustomTopUpForm(): ReactNode {
  const topUp = useTopUp();
  if (topUp.state.status !== 'editing') return <p>{topUp.state.status}</p>;
  return (
    <form {...topUp.getFormProps()} aria-label="Add money">
      <label htmlFor={topUp.ids.sources}>From</label>
      <select {...topUp.getSourceSelectProps()}>
        <option value="">Choose a bank</option>
        {topUp.sources.map((source) => (
          <option key={source.id} value={source.id}>
            {source.bankName}
          </option>
        ))}
      </select>
      {topUp.errors.source ? <p id={topUp.ids.sourceError}>Pick a bank</p> : null}
      <label htmlFor={topUp.ids.amount}>How much</label>
      <input {...topUp.getAmountInputProps()} />
      <p id={topUp.ids.amountHint}>Between $1 and $10,000</p>
      {topUp.errors.amount ? <p id={topUp.ids.amountError}>Enter an amount</p> : null}
      <button {...topUp.getSubmitButtonProps()}>Next</button>
    </form>
  );
}

describe('useTopUp prop getters', () => {
  it('give a custom view labels, descriptions, errors and focus without wiring ids by hand', async () => {
    const user = userEvent.setup();
    renderWithPurse(<CustomTopUpForm />, createFixturePurseClient({ sources: [fixtureSource()] }));
    const amount = await screen.findByRole('textbox', { name: 'How much' });
    expect(amount).toHaveAccessibleDescription('Between $1 and $10,000');
    expect(amount).toHaveAttribute('inputmode', 'decimal');

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(amount).toHaveFocus();
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription('Between $1 and $10,000 Enter an amount');

    await user.type(amount, '20');
    await user.selectOptions(screen.getByRole('combobox', { name: 'From' }), 'pm_fixture_checking');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('confirming')).toBeInTheDocument();
  });
});
