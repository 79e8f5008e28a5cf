import { describe, expect, it } from 'vitest';
import type { BankTransaction, TransactionStatus } from '../contract/types.js';
import {
  aggregateSpending,
  spendingWindowStart,
  type SpendingBucket,
} from './aggregate-spending.js';
import { spendingWeekStart } from './format-spending.js';

let nextId = 0;
function transaction(
  at: number,
  amount: number,
  options: { status?: TransactionStatus; description?: string; currency?: string } = {},
): BankTransaction {
  nextId += 1;
  return {
    id: `fctxn_${String(nextId)}`,
    accountId: 'fca_1',
    amount,
    currency: options.currency ?? 'usd',
    description: options.description ?? 'STARBUCKS STORE 05812',
    status: options.status ?? 'posted',
    transactedAt: at,
    postedAt: options.status === 'posted' || options.status === undefined ? at + 86_400 : null,
    voidAt: options.status === 'void' ? at + 86_400 : null,
    updated: at,
  };
}

/** Unix seconds for a wall-clock time in New York, given its UTC offset that day. */
function newYork(iso: string, utcOffsetHours: -4 | -5): number {
  return Date.parse(`${iso}${utcOffsetHours === -4 ? '-04:00' : '-05:00'}`) / 1000;
}

const spans = (buckets: readonly SpendingBucket[]): string[] =>
  buckets.map((b) => `${b.start}..${b.end}`);

// Monday 2026-11-30, noon in New York.
const NOW = newYork('2026-11-30T12:00:00', -5);

