import {
  PurseError,
  TOP_UP_FAILURE_CODES,
  type TopUp,
  type TopUpFailureCode,
  type TransferFailureAction,
  type TransferPhase,
} from '@purse/core';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  FIXTURE_NOW,
  createFixturePurseClient,
  fixtureTopUp,
  type FixturePurseClient,
} from '../testing/index.js';
import { failureActionMessages, failureMessages } from './failure-messages.js';
import { transferDetailsMessages, type TransferDetailsMessages } from './details-messages.js';
import { TransferStatus, type TransferStatusProps } from './transfer-status.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { clientServing } from '../test-support/serving-top-up.js';

function card(): HTMLElement {
  return screen.getByRole('group', { name: /top-up|einzahlung|rechargement/i });
}

/** Waits for the failure or return note, downloaded when one first shows. */
async function outcomeLoaded(): Promise<void> {
  await waitFor(() =>
    expect(
      card().querySelector(
        ':is([data-slot="failure"], [data-slot="returned"]):not([aria-busy="true"])',
      ),
    ).not.toBeNull(),
  );
}

/** Waits for the card past its summary (note, timeline, cancel, receipt): its own chunk. */
async function detailsLoaded(): Promise<HTMLElement> {
  return screen.findByRole('list', { name: /Progress|Fortschritt|Progression/ });
}

afterEach(() => {
  vi.useRealTimers();
});

