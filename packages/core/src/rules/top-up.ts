/**
 * Top-up rules shared by the form (@purse/react), the server's validation (@purse/server) and
 * the sandbox's Stripe emulation (@purse/sandbox). Amounts are integer cents.
 */
import type { AccountBalance, TopUpSource } from '../contract/types.js';

/** The server's default smallest top-up (`topUps.minAmount`), in cents. */
export const DEFAULT_TOP_UP_MIN_AMOUNT = 100;
/** The server's default largest top-up (`topUps.maxAmount`), in cents: $10,000.00. */
export const DEFAULT_TOP_UP_MAX_AMOUNT = 1_000_000;
/** The longest description a top-up form offers. */
export const TOP_UP_DESCRIPTION_MAX_LENGTH = 140;
/** Top-ups are in US dollars (Treasury InboundTransfers support only `usd`). */
export const TOP_UP_CURRENCY = 'usd';

/** Stripe's statement descriptor charset: letters, digits, spaces and `- # . $ & *`. */
export const STATEMENT_DESCRIPTOR_CHARSET: RegExp = /^[A-Za-z0-9 \-#.$&*]*$/;
/** The longest statement descriptor Stripe accepts for an InboundTransfer. */
export const STATEMENT_DESCRIPTOR_MAX_LENGTH = 10;
/** A complete valid descriptor: the charset, 1 to 10 characters. */
export const STATEMENT_DESCRIPTOR: RegExp = /^[A-Za-z0-9 \-#.$&*]{1,10}$/;

/**
 * What can be spent from a cash balance: `available`, else `current` (banks that report only
 * `current`). Null for a credit balance or none.
 */
export function spendableBalance(balance: AccountBalance | null | undefined): number | null {
  if (balance?.type !== 'cash') return null;
  return balance.available ?? balance.current;
}

/** What can be taken from a top-up source: available, else current; null when unknown or not USD. */
export function sourceAvailable(source: TopUpSource | null | undefined): number | null {
  const balance = source?.balance;
  if (balance?.type !== 'cash' || balance.currency.toLowerCase() !== TOP_UP_CURRENCY) return null;
  return spendableBalance(balance);
}

/**
 * What to do when the amount is more than the chosen bank's known available balance:
 * `warn` asks the person to acknowledge the risk, `block` refuses, `off` says nothing.
 */
export type TopUpBalanceCheck = 'warn' | 'block' | 'off';

/** Why a top-up amount cannot be sent; views turn it into words. Amounts are in cents. */
export type TopUpAmountProblem =
  | { code: 'amount_too_small'; min: number }
  | { code: 'amount_too_large'; max: number }
  | { code: 'amount_over_balance'; available: number };

/** The limits a form and the server apply: the given ones, else the defaults, in cents. */
export function topUpLimits(options: {
  /** @default DEFAULT_TOP_UP_MIN_AMOUNT */
  minAmount?: number | undefined;
  /** @default DEFAULT_TOP_UP_MAX_AMOUNT */
  maxAmount?: number | undefined;
}): { minAmount: number; maxAmount: number } {
  return {
    minAmount: options.minAmount ?? DEFAULT_TOP_UP_MIN_AMOUNT,
    maxAmount: options.maxAmount ?? DEFAULT_TOP_UP_MAX_AMOUNT,
  };
}
