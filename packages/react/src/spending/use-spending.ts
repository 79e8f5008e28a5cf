/**
 * `useSpending`: a thin bridge to @purse/core's `SpendingStore` (the transactions of one or
 * more linked accounts, loaded once and kept fresh) and its rules (`spendingSummary`,
 * `spendingState`), returning `{ state, ...commands, ...prop getters }`.
 */
import {
  accountsWithoutPermission as withoutPermission,
  spendingCurrency,
  spendingState,
  spendingSummary,
  SpendingStores,
  type PurseError,
  type SpendingBucketSize,
  type SpendingRange,
  type SpendingState,
} from '@purse/core';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import {
  useSpendingPropGetters,
  type SpendingChartView,
  type SpendingChoices,
  type SpendingPropGetters,
} from './prop-getters.js';
import { useControllableState } from './use-controllable-state.js';

export type { SpendingState, SpendingStatus } from '@purse/core';

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
  /** After `error` or `failed`: tries again. */
  retry: () => void;
}

export type UseSpendingResult = SpendingData & SpendingPropGetters;

function accountIdsOf(options: UseSpendingOptions): string[] {
  const ids = [...(options.accountId === undefined ? [] : [options.accountId])];
  for (const id of options.accountIds ?? []) if (!ids.includes(id)) ids.push(id);
  return ids;
}

export function useSpending(options: UseSpendingOptions): UseSpendingResult {
  const ctx = usePurseContext('useSpending');
  const { runtime, locale } = ctx;
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
  const { timeZone, topMerchants, currency: only } = options;

  // The provider's store for these accounts: it learns the range before it starts.
  const store = useMemo(
    () => runtime.store(SpendingStores).get({ accountIds: key.split('\n'), timeZone }),
    [runtime, key, timeZone],
  );
  useEffect(() => store.setRange(range), [store, range]);
  useEffect(() => store.start(), [store]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);

  // Summed again only when the transactions or the choices change (not on every status change).
  const { transactions, hasData } = snapshot;
  const summary = useMemo(
    () =>
      spendingSummary(
        { transactions, hasData },
        {
          range,
          bucket,
          includeInflow,
          now: runtime.client.now(),
          locale,
          topMerchants,
          timeZone,
          currency: only,
        },
      ),
    [
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
  const state = useMemo(() => spendingState(snapshot, summary), [snapshot, summary]);
  const accountsWithoutPermission = useMemo(() => withoutPermission(snapshot), [snapshot]);

  // Tell the app about each error shown, once (StrictMode runs effects twice).
  const reported = useRef(new WeakSet<PurseError>());
  const shownError = state.status === 'error' ? state.error : null;
  useEffect(() => {
    if (!shownError || reported.current.has(shownError)) return;
    reported.current.add(shownError);
    ctx.reportError(shownError, 'SpendingChart');
  }, [shownError, ctx]);

  const choices = { range, setRange, bucket, setBucket, includeInflow, setIncludeInflow };
  const getters = useSpendingPropGetters(choices, { defaultView: options.defaultView });
  return {
    state,
    ...choices,
    currency: spendingCurrency({ transactions }, only),
    accountsWithoutPermission,
    retry: store.retry,
    ...getters,
  };
}
