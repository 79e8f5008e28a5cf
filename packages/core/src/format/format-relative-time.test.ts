import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './format-relative-time.js';

const NOW = Date.UTC(2026, 10, 30, 12) / 1000;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

describe('formatRelativeTime', () => {
  it('says how many minutes ago in each locale', () => {
    expect(formatRelativeTime(NOW - 2 * MINUTE, { now: NOW, locale: 'en' })).toBe('2 minutes ago');
    expect(formatRelativeTime(NOW - 2 * MINUTE, { now: NOW, locale: 'de' })).toBe('vor 2 Minuten');
    expect(formatRelativeTime(NOW - 2 * MINUTE, { now: NOW, locale: 'fr' })).toBe(
      'il y a 2 minutes',
    );
  });

  it('talks about the future too', () => {
    expect(formatRelativeTime(NOW + 30, { now: NOW })).toBe('in 30 seconds');
    expect(formatRelativeTime(NOW + 30, { now: NOW, locale: 'de' })).toBe('in 30 Sekunden');
    expect(formatRelativeTime(NOW + 3 * HOUR, { now: NOW, locale: 'fr' })).toBe('dans 3 heures');
  });

  it('picks the largest unit that fits', () => {
    const ago = (seconds: number): string => formatRelativeTime(NOW - seconds, { now: NOW });
    expect(ago(59)).toBe('59 seconds ago');
    expect(ago(MINUTE)).toBe('1 minute ago');
    expect(ago(59 * MINUTE)).toBe('59 minutes ago');
    expect(ago(HOUR)).toBe('1 hour ago');
    expect(ago(23 * HOUR)).toBe('23 hours ago');
    expect(ago(2 * DAY)).toBe('2 days ago');
    expect(ago(14 * DAY)).toBe('2 weeks ago');
    expect(ago(90 * DAY)).toBe('3 months ago');
    expect(ago(800 * DAY)).toBe('2 years ago');
  });

  it('never rounds up: 119 seconds ago is still one minute ago', () => {
    expect(formatRelativeTime(NOW - 119, { now: NOW })).toBe('1 minute ago');
    expect(formatRelativeTime(NOW - 13 * DAY, { now: NOW })).toBe('last week');
  });

  it('says now, yesterday and next week in words unless told to count', () => {
    expect(formatRelativeTime(NOW, { now: NOW })).toBe('now');
    expect(formatRelativeTime(NOW - 0.4, { now: NOW })).toBe('now');
    expect(formatRelativeTime(NOW - DAY, { now: NOW })).toBe('yesterday');
    expect(formatRelativeTime(NOW - DAY, { now: NOW, locale: 'de' })).toBe('gestern');
    expect(formatRelativeTime(NOW + 8 * DAY, { now: NOW })).toBe('next week');
    expect(formatRelativeTime(NOW - DAY, { now: NOW, numeric: 'always' })).toBe('1 day ago');
    expect(formatRelativeTime(NOW, { now: NOW, numeric: 'always' })).toBe('in 0 seconds');
  });
});
