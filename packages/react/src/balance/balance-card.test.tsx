import { PurseError, type LinkedAccount } from '@purse/core';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
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
  type FixtureClientOptions,
} from '../testing/fixture-client.js';
import { fixtureAccount, fixtureCreditAccount } from '../testing/fixtures.js';
import { BalanceCard } from './balance-card.js';

async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations).toEqual([]);
}

/** A fixture client whose clock is the (fakeable) system clock, so countdowns can run. */
function clockedClient(options: FixtureClientOptions): PurseClient & {
  calls: unknown[][];
} {
  const fixture = createFixturePurseClient(options);
  return { ...fixture, now: () => Math.floor(Date.now() / 1000) };
}

let live: LiveUpdates | undefined;
function CaptureLive(): null {
  live = usePurseContext('CaptureLive').live;
  return null;
}

function card(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.purse-BalanceCard');
  if (!element) throw new Error('no BalanceCard rendered');
  return element;
}

afterEach(() => {
  vi.useRealTimers();
  live = undefined;
});

describe('BalanceCard balances', () => {
  it('shows the available balance large, the current one below, and how fresh it is', async () => {
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    render(
      <PurseProvider client={client}>
        <BalanceCard accountId="fca_fixture_checking" />
      </PurseProvider>,
    );

    const group = await screen.findByRole('group', { name: 'Everyday Checking ending in 6789' });
    expect(group).toHaveAttribute('data-state', 'ready');
    // Read by its name, the bank as secondary text.
    expect(within(group).getByText('••6789')).toHaveAttribute('aria-hidden', 'true');
    expect(within(group).getByText('ending in 6789')).toHaveClass('purse-VisuallyHidden');
    expect(group.querySelector('[data-slot="subtitle"]')).toHaveTextContent(
      /^StripeBank · Checking$/,
    );
    expect(within(group).getByText('Available').nextElementSibling).toHaveTextContent('$4,218.37');
    expect(within(group).getByText('Current balance').nextElementSibling).toHaveTextContent(
      '$4,307.93',
    );
    const asOf = group.querySelector('time');
    expect(asOf).toHaveTextContent(/^as of 2 minutes ago/);
    expect(asOf).toHaveAttribute('dateTime', '2026-03-10T14:58:00.000Z');
    expect(asOf).toHaveAttribute('title', expect.stringMatching(/^Balance as of Mar 10, 2026/));
    // The exact time is in the accessible text too, not only in the tooltip.
    expect(asOf?.textContent).toContain('Balance as of Mar 10, 2026');
    expect(asOf).toHaveAttribute('tabindex', '0');
    expect(client.calls).toEqual([['getAccount', 'fca_fixture_checking']]);
  });

  it('shows the current balance alone when the bank gives no available balance', () => {
    const account = fixtureAccount({
      balance: {
        type: 'cash',
        currency: 'usd',
        current: 4_307_93,
        available: null,
        asOf: FIXTURE_NOW - 60,
      },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.queryByText('Available')).not.toBeInTheDocument();
    expect(screen.getByText('Current balance').nextElementSibling).toHaveTextContent('$4,307.93');
  });

  it('shows a credit account’s balances as amounts owed', () => {
    const account = fixtureCreditAccount();
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(card()).toHaveAttribute('data-type', 'credit');
    expect(screen.getByText('Balance owed').nextElementSibling).toHaveTextContent('$1,284.16');
    expect(screen.getByText('Credit used').nextElementSibling).toHaveTextContent('$1,284.16');
    expect(card()).not.toHaveTextContent('-$');
    expect(screen.getByText(/Credit card/)).toBeInTheDocument();
  });

  it('says “No balance yet” before any refresh', () => {
    const account = fixtureAccount({ balance: null, balanceRefresh: null });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('No balance yet')).toBeInTheDocument();
    expect(
      screen.getByText('Refresh to get the latest balance from your bank.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh balance' })).not.toHaveAttribute(
      'aria-disabled',
    );
    expect(card().querySelector('time')).toBeNull();
  });

  it('says it is getting the balance, not “No balance yet”, while the first refresh runs', () => {
    const account = fixtureAccount({
      balance: null,
      balanceRefresh: {
        status: 'pending',
        lastAttemptedAt: FIXTURE_NOW - 5,
        nextRefreshAvailableAt: null,
      },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('Getting your balance from your bank…')).toBeInTheDocument();
    expect(screen.queryByText('No balance yet')).not.toBeInTheDocument();
    expect(screen.queryByText(/Refresh to get/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refreshing…' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  });

  it('never shows a future “as of” when the browser’s clock runs behind the server’s', () => {
    // The bank's balance is stamped 2 seconds after what this browser thinks is now.
    const account = fixtureAccount({
      balance: {
        type: 'cash',
        currency: 'usd',
        current: 100,
        available: 100,
        asOf: FIXTURE_NOW + 2,
      },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    const asOf = card().querySelector('time');
    expect(asOf).toHaveTextContent(/^as of now/);
    expect(asOf).not.toHaveTextContent(/in \d+ second/);
  });

  it('says the bank shares no balance when a refresh succeeded without one', () => {
    const account = fixtureAccount({ balance: null });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('This bank doesn’t share balances')).toBeInTheDocument();
    expect(screen.queryByText('No balance yet')).not.toBeInTheDocument();
  });

  it('formats money and times in the provider’s locale', () => {
    const account = fixtureAccount();
    const { unmount } = render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })} locale="de">
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('Verfügbar').nextElementSibling?.textContent).toMatch(
      /^4\.218,37\s\$$/,
    );
    expect(card().querySelector('time')).toHaveTextContent(/^Stand: vor 2 Minuten/);
    expect(screen.getByRole('button', { name: 'Kontostand aktualisieren' })).toBeInTheDocument();
    unmount();

    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })} locale="fr">
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('Disponible').nextElementSibling?.textContent).toMatch(
      /^4\s218,37\s\$US$/,
    );
    expect(card().querySelector('time')).toHaveTextContent(/^mis à jour il y a 2 minutes/);
  });

  it('shows a skeleton while loading', () => {
    render(
      <PurseProvider client={createFixturePurseClient({ hang: ['getAccount'] })}>
        <BalanceCard accountId="fca_fixture_checking" />
      </PurseProvider>,
    );
    expect(card()).toHaveAttribute('data-state', 'loading');
    expect(card()).toHaveAttribute('aria-busy', 'true');
    expect(card()).toHaveTextContent('Loading…');
  });

  it('explains a failed load, reports it once and retries, then focuses the card', async () => {
    const user = userEvent.setup();
    const fixture = createFixturePurseClient({ accounts: [fixtureAccount()] });
    let attempts = 0;
    const client: PurseClient = {
      ...fixture,
      getAccount: (id) => {
        attempts += 1;
        return attempts === 1
          ? Promise.reject(new PurseError({ code: 'network_error', message: 'offline' }))
          : fixture.getAccount(id);
      },
    };
    const onError = vi.fn();
    render(
      <PurseProvider client={client} onError={onError}>
        <BalanceCard accountId="fca_fixture_checking" />
      </PurseProvider>,
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t reach the server. Check your connection and try again.',
    );
    expect(card()).toHaveAttribute('data-state', 'error');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual({ source: 'BalanceCard' });

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    const heading = await screen.findByRole('heading', {
      name: 'Everyday Checking ending in 6789',
    });
    expect(heading).toHaveFocus();
  });

  it('names a missing account', async () => {
    render(
      <PurseProvider client={createFixturePurseClient()}>
        <BalanceCard accountId="fca_gone" />
      </PurseProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t find this account. It may have been removed.',
    );
  });
});

