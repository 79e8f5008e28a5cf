import { describe, expect, it } from 'vitest';
import { createDayIndexer, isoOfEpochDay, offsetAt, weekdayOfEpochDay } from './zone-calendar.js';

describe('createDayIndexer', () => {
  it('agrees with Intl on the calendar day of every moment of a year, in zones with odd DST', () => {
    const zones = [
      'America/New_York',
      // Chile and Lebanon change their clocks at midnight, so some days start at 01:00.
      'America/Santiago',
      'Asia/Beirut',
      // Half-hour offsets and a half-hour DST shift.
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'America/St_Johns',
      'Pacific/Chatham',
      'UTC',
    ];
    const from = Date.UTC(2026, 0, 1) / 1000;
    const to = Date.UTC(2027, 0, 1) / 1000;
    for (const timeZone of zones) {
      const calendar = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      const indexer = createDayIndexer(timeZone, from, to);
      const mismatches: string[] = [];
      // Every 20 minutes and 7 seconds: hits every hour of the day over the year.
      for (let at = from; at < to; at += 1207) {
        const expected = calendar.format(at * 1000);
        const actual = isoOfEpochDay(indexer.dayOf(at));
        if (actual !== expected) mismatches.push(`${String(at)}: ${actual} ≠ ${expected}`);
      }
      expect(mismatches, timeZone).toEqual([]);
    }
  });

  it('finds the exact second New York changes its clocks', () => {
    const indexer = createDayIndexer(
      'America/New_York',
      Date.UTC(2026, 2, 1) / 1000,
      Date.UTC(2026, 2, 31) / 1000,
    );
    // Sunday 2026-03-08 02:00 EST = 07:00Z: one second earlier it is 01:59:59 EST on the 8th.
    const change = Date.UTC(2026, 2, 8, 7) / 1000;
    expect(isoOfEpochDay(indexer.dayOf(change - 1))).toBe('2026-03-08');
    // 23:59:59 EDT on the 8th is 03:59:59Z on the 9th.
    expect(isoOfEpochDay(indexer.dayOf(Date.UTC(2026, 2, 9, 3, 59, 59) / 1000))).toBe('2026-03-08');
    expect(isoOfEpochDay(indexer.dayOf(Date.UTC(2026, 2, 9, 4) / 1000))).toBe('2026-03-09');
  });
});

describe('offsetAt', () => {
  it('gives the offset from UTC in seconds, east positive', () => {
    expect(offsetAt('America/New_York', Date.UTC(2026, 0, 15) / 1000)).toBe(-5 * 3600);
    expect(offsetAt('America/New_York', Date.UTC(2026, 6, 15) / 1000)).toBe(-4 * 3600);
    expect(offsetAt('Asia/Kolkata', Date.UTC(2026, 0, 15) / 1000)).toBe(5.5 * 3600);
  });
});

describe('weekdayOfEpochDay', () => {
  it('counts from Sunday', () => {
    expect(weekdayOfEpochDay(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOfEpochDay(Date.UTC(2026, 10, 29) / 86_400_000)).toBe(0);
    expect(weekdayOfEpochDay(-1)).toBe(3);
  });
});
