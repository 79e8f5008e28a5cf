/** How a spending view writes amounts, counts and periods in the provider's locale. */
import {
  formatIsoDate,
  formatIsoDateRange,
  formatMoney,
  formatSpendingAxis,
  formatSpendingTick,
  resolveIntlLocale,
  type PurseLocale,
  type SpendingBucket,
  type SpendingBucketSize,
} from '@purse/core';
import { useMemo } from 'react';

export interface SpendingFormats {
  /** `$1,234.56` */
  money: (amountMinor: number) => string;
  /** `$1.2K`, `1.000 $`: for the amount axis. */
  axis: (amountMinor: number) => string;
  count: (n: number) => string;
  /** A bucket's days in words: `Nov 1 – 7, 2026`, or one date. */
  period: (bucket: Pick<SpendingBucket, 'start' | 'end'>) => string;
  /** Two `YYYY-MM-DD` days as a range: `Dec 7, 2025 – Mar 10, 2026`. */
  range: (from: string, to: string) => string;
  /** A bar's axis label: `Sep 5`, `5. Sept.`, or its month. */
  tick: (bucket: Pick<SpendingBucket, 'start'>, size: SpendingBucketSize) => string;
  locale: PurseLocale;
}

export function useSpendingFormats(currency: string, locale: PurseLocale): SpendingFormats {
  return useMemo(() => {
    const count = new Intl.NumberFormat(resolveIntlLocale(locale));
    return {
      money: (amount) => formatMoney(Math.round(amount), { currency, locale }),
      axis: (amount) => formatSpendingAxis(amount, { currency, locale }),
      count: (n) => count.format(n),
      period: (bucket) =>
        bucket.start === bucket.end
          ? formatIsoDate(bucket.start, { locale })
          : formatIsoDateRange(bucket.start, bucket.end, { locale }),
      range: (from, to) => formatIsoDateRange(from, to, { locale }),
      tick: (bucket, size) => formatSpendingTick(bucket, size, { locale }),
      locale,
    };
  }, [currency, locale]);
}
