import { describe, expect, it } from 'vitest';
import { formatSpendingAxis, formatSpendingTick } from './format-spending.js';

describe('formatSpendingTick', () => {
  it('names the day and month in the reader’s language, not a numeric date', () => {
    const bucket = { start: '2026-09-05' };
    expect(formatSpendingTick(bucket, 'week', { locale: 'en' })).toBe('Sep 5');
    expect(formatSpendingTick(bucket, 'day', { locale: 'de' })).toMatch(/^5\. Sep/);
    expect(formatSpendingTick(bucket, 'week', { locale: 'fr' })).toBe('5 sept.');
  });

  it('is the same calendar day in every time zone (the date is not an instant)', () => {
    // The runtime's zone never shifts it: formatting is pinned to UTC for a YYYY-MM-DD.
    expect(formatSpendingTick({ start: '2026-01-01' }, 'day', { locale: 'en' })).toBe('Jan 1');
    expect(formatSpendingTick({ start: '2026-12-31' }, 'day', { locale: 'en' })).toBe('Dec 31');
  });

  it('names the month for monthly bars', () => {
    expect(formatSpendingTick({ start: '2026-09-01' }, 'month', { locale: 'en' })).toBe('Sep');
    expect(formatSpendingTick({ start: '2026-09-01' }, 'month', { locale: 'fr' })).toBe('sept.');
  });
});

describe('axis amounts', () => {
  it('keep thousands separators when compact, in German too', () => {
    expect(formatSpendingAxis(1_000_00, { currency: 'usd', locale: 'de' })).toBe('1.000\u00a0$');
    expect(formatSpendingAxis(2_500_00, { currency: 'usd', locale: 'de' })).toBe('2.500\u00a0$');
    expect(formatSpendingAxis(1_000_00, { currency: 'usd', locale: 'en' })).toBe('$1K');
    // Currencies without minor units are not divided by 100.
    expect(formatSpendingAxis(1_500_000, { currency: 'jpy', locale: 'en' })).toBe('¥1.5M');
  });
});
