import { describe, expect, it } from 'vitest';
import { TOP_UP_FAILURE_CODES, type TopUpFailureCode } from '../contract/types.js';
import { TOP_UP_FAILURE_INFO, failureAction, transferFailureAction } from './failure-info.js';
import { topUp } from './test-fixtures.js';

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

describe('failureAction', () => {
  it('offers one of the five actions for every failure code', () => {
    const actions = new Set(TOP_UP_FAILURE_CODES.map((code) => failureAction(code)));
    expect([...actions].sort()).toEqual([
      'choose_another_account',
      'contact_support',
      'link_account_again',
      'try_again',
      'try_smaller_amount',
    ]);
  });

  it('decides each code from what the bank said', () => {
    const codesFor = (action: string): string[] =>
      TOP_UP_FAILURE_CODES.filter((code) => failureAction(code) === action);
    // Gone or blocked for debits: another account.
    expect(codesFor('choose_another_account')).toEqual([
      'account_closed',
      'account_frozen',
      'bank_account_restricted',
      'invalid_currency',
    ]);
    // Not matched, or changed hands: link it again.
    expect(codesFor('link_account_again')).toEqual([
      'bank_ownership_changed',
      'invalid_account_number',
      'no_account',
    ]);
    // Refused as unauthorized, or the holder's details do not match: only the platform can help.
    expect(codesFor('contact_support')).toEqual([
      'debit_not_authorized',
      'incorrect_account_holder_address',
      'incorrect_account_holder_name',
      'incorrect_account_holder_tax_id',
    ]);
    expect(codesFor('try_smaller_amount')).toEqual(['insufficient_funds']);
    expect(codesFor('try_again')).toEqual(['other']);
  });

  it('treats a code this build does not know as `other`', () => {
    expect(failureAction('card_declined' as TopUpFailureCode)).toBe('try_again');
  });
});

describe('transferFailureAction', () => {
  it('follows the failure code of a failed top-up', () => {
    expect(
      transferFailureAction(
        topUp({ status: 'failed', failure: { code: 'insufficient_funds', message: 'x' } }),
      ),
    ).toBe('try_smaller_amount');
    expect(transferFailureAction(topUp({ status: 'failed', failure: null }))).toBe('try_again');
  });

  it('offers contact for a return, and nothing while the money can still stay', () => {
    expect(transferFailureAction(topUp({ status: 'succeeded', returned: true }))).toBe(
      'contact_support',
    );
    expect(transferFailureAction(topUp({ status: 'succeeded' }))).toBeNull();
    expect(transferFailureAction(topUp())).toBeNull();
    expect(transferFailureAction(topUp({ status: 'canceled' }))).toBeNull();
  });
});
