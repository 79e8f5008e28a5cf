import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from '../format/format-relative-time.js';
import { asOfTime } from './as-of.js';

const SERVER_NOW = Date.UTC(2026, 2, 10, 15, 0, 0) / 1000;

describe('asOfTime', () => {
  it('keeps a time in the past as it is', () => {
    expect(asOfTime({ at: SERVER_NOW - 120, now: SERVER_NOW })).toBe(SERVER_NOW - 120);
  });

  it('never says a balance is from the future when the browser’s clock runs behind', () => {
    // The server stamped the refresh at its now; the browser's estimate is 3 seconds slow.
    const skewedNow = SERVER_NOW - 3;
    const at = asOfTime({ at: SERVER_NOW, now: skewedNow });
    expect(at).toBe(skewedNow);
    expect(formatRelativeTime(at, { now: skewedNow, locale: 'en' })).toBe('now');
    expect(formatRelativeTime(SERVER_NOW, { now: skewedNow, locale: 'en' })).toBe('in 3 seconds');
  });
});
