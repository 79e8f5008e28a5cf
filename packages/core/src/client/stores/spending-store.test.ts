import { describe, expect, it } from 'vitest';
import { PurseError, toPurseError } from '../../contract/errors.js';
import type { BankTransaction, LinkedAccount, TransactionQuery } from '../../contract/types.js';
import { spendingWeekStart } from '../../spending/format-spending.js';
import { pendingElsewhere } from '../../spending/pending-elsewhere.js';
import { spendingOf, spendingState, spendingSummary } from '../../spending/spending-state.js';
import { LiveUpdates } from '../live-updates.js';
import { PurseRuntime } from '../purse-runtime.js';
import { countingClient, linkedAccount } from '../test-support.js';
import { LinkedAccountsStore } from './linked-accounts-store.js';
import { SpendingStores } from './spending-store.js';

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
};

// countingClient's clock: 2026-05-28 20:26:40 UTC (a Thursday; 16:26 in New York).
const NOW = 1_780_000_000;
const DAY = 86_400;

function txn(id: string, daysAgo: number, amount: number, description: string): BankTransaction {
  const at = NOW - daysAgo * DAY;
  return {
    id,
    accountId: 'fca_1',
    amount,
    currency: 'usd',
    description,
    status: 'posted',
    transactedAt: at,
    postedAt: at + 3600,
    voidAt: null,
    updated: at,
  };
}

const succeeded = (id: string): LinkedAccount['transactionRefresh'] => ({
  id,
  status: 'succeeded',
  lastAttemptedAt: NOW - 3600,
  nextRefreshAvailableAt: null,
});

/**
 * The test-support client with transactions: pages of `limit` (newest first), filtered by
 * `from`/`to`, each call logged with its query so the test sees exactly what crossed the wire.
 */
function clientWith(options: {
  accounts: LinkedAccount[];
  transactions: BankTransaction[];
  failListing?: { remaining: number };
}) {
  const base = countingClient({ accounts: options.accounts });
  const listTransactions = (accountId: string, query: TransactionQuery = {}) => {
    base.calls.push(
      `listTransactions ${accountId} ${JSON.stringify({ from: query.from, to: query.to, cursor: query.cursor })}`,
    );
    if (options.failListing && options.failListing.remaining > 0) {
      options.failListing.remaining -= 1;
      return Promise.reject(new PurseError({ code: 'stripe_unavailable', message: 'offline' }));
    }
    const limit = query.limit ?? 100;
    const all = options.transactions
      .filter((t) => t.accountId === accountId)
      .filter(
        (t) =>
          (query.from === undefined || t.transactedAt >= query.from) &&
          (query.to === undefined || t.transactedAt < query.to),
      )
      .sort((a, b) => b.transactedAt - a.transactedAt);
    const start = query.cursor ? all.findIndex((t) => t.id === query.cursor) + 1 : 0;
    const data = all.slice(start, start + limit);
    const hasMore = start + limit < all.length;
    return Promise.resolve({
      data,
      hasMore,
      nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null,
    });
  };
  return { ...base, listTransactions };
}

function setup(options: Parameters<typeof clientWith>[0]) {
  const client = clientWith(options);
  const live = new LiveUpdates({ url: null, pollIntervalMs: 60_000 });
  const runtime = new PurseRuntime({ client, live });
  const registry = runtime.store(SpendingStores);
  const stores = {
    get: (key: { accountIds: readonly string[] }) =>
      registry.get({ ...key, toError: toPurseError }),
  };
  return { client, live, runtime, stores };
}

const checking = linkedAccount({
  id: 'fca_1',
  permissions: ['balances', 'transactions'],
  transactionRefresh: succeeded('fctxr_1'),
});

/** 150 coffees, one every 14 hours (two pages of 100), plus rent 60 days ago. */
function history(): BankTransaction[] {
  return [
    ...Array.from({ length: 150 }, (_, i) =>
      txn(`fctxn_c${String(i)}`, (i * 14) / 24, -4_50, 'STARBUCKS STORE 05812'),
    ),
    txn('fctxn_rent', 60, -1_850_00, 'OAKWOOD APARTMENTS RENT WEB PMT'),
  ];
}

