/**
 * Labels of a spending chart in the reader's language, via Intl: an axis tick is a day and a
 * short month (`Sep 5`, `5. Sept.`, `5 sept.`), never a numeric date (`9/5/26` reads as May 9 to
 * most of the world); a monthly bar is its month (`Sep`, `Sept.`).
 */
import {
  resolveIntlLocale,
  resolveLocale,
  type LocaleInput,
  type PurseLocale,
} from '../locale/locale.js';
import { isoDateToUtcMs } from '../format/format-date.js';
import { minorUnitDigits } from '../money/minor-unit-digits.js';
import type { SpendingBucket, SpendingBucketSize } from './aggregate-spending.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, month: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${String(month)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(
      locale,
      month
        ? { month: 'short', timeZone: 'UTC' }
        : { day: 'numeric', month: 'short', timeZone: 'UTC' },
    );
    formatters.set(key, found);
  }
  return found;
}

/** The axis label of a bar: its first day (`Sep 5`), or its month for monthly bars. */
export function formatSpendingTick(
  bucket: Pick<SpendingBucket, 'start'>,
  size: SpendingBucketSize,
  options: { locale?: LocaleInput } = {},
): string {
  return formatter(resolveIntlLocale(options.locale), size === 'month').format(
    isoDateToUtcMs(bucket.start),
  );
}

const MONDAY_FIRST: ReadonlySet<PurseLocale> = new Set(['de', 'fr']);

/**
 * The first day of a week in `locale` (`aggregateSpending`'s `weekStartsOn`): Sunday (0) in
 * `en`, Monday (1) in `de` and `fr`. Tags such as `'de-AT'` are resolved with `resolveLocale`.
 */
export function spendingWeekStart(locale?: LocaleInput): 0 | 1 {
  return MONDAY_FIRST.has(resolveLocale(locale)) ? 1 : 0;
}

const axisFormatters = new Map<string, Intl.NumberFormat>();

/**
 * An amount on a spending chart's axis (minor units), short and grouped: `$1K`, `1.000 $`
 * (compact German writes `1000 $` otherwise), `12 k $US`. Not exact, as an axis need not be;
 * `formatMoney` gives exact amounts.
 */
export function formatSpendingAxis(
  amountMinor: number,
  options: { currency: string; locale?: LocaleInput },
): string {
  const locale = resolveIntlLocale(options.locale);
  const currency = options.currency.toUpperCase();
  const key = `${locale}|${currency}`;
  let formatter = axisFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      notation: 'compact',
      compactDisplay: 'short',
      useGrouping: 'always',
    });
    axisFormatters.set(key, formatter);
  }
  return formatter.format(amountMinor / 10 ** minorUnitDigits(currency));
}
