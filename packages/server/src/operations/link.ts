/**
 * Linking bank accounts: a Financial Connections session for the caller (holder, permissions
 * and prefetch from the server's configuration only), then, after the modal, its accounts,
 * each checked to belong to the caller. When top-ups are on, each eligible account becomes an
 * inbound-capable us_bank_account PaymentMethod on the caller's connected account, once.
 */
import { PurseError, type LinkResult, type LinkSession } from '@purse/core';
import type Stripe from 'stripe';
import { assertIdPrefix, parseInput } from '../http/validate.js';
import { emptyInput } from './input.js';
import { isNotFound } from '../http/stripe-errors.js';
import { canFundTopUps, linkedAccountView } from '../views.js';
import {
  accountHolderOf,
  connectedAccountOf,
  fcRequestOptions,
  notFound,
  treasuryRequestOptions,
  type OperationContext,
} from './context.js';
import { isHeldBy } from './ownership.js';

export async function createLinkSession(
  ctx: OperationContext,
  input: unknown = {},
): Promise<LinkSession> {
  parseInput(emptyInput, input);
  const { config } = ctx;
  const session = await config.stripe.financialConnections.sessions.create(
    {
      account_holder: accountHolderOf(ctx),
      permissions: config.permissions,
      ...(config.prefetch.length > 0 ? { prefetch: config.prefetch } : {}),
    },
    fcRequestOptions(ctx),
  );
  if (!session.client_secret)
    throw new PurseError({
      code: 'internal_error',
      message: 'Stripe returned a session without a client secret.',
    });
  return { id: session.id, clientSecret: session.client_secret };
}

export async function completeLinkSession(
  ctx: OperationContext,
  sessionId: string,
  input: unknown = {},
): Promise<LinkResult> {
  parseInput(emptyInput, input);
  assertIdPrefix(sessionId, 'fcsess_');
  const { stripe } = ctx.config;
  let session: Stripe.FinancialConnections.Session;
  try {
    session = await stripe.financialConnections.sessions.retrieve(
      sessionId,
      {},
      fcRequestOptions(ctx),
    );
  } catch (error) {
    if (isNotFound(error)) throw notFound('link session');
    throw error;
  }
  if (!isHeldBy(ctx, session.account_holder)) throw notFound('link session');
  // The session's embedded list is capped; the accounts list by session pages through all.
  const accounts: Stripe.FinancialConnections.Account[] = [];
  for await (const account of stripe.financialConnections.accounts.list(
    { session: session.id, limit: 100 },
    fcRequestOptions(ctx),
  )) {
    if (isHeldBy(ctx, account.account_holder)) accounts.push(account);
  }
  const topUpSources = ctx.config.topUps ? await setUpTopUpSources(ctx, session.id, accounts) : [];
  return { accounts: accounts.map(linkedAccountView), topUpSources };
}

/**
 * Makes each eligible account an inbound top-up source, skipping banks that already have one
 * (linking the same account twice creates no duplicate). The SetupIntent's idempotency key is
 * derived from the session and account, so a retried completion cannot create two.
 */
async function setUpTopUpSources(
  ctx: OperationContext,
  sessionId: string,
  accounts: Stripe.FinancialConnections.Account[],
): Promise<string[]> {
  const eligible = accounts.filter(canFundTopUps);
  if (eligible.length === 0) return [];
  const { stripe } = ctx.config;
  const options = treasuryRequestOptions(ctx);
  const existing: Stripe.PaymentMethod[] = [];
  for await (const pm of stripe.paymentMethods.list(
    { type: 'us_bank_account', limit: 100 },
    options,
  ))
    existing.push(pm);
  const billingName = await billingNameOf(ctx);
  const ids: string[] = [];
  for (const account of eligible) {
    const duplicate = existing.find((pm) => {
      const bank = pm.us_bank_account;
      return (
        bank?.financial_connections_account === account.id ||
        (bank?.last4 === account.last4 &&
          bank.bank_name?.toLowerCase() === account.institution_name.toLowerCase())
      );
    });
    if (duplicate) {
      ids.push(duplicate.id);
      continue;
    }
    const intent = await stripe.setupIntents.create(
      {
        attach_to_self: true,
        flow_directions: ['inbound'],
        allowed_payment_method_types: ['us_bank_account'],
        payment_method_data: {
          type: 'us_bank_account',
          us_bank_account: { financial_connections_account: account.id },
          billing_details: {
            name: billingName,
            ...(ctx.user.email ? { email: ctx.user.email } : {}),
          },
        },
        confirm: true,
        mandate_data: {
          customer_acceptance: {
            type: 'online',
            online: {
              ip_address: ctx.client.ip ?? '0.0.0.0',
              user_agent: ctx.client.userAgent ?? 'unknown',
            },
          },
        },
      },
      { ...options, idempotencyKey: `purse-setup:${sessionId}:${account.id}` },
    );
    const pmId =
      typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    if (intent.status === 'succeeded' && pmId) ids.push(pmId);
    else
      ctx.config.logger.warn('a linked account could not become a top-up source', {
        account: account.id,
        status: intent.status,
      });
  }
  return ids;
}

async function billingNameOf(ctx: OperationContext): Promise<string> {
  if (ctx.user.name) return ctx.user.name;
  try {
    const account = await ctx.config.stripe.accounts.retrieve(connectedAccountOf(ctx));
    const name = account.business_profile?.name ?? account.email;
    if (name) return name;
  } catch (error) {
    ctx.config.logger.warn('could not read the connected account for a billing name', {
      error: String(error),
    });
  }
  return 'Account holder';
}
