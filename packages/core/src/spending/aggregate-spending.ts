import type { BankTransaction } from '../contract/types.js';
import { classifyTransaction, type TransactionKind } from './classify-transaction.js';
import { normalizeMerchant } from './normalize-merchant.js';
import { createDayIndexer, isoOfEpochDay, offsetAt, weekdayOfEpochDay } from './zone-calendar.js';

import {
  SPENDING_BUCKET_SIZES,
  SPENDING_RANGES,
  type SpendingBucketSize,
  type SpendingRange,
} from './spending-ranges.js';

export { SPENDING_BUCKET_SIZES, SPENDING_RANGES };
export type { SpendingBucketSize, SpendingRange };

export interface AggregateSpendingOptions {
  /**
   * The last `range` calendar days, today included. Weekly buckets start earlier, at the start
   * of the week holding the first day, so that the first bar is a whole week (never one day).
   */
  range: SpendingRange;
  /** One bucket per day, week or month; the first month is clipped to the range. */
  bucket: SpendingBucketSize;
  /** The current time, in unix seconds: it decides which day is "today". */
  now: number;
  /**
   * The IANA time zone whose calendar days count.
   * @default 'America/New_York'
   */
  timeZone?: string;
  /**
   * The first day of a week: 0 Sunday, 1 Monday. `spendingWeekStart(locale)` gives a locale's
   * (Sunday in `en`, Monday in `de` and `fr`); it lives apart, so that this module needs no
   * locale code (it loads lazily, and esbuild would hoist a shared module into first loads).
   * @default 0
   */
  weekStartsOn?: 0 | 1;
  /**
   * Count money in (salary, refunds) as well. When false, `in*` amounts stay 0 and inflows are
   * not counted in `totals.count`.
   * @default false
   */
  includeInflow?: boolean;
  /**
   * How many merchants to list in `topMerchants`.
   * @default 5
   */
  topMerchants?: number;
  /**
   * Count only transactions in this currency (any case). Amounts of different currencies
   * cannot be added up, so set it when the transactions may mix them.
   * @default every transaction counts
   */
  currency?: string;
}

/** Positive amounts in minor units: money out and money in, posted and pending apart. */
export interface SpendingAmounts {
  outPosted: number;
  outPending: number;
  inPosted: number;
  inPending: number;
}

export interface SpendingBucket extends SpendingAmounts {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, inclusive, `YYYY-MM-DD`. */
  end: string;
}

export interface SpendingMerchant {
  /** From `normalizeMerchant`. */
  name: string;
  /** Money out, posted plus pending, positive minor units. */
  amount: number;
  count: number;
}

export interface SpendingSummary {
  /** Contiguous and covering the whole range, empty ones included (no gaps in a chart). */
  buckets: SpendingBucket[];
  totals: SpendingAmounts & {
    /** The transactions that were counted. */
    count: number;
  };
  /**
   * Left out because they are not spending (`classifyTransaction`): transfers between the
   * user's own accounts and credit card payments, money out and in, in the range.
   */
  excluded: { count: number; amount: number };
  /** Pending money out in the range, counted (`totals.outPending` is its amount). */
  pendingCount: number;
  /** By money out, largest first (ties by name); transactions without a description are not listed. */
  topMerchants: SpendingMerchant[];
  /** The days counted, inclusive, `YYYY-MM-DD`; `days` is their number. */
  range: { from: string; to: string; days: number };
}

const DAY = 86_400;
const DEFAULT_TIME_ZONE = 'America/New_York';

/** The epoch day that is "today" in `timeZone` at `now`. */
function todayIn(timeZone: string, now: number): number {
  return Math.floor((now + offsetAt(timeZone, now)) / DAY);
}

export interface SpendingWindowOptions {
  range: SpendingRange;
  /** Unix seconds. */
  now: number;
  /** @default 'America/New_York' */
  timeZone?: string;
}

/**
 * The earliest day (`YYYY-MM-DD`) a summary of `range` may count, for any bucket size and locale
 * (weekly buckets reach back up to six days to start on a whole week): what to load once so
 * that changing the bucket or the locale needs no new request.
 */
export function spendingWindowStart(options: SpendingWindowOptions): string {
  const today = todayIn(options.timeZone ?? DEFAULT_TIME_ZONE, options.now);
  return isoOfEpochDay(today - options.range + 1 - 6);
}

interface MerchantTally {
  amount: number;
  count: number;
}

/**
 * Sums bank transactions into chart buckets: money out and in, posted and pending apart, void
 * left out. Only transactions whose `transactedAt` falls on one of the last `range` calendar
 * days in `timeZone` (today included) count. Built for large histories: 100,000 transactions
 * take a few milliseconds, because day boundaries are worked out once, not per transaction.
 */
