import {
  PurseError,
  type WalletActivityItem,
  type WalletActivityPage,
  type WalletActivityQuery,
} from '@purse/core';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { FIXTURE_NOW, createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { walletActivityMessages } from './messages.js';
import { WalletActivity } from './wallet-activity.js';

function item(overrides: Partial<WalletActivityItem> = {}): WalletActivityItem {
  return {
    id: 'trxn_1',
    kind: 'top_up',
    amount: 25_00,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: FIXTURE_NOW - 86_400,
    postedAt: FIXTURE_NOW - 3600,
    receiptUrl: null,
    ...overrides,
  };
}

/**
 * A client whose wallet activity is `items` (newest first), paged like the server: `cursor` is
 * the id of the last item of the previous page. Every other method is the fixture client's.
 */
function activityClient(
  initial: WalletActivityItem[],
  options: { fail?: number; failPages?: number } = {},
) {
  let items = initial;
  let failures = options.fail ?? 0;
  let pageFailures = options.failPages ?? 0;
  const calls: WalletActivityQuery[] = [];
  const client: PurseClient & {
    calls: WalletActivityQuery[];
    setItems: (next: WalletActivityItem[]) => void;
  } = {
    ...createFixturePurseClient(),
    calls,
    setItems: (next) => {
      items = next;
    },
    listWalletActivity: (query = {}): Promise<WalletActivityPage> => {
      calls.push(query);
      if (query.cursor && pageFailures > 0) {
        pageFailures -= 1;
        return Promise.reject(new PurseError({ code: 'network_error', message: 'Offline.' }));
      }
      if (failures > 0) {
        failures -= 1;
        return Promise.reject(
          new PurseError({ code: 'stripe_unavailable', message: 'Stripe is down.' }),
        );
      }
      const start = query.cursor ? items.findIndex((i) => i.id === query.cursor) + 1 : 0;
      const limit = query.limit ?? 20;
      const data = items.slice(start, start + limit);
      const hasMore = start + limit < items.length;
      return Promise.resolve({
        data,
        hasMore,
        nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null,
      });
    },
  };
  return client;
}

const list = () => screen.getByRole('list', { name: 'Activity' });
const rows = () => within(list()).getAllByRole('listitem');
const root = () => {
  const found = document.querySelector<HTMLElement>('.purse-WalletActivity');
  if (!found) throw new Error('no WalletActivity');
  return found;
};

afterEach(() => {
  vi.useRealTimers();
});

describe('WalletActivity', () => {
  it('shows each transaction in words: kind, signed amount, pending or posted, and its receipt', async () => {
    const client = activityClient([
      item({
        id: 'trxn_3',
        kind: 'top_up',
        status: 'pending',
        postedAt: null,
        amount: 40_00,
        description: 'Rent buffer',
        created: FIXTURE_NOW,
      }),
      item({
        id: 'trxn_2',
        kind: 'top_up_returned',
        amount: -12_00,
        receiptUrl: 'https://example.test/receipt/rd_1',
        created: FIXTURE_NOW - 3600,
      }),
      item({ id: 'trxn_1', kind: 'received_credit', amount: 1_250_00 }),
    ]);
    renderWithPurse(<WalletActivity />, client);
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
    const [pending, returned, credit] = rows();
    expect(pending).toHaveTextContent('Top-up');
    expect(pending).toHaveTextContent('Rent buffer');
    expect(pending).toHaveTextContent('+$40.00');
    expect(within(pending!).getByText('Pending')).toBeInTheDocument();
    expect(pending).toHaveTextContent(/Started Mar 10, 2026/);
    expect(returned).toHaveTextContent('Top-up returned by your bank');
    expect(returned).toHaveTextContent('-$12.00');
    expect(within(returned!).getByText('Posted')).toBeInTheDocument();
    const receipt = within(returned!).getByRole('link', {
      name: 'Receipt: Top-up returned by your bank (opens in a new tab)',
    });
    expect(receipt).toHaveAttribute('href', 'https://example.test/receipt/rd_1');
    expect(receipt).toHaveAttribute('rel', 'noopener noreferrer');
    expect(credit).toHaveTextContent('+$1,250.00');
    expect(within(credit!).queryByRole('link')).toBeNull();
    // The last page came at once: no "Load more".
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect((await axe.run(root())).violations).toEqual([]);
    // Room for axe on a shared machine; speed is not what is tested.
  }, 20_000);

  it('says so when there is no activity yet', async () => {
    renderWithPurse(<WalletActivity />, activityClient([]));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'empty'));
    expect(screen.getByText('No activity yet')).toBeInTheDocument();
  });

  it('pages with "Load more", asking for the next cursor, and says how many rows there are', async () => {
    const items = Array.from({ length: 5 }, (_, i) =>
      item({ id: `trxn_${String(i)}`, amount: (i + 1) * 100, created: FIXTURE_NOW - i * 60 }),
    );
    const client = activityClient(items);
    renderWithPurse(<WalletActivity pageSize={2} />, client);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(client.calls.at(-1)).toEqual({ cursor: 'trxn_1', limit: 2 });
    await waitFor(() => expect(screen.getByText('Showing 4 entries')).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('updates live: a transfer update refetches, and a pending row becomes posted', async () => {
    const pending = item({ id: 'trxn_9', status: 'pending', postedAt: null });
    const client = activityClient([pending]);
    const { live } = renderWithPurse(<WalletActivity />, client);
    await waitFor(() => expect(within(rows()[0]!).getByText('Pending')).toBeInTheDocument());
    client.setItems([{ ...pending, status: 'posted', postedAt: FIXTURE_NOW }]);
    act(() => {
      live().emit({ type: 'transfer.updated', data: fixtureTopUp({ status: 'succeeded' }) });
    });
    await waitFor(() => expect(within(rows()[0]!).getByText('Posted')).toBeInTheDocument());
    expect(rows()).toHaveLength(1);
  });

  it('shows a failure with a way to try again', async () => {
    const client = activityClient([item()], { fail: 1 });
    renderWithPurse(<WalletActivity />, client);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load your activity');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
  });

  it('reports an error, not a crash, with a client that has no listWalletActivity', async () => {
    renderWithPurse(<WalletActivity />, createFixturePurseClient());
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'error'));
  });

  it('asks once per page in StrictMode and uses the heading level it is given', async () => {
    const client = activityClient([item()]);
    render(
      <StrictMode>
        <PurseProvider client={client} locale="en">
          <WalletActivity headingLevel={3} />
        </PurseProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(root()).toHaveAttribute('data-state', 'ready'));
    expect(screen.getByRole('heading', { level: 3, name: 'Activity' })).toBeInTheDocument();
    // StrictMode mounts twice; the store shares its first load, the rows are not doubled.
    expect(rows()).toHaveLength(1);
    expect(client.calls).toEqual([{ limit: 20 }]);
  });

  it('speaks German and French, and no translation is left in English', async () => {
    const client = activityClient([item({ status: 'pending', postedAt: null })]);
    renderWithPurse(<WalletActivity />, client, 'de');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Umsätze' })).toBeInTheDocument());
    expect(screen.getByText('Ausstehend')).toBeInTheDocument();
    expect(screen.getByText(/25,00\s\$/)).toBeInTheDocument();
    const en = walletActivityMessages.en;
    for (const locale of ['de', 'fr'] as const) {
      const other = walletActivityMessages[locale];
      expect(other.title).not.toBe(en.title);
      for (const kind of Object.keys(en.kinds) as (keyof typeof en.kinds)[])
        expect(other.kinds[kind]).not.toBe(en.kinds[kind]);
    }
  });
  it('words every kind: money received or taken, sent, adjustments, and what never posted', async () => {
    const client = activityClient([
      item({ id: 'trxn_5', kind: 'received_debit', amount: -19_99, created: FIXTURE_NOW }),
      item({ id: 'trxn_4', kind: 'outbound', amount: -5_00, created: FIXTURE_NOW - 1 }),
      item({ id: 'trxn_3', kind: 'other', amount: 1, created: FIXTURE_NOW - 2 }),
      item({ id: 'trxn_2', status: 'void', postedAt: null, created: FIXTURE_NOW - 3 }),
    ]);
    renderWithPurse(<WalletActivity />, client);
    await waitFor(() => expect(rows()).toHaveLength(4));
    const [debit, sent, other, canceled] = rows();
    expect(debit).toHaveTextContent('Money taken by a bank');
    expect(debit).toHaveTextContent('-$19.99');
    expect(debit).toHaveAttribute('data-direction', 'out');
    expect(sent).toHaveTextContent('Money sent');
    expect(other).toHaveTextContent('Adjustment');
    expect(other).toHaveTextContent('+$0.01');
    expect(canceled).toHaveAttribute('data-status', 'void');
    expect(within(canceled!).getByText('Canceled')).toBeInTheDocument();
    // Never posted: dated by when it started.
    expect(canceled).toHaveTextContent(/Started /);
  });

  it('keeps the rows when a later page fails, and asks for that page again', async () => {
    const items = Array.from({ length: 3 }, (_, i) =>
      item({ id: `trxn_${String(i)}`, created: FIXTURE_NOW - i * 60 }),
    );
    const client = activityClient(items, { failPages: 1 });
    renderWithPurse(<WalletActivity pageSize={2} />, client);
    await waitFor(() => expect(rows()).toHaveLength(2));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We couldn’t load more activity.');
    expect(rows()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(client.calls.slice(1)).toEqual([
      { cursor: 'trxn_1', limit: 2 },
      { cursor: 'trxn_1', limit: 2 },
    ]);
    // The last page is in and the button is gone: focus goes to the list.
    await waitFor(() => expect(list()).toHaveFocus());
  });

  it('puts new money on top when the account changes, keeping the pages already loaded', async () => {
    const older = Array.from({ length: 3 }, (_, i) =>
      item({ id: `trxn_${String(i)}`, created: FIXTURE_NOW - (i + 1) * 60 }),
    );
    const client = activityClient(older);
    const { live } = renderWithPurse(<WalletActivity pageSize={2} />, client);
    await waitFor(() => expect(rows()).toHaveLength(2));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rows()).toHaveLength(3));
    const received = item({ id: 'trxn_new', kind: 'received_credit', created: FIXTURE_NOW });
    client.setItems([received, ...older]);
    act(() => {
      live().emit({ type: 'financial_account.updated', data: {} as never });
    });
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(rows()[0]).toHaveTextContent('Money received');
    // One request for the new first page; the older page was not asked for again.
    expect(client.calls).toEqual([{ limit: 2 }, { cursor: 'trxn_1', limit: 2 }, { limit: 2 }]);
  });

  it('polls while an entry is pending and the live connection is down', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const pending = item({ id: 'trxn_p', status: 'pending', postedAt: null });
    const client = activityClient([pending]);
    renderWithPurse(<WalletActivity />, client);
    await waitFor(() => expect(within(rows()[0]!).getByText('Pending')).toBeInTheDocument());
    client.setItems([{ ...pending, status: 'posted', postedAt: FIXTURE_NOW }]);
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(within(rows()[0]!).getByText('Posted')).toBeInTheDocument();
    const asked = client.calls.length;
    // Nothing pending any more: no further requests.
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(client.calls).toHaveLength(asked);
  });
});
