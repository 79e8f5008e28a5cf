/**
 * What a spending view shows, worked out from a `SpendingStore` snapshot and the view's choices
 * (range, bucket size, money in): one state for all the accounts summed together.
 */
import type { PurseError } from '../contract/errors.js';
import type { BankTransaction, LinkedAccount } from '../contract/types.js';
import {
  aggregateSpending,
  type SpendingBucketSize,
  type SpendingRange,
  type SpendingSummary,
} from './aggregate-spending.js';

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

/** Where one account's transactions are (see `SpendingStore`). */
export type SpendingSlotPhase =
  'loading' | 'awaiting-refresh' | 'failed' | 'ready' | 'error' | 'permission_missing';

export interface SpendingSlotSnapshot {
  accountId: string;
  phase: SpendingSlotPhase;
  /** A newer refresh is being applied, or one is pending at the bank. */
  updating: boolean;
  error: PurseError | null;
  /** Whether a page of this account has arrived. */
  hasData: boolean;
  /** The account as last read (its name, its refreshes); null before the first read. */
  account: LinkedAccount | null;
}

export interface SpendingStoreSnapshot {
  slots: readonly SpendingSlotSnapshot[];
  /** Every loaded transaction, all accounts, all statuses. */
  transactions: readonly BankTransaction[];
  /** Whether at least one page has arrived (the chart can be drawn). */
  hasData: boolean;
}

export interface SpendingViewChoices {
  range: SpendingRange;
  bucket: SpendingBucketSize;
  includeInflow: boolean;
  /** Unix seconds. */
  now: number;
  /** 0 Sunday, 1 Monday (`spendingWeekStart(locale)`). @default 0 */
  weekStartsOn?: 0 | 1;
  /** @default 5 */
  topMerchants?: number | undefined;
  /** @default 'America/New_York' */
  timeZone?: string | undefined;
  /** @default the first loaded transaction's currency, else 'usd' */
  currency?: string | undefined;
}

/** The currency a view counts in (lower case, as Stripe sends it). */
export function spendingCurrency(
  snapshot: Pick<SpendingStoreSnapshot, 'transactions'>,
  currency: string | undefined,
): string {
  return (currency ?? snapshot.transactions[0]?.currency ?? 'usd').toLowerCase();
}

/** The summary of what is loaded, or null before the first page. */
export function spendingSummary(
  snapshot: Pick<SpendingStoreSnapshot, 'transactions' | 'hasData'>,
  choices: SpendingViewChoices,
): SpendingSummary | null {
  if (!snapshot.hasData) return null;
  const { timeZone, weekStartsOn } = choices;
  return aggregateSpending(snapshot.transactions, {
    range: choices.range,
    bucket: choices.bucket,
    now: choices.now,
    includeInflow: choices.includeInflow,
    topMerchants: choices.topMerchants ?? 5,
    currency: spendingCurrency(snapshot, choices.currency),
    ...(weekStartsOn === undefined ? {} : { weekStartsOn }),
    ...(timeZone === undefined ? {} : { timeZone }),
  });
}

/** One state for all the accounts: an error first, then loading, then what the data says. */
export function spendingState(
  snapshot: SpendingStoreSnapshot,
  summary: SpendingSummary | null,
): SpendingState {
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

/** The accounts left out because they did not share their transactions. */
export function accountsWithoutPermission(snapshot: SpendingStoreSnapshot): string[] {
  return snapshot.slots
    .filter((slot) => slot.phase === 'permission_missing')
    .map((slot) => slot.accountId);
}

/**
 * The part of a snapshot about `accountIds` alone: a store may load more accounts than a view
 * shows (the others' pending is said on the card, and showing one of them needs no request).
 * Returns `snapshot` itself when it holds only those accounts.
 */
export function spendingOf(
  snapshot: SpendingStoreSnapshot,
  accountIds: readonly string[],
): SpendingStoreSnapshot {
  const shown = new Set(accountIds);
  if (snapshot.slots.every((slot) => shown.has(slot.accountId))) return snapshot;
  const slots = snapshot.slots.filter((slot) => shown.has(slot.accountId));
  return {
    slots,
    transactions: snapshot.transactions.filter((t) => shown.has(t.accountId)),
    hasData: slots.some((slot) => slot.hasData),
  };
}
