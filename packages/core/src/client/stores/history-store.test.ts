import { afterEach, describe, expect, it, vi } from 'vitest';
import { PurseError } from '../../contract/errors.js';
import type { Page, TopUp, TopUpQuery, WalletActivityItem } from '../../contract/types.js';
import { CREATED, succeeded, topUp } from '../../transfers/test-fixtures.js';
import { LiveUpdates } from '../live-updates.js';
import { PurseRuntime } from '../purse-runtime.js';
import { countingClient, deferred } from '../test-support.js';
import { topUpHistoryStore, walletActivityStore } from './history-store.js';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Pages over `rows` (newest first) as Stripe does: `cursor` is `starting_after`. */
function pageOf<T extends { id: string; created: number }>(
  rows: readonly T[],
  query: { cursor?: string | undefined; limit?: number | undefined },
): Page<T> {
  const sorted = [...rows].sort((a, b) => b.created - a.created);
  const start = query.cursor ? sorted.findIndex((r) => r.id === query.cursor) + 1 : 0;
  const data = sorted.slice(start, start + (query.limit ?? 20));
  const hasMore = start + data.length < sorted.length;
  return { data: structuredClone(data), hasMore, nextCursor: hasMore ? data.at(-1)!.id : null };
}

function setUp(data: { topUps?: TopUp[]; activity?: WalletActivityItem[] }) {
  const topUps = data.topUps ?? [];
  const activity = data.activity ?? [];
  const queries: string[] = [];
  /** When set, the next list call answers with this (then it is cleared). */
  const next: { answer: Promise<Page<never>> | null } = { answer: null };
  const answer = <T>(page: Page<T>): Promise<Page<T>> => {
    const forced = next.answer;
    next.answer = null;
    return forced ?? Promise.resolve(page);
  };
  const client = {
    ...countingClient({}),
    listTopUps: (query: TopUpQuery = {}) => {
      queries.push(`topUps ${JSON.stringify(query)}`);
      const rows = query.status ? topUps.filter((t) => t.status === query.status) : topUps;
      return answer(pageOf(rows, query));
    },
    listWalletActivity: (query: { cursor?: string | undefined; limit?: number | undefined }) => {
      queries.push(`activity ${JSON.stringify(query)}`);
      return answer(pageOf(activity, query));
    },
  };
  const live = new LiveUpdates({ url: null, pollIntervalMs: 1000 });
  const runtime = new PurseRuntime({ client, live });
  return { topUps, activity, queries, next, live, runtime };
}

const refused = (): PurseError =>
  new PurseError({ code: 'internal_error', message: 'Something broke.' });

function entry(overrides: Partial<WalletActivityItem> = {}): WalletActivityItem {
  return {
    id: 'trxn_1',
    kind: 'top_up',
    amount: 25_00,
    currency: 'usd',
    status: 'posted',
    description: null,
    created: CREATED,
    postedAt: CREATED + 60,
    receiptUrl: null,
    ...overrides,
  };
}

const ids = (state: { status: string; items?: readonly { id: string }[] }): string[] =>
  state.items?.map((item) => item.id) ?? [];

afterEach(() => {
  vi.useRealTimers();
});

