/**
 * The caller's linked accounts: list, read, refresh, transactions, subscription, disconnect.
 * Refresh requests are checked against the account first (status, permission, cooldown) and
 * answered without calling Stripe when they cannot start, so the UI gets a precise reason and
 * `retryAt` instead of a silent no-op.
 */
import {
  PurseError,
  type AccountList,
  type LinkedAccount,
  type TransactionPage,
  type TransactionQuery,
} from '@purse/core';
import type Stripe from 'stripe';
import { stripeCode, withClientParam } from '../http/stripe-errors.js';
import { assertIdPrefix, parseInput } from '../http/validate.js';
import { emptyInput, transactionQuery } from './input.js';
import { linkedAccountView, transactionView } from '../views.js';
import { accountHolderOf, fcRequestOptions, type OperationContext } from './context.js';
import { cached, fcScope } from './cached.js';
import { isHeldBy, ownedFcAccount } from './ownership.js';

type FcAccount = Stripe.FinancialConnections.Account;

/** Stripe's refusal to list transactions before a transaction refresh has succeeded. */
const NO_TRANSACTION_REFRESH_YET = 'financial_connections_no_successful_transaction_refresh';
type Feature = 'balance' | 'transactions';

export async function listAccounts(
  ctx: OperationContext,
  query: unknown = {},
): Promise<AccountList> {
  parseInput(emptyInput, query);
  return linkedAccounts(ctx);
}

/** The caller's linked accounts: one list call to Stripe, cached. */
function linkedAccounts(ctx: OperationContext): Promise<AccountList> {
  return cached(ctx, fcScope(ctx), 'accounts', async () => {
    const holder = accountHolderOf(ctx);
    const filter =
      holder.type === 'account' ? { account: holder.account } : { customer: holder.customer };
    const data: LinkedAccount[] = [];
    for await (const account of ctx.config.stripe.financialConnections.accounts.list(
      { account_holder: filter, limit: 100 },
      fcRequestOptions(ctx),
    )) {
      if (isHeldBy(ctx, account.account_holder)) data.push(linkedAccountView(account));
    }
    return { data };
  });
}

export async function getAccount(
  ctx: OperationContext,
  id: string,
  query: unknown = {},
): Promise<LinkedAccount> {
  parseInput(emptyInput, query);
  assertIdPrefix(id, 'fca_');
  return ownedLinkedAccount(ctx, id);
}

/**
 * With the cache on, one of the caller's accounts comes from their cached list (no call of its
 * own: the list only holds accounts proved to be theirs); without it, a retrieve proves it.
 */
async function ownedLinkedAccount(ctx: OperationContext, id: string): Promise<LinkedAccount> {
  const listed =
    ctx.config.cacheTtlMs > 0
      ? (await linkedAccounts(ctx)).data.find((account) => account.id === id)
      : undefined;
  return listed ?? linkedAccountView(await ownedFcAccount(ctx, id));
}

/** Why a refresh of `feature` cannot start now, or null. */
export function refreshBlocker(
  account: FcAccount,
  feature: Feature,
  now: number,
): PurseError | null {
  if (account.status === 'disconnected') {
    return new PurseError({
      code: 'account_disconnected',
      message: 'This account was disconnected; link it again to refresh it.',
    });
  }
  if (account.status !== 'active') {
    return new PurseError({
      code: 'account_inactive',
      message: 'This account is inactive; link it again to refresh it.',
    });
  }
  const permission = feature === 'balance' ? 'balances' : 'transactions';
  if (!(account.permissions ?? []).includes(permission)) {
    return new PurseError({
      code: 'permission_missing',
      message: `This account did not grant access to its ${feature === 'balance' ? 'balance' : 'transactions'}.`,
    });
  }
  const refresh = feature === 'balance' ? account.balance_refresh : account.transaction_refresh;
  if (refresh?.status === 'pending') {
    return new PurseError({
      code: 'refresh_not_available',
      message: 'A refresh is already in progress.',
    });
  }
  const next = refresh?.next_refresh_available_at;
  if (next && next > now) {
    return new PurseError({
      code: 'refresh_not_available',
      retryAt: next,
      message: 'This account was refreshed recently; try again when the cooldown ends.',
    });
  }
  return null;
}

async function startRefresh(
  ctx: OperationContext,
  id: string,
  feature: Feature,
): Promise<LinkedAccount> {
  const account = await ownedFcAccount(ctx, id);
  const blocker = refreshBlocker(account, feature, ctx.config.now());
  if (blocker) throw blocker;
  const refreshed = await ctx.config.stripe.financialConnections.accounts.refresh(
    id,
    { features: [feature] },
    fcRequestOptions(ctx),
  );
  return linkedAccountView(refreshed);
}