describe('BalanceCard refresh', () => {
  it('goes pending on click and shows the new balance when a live update arrives', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount();
    const client = createFixturePurseClient({ accounts: [account], refreshMs: 60_000 });
    render(
      <PurseProvider client={client}>
        <CaptureLive />
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );

    const button = screen.getByRole('button', { name: 'Refresh balance' });
    await user.click(button);
    await user.click(button);

    expect(await screen.findByText('Refreshing…')).toBeInTheDocument();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveFocus();
    expect(card()).toHaveAttribute('data-refresh', 'pending');
    expect(client.calls.filter(([method]) => method === 'refreshBalance')).toHaveLength(1);

    act(() => {
      live?.emit({
        type: 'account.updated',
        data: fixtureAccount({
          balance: {
            type: 'cash',
            currency: 'usd',
            current: 5_000_00,
            available: 4_900_00,
            asOf: FIXTURE_NOW,
          },
          balanceRefresh: {
            status: 'succeeded',
            lastAttemptedAt: FIXTURE_NOW,
            nextRefreshAvailableAt: FIXTURE_NOW + 60,
          },
        }),
      });
    });

    expect(screen.getByText('Available').nextElementSibling).toHaveTextContent('$4,900.00');
    expect(card().querySelector('time')).toHaveTextContent(/^as of now/);
    expect(screen.getByRole('status')).toHaveTextContent('Balance updated');
    expect(button).toHaveTextContent('Refresh available in 1:00');
  });

  it('polls while a refresh is pending and the stream is unavailable, and shows a failure', async () => {
    vi.useFakeTimers();
    const account = fixtureAccount();
    const client = createFixturePurseClient({
      accounts: [account],
      refreshMs: 1000,
      refreshOutcome: 'failed',
      cooldownSeconds: 0,
    });
    render(
      <PurseProvider client={client}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Refresh balance' }));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(card()).toHaveAttribute('data-refresh', 'pending');

    // The fixture finishes after 1 s; the next poll (every 5 s) picks it up.
    await act(() => vi.advanceTimersByTimeAsync(5000));

    expect(client.calls.map(([method]) => method)).toEqual(['refreshBalance', 'getAccount']);
    expect(card()).toHaveAttribute('data-refresh', 'failed');
    expect(screen.getByText('Your bank didn’t respond to the last refresh.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('The balance couldn’t be refreshed');
    expect(screen.getByRole('button', { name: 'Try again' })).not.toHaveAttribute('aria-disabled');

    // Nothing is pending any more: no more polling.
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(client.calls).toHaveLength(2);
  });

  it('counts down to the next allowed refresh and enables the button at zero', () => {
    vi.useFakeTimers();
    vi.setSystemTime(FIXTURE_NOW * 1000);
    const account = fixtureAccount({
      balanceRefresh: {
        status: 'succeeded',
        lastAttemptedAt: FIXTURE_NOW - 18,
        nextRefreshAvailableAt: FIXTURE_NOW + 42,
      },
    });
    render(
      <PurseProvider client={clockedClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );

    const button = screen.getByRole('button', { name: 'Refresh available in 42 seconds' });
    expect(button).toHaveTextContent('Refresh available in 0:42');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(card()).toHaveAttribute('data-refresh', 'cooldown');

    act(() => {
      vi.advanceTimersByTime(2000);
    });
    expect(button).toHaveTextContent('Refresh available in 0:40');

    act(() => {
      vi.advanceTimersByTime(39_000);
    });
    expect(button).toHaveTextContent('Refresh available in 0:01');
    expect(button).toHaveAttribute('aria-disabled', 'true');

    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(button).toHaveAccessibleName('Refresh balance');
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(card()).toHaveAttribute('data-refresh', 'idle');
  });

  it('shows the cooldown the server answers with (429 refresh_not_available)', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount();
    const fixture = createFixturePurseClient({ accounts: [account] });
    const client: PurseClient = {
      ...fixture,
      refreshBalance: () =>
        Promise.reject(
          new PurseError({
            code: 'refresh_not_available',
            message: 'Refreshed recently.',
            retryAt: FIXTURE_NOW + 30,
          }),
        ),
    };
    const onError = vi.fn();
    render(
      <PurseProvider client={client} onError={onError}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Refresh balance' }));

    expect(
      await screen.findByRole('button', { name: 'Refresh available in 30 seconds' }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onError).not.toHaveBeenCalled();
  });

  it('offers a retry after a failed refresh once the cooldown is over', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount({
      balanceRefresh: {
        status: 'failed',
        lastAttemptedAt: FIXTURE_NOW - 90,
        nextRefreshAvailableAt: FIXTURE_NOW - 30,
      },
    });
    const client = createFixturePurseClient({ accounts: [account] });
    render(
      <PurseProvider client={client}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(card()).toHaveAttribute('data-refresh', 'failed');
    expect(screen.getByText('Your bank didn’t respond to the last refresh.')).toBeInTheDocument();
    // The last balance stays visible.
    expect(screen.getByText('$4,218.37')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Refreshing…')).toBeInTheDocument();
    expect(client.calls).toEqual([['refreshBalance', account.id]]);
  });

  it('waits out the cooldown of a failed refresh', () => {
    const account = fixtureAccount({
      balanceRefresh: {
        status: 'failed',
        lastAttemptedAt: FIXTURE_NOW - 40,
        nextRefreshAvailableAt: FIXTURE_NOW + 20,
      },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    const button = screen.getByRole('button', { name: 'Try again in 20 seconds' });
    expect(button).toHaveTextContent('Try again in 0:20');
    expect(button).toHaveAttribute('aria-disabled', 'true');
  });

  it('explains when the refresh request itself fails, and retries', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount();
    const client = createFixturePurseClient({
      accounts: [account],
      fail: { refreshBalance: 'stripe_unavailable' },
    });
    const onError = vi.fn();
    render(
      <PurseProvider client={client} onError={onError}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Refresh balance' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t start a refresh. Something went wrong on our side. Please try again.',
    );
    expect(card()).toHaveAttribute('data-refresh', 'error');
    expect(onError).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(client.calls.filter(([method]) => method === 'refreshBalance')).toHaveLength(2);
  });
});

describe('BalanceCard when refreshing is impossible', () => {
  it('asks to reconnect an inactive account, offering the host’s reconnect action', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount({
      status: 'inactive',
      balanceRefresh: {
        status: 'succeeded',
        lastAttemptedAt: FIXTURE_NOW - 600,
        nextRefreshAvailableAt: null,
      },
    });
    const onReconnect = vi.fn();
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} onReconnect={onReconnect} />
      </PurseProvider>,
    );
    expect(card()).toHaveAttribute('data-refresh', 'unavailable');
    expect(screen.getByText('Needs reconnecting')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Reconnect this account to refresh its balance. Your bank needs you to sign in again.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Refresh/ })).not.toBeInTheDocument();
    // The last known balance stays visible.
    expect(screen.getByText('$4,218.37')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(onReconnect).toHaveBeenCalledWith(account);
  });

  it('explains a disconnected account', () => {
    const account = fixtureAccount({ status: 'disconnected', balance: null });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('Disconnected')).toBeInTheDocument();
    expect(screen.getByText('No balance available')).toBeInTheDocument();
    expect(
      screen.getByText('This account was disconnected. Link it again to see its balance.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('explains a missing balances permission', () => {
    const account = fixtureAccount({
      permissions: ['payment_method'],
      balance: null,
      balanceRefresh: null,
    });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(screen.getByText('Balance not shared')).toBeInTheDocument();
    expect(
      screen.getByText(
        'This account was linked without access to its balance. Link it again and allow balances to see it here.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('believes the server when it refuses a refresh because the account went inactive', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount();
    const fixture = createFixturePurseClient({ accounts: [account] });
    const client: PurseClient = {
      ...fixture,
      refreshBalance: () =>
        Promise.reject(new PurseError({ code: 'account_inactive', message: 'Inactive.' })),
    };
    render(
      <PurseProvider client={client}>
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Refresh balance' }));

    expect(
      await screen.findByText(
        'Reconnect this account to refresh its balance. Your bank needs you to sign in again.',
      ),
    ).toBeInTheDocument();
  });
});

describe('BalanceCard integration', () => {
  it('loads, refreshes and updates under StrictMode', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount();
    const client = createFixturePurseClient({ accounts: [account], refreshMs: 60_000 });
    render(
      <StrictMode>
        <PurseProvider client={client}>
          <CaptureLive />
          <BalanceCard accountId={account.id} />
        </PurseProvider>
      </StrictMode>,
    );

    await user.click(await screen.findByRole('button', { name: 'Refresh balance' }));
    expect(await screen.findByText('Refreshing…')).toBeInTheDocument();
    expect(client.calls.filter(([method]) => method === 'refreshBalance')).toHaveLength(1);

    const updated: LinkedAccount = fixtureAccount({
      balanceRefresh: {
        status: 'succeeded',
        lastAttemptedAt: FIXTURE_NOW,
        nextRefreshAvailableAt: FIXTURE_NOW,
      },
    });
    act(() => {
      live?.emit({ type: 'account.updated', data: updated });
    });
    expect(screen.getByRole('status')).toHaveTextContent('Balance updated');
    expect(screen.getByRole('button', { name: 'Refresh balance' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('ignores live updates for other accounts', () => {
    const account = fixtureAccount();
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <CaptureLive />
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    act(() => {
      live?.emit({ type: 'account.updated', data: fixtureCreditAccount() });
    });
    expect(
      screen.getByRole('group', { name: 'Everyday Checking ending in 6789' }),
    ).toBeInTheDocument();
  });

  it('forwards its ref, spreads HTML props and uses the heading level asked for', () => {
    const account = fixtureAccount();
    let root: HTMLDivElement | null = null;
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })}>
        <BalanceCard
          accountId={account.id}
          initialAccount={account}
          headingLevel={2}
          className="custom"
          data-testid="balance"
          ref={(element) => {
            root = element;
          }}
        />
      </PurseProvider>,
    );
    expect(root).toBe(screen.getByTestId('balance'));
    expect(screen.getByTestId('balance')).toHaveClass('purse-Card', 'purse-BalanceCard', 'custom');
    expect(
      screen.getByRole('heading', { level: 2, name: 'Everyday Checking ending in 6789' }),
    ).toBeInTheDocument();
  });

  it('has no axe violations in its main states', { timeout: 20_000 }, async () => {
    const accounts = [
      fixtureAccount(),
      fixtureCreditAccount(),
      fixtureAccount({ id: 'fca_none', balance: null, balanceRefresh: null }),
      fixtureAccount({
        id: 'fca_cooldown',
        balanceRefresh: {
          status: 'succeeded',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: FIXTURE_NOW + 30,
        },
      }),
      fixtureAccount({
        id: 'fca_failed',
        balanceRefresh: {
          status: 'failed',
          lastAttemptedAt: FIXTURE_NOW,
          nextRefreshAvailableAt: FIXTURE_NOW - 1,
        },
      }),
      fixtureAccount({ id: 'fca_inactive', status: 'inactive' }),
      fixtureAccount({ id: 'fca_disconnected', status: 'disconnected', balance: null }),
    ];
    const { container } = render(
      <PurseProvider
        client={createFixturePurseClient({ accounts, fail: { getAccount: 'network_error' } })}
      >
        {accounts.map((account) => (
          <BalanceCard
            key={account.id}
            accountId={account.id}
            initialAccount={account}
            onReconnect={() => undefined}
          />
        ))}
        <BalanceCard accountId="fca_error" />
      </PurseProvider>,
    );
    await screen.findByRole('alert');
    await expectNoAxeViolations(container);
  });

  it('has no axe violations while loading', { timeout: 20_000 }, async () => {
    const { container } = render(
      <PurseProvider client={createFixturePurseClient({ hang: ['getAccount'] })}>
        <BalanceCard accountId="fca_fixture_checking" />
      </PurseProvider>,
    );
    await expectNoAxeViolations(container);
  });
});
