/**
 * `useSpending`: a thin bridge to `@purse/core/spending`'s `SpendingStore` (the transactions of
 * one or more linked accounts, loaded once and kept fresh) and its rules (`spendingSummary`,
 * `spendingState`), returning `{ state, ...commands, ...prop getters }`. The store and rules are
 * downloaded when the hook first mounts (`loading` until then), not in the app's first load.
 */
import {
  spendingWeekStart,
  toPurseError,
  type PurseError,
  type SpendingBucketSize,
  type SpendingRange,
} from '@purse/core';
// Types only (erased): the code of `@purse/core/spending` is loaded lazily.
import type {
  PendingElsewhere,
  SpendingState,
  SpendingStore,
  SpendingStoreSnapshot,
} from '@purse/core/spending';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import {
  useSpendingPropGetters,
  type SpendingChartView,
  type SpendingChoices,
  type SpendingPropGetters,
} from './prop-getters.js';
import { useSpendingLive } from './spending-live-loader.js';
import { useControllableState } from './use-controllable-state.js';

export type { SpendingState, SpendingStatus } from '@purse/core/spending';

export interface UseSpendingOptions {
  /** The linked account (`fca_…`) whose transactions to sum. Give this or `accountIds`. */
  accountId?: string | undefined;
  /** Several linked accounts, summed together (with `accountId`, if both are given). */
  accountIds?: readonly string[] | undefined;
  /**
   * The user's other linked accounts (those shown may be in it too). Their transactions load
   * with the shown ones, so that pending money out on them is said on the card ("$42.10 pending
   * on Rewards Credit Card ••1881") and a view that shows one of them next asks for nothing.
   * @default none
   */
  otherAccountIds?: readonly string[] | undefined;
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
  /**
   * Whether the prop getters' view starts on the chart or the table.
   * @default 'chart'
   */
  defaultView?: SpendingChartView | undefined;
}

/** The data a spending view draws (what `<SpendingView spending>` takes). */
export interface SpendingData extends SpendingChoices {
  state: SpendingState;
  /** The currency the amounts are in (lower case, as Stripe sends it). */
  currency: string;
  /** Accounts left out because they did not share their transactions. */
  accountsWithoutPermission: readonly string[];
  /** Pending money out in the range on `otherAccountIds`, largest first. @default none */
  pendingElsewhere?: readonly PendingElsewhere[] | undefined;
  /** After `error` or `failed`: tries again. */
  retry: () => void;
}

export type UseSpendingResult = SpendingData & SpendingPropGetters;

function accountIdsOf(options: UseSpendingOptions): string[] {
  const ids = [...(options.accountId === undefined ? [] : [options.accountId])];
  for (const id of options.accountIds ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

const NO_DATA: SpendingStoreSnapshot = { slots: [], transactions: [], hasData: false };
const LOADING: SpendingState = { status: 'loading', loaded: 0, summary: null };
const NONE: readonly never[] = [];
const noSubscription = (): (() => void) => () => undefined;
const noData = (): SpendingStoreSnapshot => NO_DATA;
const nothing = (): void => undefined;

export function useSpending(options: UseSpendingOptions): UseSpendingResult {
  const ctx = usePurseContext('useSpending');
  const { runtime, locale } = ctx;
  const key = accountIdsOf(options).join('\n');
  if (key === '') throw new Error('`useSpending` needs an `accountId` or `accountIds`.');
  // The store holds the shown accounts and the others (in any order: one store for them all).
  const storeKey = [...key.split('\n'), ...(options.otherAccountIds ?? [])].join('\n');

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
  const { timeZone, topMerchants, currency: only } = options;

  // The provider's store for these accounts (once the code is in): it learns the range first.
  const live = useSpendingLive();
  const store: SpendingStore | null = useMemo(
    () =>
      live
        ? runtime
            .store(live.SpendingStores)
            .get({ accountIds: storeKey.split('\n'), timeZone, toError: toPurseError })
        : null,
    [live, runtime, storeKey, timeZone],
  );
  useEffect(() => store?.setRange(range), [store, range]);
  useEffect(() => store?.start(), [store]);
  const subscribe = store?.subscribe ?? noSubscription;
  const getSnapshot = store?.getSnapshot ?? noData;
  const all = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const snapshot = useMemo(() => live?.spendingOf(all, key.split('\n')) ?? all, [live, all, key]);

  // Summed again only when the transactions or the choices change (not on every status change).
  const { transactions, hasData } = snapshot;
  const summary = useMemo(
    () =>
      live?.spendingSummary(
        { transactions, hasData },
        {
          range,
          bucket,
          includeInflow,
          now: runtime.client.now(),
          weekStartsOn: spendingWeekStart(locale),
          topMerchants,
          timeZone,
          currency: only,
        },
      ) ?? null,
    [
      live,
      transactions,
      hasData,
      range,
      bucket,
      includeInflow,
      runtime,
      locale,
      topMerchants,
      timeZone,
      only,
    ],
  );
  const state = useMemo(
    () => live?.spendingState(snapshot, summary) ?? LOADING,
    [live, snapshot, summary],
  );
  const accountsWithoutPermission = useMemo(
    () => live?.accountsWithoutPermission(snapshot) ?? NONE,
    [live, snapshot],
  );

  // Tell the app about each error shown, once (StrictMode runs effects twice).
  const reported = useRef(new WeakSet<PurseError>());
  const shownError = state.status === 'error' ? state.error : null;
  useEffect(() => {
    if (!shownError || reported.current.has(shownError)) return;
    reported.current.add(shownError);
    ctx.reportError(shownError, 'SpendingChart');
  }, [shownError, ctx]);

  const currency = live?.spendingCurrency({ transactions }, only) ?? (only ?? 'usd').toLowerCase();
  const pendingElsewhere = useMemo(
    () =>
      live?.pendingElsewhere(all, key.split('\n'), {
        range,
        bucket,
        includeInflow,
        now: runtime.client.now(),
        timeZone,
        currency,
      }) ?? NONE,
    [live, all, key, range, bucket, includeInflow, runtime, timeZone, currency],
  );

  const choices = { range, setRange, bucket, setBucket, includeInflow, setIncludeInflow };
  const getters = useSpendingPropGetters(choices, { defaultView: options.defaultView });
  return {
    state,
    ...choices,
    currency,
    accountsWithoutPermission,
    pendingElsewhere,
    retry: store?.retry ?? nothing,
    ...getters,
  };
}
