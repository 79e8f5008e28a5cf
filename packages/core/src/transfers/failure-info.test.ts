import { describe, expect, it } from 'vitest';
import { TOP_UP_FAILURE_CODES } from '../contract/types.js';
import { TOP_UP_FAILURE_INFO } from './failure-info.js';

describe('TOP_UP_FAILURE_INFO', () => {
  it('explains every failure code Stripe sends, and nothing else', () => {
    expect(Object.keys(TOP_UP_FAILURE_INFO).sort()).toEqual([...TOP_UP_FAILURE_CODES].sort());
    expect(TOP_UP_FAILURE_CODES).toHaveLength(13);
  });

  it('says what went wrong and what to do in whole sentences', () => {
    for (const code of TOP_UP_FAILURE_CODES) {
      const { message, nextStep } = TOP_UP_FAILURE_INFO[code];
      expect(message, code).toMatch(/^[A-Z].*\.$/);
      expect(nextStep, code).toMatch(/^[A-Z].*\.$/);
      expect(message, code).not.toMatch(/_/);
    }
  });

  it('tells someone without enough money to add some or top up less', () => {
    expect(TOP_UP_FAILURE_INFO.insufficient_funds).toEqual({
      message: 'Your bank account didn’t have enough money for this top-up.',
      nextStep: 'Add money to that account or try a smaller amount, then top up again.',
    });
  });

  it('gives each code its own message', () => {
    const messages = new Set(TOP_UP_FAILURE_CODES.map((code) => TOP_UP_FAILURE_INFO[code].message));
    expect(messages.size).toBe(13);
  });
});
