import { PurseError, type LinkedAccount } from '@purse/core';
import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureAccount, fixtureCreditAccount } from '../testing/fixtures.js';
import { AccountList } from './account-list.js';
import { useLinkedAccounts } from './use-linked-accounts.js';

async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations).toEqual([]);
}

let live: LiveUpdates | undefined;
function CaptureLive(): null {
  live = usePurseContext('CaptureLive').live;
  return null;
}

afterEach(() => {
  live = undefined;
});

/** A tiny custom view, as a host app would write from the hook. */
function AccountNames(): ReactNode {
  const { state: accounts, reload } = useLinkedAccounts();
  return (
    <div data-testid="names" data-status={accounts.status}>
      {accounts.accounts.map((a) => a.displayName).join(', ')}
      {accounts.status === 'error' ? (
        <button type="button" onClick={reload}>
          Reload
        </button>
      ) : null}
    </div>
  );
}

describe('useLinkedAccounts', () => {
  it('loads the accounts and upserts live updates', async () => {
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    render(
      <PurseProvider client={client}>
        <CaptureLive />
        <AccountNames />
      </PurseProvider>,
    );
    const names = screen.getByTestId('names');
    expect(names).toHaveAttribute('data-status', 'loading');
    await vi.waitFor(() => {
      expect(names).toHaveAttribute('data-status', 'ready');
    });
    expect(names).toHaveTextContent('Everyday Checking');

    act(() => {
      live?.emit({
        type: 'account.updated',
        data: fixtureAccount({ displayName: 'Main Checking' }),
      });
      live?.emit({ type: 'account.updated', data: fixtureCreditAccount() });
    });
    expect(names).toHaveTextContent('Main Checking, Rewards Credit Card');
    expect(client.calls).toEqual([['listAccounts']]);
  });

  it('keeps an account pushed while the list was still loading', async () => {
    let answer!: (list: { data: LinkedAccount[] }) => void;
    const fixture = createFixturePurseClient();
    const client: PurseClient = {
      ...fixture,
      listAccounts: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    };
    render(
      <PurseProvider client={client}>
        <CaptureLive />
        <AccountNames />
      </PurseProvider>,
    );
    act(() => {
      live?.emit({ type: 'account.updated', data: fixtureCreditAccount() });
    });
    await act(async () => {
      answer({ data: [fixtureAccount()] });
      await Promise.resolve();
    });
    expect(screen.getByTestId('names')).toHaveTextContent('Everyday Checking, Rewards Credit Card');
  });

  it('reports a failure and reloads', async () => {
    const user = userEvent.setup();
    const fixture = createFixturePurseClient({ accounts: [fixtureAccount()] });
    let attempts = 0;
    const client: PurseClient = {
      ...fixture,
      listAccounts: () => {
        attempts += 1;
        return attempts === 1
          ? Promise.reject(new PurseError({ code: 'network_error', message: 'offline' }))
          : fixture.listAccounts();
      },
    };
    const onError = vi.fn();
    render(
      <PurseProvider client={client} onError={onError}>
        <AccountNames />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Reload' }));
    await vi.waitFor(() => {
      expect(screen.getByTestId('names')).toHaveAttribute('data-status', 'ready');
    });
    expect(screen.getByTestId('names')).toHaveTextContent('Everyday Checking');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual({ source: 'useLinkedAccounts' });
  });
});

describe('AccountList', () => {
  it('shows a balance card per account without fetching each one again', async () => {
    const client = createFixturePurseClient({
      accounts: [fixtureAccount(), fixtureCreditAccount()],
    });
    render(
      <PurseProvider client={client}>
        <AccountList />
      </PurseProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Linked bank accounts' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(
      within(list).getByRole('group', { name: 'Everyday Checking ending in 6789' }),
    ).toHaveTextContent('$4,218.37');
    expect(
      within(list).getByRole('group', { name: 'Rewards Credit Card ending in 1881' }),
    ).toHaveTextContent('$1,284.16');
    expect(client.calls).toEqual([['listAccounts']]);
  });

  it('filters the accounts it shows', async () => {
    render(
      <PurseProvider
        client={createFixturePurseClient({ accounts: [fixtureAccount(), fixtureCreditAccount()] })}
      >
        <AccountList filter={(account) => account.category === 'cash'} />
      </PurseProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Linked bank accounts' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });

  it('shows an empty state with the host’s action', async () => {
    render(
      <PurseProvider client={createFixturePurseClient()}>
        <AccountList emptyAction={<button type="button">Link one</button>} headingLevel={2} />
      </PurseProvider>,
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: 'No bank accounts linked yet' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Link a bank account to see its balance here.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Link one' })).toBeInTheDocument();
  });

  it('shows a skeleton while loading and an error with a retry', async () => {
    const user = userEvent.setup();
    const { container, unmount } = render(
      <PurseProvider client={createFixturePurseClient({ hang: ['listAccounts'] })}>
        <AccountList />
      </PurseProvider>,
    );
    expect(container.querySelector('.purse-AccountList')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    unmount();

    const client = createFixturePurseClient({ fail: { listAccounts: 'internal_error' } });
    render(
      <PurseProvider client={client}>
        <AccountList />
      </PurseProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We couldn’t load your bank accounts.Something went wrong on our side. Please try again.',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(client.calls).toEqual([['listAccounts'], ['listAccounts']]);
  });

  it('renders under StrictMode and has no axe violations', { timeout: 20_000 }, async () => {
    const { container } = render(
      <StrictMode>
        <PurseProvider
          client={createFixturePurseClient({
            accounts: [
              fixtureAccount(),
              fixtureCreditAccount(),
              fixtureAccount({ id: 'fca_inactive', status: 'inactive' }),
            ],
          })}
        >
          <AccountList onReconnect={() => undefined} />
        </PurseProvider>
      </StrictMode>,
    );
    await screen.findByRole('list', { name: 'Linked bank accounts' });
    expect(screen.getByRole('button', { name: 'Reconnect' })).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });
});
