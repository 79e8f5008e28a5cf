import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate, formatIsoDateRange } from './format-date.js';

// 2026-11-30 15:05 UTC = 10:05 in New York (EST), a Monday.
const MONDAY_AFTERNOON_UTC = Date.UTC(2026, 10, 30, 15, 5) / 1000;
const NEW_YORK = 'America/New_York';

describe('formatDate', () => {
  it('writes a medium date in each locale by default', () => {
    const at = MONDAY_AFTERNOON_UTC;
    expect(formatDate(at, { locale: 'en', timeZone: NEW_YORK })).toBe('Nov 30, 2026');
    expect(formatDate(at, { locale: 'de', timeZone: NEW_YORK })).toBe('30.11.2026');
    expect(formatDate(at, { locale: 'fr', timeZone: NEW_YORK })).toBe('30 nov. 2026');
  });

  it('writes short and long dates', () => {
    const at = MONDAY_AFTERNOON_UTC;
    expect(formatDate(at, { style: 'short', timeZone: NEW_YORK })).toBe('11/30/26');
    expect(formatDate(at, { style: 'long', timeZone: NEW_YORK })).toBe('November 30, 2026');
    expect(formatDate(at, { locale: 'de', style: 'short', timeZone: NEW_YORK })).toBe('30.11.26');
    expect(formatDate(at, { locale: 'de', style: 'long', timeZone: NEW_YORK })).toBe(
      '30. November 2026',
    );
    expect(formatDate(at, { locale: 'fr', style: 'long', timeZone: NEW_YORK })).toBe(
      '30 novembre 2026',
    );
  });

  it('shows the calendar date of the time zone asked for', () => {
    // 03:00 UTC on December 1st is still November 30th in New York.
    const lateEvening = Date.UTC(2026, 11, 1, 3) / 1000;
    expect(formatDate(lateEvening, { timeZone: NEW_YORK })).toBe('Nov 30, 2026');
    expect(formatDate(lateEvening, { timeZone: 'Europe/Berlin' })).toBe('Dec 1, 2026');
  });
});

describe('formatDateTime', () => {
  it('adds hours and minutes in the locale’s clock', () => {
    const at = MONDAY_AFTERNOON_UTC;
    expect(formatDateTime(at, { locale: 'en', timeZone: NEW_YORK })).toBe('Nov 30, 2026, 10:05 AM');
    expect(formatDateTime(at, { locale: 'de', timeZone: NEW_YORK })).toBe('30.11.2026, 10:05');
    expect(formatDateTime(at, { locale: 'fr', timeZone: NEW_YORK })).toBe('30 nov. 2026, 10:05');
    expect(formatDateTime(at, { locale: 'de', style: 'long', timeZone: 'UTC' })).toBe(
      '30. November 2026 um 15:05',
    );
  });

  it('follows daylight saving time', () => {
    // 14:00 UTC is 10:00 in New York in summer (EDT) and 09:00 in winter (EST).
    expect(formatDateTime(Date.UTC(2026, 6, 1, 14) / 1000, { timeZone: NEW_YORK })).toBe(
      'Jul 1, 2026, 10:00 AM',
    );
    expect(formatDateTime(Date.UTC(2026, 0, 5, 14) / 1000, { timeZone: NEW_YORK })).toBe(
      'Jan 5, 2026, 9:00 AM',
    );
  });
});

describe('formatIsoDate', () => {
  it('shows the same calendar date in every locale, with no time zone shift', () => {
    expect(formatIsoDate('2026-11-30', { locale: 'en' })).toBe('Nov 30, 2026');
    expect(formatIsoDate('2026-11-30', { locale: 'de' })).toBe('30.11.2026');
    expect(formatIsoDate('2026-11-30', { locale: 'fr', style: 'long' })).toBe('30 novembre 2026');
    expect(formatIsoDate('2026-01-01')).toBe('Jan 1, 2026');
  });

  it('knows leap days', () => {
    expect(formatIsoDate('2028-02-29', { style: 'long' })).toBe('February 29, 2028');
  });

  it('refuses dates that do not exist or are not YYYY-MM-DD', () => {
    expect(() => formatIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatIsoDate('2027-02-29')).toThrow(RangeError);
    expect(() => formatIsoDate('2026-11-30T00:00:00Z')).toThrow(RangeError);
    expect(() => formatIsoDate('11/30/2026')).toThrow(RangeError);
  });
});

describe('formatIsoDateRange', () => {
  it('shares the month and year two dates have in common', () => {
    expect(formatIsoDateRange('2026-11-01', '2026-11-07')).toBe('Nov 1\u2009–\u20097, 2026');
    expect(formatIsoDateRange('2026-10-27', '2026-11-02')).toBe('Oct 27\u2009–\u2009Nov 2, 2026');
    expect(formatIsoDateRange('2026-11-01', '2026-11-07', { locale: 'de' })).toBe('01.–07.11.2026');
    expect(formatIsoDateRange('2026-11-01', '2026-11-07', { locale: 'fr' })).toBe('1–7 nov. 2026');
  });

  it('writes a one-day range as that day', () => {
    expect(formatIsoDateRange('2026-11-01', '2026-11-01')).toBe('Nov 1, 2026');
  });
});