describe('SpendingStore', () => {
  it('reads the account from the page’s account list and lists each page once', async () => {
    const { client, runtime, stores } = setup({ accounts: [checking], transactions: history() });
    // The page shows the account list first (the demo's account picker).
    const stopList = runtime.store(LinkedAccountsStore).subscribe(() => {});
    await settle();
    const store = stores.get({ accountIds: ['fca_1'] });
    store.setRange(90);
    const stop = store.start();
    await settle();
    expect(client.calls.filter((c) => c.startsWith('getAccount'))).toEqual([]);
    const listings = client.calls.filter((c) => c.startsWith('listTransactions'));
    expect(listings).toHaveLength(2); // 151 rows, two pages, no page asked twice
    expect(new Set(listings).size).toBe(2);

    const snapshot = store.getSnapshot();
    expect(snapshot.transactions).toHaveLength(151);
    const summary = spendingSummary(snapshot, {
      range: 90,
      bucket: 'week',
      includeInflow: false,
      now: client.now(),
    });
    expect(spendingState(snapshot, summary)).toMatchObject({ status: 'ready', loaded: 151 });
    expect(summary?.totals.outPosted).toBe(150 * 4_50 + 1_850_00);
    stop();
    stopList();
    runtime.close();
  });

  it('serves every bucket, locale and shorter range from one listing, and a view mounting again from the same store', async () => {
    const { client, runtime, stores } = setup({ accounts: [checking], transactions: history() });
    const store = stores.get({ accountIds: ['fca_1'] });
    store.setRange(90);
    let stop = store.start();
    await settle();
    const before = client.calls.length;
    for (const bucket of ['day', 'week', 'month'] as const) {
      for (const locale of ['en', 'de', 'fr'] as const) {
        spendingSummary(store.getSnapshot(), {
          range: 30,
          bucket,
          weekStartsOn: spendingWeekStart(locale),
          includeInflow: false,
          now: client.now(),
        });
      }
    }
    store.setRange(30);
    // StrictMode's unmount and mount, and a page visited again: the same store, no listing.
    stop();
    await settle();
    expect(stores.get({ accountIds: ['fca_1'] })).toBe(store);
    stop = store.start();
    await settle();
    expect(client.calls.slice(before).filter((c) => c.startsWith('listTransactions'))).toEqual([]);
    stop();
    runtime.close();
  });

  it('lists only the older part when a longer range is chosen', async () => {
    const { client, runtime, stores } = setup({ accounts: [checking], transactions: history() });
    const store = stores.get({ accountIds: ['fca_1'] });
    store.setRange(30);
    const stop = store.start();
    await settle();
    const first = client.calls.find((c) => c.startsWith('listTransactions')) ?? '';
    const from30 = (JSON.parse(first.slice(first.indexOf('{'))) as { from: number }).from;
    client.calls.length = 0;
    store.setRange(90);
    await settle();
    const older = client.calls.filter((c) => c.startsWith('listTransactions'));
    expect(older.length).toBeGreaterThan(0);
    for (const call of older) {
      const query = JSON.parse(call.slice(call.indexOf('{'))) as { from: number; to: number };
      expect(query.to).toBe(from30);
      expect(query.from).toBeLessThan(from30);
    }
    expect(store.getSnapshot().transactions.map((t) => t.id)).toContain('fctxn_rent');
    stop();
    runtime.close();
  });

  it('picks up at the page that failed when retried', async () => {
    const failListing = { remaining: 0 };
    const { client, runtime, stores } = setup({
      accounts: [checking],
      transactions: history(),
      failListing,
    });
    const store = stores.get({ accountIds: ['fca_1'] });
    store.setRange(90);
    // The first page arrives, the second fails.
    const original = client.listTransactions;
    let pages = 0;
    client.listTransactions = (id, query) => {
      pages += 1;
      if (pages === 2) failListing.remaining = 1;
      return original(id, query);
    };
    const stop = store.start();
    await settle();
    const failed = spendingState(store.getSnapshot(), null);
    expect(failed).toMatchObject({ status: 'error', error: { code: 'stripe_unavailable' } });
    const cursors = client.calls.filter((c) => c.startsWith('listTransactions'));
    store.retry();
    await settle();
    const again = client.calls
      .filter((c) => c.startsWith('listTransactions'))
      .slice(cursors.length);
    expect(again).toEqual([cursors.at(-1)]);
    expect(store.getSnapshot().transactions).toHaveLength(151);
    stop();
    runtime.close();
  });

  it('asks the bank once for an account never refreshed and lists when the refresh succeeds', async () => {
    const fresh = linkedAccount({ id: 'fca_1', permissions: ['transactions'] });
    const { client, live, runtime, stores } = setup({ accounts: [fresh], transactions: history() });
    const refreshing = {
      ...fresh,
      transactionRefresh: { ...succeeded('fctxr_9'), status: 'pending' as const },
    };
    const refreshes: string[] = [];
    const withRefresh = Object.assign(client, {
      refreshTransactions: (id: string) => {
        refreshes.push(id);
        return Promise.resolve(structuredClone(refreshing) as LinkedAccount);
      },
    });
    expect(withRefresh).toBe(client);
    const store = stores.get({ accountIds: ['fca_1'] });
    const stop = store.start();
    await settle();
    expect(refreshes).toEqual(['fca_1']);
    expect(spendingState(store.getSnapshot(), null)).toEqual({ status: 'refreshing-transactions' });
    expect(client.calls.some((c) => c.startsWith('listTransactions'))).toBe(false);
    live.emit({
      type: 'account.updated',
      data: { ...fresh, transactionRefresh: succeeded('fctxr_9') },
    });
    await settle();
    expect(store.getSnapshot().transactions.length).toBe(151);
    expect(refreshes).toEqual(['fca_1']);
    stop();
    runtime.close();
  });

  it('says which accounts did not share their transactions', async () => {
    const savings = linkedAccount({ id: 'fca_2', permissions: ['balances'] });
    const { runtime, stores } = setup({ accounts: [checking, savings], transactions: history() });
    const store = stores.get({ accountIds: ['fca_1', 'fca_2'] });
    const stop = store.start();
    await settle();
    expect(store.getSnapshot().slots.map((s) => s.phase)).toEqual(['ready', 'permission_missing']);
    stop();
    runtime.close();
  });

  describe('pending on an account the chart does not show', () => {
    const card = linkedAccount({
      id: 'fca_card',
      displayName: 'Rewards Credit Card',
      last4: '1881',
      category: 'credit',
      subcategory: 'credit_card',
      permissions: ['balances', 'transactions'],
      transactionRefresh: succeeded('fctxr_card'),
    });
    const onCard = (id: string, daysAgo: number, amount: number, description: string) => ({
      ...txn(id, daysAgo, amount, description),
      accountId: 'fca_card',
      status: 'pending' as const,
      postedAt: null,
    });
    const cardHistory = [
      onCard('fctxn_dinner', 1, -42_10, 'SQ *BLUE BOTTLE COFFEE'),
      onCard('fctxn_shoes', 2, -80_00, 'AMAZON MKTPLACE PMTS'),
      // Not spending: a card payment received, and money in.
      onCard('fctxn_payment', 1, 500_00, 'PAYMENT - THANK YOU'),
      // Outside a 30-day range.
      onCard('fctxn_old', 45, -9_99, 'NETFLIX.COM'),
      { ...onCard('fctxn_posted', 3, -15_00, 'UBER TRIP'), status: 'posted' as const },
    ];
    const choices = { range: 30, bucket: 'week', includeInflow: false, now: NOW } as const;

    it('says it on the shown account’s card, counted by the chart’s rules, and switching asks nothing', async () => {
      const { client, runtime, stores } = setup({
        accounts: [checking, card],
        transactions: [...history(), ...cardHistory],
      });
      const store = stores.get({ accountIds: ['fca_1', 'fca_card'] });
      store.setRange(30);
      const stop = store.start();
      await settle();

      const snapshot = store.getSnapshot();
      const shown = spendingOf(snapshot, ['fca_1']);
      const summary = spendingSummary(shown, choices);
      // The chart counts the checking account alone: none of the card's pending is in it.
      expect(summary?.totals.outPending).toBe(0);
      expect(spendingState(shown, summary)).toMatchObject({ status: 'ready' });
      const elsewhere = pendingElsewhere(snapshot, ['fca_1'], { ...choices, currency: 'usd' });
      expect(elsewhere).toEqual([
        { accountId: 'fca_card', account: card, amount: 42_10 + 80_00, count: 2 },
      ]);
      // Seen from the card, the checking account has nothing pending: nothing to say.
      expect(pendingElsewhere(snapshot, ['fca_card'], { ...choices, currency: 'usd' })).toEqual([]);

      // Showing the card instead is the same store (any order): no request.
      const before = client.calls.length;
      expect(stores.get({ accountIds: ['fca_card', 'fca_1'] })).toBe(store);
      const cardView = spendingOf(store.getSnapshot(), ['fca_card']);
      expect(spendingSummary(cardView, choices)?.totals.outPending).toBe(42_10 + 80_00);
      await settle();
      expect(client.calls.slice(before)).toEqual([]);
      expect(
        client.calls.filter((c) => c.startsWith('listTransactions')).map((c) => c.split(' ')[1]),
      ).toEqual(expect.arrayContaining(['fca_1', 'fca_card']));
      stop();
      runtime.close();
    });

    it('keeps the shown account’s state apart from the others’ (a failing card is not an error on checking)', async () => {
      const { client, runtime, stores } = setup({
        accounts: [checking, card],
        transactions: [...history(), ...cardHistory],
      });
      const listTransactions = client.listTransactions;
      client.listTransactions = (accountId, query) =>
        accountId === 'fca_card'
          ? Promise.reject(new PurseError({ code: 'stripe_unavailable', message: 'offline' }))
          : listTransactions(accountId, query);
      const store = stores.get({ accountIds: ['fca_1', 'fca_card'] });
      const stop = store.start();
      await settle();
      const snapshot = store.getSnapshot();
      expect(spendingState(snapshot, spendingSummary(snapshot, choices)).status).toBe('error');
      const shown = spendingOf(snapshot, ['fca_1']);
      expect(shown.hasData).toBe(true);
      expect(spendingState(shown, spendingSummary(shown, choices)).status).toBe('ready');
      // Nothing known about the card: nothing said.
      expect(pendingElsewhere(snapshot, ['fca_1'], { ...choices, currency: 'usd' })).toEqual([]);
      stop();
      runtime.close();
    });
  });
});
