/** Top-ups in each state, for the transfer model's tests (not built into dist). */
import type { TopUp } from '../contract/types.js';

export const CREATED = 1_780_000_000;

/** A processing top-up created at `CREATED`, with `overrides`. */
export function topUp(overrides: Partial<TopUp> = {}): TopUp {
  return {
    id: 'ibt_1',
    amount: 25_00,
    currency: 'usd',
    status: 'processing',
    returned: false,
    cancelable: true,
    description: null,
    statementDescriptor: 'PURSE',
    failure: null,
    source: { bankName: 'StripeBank', last4: '6789' },
    created: CREATED,
    statusTransitions: { succeededAt: null, failedAt: null, canceledAt: null },
    expectedArrival: { earliest: '2026-06-01', latest: '2026-06-03' },
    receiptUrl: null,
    balanceWarning: null,
    sameDay: false,
    ...overrides,
  };
}

export const succeeded = (overrides: Partial<TopUp> = {}): TopUp =>
  topUp({
    status: 'succeeded',
    cancelable: false,
    statusTransitions: { succeededAt: CREATED + 200_000, failedAt: null, canceledAt: null },
    ...overrides,
  });

export const failed = (): TopUp =>
  topUp({
    status: 'failed',
    cancelable: false,
    failure: { code: 'insufficient_funds', message: 'Not enough money.' },
    statusTransitions: { succeededAt: null, failedAt: CREATED + 90_000, canceledAt: null },
  });
