/**
 * Calendar days in an IANA time zone for many timestamps at once, without formatting each one:
 * the zone's UTC offsets over a window are found once (a few hundred Intl calls), after which a
 * timestamp's local day is arithmetic.
 */

const DAY = 86_400;

const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    wallClocks.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at `unixSeconds`, in seconds (east positive). */
export function offsetAt(timeZone: string, unixSeconds: number): number {
  const values: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of wallClockFor(timeZone).formatToParts(unixSeconds * 1000)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const wall =
    Date.UTC(
      values.year ?? 1970,
      (values.month ?? 1) - 1,
      values.day ?? 1,
      values.hour ?? 0,
      values.minute ?? 0,
      values.second ?? 0,
    ) / 1000;
  return wall - Math.floor(unixSeconds);
}

/** Days since 1970-01-01 of a calendar date. */
export function epochDayOf(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 1000 / DAY;
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY * 1000).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

/** Maps timestamps to local day numbers, exactly, for timestamps inside a window. */
export interface DayIndexer {
  /** The local calendar day (days since 1970-01-01) of `unixSeconds`. */
  dayOf(unixSeconds: number): number;
}

/**
 * Learns `timeZone`'s offsets between `from` and `to` (unix seconds): one sample a day, and a
 * binary search to the second wherever two samples differ. Daylight saving changes are months
 * apart, so no change hides between two samples.
 */
export function createDayIndexer(timeZone: string, from: number, to: number): DayIndexer {
  const starts: number[] = [];
  const offsets: number[] = [];
  let at = Math.floor(from);
  let offset = offsetAt(timeZone, at);
  starts.push(-Infinity);
  offsets.push(offset);
  while (at < to) {
    const next = Math.min(at + DAY, Math.ceil(to));
    const nextOffset = offsetAt(timeZone, next);
    if (nextOffset !== offset) {
      let lo = at;
      let hi = next;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(timeZone, mid) === offset) lo = mid;
        else hi = mid;
      }
      starts.push(hi);
      offsets.push(nextOffset);
      offset = nextOffset;
    }
    at = next;
  }
  const last = starts.length - 1;
  return {
    dayOf(unixSeconds: number): number {
      let k = last;
      while (k > 0 && unixSeconds < (starts[k] ?? -Infinity)) k -= 1;
      return Math.floor((unixSeconds + (offsets[k] ?? 0)) / DAY);
    },
  };
}
