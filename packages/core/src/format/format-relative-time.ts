import { resolveIntlLocale, type LocaleInput } from '../locale/locale.js';

export interface FormatRelativeTimeOptions {
  /** The moment to compare with, in unix seconds (pass the same clock the UI ticks with). */
  now: number;
  /**
   * A Purse locale or any BCP-47 tag Intl supports.
   * @default 'en'
   */
  locale?: LocaleInput;
  /**
   * `'auto'` says "now", "yesterday", "next week"; `'always'` says "in 0 seconds",
   * "1 day ago", "in 1 week".
   * @default 'auto'
   */
  numeric?: 'auto' | 'always';
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.RelativeTimeFormat>();

/**
 * How long ago (or how far ahead) `unixSeconds` is from `now`, in the largest unit that fits:
 * "2 minutes ago", "vor 2 Minuten", "in 30 seconds", "dans 3 heures". Counts are truncated
 * toward zero, so 119 seconds ago is "1 minute ago" (never "2 minutes ago" before it is true).
 * Units: seconds under a minute, minutes under an hour, hours under a day, days under a week,
 * weeks under 30 days, months (of 30 days) under 365 days, then years.
 */
export function formatRelativeTime(
  unixSeconds: number,
  options: FormatRelativeTimeOptions,
): string {
  const locale = resolveIntlLocale(options.locale);
  const numeric = options.numeric ?? 'auto';
  const key = `${locale}|${numeric}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric });
    formatters.set(key, formatter);
  }
  const diff = unixSeconds - options.now;
  const abs = Math.abs(diff);
  // `+ 0` turns -0 into 0, which Intl would otherwise render as "0 seconds ago".
  const count = (unit: number): number => Math.trunc(diff / unit) + 0;
  if (abs < MINUTE) return formatter.format(count(1), 'second');
  if (abs < HOUR) return formatter.format(count(MINUTE), 'minute');
  if (abs < DAY) return formatter.format(count(HOUR), 'hour');
  if (abs < 7 * DAY) return formatter.format(count(DAY), 'day');
  if (abs < 30 * DAY) return formatter.format(count(7 * DAY), 'week');
  if (abs < 365 * DAY) return formatter.format(count(30 * DAY), 'month');
  return formatter.format(count(365 * DAY), 'year');
}
