/**
 * `useSpending`: the transactions of one or more linked accounts, loaded page by page and kept
 * fresh through transaction refreshes, summed into chart buckets and top merchants.
 */
import {
  aggregateSpending,
  type PurseError,
  type SpendingBucketSize,
  type SpendingRange,
  type SpendingSummary,
} from '@purse/core';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { SpendingStore, type SpendingStoreSnapshot } from './spending-store.js';
import { useControllableState } from './use-controllable-state.js';

export interface UseSpendingOptions {
  /** The linked account (`fca_…`) whose transactions to sum. Give this or `accountIds`. */
  accountId?: string | undefined;
  /** Several linked accounts, summed together (with `accountId`, if both are given). */
  accountIds?: readonly string[] | undefined;
  /** How many days back to look (controlled); leave it out to let the user choose. */
  range?: SpendingRange | undefined;
  /**
   * The initial range when `range` is not controlled.
   * @default 90
   */
  defaultRange?: SpendingRange | undefined;
  /** Called when the user picks another range (controlled or not). */
  onRangeChange?: ((range: SpendingRange) => void) | undefined;
  /** One bar per day, week or month (controlled); leave it out to let the user choose. */
  bucket?: SpendingBucketSize | undefined;
  /**
   * The initial bucket size when `bucket` is not controlled.
   * @default 'week'
   */
  defaultBucket?: SpendingBucketSize | undefined;
  /** Called when the user picks another bucket size. */
  onBucketChange?: ((bucket: SpendingBucketSize) => void) | undefined;
  /** Count money in (salary, refunds) too (controlled). */
  includeInflow?: boolean | undefined;
  /**
   * The initial `includeInflow` when it is not controlled.
   * @default false
   */
  defaultIncludeInflow?: boolean | undefined;
  /** Called when the user turns counting money in on or off. */
  onIncludeInflowChange?: ((includeInflow: boolean) => void) | undefined;
  /**
   * How many merchants to list.
   * @default 5
   */
  topMerchants?: number | undefined;
  /**
   * The IANA time zone whose calendar days count.
   * @default 'America/New_York' (US bank data)
   */
  timeZone?: string | undefined;
  /**
   * Count only this currency (accounts in several currencies cannot be added up).
   * @default the first loaded transaction's currency, else 'usd'
   */
  currency?: string | undefined;
}

/**
 * - `loading`: the first pages (or, after a longer range was chosen, the older ones) are
 *   arriving; `summary` is null until the first page is in, then grows page by page.
 * - `refreshing-transactions`: the account never had its transactions fetched from the bank;
 *   a refresh was requested and we wait for it.
 * - `ready` / `empty`: everything in the range is loaded (`empty`: nothing to count);
 *   `updating` while a newer refresh is being fetched and merged.
 * - `failed`: the bank refresh failed (the bank said no); `retry` asks again.
 * - `error`: we could not talk to the server; `retry` runs the failed request again.
 * - `permission_missing`: the account(s) did not share transactions when linked.
 */
export type SpendingState =
  | { status: 'loading'; loaded: number; summary: SpendingSummary | null }
  | { status: 'refreshing-transactions' }
  | { status: 'ready'; summary: SpendingSummary; loaded: number; updating: boolean }
  | { status: 'empty'; summary: SpendingSummary; loaded: number; updating: boolean }
  | { status: 'failed' }
  | { status: 'error'; error: PurseError }
  | { status: 'permission_missing' };

export type SpendingStatus = SpendingState['status'];

export interface UseSpendingResult {
  state: SpendingState;
  range: SpendingRange;
  setRange: (range: SpendingRange) => void;
  bucket: SpendingBucketSize;
  setBucket: (bucket: SpendingBucketSize) => void;
  includeInflow: boolean;
  setIncludeInflow: (includeInflow: boolean) => void;
  /** The currency the amounts are in (lower case, as Stripe sends it). */
  currency: string;
  /** Accounts left out because they did not share their transactions. */
  accountsWithoutPermission: readonly string[];
  /** After `error` or `failed`: tries again. */
  retry: () => void;
}

