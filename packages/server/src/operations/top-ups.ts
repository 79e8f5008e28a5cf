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
  type TopUpRequest,
  type TopUpSource,
  type TopUpSourceList,
} from '@purse/core';
import { spendableBalance } from '@purse/core';
import type Stripe from 'stripe';
import type { ResolvedTopUps } from '../options.js';
import { SAME_DAY_INELIGIBLE, stripeCode, withClientParam } from '../http/stripe-errors.js';
import { assertIdPrefix } from '../http/validate.js';
import { balanceView, topUpView } from '../views.js';
import { fcRequestOptions, treasuryRequestOptions, type OperationContext } from './context.js';
import { ownedFinancialAccount, ownedPaymentMethod, ownedTopUp } from './ownership.js';

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

export async function listTopUpSources(ctx: OperationContext): Promise<TopUpSourceList> {
  topUpsConfig(ctx);
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
      bankName: bank.bank_name,
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
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The source bank's available balance (else current) for the check, refreshing it first when
 * it is older than `balanceMaxAgeSeconds` and a refresh may start. Null when unknown.
 */
async function knownAvailable(
  ctx: OperationContext,
  topUps: ResolvedTopUps,
  fcAccountId: string,
): Promise<{ amount: number; currency: string } | null> {
  const { stripe } = ctx.config;
  const options = fcRequestOptions(ctx);
  let account = await stripe.financialConnections.accounts.retrieve(fcAccountId, {}, options);
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

function validateTopUp(topUps: ResolvedTopUps, input: TopUpRequest): void {
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

export async function createTopUp(
  ctx: OperationContext,
  input: TopUpRequest,
  idempotencyKey: string,
): Promise<TopUp> {
  const topUps = topUpsConfig(ctx);
  validateTopUp(topUps, input);
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

  let balanceWarning: TopUp['balanceWarning'] = null;
  const fcAccount = pm.us_bank_account?.financial_connections_account;
  if (topUps.balanceCheck !== 'off' && fcAccount) {
    const available = await knownAvailable(ctx, topUps, fcAccount);
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

export async function listTopUps(ctx: OperationContext, query: TopUpQuery): Promise<TopUpPage> {
  topUpsConfig(ctx);
  if (query.cursor !== undefined) assertIdPrefix(query.cursor, 'ibt_', 'cursor');
  const fa = await ownedFinancialAccount(ctx);
  const page = await ctx.config.stripe.treasury.inboundTransfers
    .list(
      {
        financial_account: fa.id,
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
}

export async function getTopUp(ctx: OperationContext, id: string): Promise<TopUp> {
  topUpsConfig(ctx);
  return topUpView(await ownedTopUp(ctx, id));
}

export async function cancelTopUp(ctx: OperationContext, id: string): Promise<TopUp> {
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
