/**
 * Top-up rules shared by the form (@purse/react), the server's validation (@purse/server) and
 * the sandbox's Stripe emulation (@purse/sandbox). Amounts are integer cents.
 */
import type { AccountBalance } from '../contract/types.js';

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
