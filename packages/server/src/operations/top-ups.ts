/**
 * Top-ups: InboundTransfers from the caller's linked bank into their FinancialAccount.
 *
 * Creation is validated field by field (amount bounds, currency, statement descriptor), the
 * source is proved to be the caller's inbound-capable bank, its Financial Connections balance
 * is checked (refreshed first when stale), and the transfer is created with an idempotency key
 * scoped to the caller, so double clicks and retries never move money twice.
 */
import {
  PurseError,
  type TopUp,
  type TopUpPage,
  type TopUpQuery,
  type TopUpSource,
  type TopUpSourceList,
} from '@purse/core';
import { spendableBalance } from '@purse/core';
import type Stripe from 'stripe';
import type { ResolvedTopUps } from '../options.js';
import { SAME_DAY_INELIGIBLE, stripeCode, withClientParam } from '../http/stripe-errors.js';
import { scopeIdempotencyKey } from '../http/idempotency.js';
import { runIdempotent } from '../store/run-idempotent.js';
import { assertIdPrefix, parseInput } from '../http/validate.js';
import { emptyInput, parseTopUpInput, topUpQuery, type TopUpInput } from './input.js';
import { balanceView, topUpView } from '../views.js';
import { fcRequestOptions, treasuryRequestOptions, type OperationContext } from './context.js';
import { cached, treasuryScope } from './cached.js';
import {
  ownedFinancialAccount,
  ownedFinancialAccountId,
  ownedPaymentMethod,
  ownedTopUp,
} from './ownership.js';

type FcAccount = Stripe.FinancialConnections.Account;

function topUpsConfig(ctx: OperationContext): ResolvedTopUps {
  const topUps = ctx.config.topUps;
  if (!topUps)
    throw new PurseError({
      code: 'feature_disabled',
      message: 'Top-ups are turned off on this server.',
    });
  return topUps;
}

/** PaymentMethods the caller set up for inbound flows (attach_to_self SetupIntents that succeeded). */
async function inboundPaymentMethodIds(ctx: OperationContext): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const intent of ctx.config.stripe.setupIntents.list(
    { attach_to_self: true, limit: 100 },
    treasuryRequestOptions(ctx),
  )) {
    const pm =
      typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    if (intent.status === 'succeeded' && pm && (intent.flow_directions ?? []).includes('inbound'))
      ids.add(pm);
  }
  return ids;
}