describe('HistoryStore', () => {
  it('loads the first page, then older ones with the last id as cursor, until there are none', async () => {
    const rows = [1, 2, 3, 4, 5].map((n) => succeeded({ id: `ibt_${n}`, created: CREATED - n }));
    const { queries, runtime } = setUp({ topUps: rows });
    const store = topUpHistoryStore(runtime, { pageSize: 2 });
    const stop = store.subscribe(() => {});
    expect(store.getSnapshot()).toEqual({ status: 'loading' });
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1', 'ibt_2']);
    expect(store.getSnapshot()).toMatchObject({ more: { status: 'idle' } });
    store.loadMore();
    store.loadMore(); // while one page loads, asking again does nothing
    expect(store.getSnapshot()).toMatchObject({ more: { status: 'loading' } });
    await settle();
    store.loadMore();
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1', 'ibt_2', 'ibt_3', 'ibt_4', 'ibt_5']);
    expect(store.getSnapshot()).toMatchObject({ more: { status: 'complete' } });
    store.loadMore();
    expect(queries).toEqual([
      'topUps {"limit":2}',
      'topUps {"limit":2,"cursor":"ibt_2"}',
      'topUps {"limit":2,"cursor":"ibt_4"}',
    ]);
    stop();
    runtime.close();
  });

  it('says empty when there is nothing, and fills in when a top-up arrives live', async () => {
    const { live, runtime } = setUp({});
    const store = topUpHistoryStore(runtime);
    const stop = store.subscribe(() => {});
    await settle();
    expect(store.getSnapshot()).toEqual({ status: 'empty' });
    live.emit({ type: 'transfer.updated', data: topUp({ id: 'ibt_new' }) });
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', more: { status: 'complete' } });
    expect(ids(store.getSnapshot())).toEqual(['ibt_new']);
    stop();
    runtime.close();
  });

  it('merges live top-ups by id, never backwards, and leaves older ones to their page', async () => {
    const rows = [topUp({ id: 'ibt_1' }), succeeded({ id: 'ibt_2', created: CREATED - 10 })];
    const { live, runtime, queries } = setUp({ topUps: rows });
    const store = topUpHistoryStore(runtime, { pageSize: 1 });
    const stop = store.subscribe(() => {});
    await settle();
    live.emit({ type: 'transfer.updated', data: succeeded({ id: 'ibt_1' }) });
    expect(store.getSnapshot()).toMatchObject({ items: [{ id: 'ibt_1', status: 'succeeded' }] });
    // A late "processing" for a top-up shown as succeeded is ignored.
    live.emit({ type: 'transfer.updated', data: topUp({ id: 'ibt_1' }) });
    expect(store.getSnapshot()).toMatchObject({ items: [{ id: 'ibt_1', status: 'succeeded' }] });
    // Older than everything shown while a page is still to come: "load more" brings it.
    live.emit({
      type: 'transfer.updated',
      data: succeeded({ id: 'ibt_2', created: CREATED - 10 }),
    });
    expect(ids(store.getSnapshot())).toEqual(['ibt_1']);
    live.emit({ type: 'transfer.updated', data: topUp({ id: 'ibt_0', created: CREATED + 5 }) });
    expect(ids(store.getSnapshot())).toEqual(['ibt_0', 'ibt_1']);
    store.loadMore();
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_0', 'ibt_1', 'ibt_2']);
    // Events carry the top-up: no request was needed for them.
    expect(queries).toHaveLength(2);
    stop();
    runtime.close();
  });

  it('filters by status: a new filter reloads, drops late answers, and a top-up that leaves it goes', async () => {
    const rows = [topUp({ id: 'ibt_1' }), succeeded({ id: 'ibt_2', created: CREATED - 1 })];
    const { live, runtime, next, queries } = setUp({ topUps: rows });
    const store = topUpHistoryStore(runtime, { status: 'processing' });
    const stop = store.subscribe(() => {});
    const late = deferred<Page<never>>();
    next.answer = late.promise;
    store.setFilter('succeeded');
    store.setFilter(undefined);
    await settle();
    expect(store.filter).toBeUndefined();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1', 'ibt_2']);
    late.resolve({ data: [], hasMore: false, nextCursor: null });
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1', 'ibt_2']);
    store.setFilter('processing');
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1']);
    live.emit({ type: 'transfer.updated', data: succeeded({ id: 'ibt_1' }) });
    expect(store.getSnapshot()).toEqual({ status: 'empty' });
    expect(queries.at(-1)).toBe('topUps {"limit":20,"status":"processing"}');
    stop();
    runtime.close();
  });

  it('keeps a failure to its page: the first page retries as a whole, a later page alone', async () => {
    const rows = [1, 2, 3].map((n) => succeeded({ id: `ibt_${n}`, created: CREATED - n }));
    const { runtime, next, queries } = setUp({ topUps: rows });
    const store = topUpHistoryStore(runtime, { pageSize: 2 });
    next.answer = Promise.reject(refused());
    const stop = store.subscribe(() => {});
    await settle();
    expect(store.getSnapshot()).toMatchObject({
      status: 'error',
      error: { code: 'internal_error' },
    });
    store.retry();
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1', 'ibt_2']);
    next.answer = Promise.reject(refused());
    store.loadMore();
    await settle();
    expect(store.getSnapshot()).toMatchObject({
      items: [{ id: 'ibt_1' }, { id: 'ibt_2' }],
      more: { status: 'error', error: { code: 'internal_error' } },
    });
    store.retry();
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_1', 'ibt_2', 'ibt_3']);
    expect(queries.filter((q) => q.includes('cursor'))).toEqual([
      'topUps {"limit":2,"cursor":"ibt_2"}',
      'topUps {"limit":2,"cursor":"ibt_2"}',
    ]);
    stop();
    runtime.close();
  });

  it('refetches wallet activity on its topics and keeps the pages already loaded', async () => {
    const activity = [1, 2, 3].map((n) => entry({ id: `trxn_${n}`, created: CREATED - n }));
    const { live, runtime, queries } = setUp({ activity });
    const store = walletActivityStore(runtime, { pageSize: 2 });
    const stop = store.subscribe(() => {});
    await settle();
    store.loadMore();
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['trxn_1', 'trxn_2', 'trxn_3']);
    activity.push(entry({ id: 'trxn_0', created: CREATED, status: 'pending', postedAt: null }));
    live.emit({ type: 'financial_account.updated', data: {} as never });
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['trxn_0', 'trxn_1', 'trxn_2', 'trxn_3']);
    expect(store.getSnapshot()).toMatchObject({ more: { status: 'complete' } });
    activity[3] = { ...activity[3]!, status: 'posted', postedAt: CREATED + 9 };
    live.emit({ type: 'transfer.updated', data: topUp() });
    await settle();
    expect(store.getSnapshot()).toMatchObject({ status: 'ready', more: { status: 'complete' } });
    expect(ids(store.getSnapshot())).toEqual(['trxn_0', 'trxn_1', 'trxn_2', 'trxn_3']);
    const [newest] = (store.getSnapshot() as { items: readonly WalletActivityItem[] }).items;
    expect(newest).toMatchObject({ id: 'trxn_0', status: 'posted' });
    expect(queries).toEqual([
      'activity {"limit":2}',
      'activity {"cursor":"trxn_2","limit":2}',
      'activity {"limit":2}',
      'activity {"limit":2}',
    ]);
    stop();
    runtime.close();
  });

  it('asks for the first page again when something changed while it was loading', async () => {
    const { live, runtime, next, topUps, queries } = setUp({
      topUps: [succeeded({ id: 'ibt_1' })],
    });
    const store = topUpHistoryStore(runtime);
    const first = deferred<Page<never>>();
    next.answer = first.promise;
    const stop = store.subscribe(() => {});
    // The answer on its way predates this top-up.
    const created = topUp({ id: 'ibt_2', created: CREATED + 1 });
    topUps.push(created);
    live.emit({ type: 'transfer.updated', data: created });
    first.resolve(pageOf([succeeded({ id: 'ibt_1' })], {}) as Page<never>);
    await settle();
    expect(ids(store.getSnapshot())).toEqual(['ibt_2', 'ibt_1']);
    expect(queries).toHaveLength(2);
    stop();
    runtime.close();
  });

  it('polls the first page while something shown can change and the stream is down', async () => {
    vi.useFakeTimers();
    const activity = [entry({ id: 'trxn_1', status: 'pending', postedAt: null })];
    const { runtime, queries } = setUp({ activity });
    const store = walletActivityStore(runtime);
    const stop = store.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    expect(queries).toHaveLength(1);
    activity[0] = entry({ id: 'trxn_1' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(queries).toHaveLength(2);
    expect(store.getSnapshot()).toMatchObject({ items: [{ status: 'posted' }] });
    // Everything shown is settled: no more polling.
    await vi.advanceTimersByTimeAsync(5000);
    expect(queries).toHaveLength(2);
    stop();
    runtime.close();
  });

  it('shares a first load across an unsubscribe and resubscribe, and catches up after a pause', async () => {
    const { runtime, queries } = setUp({ topUps: [succeeded({ id: 'ibt_1' })] });
    const store = topUpHistoryStore(runtime);
    store.subscribe(() => {})();
    const stop = store.subscribe(() => {});
    await settle();
    expect(queries).toHaveLength(1);
    stop();
    const again = store.subscribe(() => {});
    expect(ids(store.getSnapshot())).toEqual(['ibt_1']);
    await settle();
    expect(queries).toHaveLength(2);
    again();
    runtime.close();
  });

  it('says so when the client cannot list wallet activity', async () => {
    const client = countingClient({});
    const runtime = new PurseRuntime({ client, live: new LiveUpdates({ url: null }) });
    const store = walletActivityStore(runtime);
    const stop = store.subscribe(() => {});
    await settle();
    expect(store.getSnapshot()).toMatchObject({
      status: 'error',
      error: { code: 'feature_disabled' },
    });
    stop();
    runtime.close();
  });
});
