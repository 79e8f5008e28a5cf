import { describe, expect, it } from 'vitest';
import { formatCountdown, formatDuration } from './format-countdown.js';

describe('formatCountdown', () => {
  it('shows minutes and seconds, and hours once there are any', () => {
    expect(formatCountdown(42)).toBe('0:42');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(300)).toBe('5:00');
    expect(formatCountdown(3599)).toBe('59:59');
    expect(formatCountdown(3909)).toBe('1:05:09');
    expect(formatCountdown(86_400)).toBe('24:00:00');
  });

  it('rounds fractions up so it reads 0:00 only when time is up', () => {
    expect(formatCountdown(0.2)).toBe('0:01');
    expect(formatCountdown(59.01)).toBe('1:00');
    expect(formatCountdown(0)).toBe('0:00');
  });

  it('shows 0:00 for time already past and for nonsense', () => {
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(Number.NaN)).toBe('0:00');
    expect(formatCountdown(Number.POSITIVE_INFINITY)).toBe('0:00');
  });

  it('looks the same in English, German and French', () => {
    for (const locale of ['en', 'de', 'fr']) {
      expect(formatCountdown(3909, { locale })).toBe('1:05:09');
    }
  });

  it('uses a locale’s own digits when it has them', () => {
    expect(formatCountdown(42, { locale: 'ar-EG' })).toBe('٠:٤٢');
  });
});

describe('formatDuration', () => {
  it('spells a duration out for screen readers', () => {
    expect(formatDuration(3909)).toBe('1 hour, 5 minutes, 9 seconds');
    expect(formatDuration(3909, { locale: 'de' })).toBe('1 Stunde, 5 Minuten und 9 Sekunden');
    expect(formatDuration(61, { locale: 'fr' })).toBe('1 minute et 1\u00a0seconde');
  });

  it('leaves out parts that are zero', () => {
    expect(formatDuration(300)).toBe('5 minutes');
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(3601)).toBe('1 hour, 1 second');
  });

  it('says zero seconds when no time is left', () => {
    expect(formatDuration(0)).toBe('0 seconds');
    expect(formatDuration(-3)).toBe('0 seconds');
  });

  it('has shorter styles', () => {
    expect(formatDuration(3909, { style: 'short' })).toBe('1 hr, 5 min, 9 sec');
    expect(formatDuration(3909, { style: 'narrow' })).toBe('1h 5m 9s');
  });
});
