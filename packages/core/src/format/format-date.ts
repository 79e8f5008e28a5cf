import { resolveIntlLocale, type LocaleInput } from '../locale/locale.js';

/** How much of a date to spell out: `11/30/26`, `Nov 30, 2026`, `November 30, 2026` (en). */
export type DateStyle = 'short' | 'medium' | 'long';

export interface FormatDateOptions {
  /**
   * A Purse locale or any BCP-47 tag Intl supports.
   * @default 'en'
   */
  locale?: LocaleInput;
  /** @default 'medium' */
  style?: DateStyle;
  /**
   * The IANA time zone whose calendar and clock to show.
   * @default the runtime's own time zone (the user's, in a browser)
   */
  timeZone?: string;
}

export interface FormatIsoDateOptions {
  /**
   * A Purse locale or any BCP-47 tag Intl supports.
   * @default 'en'
   */
  locale?: LocaleInput;
  /** @default 'medium' */
  style?: DateStyle;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  locale: string,
  options: { dateStyle: DateStyle; timeStyle?: 'short'; timeZone?: string | undefined },
): Intl.DateTimeFormat {
  const key = `${locale}|${options.dateStyle}|${options.timeStyle ?? ''}|${options.timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The date of a unix timestamp (seconds): `Nov 30, 2026`, `30.11.2026`, `30 nov. 2026`. */
export function formatDate(unixSeconds: number, options: FormatDateOptions = {}): string {
  return formatterFor(resolveIntlLocale(options.locale), {
    dateStyle: options.style ?? 'medium',
    timeZone: options.timeZone,
  }).format(unixSeconds * 1000);
}

/**
 * The date and time (hours and minutes) of a unix timestamp (seconds):
 * `Nov 30, 2026, 10:05 AM`, `30.11.2026, 10:05`. `style` applies to the date part.
 */
export function formatDateTime(unixSeconds: number, options: FormatDateOptions = {}): string {
  return formatterFor(resolveIntlLocale(options.locale), {
    dateStyle: options.style ?? 'medium',
    timeStyle: 'short',
    timeZone: options.timeZone,
  }).format(unixSeconds * 1000);
}

/** Reads `YYYY-MM-DD` as a UTC midnight in milliseconds; throws a RangeError for anything else. */
export function isoDateToUtcMs(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const [, year, month, day] = match ?? [];
  const ms = Date.UTC(Number(year), Number(month) - 1, Number(day));
  if (!match || new Date(ms).toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(`Expected a calendar date as YYYY-MM-DD, got "${isoDate}".`);
  }
  return ms;
}

/**
 * A calendar date given as `YYYY-MM-DD` (expected arrival dates, chart buckets), shown as that
 * same date in every time zone: `Nov 30, 2026`, `30.11.2026`.
 */
export function formatIsoDate(isoDate: string, options: FormatIsoDateOptions = {}): string {
  return formatterFor(resolveIntlLocale(options.locale), {
    dateStyle: options.style ?? 'medium',
    timeZone: 'UTC',
  }).format(isoDateToUtcMs(isoDate));
}

/**
 * Two `YYYY-MM-DD` dates as one range, sharing what they have in common: `Nov 1 – 7, 2026`,
 * `01.–07.11.2026`. For chart buckets and arrival windows.
 */
export function formatIsoDateRange(
  startIsoDate: string,
  endIsoDate: string,
  options: FormatIsoDateOptions = {},
): string {
  return formatterFor(resolveIntlLocale(options.locale), {
    dateStyle: options.style ?? 'medium',
    timeZone: 'UTC',
  }).formatRange(isoDateToUtcMs(startIsoDate), isoDateToUtcMs(endIsoDate));
}
