import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  calendarDateOf,
  isBankHoliday,
  isBusinessDay,
  toIsoDate,
  unixAt,
} from './business-days.js';

describe('the US banking calendar', () => {
  it('knows the Federal Reserve holidays of 2026, including observed Mondays', () => {
    const holidays = [
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ];
    for (const iso of holidays) {
      const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
      expect(isBankHoliday({ year, month, day }), iso).toBe(true);
    }
    // July 4th 2027 is a Sunday: observed Monday the 5th.
    expect(isBankHoliday({ year: 2027, month: 7, day: 5 })).toBe(true);
    // July 4th 2026 is a Saturday: the Fed does not move it to Friday.
    expect(isBankHoliday({ year: 2026, month: 7, day: 3 })).toBe(false);
    expect(isBankHoliday({ year: 2026, month: 3, day: 10 })).toBe(false);
  });

  it('skips weekends and Thanksgiving when counting business days', () => {
    // Wednesday 2026-11-25 + 2 business days: Thu 26 is Thanksgiving, so Fri 27 and Mon 30.
    expect(toIsoDate(addBusinessDays({ year: 2026, month: 11, day: 25 }, 2))).toBe('2026-11-30');
    // Friday + 1 business day is Monday.
    expect(toIsoDate(addBusinessDays({ year: 2026, month: 3, day: 13 }, 1))).toBe('2026-03-16');
    // A Saturday with 0 days moves to the next business day.
    expect(toIsoDate(addBusinessDays({ year: 2026, month: 3, day: 14 }, 0))).toBe('2026-03-16');
    expect(isBusinessDay({ year: 2026, month: 3, day: 14 })).toBe(false);
  });

  it('reads calendar dates and wall-clock times in New York, across daylight saving', () => {
    // 2026-03-10 03:00Z is still March 9th in New York.
    expect(toIsoDate(calendarDateOf(Date.UTC(2026, 2, 10, 3) / 1000))).toBe('2026-03-09');
    // 09:00 in New York is 13:00Z in summer (EDT) and 14:00Z in winter (EST).
    expect(unixAt({ year: 2026, month: 7, day: 1 }, { hour: 9 })).toBe(
      Date.UTC(2026, 6, 1, 13) / 1000,
    );
    expect(unixAt({ year: 2026, month: 1, day: 5 }, { hour: 9 })).toBe(
      Date.UTC(2026, 0, 5, 14) / 1000,
    );
  });
});