export async function listTopUpSources(
  ctx: OperationContext,
  query: unknown = {},
): Promise<TopUpSourceList> {
  parseInput(emptyInput, query);
  topUpsConfig(ctx);
  return cached(ctx, treasuryScope(ctx), 'top-up-sources', async () => {
    const { stripe } = ctx.config;
    const options = treasuryRequestOptions(ctx);
    const [inbound, methods, accounts] = await Promise.all([
      inboundPaymentMethodIds(ctx),
      (async () => {
        const list: Stripe.PaymentMethod[] = [];
        for await (const pm of stripe.paymentMethods.list(
          { type: 'us_bank_account', limit: 100 },
          options,
        ))
          list.push(pm);
        return list;
      })(),
      (async () => {
        const map = new Map<string, FcAccount>();
        for await (const account of stripe.financialConnections.accounts.list(
          { account_holder: { account: options.stripeAccount ?? '' }, limit: 100 },
          fcRequestOptions(ctx),
        )) {
          map.set(account.id, account);
        }
        return map;
      })(),
    ]);
    const seen = new Set<string>();
    const data: TopUpSource[] = [];
    for (const pm of methods) {
      const bank = pm.us_bank_account;
      if (!bank || !inbound.has(pm.id)) continue;
      // The same bank linked twice is one source.
      const identity = bank.fingerprint ?? pm.id;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const linked = bank.financial_connections_account
        ? accounts.get(bank.financial_connections_account)
        : undefined;
      if (linked?.status === 'disconnected') continue;
      data.push({
        id: pm.id,
        // The institution as the person knows it ("StripeBank"), not the ACH record's "STRIPEBANK".
        bankName: linked?.institution_name ?? bank.bank_name,
        accountName: linked?.display_name ?? null,
        last4: bank.last4,
        accountType:
          bank.account_type === 'checking'
            ? 'checking'
            : bank.account_type === 'savings'
              ? 'savings'
              : null,
        linkedAccountId: bank.financial_connections_account,
        balance: linked ? balanceView(linked.balance) : null,
      });
    }
    return { data };
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The source bank's available balance (else current) for the check, refreshing it first when
 * it is older than `balanceMaxAgeSeconds` and a refresh may start. Null when unknown.
 */
async function knownAvailable(
  ctx: OperationContext,
  topUps: ResolvedTopUps,
  linked: FcAccount,
): Promise<{ amount: number; currency: string } | null> {
  const { stripe } = ctx.config;
  const options = fcRequestOptions(ctx);
  const fcAccountId = linked.id;
  let account = linked;
  const now = ctx.config.now();
  const stale = !account.balance || account.balance.as_of < now - topUps.balanceMaxAgeSeconds;
  const refresh = account.balance_refresh;
  const canRefresh =
    account.status === 'active' &&
    (account.permissions ?? []).includes('balances') &&
    refresh?.status !== 'pending' &&
    !(refresh?.next_refresh_available_at && refresh.next_refresh_available_at > now);
  if (stale && canRefresh && topUps.balanceRefreshWaitMs > 0) {
    account = await stripe.financialConnections.accounts.refresh(
      fcAccountId,
      { features: ['balance'] },
      options,
    );
    const deadline = Date.now() + topUps.balanceRefreshWaitMs;
    while (account.balance_refresh?.status === 'pending' && Date.now() < deadline) {
      await sleep(250);
      account = await stripe.financialConnections.accounts.retrieve(fcAccountId, {}, options);
    }
  }
  const balance = balanceView(account.balance);
  if (!balance || balance.type !== 'cash') return null;
  return { amount: spendableBalance(balance) ?? balance.current, currency: balance.currency };
}

/**
 * The Financial Connections account behind a bank source, refused unless it is still linked and
 * active. Stripe itself still pulls from a payment method whose bank the user disconnected, and
 * the balance check has nothing to look at then, so without this the top-up would go through.
 */
async function usableLinkedAccount(ctx: OperationContext, fcAccountId: string): Promise<FcAccount> {
  const account = await ctx.config.stripe.financialConnections.accounts.retrieve(
    fcAccountId,
    {},
    fcRequestOptions(ctx),
  );
  if (account.status === 'disconnected') {
    throw new PurseError({
      code: 'account_disconnected',
      param: 'sourceId',
      message: 'This bank account was disconnected. Link it again or choose another.',
    });
  }
  if (account.status !== 'active') {
    throw new PurseError({
      code: 'account_inactive',
      param: 'sourceId',
      message: 'The connection to this bank account is inactive. Link it again.',
    });
  }
  return account;
}

/**
 * Refuses a new top-up while the user already has `maxOpen` in flight. Two requests racing may
 * both pass (the count is read, not locked): the cap bounds abuse, it is not an exact quota.
 */
async function assertOpenBelowCap(
  ctx: OperationContext,
  topUps: ResolvedTopUps,
  financialAccount: string,
): Promise<void> {
  const open = await ctx.config.stripe.treasury.inboundTransfers.list(
    { financial_account: financialAccount, status: 'processing', limit: topUps.maxOpen },
    treasuryRequestOptions(ctx),
  );
  if (open.data.length >= topUps.maxOpen) {
    throw new PurseError({
      code: 'too_many_open_top_ups',
      message: `You already have ${String(topUps.maxOpen)} top-ups in progress. Wait for one to finish, or cancel one, before starting another.`,
    });
  }
}

function validateTopUp(topUps: ResolvedTopUps, input: TopUpInput): void {
  if (input.amount < topUps.minAmount) {
    throw new PurseError({
      code: 'amount_too_small',
      param: 'amount',
      message: `The smallest top-up is ${String(topUps.minAmount)} cents.`,
    });
  }
  if (input.amount > topUps.maxAmount) {
    throw new PurseError({
      code: 'amount_too_large',
      param: 'amount',
      message: `The largest top-up is ${String(topUps.maxAmount)} cents.`,
    });
  }
  if (input.description !== undefined && input.description.length > topUps.maxDescriptionLength) {
    throw new PurseError({
      code: 'parameter_invalid',
      param: 'description',
      message: `The description can be at most ${String(topUps.maxDescriptionLength)} characters.`,
    });
  }
}

/** A stable identity for the caller, to scope idempotency keys. */
function callerKey(ctx: OperationContext): string {
  return `${ctx.user.accountId ?? ''}|${ctx.user.customerId ?? ''}`;
}

/**
 * Creates a top-up once per `idempotencyKey` (the client's, scoped to the caller here):
 * identical repeats share the first result, the same key with another body is a 400
 * `idempotency_key_reused`.
 */
export async function createTopUp(
  ctx: OperationContext,
  request: unknown,
  options: { idempotencyKey: string | undefined },
): Promise<TopUp> {
  const topUps = topUpsConfig(ctx);
  const input = parseTopUpInput(request);
  const key = scopeIdempotencyKey(options.idempotencyKey, callerKey(ctx));
  validateTopUp(topUps, input);
  return runIdempotent(ctx.config.store, { key, owner: callerKey(ctx), body: input }, () =>
    submitTopUp(ctx, topUps, input, key),
  );
}

async function submitTopUp(
  ctx: OperationContext,
  topUps: ResolvedTopUps,
  input: TopUpInput,
  idempotencyKey: string,
): Promise<TopUp> {
  assertIdPrefix(input.sourceId, 'pm_', 'sourceId');
  const sameDay = input.sameDay === true;
  if (sameDay && !topUps.sameDay) {
    throw new PurseError({
      code: 'same_day_unavailable',
      param: 'sameDay',
      message: 'Same-day top-ups are not offered here.',
    });
  }
  const { stripe } = ctx.config;
  const options = treasuryRequestOptions(ctx);
  const [fa, pm] = await Promise.all([
    ownedFinancialAccount(ctx),
    ownedPaymentMethod(ctx, input.sourceId),
  ]);
  if (pm.type !== 'us_bank_account') {
    throw new PurseError({
      code: 'source_unusable',
      param: 'sourceId',
      message: 'This top-up source is not a bank account.',
    });
  }
  if (fa.status !== 'open' || !(fa.active_features ?? []).includes('inbound_transfers.ach')) {
    throw new PurseError({
      code: 'source_unusable',
      message: 'This financial account cannot receive top-ups yet.',
    });
  }

  await assertOpenBelowCap(ctx, topUps, fa.id);

  let balanceWarning: TopUp['balanceWarning'] = null;
  const fcAccountId = pm.us_bank_account?.financial_connections_account;
  // A bank verified by microdeposits has no linked account to check; one linked through
  // Financial Connections must still be linked and usable.
  const linked = fcAccountId ? await usableLinkedAccount(ctx, fcAccountId) : null;
  if (topUps.balanceCheck !== 'off' && linked) {
    const available = await knownAvailable(ctx, topUps, linked);
    if (available && input.amount > available.amount) {
      if (topUps.balanceCheck === 'block') {
        throw new PurseError({
          code: 'balance_insufficient',
          param: 'amount',
          message: 'The amount is more than the bank account has available.',
        });
      }
      balanceWarning = { available: available.amount, currency: available.currency };
    }
  }

  const params = (
    submission: 'same_day' | 'standard',
  ): Stripe.Treasury.InboundTransferCreateParams => ({
    amount: input.amount,
    currency: 'usd',
    financial_account: fa.id,
    origin_payment_method: pm.id,
    ...(input.description ? { description: input.description } : {}),
    ...(input.statementDescriptor ? { statement_descriptor: input.statementDescriptor } : {}),
    metadata: { purse_same_day: String(submission === 'same_day') },
    // Same-day ACH is a Stripe preview, not in stripe-node's types.
    ...(submission === 'same_day'
      ? ({
          origin_payment_method_options: { us_bank_account: { ach: { submission: 'same_day' } } },
        } as object)
      : {}),
  });

  let transfer: Stripe.Treasury.InboundTransfer;
  try {
    transfer = await stripe.treasury.inboundTransfers.create(
      params(sameDay ? 'same_day' : 'standard'),
      { ...options, idempotencyKey },
    );
  } catch (error) {
    if (!sameDay || stripeCode(error) !== SAME_DAY_INELIGIBLE) throw error;
    if (!topUps.sameDayFallback) {
      throw new PurseError({
        code: 'same_day_unavailable',
        param: 'sameDay',
        message: 'This top-up cannot go same-day; try a standard top-up.',
      });
    }
    // Stripe's advice: retry as standard ACH (a new key: this is a different request).
    transfer = await stripe.treasury.inboundTransfers.create(params('standard'), {
      ...options,
      idempotencyKey: `${idempotencyKey}:standard`,
    });
  }
  return topUpView(transfer, { balanceWarning });
}

export async function listTopUps(
  ctx: OperationContext,
  input: TopUpQuery | Record<string, unknown> = {},
): Promise<TopUpPage> {
  topUpsConfig(ctx);
  const query = parseInput(topUpQuery, input);
  if (query.cursor !== undefined) assertIdPrefix(query.cursor, 'ibt_', 'cursor');
  return cached(ctx, treasuryScope(ctx), `top-ups:${JSON.stringify(query)}`, async () => {
    const financialAccount = await ownedFinancialAccountId(ctx);
    const page = await ctx.config.stripe.treasury.inboundTransfers
      .list(
        {
          financial_account: financialAccount,
          limit: query.limit ?? 20,
          ...(query.status ? { status: query.status } : {}),
          ...(query.cursor === undefined ? {} : { starting_after: query.cursor }),
        },
        treasuryRequestOptions(ctx),
      )
      .catch((error: unknown) => {
        throw withClientParam(error, { starting_after: 'cursor' });
      });
    const last = page.data.at(-1);
    return {
      data: page.data.map((t) => topUpView(t)),
      hasMore: page.has_more,
      nextCursor: page.has_more && last ? last.id : null,
    };
  });
}

export async function getTopUp(
  ctx: OperationContext,
  id: string,
  query: unknown = {},
): Promise<TopUp> {
  parseInput(emptyInput, query);
  topUpsConfig(ctx);
  assertIdPrefix(id, 'ibt_');
  return cached(ctx, treasuryScope(ctx), `top-up:${id}`, async () =>
    topUpView(await ownedTopUp(ctx, id)),
  );
}

export async function cancelTopUp(
  ctx: OperationContext,
  id: string,
  input: unknown = {},
): Promise<TopUp> {
  parseInput(emptyInput, input);
  topUpsConfig(ctx);
  const transfer = await ownedTopUp(ctx, id);
  if (!transfer.cancelable) {
    throw new PurseError({
      code: 'transfer_not_cancelable',
      message:
        'This top-up can no longer be canceled: it has already been sent to the bank or has finished.',
    });
  }
  const canceled = await ctx.config.stripe.treasury.inboundTransfers.cancel(
    id,
    {},
    treasuryRequestOptions(ctx),
  );
  return topUpView(canceled);
}
