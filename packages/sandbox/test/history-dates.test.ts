/**
 * The short-of-funds account's history on every start day of a year (issue 11, item 1): after
 * linking, its available balance (what an ACH debit meets) stays between $0 and $60 at every
 * moment it changes, so a larger top-up fails whatever the day. The persona suite checks the
 * same through stripe-node at fixed dates; this covers the calendar in between.
 */
import { describe, expect, it } from 'vitest';
import { AVAILABLE_CAP, generateHistory, pendingAt, postedBalanceAt } from '../src/fc/history.js';
import { findInstitution } from '../src/fc/institutions.js';

const DAY = 86_400;

describe('Thin Funds checking on any start day', () => {
  it('keeps its available balance within $0–$60 for four months after linking, linked on each day of a year', () => {
    const template = findInstitution('fcinst_thinfunds')?.accounts.find((a) => a.id === 'checking');
    if (!template) throw new Error('no template');
    const cap = AVAILABLE_CAP[template.history] ?? Number.NaN;
    expect(cap).toBe(60_00);
    const first = Date.parse('2026-11-01T19:00:00Z') / 1000;
    let worst = { low: Infinity, high: -Infinity };
    for (let day = 0; day < 366; day += 1) {
      const linkedAt = first + day * DAY + (day % 24) * 3600; // a different hour each day, too
      const { timeline, openingBalance } = generateHistory(
        'fcinst_thinfunds:checking',
        template,
        linkedAt,
      );
      const available = (at: number): number =>
        postedBalanceAt(timeline, openingBalance, at) + pendingAt(timeline, at);
      expect(available(linkedAt)).toBe(template.balanceAtLink);
      const moments = new Set<number>();
      for (const t of timeline) {
        if (t.transactedAt > linkedAt) moments.add(t.transactedAt);
        if (t.voidAt !== null && t.voidAt > linkedAt) moments.add(t.voidAt);
      }
      for (const at of moments) {
        const value = available(at);
        worst = { low: Math.min(worst.low, value), high: Math.max(worst.high, value) };
      }
    }
    expect(worst.low).toBeGreaterThanOrEqual(0);
    expect(worst.high).toBeLessThanOrEqual(cap);
  });
});
