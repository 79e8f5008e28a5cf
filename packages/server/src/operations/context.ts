/**
 * What every operation gets: the resolved configuration and the caller. Operations are plain
 * async functions of (context, input), so another framework could wrap them as easily as the
 * Express router does.
 */
import { PurseError } from '@purse/core';
import type Stripe from 'stripe';
import type { PurseUser, RouterConfig } from '../options.js';

export interface OperationContext {
  config: RouterConfig;
  user: PurseUser;
  /** The caller's IP and user agent, for the bank-debit mandate. */
  client: { ip: string | undefined; userAgent: string | undefined };
}

/** The user's connected account, required for anything on Treasury or account-held banks. */
export function connectedAccountOf(ctx: OperationContext): string {
  const accountId = ctx.user.accountId;
  if (!accountId) {
    throw new PurseError({
      code: 'feature_disabled',
      message:
        'This user has no connected account, so bank linking and top-ups are not available to them.',
    });
  }
  return accountId;
}

/** Request options for Financial Connections objects: they live where the holder lives. */
export function fcRequestOptions(ctx: OperationContext): Stripe.RequestOptions {
  return ctx.config.accountHolder === 'account' ? { stripeAccount: connectedAccountOf(ctx) } : {};
}

/** Request options for Treasury objects, on the user's connected account. */
export function treasuryRequestOptions(ctx: OperationContext): Stripe.RequestOptions {
  return { stripeAccount: connectedAccountOf(ctx) };
}

/** The Financial Connections `account_holder` for this user. */
export function accountHolderOf(
  ctx: OperationContext,
): { type: 'account'; account: string } | { type: 'customer'; customer: string } {
  if (ctx.config.accountHolder === 'account')
    return { type: 'account', account: connectedAccountOf(ctx) };
  const customer = ctx.user.customerId;
  if (!customer) {
    throw new PurseError({
      code: 'feature_disabled',
      message: 'This user has no Stripe customer, so bank linking is not available to them.',
    });
  }
  return { type: 'customer', customer };
}

export function notFound(what = 'object'): PurseError {
  return new PurseError({ code: 'resource_missing', message: `No such ${what}.` });
}
