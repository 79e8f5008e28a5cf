/**
 * Labels of a spending chart in the reader's language, via Intl: an axis tick is a day and a
 * short month (`Sep 5`, `5. Sept.`, `5 sept.`), never a numeric date (`9/5/26` reads as May 9 to
 * most of the world); a monthly bar is its month (`Sep`, `Sept.`).
 */
import { resolveIntlLocale, type LocaleInput } from '../locale/locale.js';
import { isoDateToUtcMs } from '../format/format-date.js';
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
