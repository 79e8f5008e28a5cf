/** How a spending view writes amounts, counts and periods in the provider's locale. */
import {
  formatIsoDate,
  formatIsoDateRange,
  formatMoney,
  resolveIntlLocale,
  type PurseLocale,
  type SpendingBucket,
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
  locale: PurseLocale;
}

export function useSpendingFormats(currency: string, locale: PurseLocale): SpendingFormats {
  return useMemo(() => {
    const count = new Intl.NumberFormat(resolveIntlLocale(locale));
    return {
      money: (amount) => formatMoney(Math.round(amount), { currency, locale }),
      axis: (amount) => formatMoney(Math.round(amount), { currency, locale, compact: true }),
      count: (n) => count.format(n),
      period: (bucket) =>
        bucket.start === bucket.end
          ? formatIsoDate(bucket.start, { locale })
          : formatIsoDateRange(bucket.start, bucket.end, { locale }),
      locale,
    };
  }, [currency, locale]);
}
