import { afterEach, describe, expect, it } from 'vitest';
import { expectedArrivalDate, toIsoDate, unixAt } from './business-days.js';

const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Auckland', 'Europe/Berlin'];
const originalTz = process.env.TZ;

/** `expectedArrivalDate` at a New York wall-clock time, as `YYYY-MM-DD`. */
function arrival(iso: string, hour: number, sameDay = false): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return toIsoDate(expectedArrivalDate(unixAt({ year, month, day }, { hour }), { sameDay }));
}

describe('expectedArrivalDate', () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('gives the same dates whatever the machine’s time zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      // Thursday 2026-12-03, 11:00 in New York: submitted today, 2 business days on is Monday.
      expect(arrival('2026-12-03', 11), zone).toBe('2026-12-07');
      // After the 16:00 cutoff: submitted Friday, arrives Tuesday 8th.
      expect(arrival('2026-12-03', 17), zone).toBe('2026-12-08');
      // Same-day ACH before the cutoff arrives today; after it, the next business day.
      expect(arrival('2026-12-03', 11, true), zone).toBe('2026-12-03');
      expect(arrival('2026-12-04', 17, true), zone).toBe('2026-12-07');
    }
  });

  it('skips weekends and federal holidays', () => {
    // Saturday: submitted Monday 2026-12-21; +2 business days is Wednesday 23rd.
    expect(arrival('2026-12-19', 10)).toBe('2026-12-23');
    // Wednesday 2026-12-23: Thursday 24th, then Christmas (Friday) and the weekend: Monday 28th.
    expect(arrival('2026-12-23', 10)).toBe('2026-12-28');
    // Same-day on Thanksgiving (2026-11-26) waits for Friday.
    expect(arrival('2026-11-26', 9, true)).toBe('2026-11-27');
  });
});
