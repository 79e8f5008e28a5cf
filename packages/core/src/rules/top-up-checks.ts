/**
 * The top-up form's checks (the source it starts on, an amount's limits and balance). Apart from
 * the constants in `top-up.ts` and exported from `@purse/core/top-up-form` only, and importing
 * types alone: a file that `@purse/core`'s main entry reaches is hoisted by esbuild into every
 * app's first load when a lazily loaded module uses it.
 */
import type { TopUpSource } from '../contract/types.js';
import type { TopUpAmountProblem, TopUpBalanceCheck } from './top-up.js';

/**
 * The source a form starts on: `preferred` when it is offered, else the first checking account
 * (people top up from checking; savings may limit withdrawals), else the first one.
 */
export function defaultTopUpSource(
  sources: readonly TopUpSource[],
  preferred?: string,
): TopUpSource | null {
  return (
    (preferred === undefined ? undefined : sources.find((s) => s.id === preferred)) ??
    sources.find((s) => s.accountType === 'checking') ??
    sources[0] ??
    null
  );
}

export interface TopUpAmountCheck {
  /** The amount cannot be sent as it is. */
  problem: TopUpAmountProblem | null;
  /** With `warn`: the amount is more than this known available balance (the person must accept). */
  overBalance: number | null;
}

/** The limits and the balance check for one amount (the server checks the same limits again). */
export function checkTopUpAmount(options: {
  amount: number;
  /** What the chosen source can give (`sourceAvailable(source)`), null when unknown. */
  available: number | null;
  /** The smallest top-up (`topUpLimits(…).minAmount`). */
  minAmount: number;
  /** The largest top-up (`topUpLimits(…).maxAmount`). */
  maxAmount: number;
  /** @default 'warn' */
  balanceCheck?: TopUpBalanceCheck | undefined;
}): TopUpAmountCheck {
  const { amount, available, minAmount: min, maxAmount: max } = options;
  const check = options.balanceCheck ?? 'warn';
  if (amount < min) return { problem: { code: 'amount_too_small', min }, overBalance: null };
  if (amount > max) return { problem: { code: 'amount_too_large', max }, overBalance: null };
  if (available === null || amount <= available || check === 'off')
    return { problem: null, overBalance: null };
  return check === 'block'
    ? { problem: { code: 'amount_over_balance', available }, overBalance: null }
    : { problem: null, overBalance: available };
}