// jsdom, user-event and axe are slow on a busy CI machine.
describe('TransferStatus', { timeout: 20_000 }, () => {
  it('shows a processing top-up: amount, source, expected arrival, timeline', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);

    expect(card()).toHaveAttribute('data-state', 'loading');
    expect(within(card()).getByText('Loading…')).toBeInTheDocument();
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    expect(card()).toHaveTextContent('$250.00');
    expect(card()).toHaveTextContent('From STRIPEBANK ••6789 · To your financial account');
    expect(card()).toHaveTextContent(/Expected to arrive Mar 12\s–\s16, 2026/);
    const steps = within(await detailsLoaded()).getAllByRole('listitem');
    expect(steps.map((s) => s.getAttribute('data-step'))).toEqual([
      'created',
      'processing',
      'succeeded',
    ]);
    expect(steps[0]).toHaveTextContent('Requested (done)');
    expect(steps[0]?.querySelector('time')).toHaveAttribute(
      'datetime',
      new Date((FIXTURE_NOW - 600) * 1000).toISOString(),
    );
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[2]).toHaveTextContent('Money arrived (expected next)');
    expect(within(card()).getByText('Processing')).toHaveAttribute('data-tone', 'info');
  });

  it('shows a top-up under review (requires_confirmation)', async () => {
    const client = createFixturePurseClient({
      topUps: [fixtureTopUp({ status: 'requires_confirmation' })],
    });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'review'));
    await detailsLoaded();
    expect(card()).toHaveTextContent('We’re reviewing this top-up');
    expect(within(card()).getAllByText('Under review')).toHaveLength(2);
  });

  it('moves to succeeded on a live event, announces it, and ignores a late processing', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp({ amount: 25_00 })] });
    const { live } = renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    await detailsLoaded();
    const region = card().querySelector('[aria-live="polite"]');
    expect(region).toHaveTextContent('');

    const succeeded = fixtureTopUp({
      amount: 25_00,
      status: 'succeeded',
      cancelable: false,
      statusTransitions: { succeededAt: FIXTURE_NOW, failedAt: null, canceledAt: null },
    });
    act(() => live().emit({ type: 'transfer.updated', data: succeeded }));
    expect(card()).toHaveAttribute('data-state', 'succeeded');
    expect(region).toHaveTextContent(/^Top-up of \$25\.00 succeeded$/);
    expect(card()).toHaveTextContent('The money is in your financial account.');
    expect(screen.queryByRole('button', { name: 'Cancel top-up' })).not.toBeInTheDocument();
    expect(card()).not.toHaveTextContent('Expected to arrive');

    act(() => live().emit({ type: 'transfer.updated', data: fixtureTopUp({ amount: 25_00 }) }));
    expect(card()).toHaveAttribute('data-state', 'succeeded');

    // Another top-up's event does not touch this one.
    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ id: 'ibt_other', status: 'failed' }),
      }),
    );
    expect(card()).toHaveAttribute('data-state', 'succeeded');
  });

  it('explains a return after success', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    const { live } = renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    act(() =>
      live().emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ status: 'succeeded', returned: true, cancelable: false }),
      }),
    );
    expect(card()).toHaveAttribute('data-state', 'returned');
    expect(card()).toHaveTextContent('Your bank returned the money after it arrived');
    await outcomeLoaded();
    expect(card()).toHaveTextContent(
      'The $250.00 was taken back out of your financial account balance.',
    );
    expect(card().querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Top-up of $250.00 was returned by your bank',
    );
    const steps = within(screen.getByRole('list', { name: 'Progress' })).getAllByRole('listitem');
    expect(steps.at(-1)).toHaveTextContent('Returned by your bank');
  });

  it.each(TOP_UP_FAILURE_CODES)(
    'explains the failure code %s and what to do next',
    async (code) => {
      const client = createFixturePurseClient({
        topUps: [
          fixtureTopUp({
            status: 'failed',
            cancelable: false,
            failure: { code, message: 'server copy' },
            statusTransitions: { succeededAt: null, failedAt: FIXTURE_NOW, canceledAt: null },
          }),
        ],
      });
      renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
      await waitFor(() => expect(card()).toHaveAttribute('data-state', 'failed'));
      await outcomeLoaded();
      const { message, nextStep } = failureMessages.en[code];
      expect(card()).toHaveTextContent(message);
      expect(card()).toHaveTextContent(`What you can do: ${nextStep}`);
      expect(card()).not.toHaveTextContent('server copy');
    },
  );

  it.each(['de', 'fr'] as const)('has a message and next step for every code in %s', (locale) => {
    for (const code of TOP_UP_FAILURE_CODES) {
      const info = failureMessages[locale][code];
      expect(info.message.length).toBeGreaterThan(10);
      expect(info.nextStep.length).toBeGreaterThan(10);
      expect(info.message).not.toBe(failureMessages.en[code].message);
    }
  });

  describe('the way on after a failure', () => {
    const failed = (code: TopUpFailureCode): TopUp =>
      fixtureTopUp({ status: 'failed', cancelable: false, failure: { code, message: 'x' } });

    async function showFailed(
      topUp: TopUp,
      props: Partial<TransferStatusProps> = {},
      locale?: 'de' | 'fr',
    ): Promise<void> {
      const client = createFixturePurseClient({ topUps: [topUp] });
      renderWithPurse(<TransferStatus topUpId="ibt_fixture" {...props} />, client, locale);
      await waitFor(() =>
        expect(card()).toHaveAttribute('data-state', topUp.returned ? 'returned' : 'failed'),
      );
      await outcomeLoaded();
    }

    it.each([
      ['insufficient_funds', 'Try a smaller amount', 'try_smaller_amount'],
      ['account_closed', 'Choose another account', 'choose_another_account'],
      ['no_account', 'Link the account again', 'link_account_again'],
      ['other', 'Try again', 'try_again'],
      ['debit_not_authorized', 'Contact support', 'contact_support'],
    ] as const)('offers %s’s action as a button: “%s”', async (code, label, action) => {
      const onFailureAction = vi.fn();
      await showFailed(failed(code), { onFailureAction });
      await userEvent.click(within(card()).getByRole('button', { name: label }));
      expect(onFailureAction).toHaveBeenCalledTimes(1);
      expect(onFailureAction).toHaveBeenCalledWith(
        action,
        expect.objectContaining({ id: 'ibt_fixture', status: 'failed' }),
      );
      expect(within(card()).queryByRole('link', { name: /contact support/i })).toBeNull();
    });

    it('shows no action button when the host does not handle actions', async () => {
      await showFailed(failed('insufficient_funds'));
      expect(within(card()).queryByRole('button')).toBeNull();
      expect(card().querySelector('[data-slot="actions"]')).toBeNull();
    });

    it('links the host’s support page, with its own words if given', async () => {
      await showFailed(failed('insufficient_funds'), {
        onFailureAction: vi.fn(),
        supportHref: 'https://example.com/help',
      });
      expect(within(card()).getByRole('link', { name: 'Contact support' })).toHaveAttribute(
        'href',
        'https://example.com/help',
      );
      expect(within(card()).getByRole('button', { name: 'Try a smaller amount' })).toBeVisible();
      cleanup();
      await showFailed(failed('other'), { supportHref: '/help', supportLabel: 'Chat with us' });
      expect(within(card()).getByRole('link', { name: 'Chat with us' })).toHaveAttribute(
        'href',
        '/help',
      );
    });

    it('offers contact once when that is the action and there is a support page', async () => {
      await showFailed(failed('incorrect_account_holder_name'), {
        onFailureAction: vi.fn(),
        supportHref: '/help',
      });
      expect(within(card()).queryByRole('button', { name: 'Contact support' })).toBeNull();
      expect(within(card()).getAllByText('Contact support')).toHaveLength(1);
    });

    it('offers contact after a return', async () => {
      const onFailureAction = vi.fn();
      const returned = fixtureTopUp({ status: 'succeeded', returned: true, cancelable: false });
      await showFailed(returned, { onFailureAction });
      await userEvent.click(within(card()).getByRole('button', { name: 'Contact support' }));
      expect(onFailureAction).toHaveBeenCalledWith(
        'contact_support',
        expect.objectContaining({ returned: true }),
      );
      cleanup();
      await showFailed(returned, { supportHref: '/help' });
      expect(within(card()).getByRole('link', { name: 'Contact support' })).toBeVisible();
    });

    it.each([
      ['de', 'Kleineren Betrag wählen', 'Support kontaktieren'],
      ['fr', 'Essayer un montant plus petit', 'Contacter le support'],
    ] as const)('speaks %s', async (locale, button, link) => {
      await showFailed(
        failed('insufficient_funds'),
        { onFailureAction: vi.fn(), supportHref: '/help' },
        locale,
      );
      expect(within(card()).getByRole('button', { name: button })).toBeVisible();
      expect(within(card()).getByRole('link', { name: link })).toBeVisible();
    });

    it.each(['de', 'fr'] as const)('has every action in %s, in its own words', (locale) => {
      for (const action of Object.keys(failureActionMessages.en) as TransferFailureAction[])
        expect(failureActionMessages[locale][action]).not.toBe(failureActionMessages.en[action]);
    });
  });

  it('shows failures in German', async () => {
    const client = createFixturePurseClient({
      topUps: [
        fixtureTopUp({
          status: 'failed',
          cancelable: false,
          failure: { code: 'insufficient_funds', message: 'x' },
        }),
      ],
    });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client, 'de');
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'failed'));
    await outcomeLoaded();
    expect(card()).toHaveTextContent(failureMessages.de.insufficient_funds.message);
    expect(card()).toHaveTextContent('250,00 $');
    expect(card().querySelector('[data-slot="badge"]')).toHaveTextContent('Fehlgeschlagen');
  });

  it('shows the card past its summary in the provider’s locale', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client, 'fr');
    const steps = within(await detailsLoaded()).getAllByRole('listitem');
    expect(steps[0]).toHaveTextContent(`${transferDetailsMessages.fr.steps.created} (terminé)`);
    expect(card()).toHaveTextContent(transferDetailsMessages.fr.processingNote);
    expect(screen.getByRole('button', { name: 'Annuler le rechargement' })).toBeInTheDocument();
  });

  it('has the details’ words in de and fr, each in its own words', () => {
    const leaves = (messages: TransferDetailsMessages): string[] =>
      Object.values(messages).flatMap(
        (value: string | Record<string, string> | ((amount: string) => string)) =>
          typeof value === 'string'
            ? [value]
            : typeof value === 'function'
              ? [value('$1.00')]
              : Object.values(value),
      );
    const english = leaves(transferDetailsMessages.en);
    for (const locale of ['de', 'fr'] as const) {
      const words = leaves(transferDetailsMessages[locale]);
      expect(words).toHaveLength(english.length);
      words.forEach((word, index) => expect(word).not.toBe(english[index]));
    }
  });

  it('offers cancel only while cancelable, confirms, and cancels once', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    const cancel = await screen.findByRole('button', { name: 'Cancel top-up' });

    await user.click(cancel);
    const prompt = screen.getByRole('group', { name: /Cancel this top-up\?/ });
    expect(within(prompt).getByText('Cancel this top-up?').parentElement).toHaveFocus();
    await user.click(within(prompt).getByRole('button', { name: 'Keep top-up' }));
    expect(screen.getByRole('button', { name: 'Cancel top-up' })).toHaveFocus();
    expect(client.calls.filter(([m]) => m === 'cancelTopUp')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Cancel top-up' }));
    const yes = screen.getByRole('button', { name: 'Yes, cancel top-up' });
    await user.dblClick(yes);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'canceled'));
    expect(client.calls.filter(([m]) => m === 'cancelTopUp')).toEqual([
      ['cancelTopUp', 'ibt_fixture'],
    ]);
    expect(card()).toHaveTextContent('canceled before it reached your bank');
    expect(card().querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Top-up of $250.00 canceled',
    );
    expect(screen.queryByRole('button', { name: 'Cancel top-up' })).not.toBeInTheDocument();
    const steps = within(screen.getByRole('list', { name: 'Progress' })).getAllByRole('listitem');
    expect(steps[1]).toHaveAttribute('data-step-state', 'skipped');
  });

  it('has no cancel button when the top-up is not cancelable', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp({ cancelable: false })] });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    expect(screen.queryByRole('button', { name: 'Cancel top-up' })).not.toBeInTheDocument();
  });

  it('explains transfer_not_cancelable and shows where the top-up stands', async () => {
    const user = userEvent.setup();
    const views = { current: fixtureTopUp() };
    const base = clientServing(views);
    const client: FixturePurseClient = {
      ...base,
      cancelTopUp: (id) => {
        base.calls.push(['cancelTopUp', id]);
        views.current = fixtureTopUp({ cancelable: false });
        return Promise.reject(
          new PurseError({ code: 'transfer_not_cancelable', message: 'Not cancelable.' }),
        );
      },
    };
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await user.click(await screen.findByRole('button', { name: 'Cancel top-up' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel top-up' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'This top-up can no longer be canceled: it’s already on its way to your bank.',
    );
    await waitFor(() => expect(alert).toHaveFocus());
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Cancel top-up' })).not.toBeInTheDocument(),
    );
    expect(card()).toHaveAttribute('data-state', 'processing');
  });

  it('links the receipt in a new tab', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    const link = await screen.findByRole('link', { name: 'View receipt (opens in a new tab)' });
    expect(link).toHaveAttribute('href', 'https://example.com/receipts/ibt_fixture');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('polls while processing and stops once final', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const views = { current: fixtureTopUp() };
    const client = clientServing(views);
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" pollIntervalMs={1000} />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    const loads = (): number => client.calls.filter(([m]) => m === 'getTopUp').length;
    const before = loads();

    views.current = fixtureTopUp({
      status: 'failed',
      cancelable: false,
      failure: { code: 'account_closed', message: 'x' },
    });
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(card()).toHaveAttribute('data-state', 'failed');
    expect(loads()).toBeGreaterThan(before);
    expect(card().querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Top-up of $250.00 failed',
    );

    const settled = loads();
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(loads()).toBe(settled);
  });

  it('shows the top-up it was given at once, then fetches the latest', async () => {
    const client = createFixturePurseClient({
      topUps: [fixtureTopUp({ status: 'succeeded', cancelable: false })],
    });
    const onPhaseChange = vi.fn();
    renderWithPurse(
      <TransferStatus
        topUpId="ibt_fixture"
        initialTopUp={fixtureTopUp()}
        onPhaseChange={onPhaseChange}
      />,
      client,
    );
    expect(card()).toHaveAttribute('data-state', 'processing');
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'succeeded'));
    expect(onPhaseChange).toHaveBeenCalledTimes(1);
    expect(onPhaseChange).toHaveBeenCalledWith(
      'succeeded',
      expect.objectContaining({ id: 'ibt_fixture' }),
    );
  });

  it('shows a load error with a retry, apart from a failed top-up', async () => {
    const user = userEvent.setup();
    let fail = true;
    const base = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    const client: PurseClient = {
      ...base,
      getTopUp: (id) =>
        fail
          ? Promise.reject(new PurseError({ code: 'network_error', message: 'offline' }))
          : base.getTopUp(id),
    };
    const onError = vi.fn();
    render(
      <PurseProvider client={client} onError={onError}>
        <TransferStatus topUpId="ibt_fixture" />
      </PurseProvider>,
    );
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'error'));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'We couldn’t load this top-upWe couldn’t reach the server.',
    );
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual({ source: 'TransferStatus' });
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
  });

  it('says when the top-up cannot be found', async () => {
    renderWithPurse(<TransferStatus topUpId="ibt_missing" />, createFixturePurseClient());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t find this top-up. It may belong to another account.',
    );
    expect(card()).toHaveAttribute('data-state', 'error');
  });

  it('keeps the last status when a later check fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let fail = false;
    const base = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    const client: PurseClient = {
      ...base,
      getTopUp: (id) =>
        fail
          ? Promise.reject(new PurseError({ code: 'stripe_unavailable', message: 'down' }))
          : base.getTopUp(id),
    };
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" pollIntervalMs={1000} />, client);
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    fail = true;
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(card()).toHaveAttribute('data-state', 'processing');
    expect(card()).toHaveTextContent('We couldn’t check for updates.');
  });

  it('polls a transfer once per tick however many views show it (live stream down)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const views = { current: fixtureTopUp() };
    const client = clientServing(views);
    const loads = (): number => client.calls.filter(([method]) => method === 'getTopUp').length;
    renderWithPurse(
      <>
        <TransferStatus topUpId="ibt_fixture" />
        <TransferStatus topUpId="ibt_fixture" headingLevel={2} />
      </>,
      client,
    );
    const shown = (): HTMLElement[] => screen.getAllByRole('group', { name: 'Top-up' });
    await waitFor(() => {
      for (const view of shown()) expect(view).toHaveAttribute('data-state', 'processing');
    });
    expect(shown()).toHaveLength(2);
    expect(loads()).toBe(1);
    views.current = fixtureTopUp({ status: 'succeeded', cancelable: false });
    await act(() => vi.advanceTimersByTimeAsync(5000));
    for (const view of shown()) expect(view).toHaveAttribute('data-state', 'succeeded');
    // The provider polls (no stream in tests) and the tracker has its timer: one load, not three.
    expect(loads()).toBe(2);
  });

  it('works in StrictMode', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    let live: LiveUpdates | null = null;
    function CaptureLive(): null {
      live = usePurseContext('CaptureLive').live;
      return null;
    }
    render(
      <StrictMode>
        <PurseProvider client={client}>
          <CaptureLive />
          <TransferStatus topUpId="ibt_fixture" />
        </PurseProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(card()).toHaveAttribute('data-state', 'processing'));
    act(() =>
      live?.emit({
        type: 'transfer.updated',
        data: fixtureTopUp({ status: 'succeeded', cancelable: false }),
      }),
    );
    expect(card()).toHaveAttribute('data-state', 'succeeded');
    expect(card().querySelector('[aria-live="polite"]')).toHaveTextContent(
      'Top-up of $250.00 succeeded',
    );
  });

  const phases: [TransferPhase, TopUp][] = [
    ['processing', fixtureTopUp()],
    ['review', fixtureTopUp({ status: 'requires_confirmation' })],
    ['succeeded', fixtureTopUp({ status: 'succeeded', cancelable: false })],
    [
      'failed',
      fixtureTopUp({
        status: 'failed',
        cancelable: false,
        failure: { code: 'no_account', message: 'x' },
      }),
    ],
    ['canceled', fixtureTopUp({ status: 'canceled', cancelable: false })],
    ['returned', fixtureTopUp({ status: 'succeeded', returned: true, cancelable: false })],
  ];
  it.each(phases)('has no axe violations when %s', async (phase, topUp) => {
    const client = createFixturePurseClient({ topUps: [topUp] });
    const { container } = renderWithPurse(
      <TransferStatus topUpId="ibt_fixture" onFailureAction={vi.fn()} supportHref="/help" />,
      client,
    );
    await waitFor(() => expect(card()).toHaveAttribute('data-state', phase));
    if (phase === 'failed' || phase === 'returned') await outcomeLoaded();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);
  });

  it('has no axe violations while confirming a cancel and on a load error', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    const { container } = renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    await user.click(await screen.findByRole('button', { name: 'Cancel top-up' }));
    let results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations).toEqual([]);

    const failing = createFixturePurseClient({ fail: { getTopUp: 'internal_error' } });
    const second = renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, failing);
    await waitFor(() =>
      expect(second.container.querySelector('[data-state="error"]')).not.toBeNull(),
    );
    results = await axe.run(second.container, {
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.violations).toEqual([]);
  });

  it('passes props and a ref to the root', async () => {
    const client = createFixturePurseClient({ topUps: [fixtureTopUp()] });
    let node: HTMLDivElement | null = null;
    renderWithPurse(
      <TransferStatus
        topUpId="ibt_fixture"
        className="mine"
        data-testid="status"
        ref={(el) => {
          node = el;
        }}
      />,
      client,
    );
    const root = screen.getByTestId('status');
    expect(root).toHaveClass('purse-Card', 'purse-TransferStatus', 'mine');
    expect(node).toBe(root);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'processing'));
  });
});