describe('aggregateSpending', () => {
  it('covers the last 30 days, today included, with one bucket a day even when empty', () => {
    const summary = aggregateSpending([], { range: 30, bucket: 'day', now: NOW });
    expect(summary.range).toEqual({ from: '2026-11-01', to: '2026-11-30', days: 30 });
    expect(summary.buckets).toHaveLength(30);
    expect(summary.buckets[0]).toEqual({
      start: '2026-11-01',
      end: '2026-11-01',
      outPosted: 0,
      outPending: 0,
      inPosted: 0,
      inPending: 0,
    });
    expect(summary.buckets.at(-1)?.start).toBe('2026-11-30');
    expect(summary.totals).toEqual({
      outPosted: 0,
      outPending: 0,
      inPosted: 0,
      inPending: 0,
      count: 0,
    });
    expect(summary.topMerchants).toEqual([]);
  });

  it('counts money out as positive amounts, pending apart from posted, and leaves void out', () => {
    const day = newYork('2026-11-20T09:00:00', -5);
    const summary = aggregateSpending(
      [
        transaction(day, -1250),
        transaction(day, -450, { status: 'pending' }),
        transaction(day, -9999, { status: 'void' }),
      ],
      { range: 30, bucket: 'day', now: NOW },
    );
    const bucket = summary.buckets.find((b) => b.start === '2026-11-20');
    expect(bucket).toEqual({
      start: '2026-11-20',
      end: '2026-11-20',
      outPosted: 1250,
      outPending: 450,
      inPosted: 0,
      inPending: 0,
    });
    expect(summary.totals).toEqual({
      outPosted: 1250,
      outPending: 450,
      inPosted: 0,
      inPending: 0,
      count: 2,
    });
  });

  it('leaves money in out unless asked to include it', () => {
    const day = newYork('2026-11-20T09:00:00', -5);
    const transactions = [
      transaction(day, 294_000, { description: 'ACME CORP PAYROLL PPD ID: 9876543210' }),
      transaction(day, 1_500, { status: 'pending', description: 'REFUND' }),
      transaction(day, -700),
    ];
    const without = aggregateSpending(transactions, { range: 30, bucket: 'day', now: NOW });
    expect(without.totals).toEqual({
      outPosted: 700,
      outPending: 0,
      inPosted: 0,
      inPending: 0,
      count: 1,
    });
    const withInflow = aggregateSpending(transactions, {
      range: 30,
      bucket: 'day',
      now: NOW,
      includeInflow: true,
    });
    expect(withInflow.totals).toEqual({
      outPosted: 700,
      outPending: 0,
      inPosted: 294_000,
      inPending: 1_500,
      count: 3,
    });
    // Income never shows up as a merchant someone spent money at.
    expect(withInflow.topMerchants.map((m) => m.name)).toEqual(['Starbucks']);
  });

  it('counts only the days of the range in New York, from the first midnight to the last', () => {
    const summary = aggregateSpending(
      [
        // 2026-10-31 23:59:59 EDT: the day before the range.
        transaction(newYork('2026-10-31T23:59:59', -4), -1),
        // 2026-11-01 00:00 EDT: the first moment of the range.
        transaction(newYork('2026-11-01T00:00:00', -4), -10),
        // Later today, after `now`: still today.
        transaction(newYork('2026-11-30T23:59:59', -5), -100),
        // Tomorrow.
        transaction(newYork('2026-12-01T00:00:00', -5), -1000),
      ],
      { range: 30, bucket: 'day', now: NOW },
    );
    expect(summary.buckets[0]?.outPosted).toBe(10);
    expect(summary.buckets.at(-1)?.outPosted).toBe(100);
    expect(summary.totals.outPosted).toBe(110);
    expect(summary.totals.count).toBe(2);
  });

  it('puts late-evening purchases on the right day across the autumn clock change', () => {
    // New York falls back on Sunday 2026-11-01: that day has 25 hours.
    const summary = aggregateSpending(
      [
        // 23:30 EST on Nov 1st is 04:30Z on Nov 2nd.
        transaction(newYork('2026-11-01T23:30:00', -5), -300),
        // 00:30 EST on Nov 2nd.
        transaction(newYork('2026-11-02T00:30:00', -5), -500),
        // 01:30 happens twice on Nov 1st; both belong to Nov 1st.
        transaction(newYork('2026-11-01T01:30:00', -4), -7),
        transaction(newYork('2026-11-01T01:30:00', -5), -11),
      ],
      { range: 30, bucket: 'day', now: NOW },
    );
    expect(summary.buckets[0]).toMatchObject({ start: '2026-11-01', outPosted: 318 });
    expect(summary.buckets[1]).toMatchObject({ start: '2026-11-02', outPosted: 500 });
  });

  it('puts late-evening purchases on the right day across the spring clock change', () => {
    // New York springs forward on Sunday 2026-03-08: that day has 23 hours.
    const now = newYork('2026-03-20T12:00:00', -4);
    const summary = aggregateSpending(
      [
        transaction(newYork('2026-03-07T23:30:00', -5), -1),
        transaction(newYork('2026-03-08T01:59:59', -5), -20),
        transaction(newYork('2026-03-08T03:00:00', -4), -300),
        transaction(newYork('2026-03-08T23:30:00', -4), -4000),
        transaction(newYork('2026-03-09T00:10:00', -4), -50000),
      ],
      { range: 30, bucket: 'day', now },
    );
    const byDay = Object.fromEntries(summary.buckets.map((b) => [b.start, b.outPosted]));
    expect(byDay['2026-03-07']).toBe(1);
    expect(byDay['2026-03-08']).toBe(4320);
    expect(byDay['2026-03-09']).toBe(50000);
  });

  it('reads days in the time zone it is given', () => {
    // 03:00Z on Nov 15th is the evening of Nov 14th in New York.
    const at = Date.UTC(2026, 10, 15, 3) / 1000;
    const inNewYork = aggregateSpending([transaction(at, -100)], {
      range: 30,
      bucket: 'day',
      now: NOW,
    });
    const inUtc = aggregateSpending([transaction(at, -100)], {
      range: 30,
      bucket: 'day',
      now: NOW,
      timeZone: 'UTC',
    });
    expect(inNewYork.buckets.find((b) => b.outPosted > 0)?.start).toBe('2026-11-14');
    expect(inUtc.buckets.find((b) => b.outPosted > 0)?.start).toBe('2026-11-15');
  });

  it('decides what "today" is in the time zone, not in UTC', () => {
    // 02:00Z on Dec 1st is still Nov 30th in New York but Dec 1st in Berlin.
    const now = Date.UTC(2026, 11, 1, 2) / 1000;
    expect(aggregateSpending([], { range: 30, bucket: 'day', now }).range.to).toBe('2026-11-30');
    expect(
      aggregateSpending([], { range: 30, bucket: 'day', now, timeZone: 'Europe/Berlin' }).range.to,
    ).toBe('2026-12-01');
  });

  it('starts weeks on Sunday in English, the first week whole, the last one up to today', () => {
    // Wednesday 2026-11-25: the 30 days start on Tuesday 2026-10-27, so their week on Sunday.
    const now = newYork('2026-11-25T12:00:00', -5);
    const summary = aggregateSpending([], {
      range: 30,
      bucket: 'week',
      now,
      weekStartsOn: spendingWeekStart('en'),
    });
    expect(summary.range).toEqual({ from: '2026-10-25', to: '2026-11-25', days: 32 });
    expect(spans(summary.buckets)).toEqual([
      '2026-10-25..2026-10-31',
      '2026-11-01..2026-11-07',
      '2026-11-08..2026-11-14',
      '2026-11-15..2026-11-21',
      '2026-11-22..2026-11-25',
    ]);
  });

  it('starts weeks on Monday in German and French', () => {
    const now = newYork('2026-11-25T12:00:00', -5);
    const expected = [
      '2026-10-26..2026-11-01',
      '2026-11-02..2026-11-08',
      '2026-11-09..2026-11-15',
      '2026-11-16..2026-11-22',
      '2026-11-23..2026-11-25',
    ];
    expect(
      spans(
        aggregateSpending([], {
          range: 30,
          bucket: 'week',
          now,
          weekStartsOn: spendingWeekStart('de'),
        }).buckets,
      ),
    ).toEqual(expected);
    expect(
      spans(
        aggregateSpending([], {
          range: 30,
          bucket: 'week',
          now,
          weekStartsOn: spendingWeekStart('fr-CA'),
        }).buckets,
      ),
    ).toEqual(expected);
  });

  it('never draws a one-day first week, in any time zone', () => {
    // Sunday 2026-11-29, 23:30 UTC. Counted in New York or Honolulu, the 30 days start on
    // Saturday 2026-10-31 (a one-day week in English); in Berlin it is already Monday, so they
    // start on Sunday 2026-11-01 (a one-day week in German); in Tokyo too, a whole week in English.
    const instant = Date.parse('2026-11-29T23:30:00Z') / 1000;
    for (const [timeZone, locale, firstWeek] of [
      ['America/New_York', 'en', '2026-10-25..2026-10-31'],
      ['Pacific/Honolulu', 'en', '2026-10-25..2026-10-31'],
      ['Asia/Tokyo', 'en', '2026-11-01..2026-11-07'],
      ['Europe/Berlin', 'de', '2026-10-26..2026-11-01'],
    ] as const) {
      const summary = aggregateSpending([], {
        range: 30,
        bucket: 'week',
        now: instant,
        timeZone,
        weekStartsOn: spendingWeekStart(locale),
      });
      expect(spans(summary.buckets)[0], timeZone).toBe(firstWeek);
      const [first] = summary.buckets;
      const length = first ? (Date.parse(first.end) - Date.parse(first.start)) / 86_400_000 + 1 : 0;
      expect(length, timeZone).toBe(7);
      expect(summary.range.days, timeZone).toBeGreaterThanOrEqual(30);
      expect(
        Date.parse(summary.range.from) >=
          Date.parse(spendingWindowStart({ range: 30, now: instant, timeZone })),
        timeZone,
      ).toBe(true);
    }
  });

  it('leaves transfers between the user’s own accounts and card payments out of spending', () => {
    const at = newYork('2026-11-20T09:00:00', -5);
    const summary = aggregateSpending(
      [
        transaction(at, -300_00, { description: 'ONLINE TRANSFER TO SAVINGS XXXXXX4321' }),
        transaction(at, -612_00, { description: 'RWDS CARD PAYMENT 1881' }),
        transaction(at, 750_00, { description: 'ONLINE TRANSFER FROM CHECKING XXXXXX6789' }),
        transaction(at, -1_850_00, { description: 'OAKWOOD APARTMENTS RENT WEB PMT' }),
        transaction(at, -12_50, { description: 'STARBUCKS STORE 05812', status: 'pending' }),
      ],
      { range: 30, bucket: 'day', now: NOW, includeInflow: true },
    );
    expect(summary.totals).toMatchObject({ outPosted: 1_850_00, outPending: 12_50, inPosted: 0 });
    expect(summary.totals.count).toBe(2);
    expect(summary.excluded).toEqual({ count: 3, amount: 300_00 + 612_00 + 750_00 });
    expect(summary.pendingCount).toBe(1);
    expect(summary.topMerchants.map((m) => m.name)).not.toContain('Rwds Card Payment');
    expect(summary.topMerchants).toHaveLength(2);
  });

  it('sums each week into its bucket', () => {
    const now = newYork('2026-11-25T12:00:00', -5);
    const summary = aggregateSpending(
      [
        transaction(newYork('2026-10-31T20:00:00', -4), -100), // Saturday: first (clipped) week
        transaction(newYork('2026-11-01T08:00:00', -5), -200), // Sunday: second week
        transaction(newYork('2026-11-07T08:00:00', -5), -400, { status: 'pending' }),
      ],
      { range: 30, bucket: 'week', now },
    );
    expect(summary.buckets[0]).toMatchObject({ outPosted: 100, outPending: 0 });
    expect(summary.buckets[1]).toMatchObject({ outPosted: 200, outPending: 400 });
  });

  it('buckets by calendar month, clipping the first month to the range', () => {
    const summary = aggregateSpending(
      [
        transaction(newYork('2026-09-02T10:00:00', -4), -1),
        transaction(newYork('2026-09-30T22:00:00', -4), -2),
        transaction(newYork('2026-10-01T00:30:00', -4), -4),
        transaction(newYork('2026-10-31T23:00:00', -4), -8),
      ],
      { range: 90, bucket: 'month', now: NOW },
    );
    expect(summary.range).toEqual({ from: '2026-09-02', to: '2026-11-30', days: 90 });
    expect(summary.buckets).toEqual([
      {
        start: '2026-09-02',
        end: '2026-09-30',
        outPosted: 3,
        outPending: 0,
        inPosted: 0,
        inPending: 0,
      },
      {
        start: '2026-10-01',
        end: '2026-10-31',
        outPosted: 12,
        outPending: 0,
        inPosted: 0,
        inPending: 0,
      },
      {
        start: '2026-11-01',
        end: '2026-11-30',
        outPosted: 0,
        outPending: 0,
        inPosted: 0,
        inPending: 0,
      },
    ]);
  });

  it('knows February 29th in a leap year', () => {
    const now = newYork('2028-03-15T12:00:00', -4);
    const months = aggregateSpending([transaction(newYork('2028-02-29T12:00:00', -5), -2900)], {
      range: 180,
      bucket: 'month',
      now,
    });
    expect(months.range).toEqual({ from: '2027-09-18', to: '2028-03-15', days: 180 });
    expect(spans(months.buckets)).toEqual([
      '2027-09-18..2027-09-30',
      '2027-10-01..2027-10-31',
      '2027-11-01..2027-11-30',
      '2027-12-01..2027-12-31',
      '2028-01-01..2028-01-31',
      '2028-02-01..2028-02-29',
      '2028-03-01..2028-03-15',
    ]);
    expect(months.buckets[5]?.outPosted).toBe(2900);
    const days = aggregateSpending([], { range: 180, bucket: 'day', now });
    expect(days.buckets.map((b) => b.start)).toContain('2028-02-29');
    expect(days.buckets).toHaveLength(180);
  });

  it('keeps buckets contiguous for every range and size', () => {
    for (const range of [30, 90, 180] as const) {
      for (const bucket of ['day', 'week', 'month'] as const) {
        const { buckets, range: span } = aggregateSpending([], { range, bucket, now: NOW });
        expect(buckets[0]?.start).toBe(span.from);
        expect(buckets.at(-1)?.end).toBe(span.to);
        for (let i = 1; i < buckets.length; i += 1) {
          const previousEnd = Date.parse(buckets[i - 1]?.end ?? '');
          expect(Date.parse(buckets[i]?.start ?? '') - previousEnd, `${range} ${bucket}`).toBe(
            86_400_000,
          );
        }
      }
    }
  });

  it('ranks merchants by money out, posted plus pending, under their normalised names', () => {
    const day = newYork('2026-11-20T09:00:00', -5);
    const summary = aggregateSpending(
      [
        transaction(day, -5000, { description: 'WHOLE FOODS MKT #10234 SAN FRANCISCO CA' }),
        transaction(day, -3000, { description: 'WHOLEFDS MKT 10234', status: 'pending' }),
        transaction(day, -6000, { description: 'AMZN Mktp US*2K4L91' }),
        transaction(day, -500, { description: 'STARBUCKS STORE 05812' }),
        transaction(day, -500, { description: 'UBER *TRIP HELP.UBER.COM' }),
        transaction(day, -100_000, { description: 'AMAZON.COM*1A2B3C4D', status: 'void' }),
        transaction(day, -100, { description: 'SQ *BLUE BOTTLE' }),
      ],
      { range: 30, bucket: 'week', now: NOW, topMerchants: 4 },
    );
    expect(summary.topMerchants).toEqual([
      { name: 'Whole Foods Market', amount: 8000, count: 2 },
      { name: 'Amazon', amount: 6000, count: 1 },
      // Ties go by name.
      { name: 'Starbucks', amount: 500, count: 1 },
      { name: 'Uber', amount: 500, count: 1 },
    ]);
  });

  it('lists five merchants unless told otherwise', () => {
    const day = newYork('2026-11-20T09:00:00', -5);
    const distinct = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT'].map((name, i) =>
      transaction(day, -(i + 1) * 100, { description: name }),
    );
    const summary = aggregateSpending(distinct, { range: 30, bucket: 'day', now: NOW });
    expect(summary.topMerchants.map((m) => m.name)).toEqual([
      'Foxtrot',
      'Echo',
      'Delta',
      'Charlie',
      'Bravo',
    ]);
  });

  it('counts spending without a description but lists no nameless merchant', () => {
    const day = newYork('2026-11-20T09:00:00', -5);
    const summary = aggregateSpending(
      [transaction(day, -100, { description: '  ' }), transaction(day, -50)],
      { range: 30, bucket: 'day', now: NOW },
    );
    expect(summary.totals.outPosted).toBe(150);
    expect(summary.topMerchants).toEqual([{ name: 'Starbucks', amount: 50, count: 1 }]);
  });

  it('counts only the currency it is asked for', () => {
    const day = newYork('2026-11-20T09:00:00', -5);
    const summary = aggregateSpending(
      [transaction(day, -100), transaction(day, -200, { currency: 'eur' })],
      { range: 30, bucket: 'day', now: NOW, currency: 'USD' },
    );
    expect(summary.totals.outPosted).toBe(100);
  });

  it('refuses ranges, buckets and limits it does not know', () => {
    const options = { range: 30, bucket: 'day', now: NOW } as const;
    expect(() => aggregateSpending([], { ...options, range: 45 as 30 })).toThrow(RangeError);
    expect(() => aggregateSpending([], { ...options, bucket: 'year' as 'day' })).toThrow(
      RangeError,
    );
    expect(() => aggregateSpending([], { ...options, topMerchants: -1 })).toThrow(RangeError);
    expect(() => aggregateSpending([], { ...options, now: Number.NaN })).toThrow(RangeError);
    expect(() => aggregateSpending([], { ...options, timeZone: 'Mars/Olympus' })).toThrow(
      RangeError,
    );
  });

  it('sums 100,000 transactions into buckets that add up to the totals', () => {
    const descriptions = [
      'STARBUCKS STORE 05812',
      'WHOLEFDS MKT 10234',
      'UBER *TRIP',
      'SAFEWAY #1711',
    ];
    const transactions = Array.from({ length: 100_000 }, (_, i) =>
      transaction(NOW - (i % 200) * 86_400 - (i % 86_400), -(100 + (i % 900)), {
        description: descriptions[i % descriptions.length] ?? '',
        status: i % 10 === 0 ? 'pending' : 'posted',
      }),
    );
    // Speed is measured by bench/aggregate.bench.ts (`pnpm bench:core`), not asserted here.
    const summary = aggregateSpending(transactions, { range: 180, bucket: 'week', now: NOW });
    expect(summary.totals.count).toBeGreaterThan(85_000);
    const sum = (key: 'outPosted' | 'outPending'): number =>
      summary.buckets.reduce((total, b) => total + b[key], 0);
    expect(sum('outPosted')).toBe(summary.totals.outPosted);
    expect(sum('outPending')).toBe(summary.totals.outPending);
    expect(summary.totals.outPending).toBeGreaterThan(0);
  });
});