function accountIdsOf(options: UseSpendingOptions): string[] {
  const ids = [...(options.accountId === undefined ? [] : [options.accountId])];
  for (const id of options.accountIds ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** One state for all the accounts: an error first, then loading, then what the data says. */
function combine(snapshot: SpendingStoreSnapshot, summary: SpendingSummary | null): SpendingState {
  const failing = snapshot.slots.find((slot) => slot.error !== null && slot.phase === 'error');
  if (failing?.error) return { status: 'error', error: failing.error };
  const active = snapshot.slots.filter((slot) => slot.phase !== 'permission_missing');
  if (active.length === 0) return { status: 'permission_missing' };
  const loaded = snapshot.transactions.length;
  if (active.some((slot) => slot.phase === 'loading')) {
    return { status: 'loading', loaded, summary };
  }
  if (!summary || !active.some((slot) => slot.phase === 'ready')) {
    return active.some((slot) => slot.phase === 'awaiting-refresh')
      ? { status: 'refreshing-transactions' }
      : { status: 'failed' };
  }
  const updating = active.some((slot) => slot.updating || slot.phase === 'awaiting-refresh');
  return {
    status: summary.totals.count === 0 ? 'empty' : 'ready',
    summary,
    loaded,
    updating,
  };
}

export function useSpending(options: UseSpendingOptions): UseSpendingResult {
  const ctx = usePurseContext('useSpending');
  const { client, live, locale } = ctx;
  const key = accountIdsOf(options).join('\n');
  if (key === '') throw new Error('`useSpending` needs an `accountId` or `accountIds`.');

  const [range, setRange] = useControllableState(
    options.range,
    options.defaultRange ?? 90,
    options.onRangeChange,
  );
  const [bucket, setBucket] = useControllableState(
    options.bucket,
    options.defaultBucket ?? 'week',
    options.onBucketChange,
  );
  const [includeInflow, setIncludeInflow] = useControllableState(
    options.includeInflow,
    options.defaultIncludeInflow ?? false,
    options.onIncludeInflowChange,
  );
  const { timeZone, topMerchants = 5 } = options;

  // A new store for new accounts. It learns the range before it starts, and each longer one later.
  const store = useMemo(
    () => new SpendingStore({ client, live, accountIds: key.split('\n'), timeZone }),
    [client, live, key, timeZone],
  );
  useEffect(() => store.setRange(range), [store, range]);
  useEffect(() => store.start(), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const currency = (options.currency ?? snapshot.transactions[0]?.currency ?? 'usd').toLowerCase();

  // Summed again only when the transactions or the options change (not on every status change).
  const { transactions, hasData } = snapshot;
  const summary = useMemo(
    () =>
      hasData
        ? aggregateSpending(transactions, {
            range,
            bucket,
            now: client.now(),
            locale,
            includeInflow,
            topMerchants,
            currency,
            ...(timeZone === undefined ? {} : { timeZone }),
          })
        : null,
    [
      transactions,
      hasData,
      range,
      bucket,
      client,
      locale,
      includeInflow,
      topMerchants,
      currency,
      timeZone,
    ],
  );
  const state = useMemo(() => combine(snapshot, summary), [snapshot, summary]);
  const accountsWithoutPermission = useMemo(
    () =>
      snapshot.slots
        .filter((slot) => slot.phase === 'permission_missing')
        .map((slot) => slot.accountId),
    [snapshot],
  );

  // Tell the app about each error shown, once (StrictMode runs effects twice).
  const reported = useRef(new WeakSet<PurseError>());
  const shownError = state.status === 'error' ? state.error : null;
  useEffect(() => {
    if (!shownError || reported.current.has(shownError)) return;
    reported.current.add(shownError);
    ctx.reportError(shownError, 'SpendingChart');
  }, [shownError, ctx]);

  const retry = useCallback(() => store.retry(), [store]);

  return {
    state,
    range,
    setRange,
    bucket,
    setBucket,
    includeInflow,
    setIncludeInflow,
    currency,
    accountsWithoutPermission,
    retry,
  };
}
