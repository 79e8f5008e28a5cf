/**
 * US banking calendar for ACH timing: weekends and the Federal Reserve's bank holidays.
 *
 * ACH settles on Federal Reserve business days, so "2–4 business days" skips Saturdays,
 * Sundays and the eleven Fed holidays. A holiday that falls on a Sunday is observed on the
 * following Monday; one that falls on a Saturday is not moved (the Fed stays open on the
 * Friday before). Calendar dates are taken in the banks' time zone, America/New_York.
 */

/** The time zone whose calendar dates decide what a business day is. */
export const BANKING_TIME_ZONE = 'America/New_York';

/** A calendar date without a time: `{ year, month: 1-12, day: 1-31 }`. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to create; one per time zone is kept. */
function hourFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = hourFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
    hourFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date of a unix timestamp (seconds) in `timeZone` (default: the banks'). */
export function calendarDateOf(
  unixSeconds: number,
  timeZone: string = BANKING_TIME_ZONE,
): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(new Date(unixSeconds * 1000));
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

function utcDay(date: CalendarDate): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
}

function fromUtcDay(d: Date): CalendarDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const d = utcDay(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtcDay(d);
}

function nthWeekday(year: number, month: number, weekday: number, n: number): CalendarDate {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return { year, month, day };
}

function lastWeekday(year: number, month: number, weekday: number): CalendarDate {
  const lastDay = new Date(Date.UTC(year, month, 0));
  const offset = (lastDay.getUTCDay() - weekday + 7) % 7;
  return { year, month, day: lastDay.getUTCDate() - offset };
}

function observed(date: CalendarDate): CalendarDate {
  // Sunday holidays move to Monday; Saturday holidays are not observed by the Fed.
  return utcDay(date).getUTCDay() === 0 ? addCalendarDays(date, 1) : date;
}

const holidayCache = new Map<number, Set<string>>();

function key(date: CalendarDate): string {
  return `${String(date.year)}-${String(date.month)}-${String(date.day)}`;
}

/** The Federal Reserve bank holidays observed in `year`, as `YYYY-M-D` keys. */
function holidaysOf(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const fixed = (month: number, day: number): CalendarDate => observed({ year, month, day });
    set = new Set(
      [
        fixed(1, 1), // New Year's Day
        nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
        nthWeekday(year, 2, 1, 3), // Washington's Birthday
        lastWeekday(year, 5, 1), // Memorial Day
        fixed(6, 19), // Juneteenth
        fixed(7, 4), // Independence Day
        nthWeekday(year, 9, 1, 1), // Labor Day
        nthWeekday(year, 10, 1, 2), // Columbus Day
        fixed(11, 11), // Veterans Day
        nthWeekday(year, 11, 4, 4), // Thanksgiving Day
        fixed(12, 25), // Christmas Day
      ].map(key),
    );
    holidayCache.set(year, set);
  }
  return set;
}

/** Whether `date` is a US bank holiday (as observed by the Federal Reserve). */
export function isBankHoliday(date: CalendarDate): boolean {
  return holidaysOf(date.year).has(key(date));
}

/** Whether ACH moves money on `date`: not a weekend, not a bank holiday. */
export function isBusinessDay(date: CalendarDate): boolean {
  const weekday = utcDay(date).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isBankHoliday(date);
}

/**
 * The business day `count` business days after `date`. With `count` 0 it returns `date` itself
 * when that is a business day, else the next one.
 */
export function addBusinessDays(date: CalendarDate, count: number): CalendarDate {
  let current = date;
  while (!isBusinessDay(current)) current = addCalendarDays(current, 1);
  for (let left = count; left > 0;) {
    current = addCalendarDays(current, 1);
    if (isBusinessDay(current)) left -= 1;
  }
  return current;
}

/**
 * The unix time (seconds) of a wall-clock time on `date` in `timeZone`.
 * Used to place events such as "settles at 09:00 New York time".
 */
export function unixAt(
  date: CalendarDate,
  options: { hour?: number; minute?: number; timeZone?: string } = {},
): number {
  const { hour = 0, minute = 0, timeZone = BANKING_TIME_ZONE } = options;
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute) / 1000;
  // Correct for the zone's offset at that moment (twice, to settle across a DST change).
  let result = guess;
  for (let i = 0; i < 2; i += 1) {
    const seen = calendarDateOf(result, timeZone);
    const seenHour = Number(hourFormatterFor(timeZone).format(new Date(result * 1000)));
    const seenMinute = new Date(result * 1000).getUTCMinutes();
    const seenUnix = Date.UTC(seen.year, seen.month - 1, seen.day, seenHour, seenMinute) / 1000;
    result += guess - seenUnix;
  }
  return result;
}

/** `YYYY-MM-DD` for a calendar date. */
export function toIsoDate(date: CalendarDate): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${String(date.year)}-${pad(date.month)}-${pad(date.day)}`;
}

/** The wall-clock hour (0-23) of a unix time in `timeZone`. */
export function hourIn(unixSeconds: number, timeZone: string = BANKING_TIME_ZONE): number {
  return Number(hourFormatterFor(timeZone).format(new Date(unixSeconds * 1000)));
}

/** The ACH cutoff: transfers created after this New York hour go out the next business day. */
export const ACH_CUTOFF_HOUR = 16;

/**
 * The business day an ACH transfer created at `unixSeconds` is submitted on: the same day if it
 * is a business day and before the cutoff, else the next business day.
 */
export function achSubmissionDate(unixSeconds: number): CalendarDate {
  const date = calendarDateOf(unixSeconds);
  if (isBusinessDay(date) && hourIn(unixSeconds) < ACH_CUTOFF_HOUR) return date;
  return addBusinessDays(addCalendarDays(date, 1), 0);
}

/**
 * When a standard ACH pull created at `unixSeconds` should arrive: between 2 and 4 business
 * days after it is submitted (Stripe's "2-4 business days" for InboundTransfers).
 */
export function expectedArrivalWindow(unixSeconds: number): {
  earliest: CalendarDate;
  latest: CalendarDate;
} {
  const submitted = achSubmissionDate(unixSeconds);
  return { earliest: addBusinessDays(submitted, 2), latest: addBusinessDays(submitted, 4) };
}

/**
 * The one arrival date to show for a top-up created at `unixSeconds`: same-day ACH arrives on
 * the business day it is submitted; standard ACH on the first day of Stripe's "2-4 business
 * days" window (the sandbox settles then, and a later arrival is shown by the tracker).
 */
export function expectedArrivalDate(
  unixSeconds: number,
  options: { sameDay?: boolean | undefined } = {},
): CalendarDate {
  return options.sameDay
    ? achSubmissionDate(unixSeconds)
    : expectedArrivalWindow(unixSeconds).earliest;
}