export function aggregateSpending(
  transactions: readonly BankTransaction[],
  options: AggregateSpendingOptions,
): SpendingSummary {
  const { range, bucket, now } = options;
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const includeInflow = options.includeInflow ?? false;
  const topCount = options.topMerchants ?? 5;
  const currency = options.currency?.toLowerCase();
  if (!SPENDING_RANGES.includes(range)) {
    throw new RangeError(
      `range must be one of ${SPENDING_RANGES.join(', ')}, got ${String(range)}.`,
    );
  }
  if (!SPENDING_BUCKET_SIZES.includes(bucket)) {
    throw new RangeError(`bucket must be 'day', 'week' or 'month', got '${bucket}'.`);
  }
  if (!Number.isFinite(now)) throw new RangeError(`now must be unix seconds, got ${now}.`);
  if (!Number.isInteger(topCount) || topCount < 0) {
    throw new RangeError(`topMerchants must be a whole number, got ${topCount}.`);
  }

  const today = todayIn(timeZone, now);
  const weekStart = options.weekStartsOn ?? 0;
  let firstDay = today - range + 1;
  // A week bar that starts mid-week would hold a day or two and look like a quiet week.
  if (bucket === 'week') firstDay -= (weekdayOfEpochDay(firstDay) - weekStart + 7) % 7;
  const days = today - firstDay + 1;
  // Offsets are between -12 and +14 hours, so a day's instants lie within a day of its UTC span.
  const indexer = createDayIndexer(timeZone, (firstDay - 1) * DAY, (today + 2) * DAY);

  const dayToBucket = new Int32Array(days);
  const bounds: { start: number; end: number }[] = [];
  for (let i = 0; i < days; i += 1) {
    const day = firstDay + i;
    const opens =
      i === 0 ||
      bucket === 'day' ||
      (bucket === 'week' && weekdayOfEpochDay(day) === weekStart) ||
      (bucket === 'month' && isoOfEpochDay(day).endsWith('-01'));
    if (opens) bounds.push({ start: day, end: day });
    const current = bounds[bounds.length - 1];
    if (current) current.end = day;
    dayToBucket[i] = bounds.length - 1;
  }

  const sums = new Float64Array(bounds.length * 4);
  const byDescription = new Map<string, MerchantTally>();
  let count = 0;
  let pendingCount = 0;
  const excluded = { count: 0, amount: 0 };
  const kinds = new Map<string, TransactionKind>();
  for (const transaction of transactions) {
    const { amount, status } = transaction;
    if (status === 'void' || amount === 0) continue;
    if (currency !== undefined && transaction.currency.toLowerCase() !== currency) continue;
    const index = indexer.dayOf(transaction.transactedAt) - firstDay;
    if (index < 0 || index >= days) continue;
    // Classified once per description (a history repeats the same few hundred).
    let kind = kinds.get(transaction.description);
    if (kind === undefined) {
      kind = classifyTransaction(transaction.description);
      kinds.set(transaction.description, kind);
    }
    if (kind !== 'spending') {
      excluded.count += 1;
      excluded.amount += Math.abs(amount);
      continue;
    }
    if (amount > 0 && !includeInflow) continue;
    if (amount < 0 && status === 'pending') pendingCount += 1;
    const slot =
      (dayToBucket[index] ?? 0) * 4 + (amount < 0 ? 0 : 2) + (status === 'pending' ? 1 : 0);
    sums[slot] = (sums[slot] ?? 0) + Math.abs(amount);
    count += 1;
    if (amount < 0) {
      const tally = byDescription.get(transaction.description);
      if (tally) {
        tally.amount -= amount;
        tally.count += 1;
      } else {
        byDescription.set(transaction.description, { amount: -amount, count: 1 });
      }
    }
  }

  const totals = { outPosted: 0, outPending: 0, inPosted: 0, inPending: 0, count };
  const buckets = bounds.map(({ start, end }, b): SpendingBucket => {
    const amounts = {
      outPosted: sums[b * 4] ?? 0,
      outPending: sums[b * 4 + 1] ?? 0,
      inPosted: sums[b * 4 + 2] ?? 0,
      inPending: sums[b * 4 + 3] ?? 0,
    };
    totals.outPosted += amounts.outPosted;
    totals.outPending += amounts.outPending;
    totals.inPosted += amounts.inPosted;
    totals.inPending += amounts.inPending;
    return { start: isoOfEpochDay(start), end: isoOfEpochDay(end), ...amounts };
  });

  const byMerchant = new Map<string, MerchantTally>();
  for (const [description, tally] of byDescription) {
    const name = normalizeMerchant(description);
    if (name === '') continue;
    const merchant = byMerchant.get(name);
    if (merchant) {
      merchant.amount += tally.amount;
      merchant.count += tally.count;
    } else {
      byMerchant.set(name, { ...tally });
    }
  }
  const topMerchants = [...byMerchant]
    .map(([name, tally]) => ({ name, amount: tally.amount, count: tally.count }))
    .sort((a, b) => b.amount - a.amount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, topCount);

  return {
    buckets,
    totals,
    topMerchants,
    excluded,
    pendingCount,
    range: { from: isoOfEpochDay(firstDay), to: isoOfEpochDay(today), days },
  };
}
