/**
 * Shared set-up for the sandbox's own suite. Every helper talks to a started sandbox over HTTP:
 * Stripe's API through the real stripe-node client, `/_sandbox/*` through `fetch`.
 */
import Stripe from 'stripe';
import { expect } from 'vitest';
import type { Sandbox } from '../src/index.js';

/** A Tuesday, 11:00 in New York (EDT): a business day, before the ACH cutoff. */
export const TUESDAY = new Date('2026-03-10T15:00:00Z');
/** A Friday, 11:00 in New York: settlement has to skip the weekend. */
export const FRIDAY = new Date('2026-03-13T15:00:00Z');

export const DAY = 86_400;

export interface ControlResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls a `/_sandbox/*` endpoint with the secret key and a JSON body. */
export async function control<T = Record<string, unknown>>(
  sb: Sandbox,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: Record<string, unknown>,
  account?: string,
): Promise<ControlResponse<T>> {
  const response = await fetch(`${sb.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${sb.secretKey}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(account ? { 'Stripe-Account': account } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** What a rejected stripe-node call carries, for assertions on the wire error. */
export interface WireError {
  statusCode: number | undefined;
  type: string;
  rawType: string | undefined;
  code: string | undefined;
  param: string | undefined;
  message: string;
  requestId: string | undefined;
  headers: Record<string, string>;
  raw: Record<string, unknown>;
}

/** Awaits a stripe-node call that must fail and returns its error. */
export async function stripeError(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      return {
        statusCode: error.statusCode,
        type: error.type,
        rawType: error.rawType,
        code: error.code,
        param: error.param,
        message: error.message,
        requestId: error.requestId,
        headers: error.headers ?? {},
        raw: error.raw as Record<string, unknown>,
      };
    }
    throw error;
  }
  throw new Error('expected the Stripe call to fail, but it succeeded');
}

/** A connected account with the capabilities Treasury top-ups need. */
export async function connectedAccount(stripe: Stripe, name = 'Test Studio'): Promise<string> {
  const account = await stripe.accounts.create({
    type: 'custom',
    country: 'US',
    email: 'owner@example.com',
    business_type: 'individual',
    business_profile: { name },
    capabilities: {
      treasury: { requested: true },
      us_bank_account_ach_payments: { requested: true },
      transfers: { requested: true },
    },
  });
  return account.id;
}

/** A FinancialAccount on `account` with inbound transfers (and optionally platform review). */
export async function financialAccount(
  stripe: Stripe,
  account: string,
  options: { platformReview?: boolean; aba?: boolean } = {},
): Promise<Stripe.Treasury.FinancialAccount> {
  // `platform_review` is a preview parameter that stripe-node's types do not list.
  const features = {
    inbound_transfers: {
      ach: {
        requested: true,
        ...(options.platformReview ? { platform_review: { requested: true } } : {}),
      },
    },
    ...(options.aba ? { financial_addresses: { aba: { requested: true } } } : {}),
  } as Stripe.Treasury.FinancialAccountCreateParams.Features;
  return stripe.treasury.financialAccounts.create(
    { supported_currencies: ['usd'], features },
    { stripeAccount: account },
  );
}

/** An account with a FinancialAccount ready for top-ups. */
export async function treasuryUser(
  stripe: Stripe,
  options: { platformReview?: boolean } = {},
): Promise<{ account: string; fa: string }> {
  const account = await connectedAccount(stripe);
  const fa = await financialAccount(stripe, account, options);
  return { account, fa: fa.id };
}

export interface LinkOptions {
  account: string;
  institution: string;
  accounts: string[];
  permissions?: Stripe.FinancialConnections.SessionCreateParams.Permission[];
  prefetch?: Stripe.FinancialConnections.SessionCreateParams.Prefetch[];
}

/** Links test bank accounts for `account` the way the modal would; returns the FC accounts. */
export async function linkBank(
  sb: Sandbox,
  stripe: Stripe,
  options: LinkOptions,
): Promise<Stripe.FinancialConnections.Account[]> {
  const session = await stripe.financialConnections.sessions.create(
    {
      account_holder: { type: 'account', account: options.account },
      permissions: options.permissions ?? [
        'balances',
        'transactions',
        'payment_method',
        'ownership',
      ],
      ...(options.prefetch ? { prefetch: options.prefetch } : {}),
    },
    { stripeAccount: options.account },
  );
  const completed = await control<Stripe.FinancialConnections.Session>(
    sb,
    'POST',
    `/_sandbox/financial_connections/sessions/${session.id}/complete`,
    { institution: options.institution, accounts: options.accounts },
    options.account,
  );
  expect(completed.status).toBe(200);
  return completed.body.accounts.data;
}

/** A us_bank_account PaymentMethod set up for inbound flows from an FC account. */
export async function inboundPaymentMethod(
  stripe: Stripe,
  account: string,
  fcAccount: string,
): Promise<string> {
  const setupIntent = await stripe.setupIntents.create(
    {
      attach_to_self: true,
      flow_directions: ['inbound'],
      allowed_payment_method_types: ['us_bank_account'],
      payment_method_data: {
        type: 'us_bank_account',
        us_bank_account: { financial_connections_account: fcAccount },
        billing_details: { name: 'Jenny Rosen' },
      },
      confirm: true,
      mandate_data: {
        customer_acceptance: {
          type: 'online',
          online: { ip_address: '203.0.113.1', user_agent: 'vitest' },
        },
      },
    },
    { stripeAccount: account },
  );
  expect(setupIntent.status).toBe('succeeded');
  return setupIntent.payment_method as string;
}

/** Waits for a predicate to hold, polling every few milliseconds. */
export async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Sends a raw request to the sandbox (form-encoded when `form` is given). */
export async function raw(
  sb: Sandbox,
  method: string,
  path: string,
  options: { form?: string; headers?: Record<string, string>; key?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const key = options.key === undefined ? sb.secretKey : options.key;
  const response = await fetch(`${sb.url}${path}`, {
    method,
    headers: {
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      ...(options.form === undefined
        ? {}
        : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      ...options.headers,
    },
    ...(options.form === undefined ? {} : { body: options.form }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}
