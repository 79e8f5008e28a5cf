/**
 * Proofs of ownership. Every id from a request is checked against the caller before it is
 * used: it must exist where the caller's objects live (their connected account) and point back
 * to them. A foreign id gets the same 404 as a missing one, so ids cannot be probed.
 */
import type Stripe from 'stripe';
import { assertIdPrefix } from '../http/validate.js';
import { isNotFound } from '../http/stripe-errors.js';
import {
  accountHolderOf,
  fcRequestOptions,
  notFound,
  treasuryRequestOptions,
  type OperationContext,
} from './context.js';
import { PurseError, type FinancialAccountView } from '@purse/core';
import { financialAccountView } from '../views.js';
import { cached, treasuryScope } from './cached.js';

async function orNotFound<T>(promise: Promise<T>, what: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error)) throw notFound(what);
    throw error;
  }
}

/** The caller's linked FC account `id`, or 404. */
export async function ownedFcAccount(
  ctx: OperationContext,
  id: string,
): Promise<Stripe.FinancialConnections.Account> {
  assertIdPrefix(id, 'fca_');
  const account = await orNotFound(
    ctx.config.stripe.financialConnections.accounts.retrieve(id, {}, fcRequestOptions(ctx)),
    'linked account',
  );
  if (!isHeldBy(ctx, account.account_holder)) throw notFound('linked account');
  return account;
}

export function isHeldBy(
  ctx: OperationContext,
  holder:
    | Stripe.FinancialConnections.Account['account_holder']
    | Stripe.FinancialConnections.Session['account_holder'],
): boolean {
  const expected = accountHolderOf(ctx);
  if (!holder || holder.type !== expected.type) return false;
  const actual = expected.type === 'account' ? holder.account : holder.customer;
  const actualId = typeof actual === 'string' ? actual : actual?.id;
  return actualId === (expected.type === 'account' ? expected.account : expected.customer);
}

/** The caller's FinancialAccount: the one `resolveUser` named, else their first open one. */
export async function ownedFinancialAccount(
  ctx: OperationContext,
  expand: string[] = [],
): Promise<Stripe.Treasury.FinancialAccount> {
  const options = treasuryRequestOptions(ctx);
  const stripe = ctx.config.stripe;
  const id = ctx.user.financialAccountId;
  if (id) {
    try {
      return await stripe.treasury.financialAccounts.retrieve(
        id,
        expand.length ? { expand } : {},
        options,
      );
    } catch (error) {
      if (isNotFound(error)) throw missingFinancialAccount();
      throw error;
    }
  }
  const list = await stripe.treasury.financialAccounts.list({ status: 'open', limit: 1 }, options);
  const first = list.data[0];
  if (!first) throw missingFinancialAccount();
  return expand.length
    ? stripe.treasury.financialAccounts.retrieve(first.id, { expand }, options)
    : first;
}

/** The caller's FinancialAccount as the browser sees it (no account number), cached. */
export function ownedFinancialAccountView(ctx: OperationContext): Promise<FinancialAccountView> {
  return cached(ctx, treasuryScope(ctx), 'financial-account', async () =>
    financialAccountView(await ownedFinancialAccount(ctx)),
  );
}

/** The id of the caller's FinancialAccount, for reads that need only that: from the same entry. */
export async function ownedFinancialAccountId(ctx: OperationContext): Promise<string> {
  return (await ownedFinancialAccountView(ctx)).id;
}

function missingFinancialAccount(): PurseError {
  return new PurseError({
    code: 'financial_account_missing',
    message: 'This user has no open financial account.',
  });
}

/**
 * The caller's top-up `id` (an InboundTransfer into their FinancialAccount), or 404. The
 * transfer and the account are read in parallel: one round trip to Stripe, not two.
 */
export async function ownedTopUp(
  ctx: OperationContext,
  id: string,
): Promise<Stripe.Treasury.InboundTransfer> {
  assertIdPrefix(id, 'ibt_');
  const [financialAccount, transfer] = await Promise.all([
    ownedFinancialAccountId(ctx),
    orNotFound(
      ctx.config.stripe.treasury.inboundTransfers.retrieve(id, {}, treasuryRequestOptions(ctx)),
      'top-up',
    ),
  ]);
  if (transfer.financial_account !== financialAccount) throw notFound('top-up');
  return transfer;
}

/** A PaymentMethod on the caller's connected account, or 404. */
export async function ownedPaymentMethod(
  ctx: OperationContext,
  id: string,
): Promise<Stripe.PaymentMethod> {
  assertIdPrefix(id, 'pm_', 'sourceId');
  try {
    return await ctx.config.stripe.paymentMethods.retrieve(id, {}, treasuryRequestOptions(ctx));
  } catch (error) {
    if (isNotFound(error))
      throw new PurseError({
        code: 'resource_missing',
        param: 'sourceId',
        message: 'No such top-up source.',
      });
    throw error;
  }
}