export async function refreshBalance(
  ctx: OperationContext,
  id: string,
  input: unknown = {},
): Promise<LinkedAccount> {
  parseInput(emptyInput, input);
  return startRefresh(ctx, id, 'balance');
}

export async function refreshTransactions(
  ctx: OperationContext,
  id: string,
  input: unknown = {},
): Promise<LinkedAccount> {
  parseInput(emptyInput, input);
  return startRefresh(ctx, id, 'transactions');
}

export async function setTransactionsSubscription(
  ctx: OperationContext,
  id: string,
  on: boolean,
  input: unknown = {},
): Promise<LinkedAccount> {
  parseInput(emptyInput, input);
  const account = await ownedFcAccount(ctx, id);
  const { stripe } = ctx.config;
  if (on) {
    if (account.status !== 'active') {
      throw new PurseError({
        code: account.status === 'disconnected' ? 'account_disconnected' : 'account_inactive',
        message: 'Only an active account can be subscribed to daily refreshes.',
      });
    }
    if (!(account.permissions ?? []).includes('transactions')) {
      throw new PurseError({
        code: 'permission_missing',
        message: 'This account did not grant access to its transactions.',
      });
    }
    if (account.subscriptions?.includes('transactions')) return linkedAccountView(account);
    return linkedAccountView(
      await stripe.financialConnections.accounts.subscribe(
        id,
        { features: ['transactions'] },
        fcRequestOptions(ctx),
      ),
    );
  }
  if (!account.subscriptions?.includes('transactions')) return linkedAccountView(account);
  return linkedAccountView(
    await stripe.financialConnections.accounts.unsubscribe(
      id,
      { features: ['transactions'] },
      fcRequestOptions(ctx),
    ),
  );
}

export async function disconnectAccount(
  ctx: OperationContext,
  id: string,
  input: unknown = {},
): Promise<LinkedAccount> {
  parseInput(emptyInput, input);
  const account = await ownedFcAccount(ctx, id);
  if (account.status === 'disconnected') return linkedAccountView(account);
  return linkedAccountView(
    await ctx.config.stripe.financialConnections.accounts.disconnect(id, {}, fcRequestOptions(ctx)),
  );
}

export async function listTransactions(
  ctx: OperationContext,
  id: string,
  input: TransactionQuery | Record<string, unknown> = {},
): Promise<TransactionPage> {
  const query = parseInput(transactionQuery, input);
  if (query.cursor !== undefined) assertIdPrefix(query.cursor, 'fctxn_', 'cursor');
  if (query.after !== undefined) assertIdPrefix(query.after, 'fctxnref_', 'after');
  return cached(ctx, fcScope(ctx), `transactions:${id}:${JSON.stringify(query)}`, async () => {
    assertIdPrefix(id, 'fca_');
    const account = await ownedLinkedAccount(ctx, id);
    if (!account.permissions.includes('transactions')) {
      throw new PurseError({
        code: 'permission_missing',
        message: 'This account did not grant access to its transactions.',
      });
    }
    const range: Stripe.RangeQueryParam = {};
    if (query.from !== undefined) range.gte = query.from;
    if (query.to !== undefined) range.lt = query.to;
    let page: Stripe.ApiList<Stripe.FinancialConnections.Transaction>;
    try {
      page = await listFromStripe(ctx, account.id, query, range);
    } catch (error) {
      // Stripe refuses the list until a transaction refresh has succeeded (right after linking,
      // or while the first refresh is pending or has failed): there are no transactions yet. The
      // account's `transactionRefresh` status tells the client why.
      if (stripeCode(error) === NO_TRANSACTION_REFRESH_YET)
        return { data: [], hasMore: false, nextCursor: null };
      throw error;
    }
    const last = page.data.at(-1);
    return {
      data: page.data.map(transactionView),
      hasMore: page.has_more,
      nextCursor: page.has_more && last ? last.id : null,
    };
  });
}

function listFromStripe(
  ctx: OperationContext,
  accountId: string,
  query: TransactionQuery,
  range: Stripe.RangeQueryParam,
): Promise<Stripe.ApiList<Stripe.FinancialConnections.Transaction>> {
  return ctx.config.stripe.financialConnections.transactions
    .list(
      {
        account: accountId,
        limit: query.limit ?? 100,
        ...(query.cursor === undefined ? {} : { starting_after: query.cursor }),
        ...(Object.keys(range).length > 0 ? { transacted_at: range } : {}),
        ...(query.after === undefined ? {} : { transaction_refresh: { after: query.after } }),
      },
      fcRequestOptions(ctx),
    )
    .catch((error: unknown) => {
      throw withClientParam(error, {
        starting_after: 'cursor',
        'transaction_refresh[after]': 'after',
      });
    });
}
