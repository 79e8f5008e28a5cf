/**
 * The sandbox's own endpoints under `/_sandbox/`: the clock, reset and seeds, the test banks,
 * injected faults, the request log, and the browser stand-in's session endpoints.
 */
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SeedManifest } from '../src/index.js';
import { connectedAccount, control, DAY, linkBank, raw, stripeError, TUESDAY } from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

afterEach(async () => {
  await control(sb, 'DELETE', '/_sandbox/faults');
});

afterAll(async () => {
  await sb.close();
});

describe('clock', () => {
  it('reports the frozen virtual time and moves it by seconds or to a time, never back', async () => {
    const clock = await control<{ now: number; speed: number; pending_tasks: number }>(
      sb,
      'GET',
      '/_sandbox/clock',
    );
    expect(clock.body.speed).toBe(0);
    expect(clock.body.now).toBe(sb.clock.now());
    const start = clock.body.now;

    const moved = await control<{ now: number }>(sb, 'POST', '/_sandbox/clock/advance', {
      seconds: 90,
    });
    expect(moved.body.now).toBe(start + 90);
    const jumped = await control<{ now: number }>(sb, 'POST', '/_sandbox/clock/advance', {
      to: start + DAY,
    });
    expect(jumped.body.now).toBe(start + DAY);
    expect(sb.clock.now()).toBe(start + DAY);

    const back = await control<{ error: { param: string } }>(
      sb,
      'POST',
      '/_sandbox/clock/advance',
      {
        to: start,
      },
    );
    expect(back.status).toBe(400);
    expect(back.body.error.param).toBe('to');
    const nothing = await control(sb, 'POST', '/_sandbox/clock/advance', {});
    expect(nothing.status).toBe(400);
    const negative = await control(sb, 'POST', '/_sandbox/clock/advance', { seconds: -5 });
    expect(negative.status).toBe(400);
  });

  it('runs a running clock on its own at speed > 0', async () => {
    const fast = await startSandbox({ speed: 600, startAt: TUESDAY });
    try {
      const client = fast.stripe({ maxNetworkRetries: 0 });
      const holder = await connectedAccount(client);
      const [fc] = await linkBank(fast, client, {
        account: holder,
        institution: 'fcinst_stripebank',
        accounts: ['checking'],
        prefetch: ['balances'],
      });
      // Two virtual seconds pass in about 3 ms of real time.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const account = await client.financialConnections.accounts.retrieve(
        fc?.id ?? '',
        {},
        { stripeAccount: holder },
      );
      expect(account.balance_refresh?.status).toBe('succeeded');
    } finally {
      await fast.close();
    }
  });
});

describe('reset and seeds', () => {
  it('forgets every object on reset', async () => {
    const own = await startSandbox({ speed: 0, startAt: TUESDAY });
    try {
      const client = own.stripe({ maxNetworkRetries: 0 });
      const customer = await client.customers.create({ name: 'Forgotten' });
      const reset = await control<{ seed: SeedManifest }>(own, 'POST', '/_sandbox/reset', {});
      expect(reset.body.seed).toEqual({ seed: 'empty', personas: [] });
      const error = await stripeError(client.customers.retrieve(customer.id));
      expect(error.statusCode).toBe(404);

      const customer2 = await client.customers.create({ name: 'Also forgotten' });
      own.reset();
      expect((await stripeError(client.customers.retrieve(customer2.id))).statusCode).toBe(404);
    } finally {
      await own.close();
    }
  });

  it('seeds the demo personas with funded accounts and linked, refreshed banks', async () => {
    const demo = await startSandbox({ speed: 0, startAt: TUESDAY, seed: 'demo' });
    try {
      const client = demo.stripe({ maxNetworkRetries: 0 });
      const manifest = await control<SeedManifest>(demo, 'GET', '/_sandbox/seed');
      expect(manifest.body).toEqual(demo.seed);
      expect(manifest.body.personas.map((p) => p.key)).toEqual([
        'freelancer',
        'short_of_funds',
        'new_user',
      ]);
      const [freelancer, short, newcomer] = manifest.body.personas;
      expect(freelancer?.linkedAccountIds).toHaveLength(3);
      expect(newcomer?.linkedAccountIds).toEqual([]);

      const fa = await client.treasury.financialAccounts.retrieve(
        freelancer?.financialAccountId ?? '',
        {},
        { stripeAccount: freelancer?.accountId ?? '' },
      );
      expect(fa.balance.cash.usd).toBe(1_250_00);
      expect(fa.active_features).toContain('financial_addresses.aba');
      const fc = await client.financialConnections.accounts.retrieve(
        short?.linkedAccountIds[0] ?? '',
        {},
        { stripeAccount: short?.accountId ?? '' },
      );
      expect(fc.balance?.cash?.available?.usd).toBe(23_17);
      expect(fc.transaction_refresh?.status).toBe('succeeded');
      const customer = await client.customers.retrieve(short?.customerId ?? '');
      expect(customer.deleted).toBeUndefined();

      const reseeded = await control<{ seed: SeedManifest }>(demo, 'POST', '/_sandbox/reset', {
        seed: 'empty',
      });
      expect(reseeded.body.seed.personas).toEqual([]);
      expect(demo.seed.seed).toBe('empty');
    } finally {
      await demo.close();
    }
  });
});

describe('test banks', () => {
  it('lists the test institutions and their accounts', async () => {
    const response = await control<{
      object: string;
      data: { id: string; name: string; accounts: { id: string; subcategory: string }[] }[];
    }>(sb, 'GET', '/_sandbox/financial_connections/institutions');
    expect(response.body.object).toBe('list');
    expect(response.body.data.map((i) => i.id)).toEqual([
      'fcinst_stripebank',
      'fcinst_thinfunds',
      'fcinst_quietbank',
      'fcinst_downbank',
    ]);
    expect(response.body.data[0]?.accounts.map((a) => a.id)).toEqual([
      'checking',
      'savings',
      'credit_card',
      'high_balance',
    ]);
  });

  it('refuses to complete a session with an unknown bank or account, or an excluded subcategory', async () => {
    const holder = await connectedAccount(stripe);
    const session = await stripe.financialConnections.sessions.create(
      {
        account_holder: { type: 'account', account: holder },
        permissions: ['payment_method'],
        filters: { account_subcategories: ['checking'] },
      },
      { stripeAccount: holder },
    );
    const path = `/_sandbox/financial_connections/sessions/${session.id}/complete`;
    const bank = await control<{ error: { param: string } }>(
      sb,
      'POST',
      path,
      { institution: 'fcinst_nope', accounts: ['checking'] },
      holder,
    );
    expect(bank.status).toBe(400);
    expect(bank.body.error.param).toBe('institution');
    const account = await control<{ error: { param: string } }>(
      sb,
      'POST',
      path,
      { institution: 'fcinst_stripebank', accounts: ['checking', 'gold'] },
      holder,
    );
    expect(account.body.error.param).toBe('accounts[1]');
    const excluded = await control<{ error: { code: string } }>(
      sb,
      'POST',
      path,
      { institution: 'fcinst_stripebank', accounts: ['savings'] },
      holder,
    );
    expect(excluded.body.error.code).toBe('account_not_eligible');
  });

  it('generates a large synthetic history only before the first transaction refresh', async () => {
    const holder = await connectedAccount(stripe);
    const [fc] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
      prefetch: ['transactions'],
    });
    sb.clock.advance(2);
    const late = await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc?.id ?? ''}/generate_transactions`,
      { count: 10 },
      holder,
    );
    expect(late.status).toBe(400);
  });

  it('answers 404 for controls on an FC account of another account', async () => {
    const holder = await connectedAccount(stripe);
    const [fc] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    const response = await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc?.id ?? ''}/status`,
      { status: 'inactive' },
    );
    expect(response.status).toBe(404);
  });
});

describe('faults', () => {
  it('sets, lists and clears fault rules', async () => {
    const set = await control<{ rules: { action: string; path: string; times: number }[] }>(
      sb,
      'POST',
      '/_sandbox/faults',
      {
        rules: [
          { action: 'error', status: 500, path: '/v1/customers', times: 2 },
          { action: 'latency', latency_ms: 10 },
        ],
      },
    );
    expect(set.body.rules).toMatchObject([
      { action: 'error', path: '/v1/customers', times: 2 },
      { action: 'latency', path: '/v1/' },
    ]);
    const listed = await control<{ rules: unknown[] }>(sb, 'GET', '/_sandbox/faults');
    expect(listed.body.rules).toHaveLength(2);
    const cleared = await control<{ rules: unknown[] }>(sb, 'DELETE', '/_sandbox/faults');
    expect(cleared.body.rules).toEqual([]);
    const bad = await control(sb, 'POST', '/_sandbox/faults', { action: 'explode' });
    expect(bad.status).toBe(400);
  });

  it('answers injected 500s with Stripe-Should-Retry, which stripe-node retries with the same key', async () => {
    await control(sb, 'POST', '/_sandbox/faults', {
      action: 'error',
      status: 500,
      path: '/v1/customers',
      method: 'POST',
      times: 1,
    });
    const patient = sb.stripe({ maxNetworkRetries: 2 });
    const customer = await patient.customers.create({ email: 'retried@example.com' });
    expect(customer.id).toMatch(/^cus_/);
    const list = await stripe.customers.list({ email: 'retried@example.com' });
    expect(list.data).toHaveLength(1);
  });

  it('answers an injected 429 as a rate limit error', async () => {
    await control(sb, 'POST', '/_sandbox/faults', { action: 'error', status: 429, times: 1 });
    const error = await stripeError(stripe.customers.list());
    expect(error).toMatchObject({
      statusCode: 429,
      type: 'StripeRateLimitError',
      code: 'rate_limit',
    });
  });

  it('leaves /_sandbox endpoints alone', async () => {
    await control(sb, 'POST', '/_sandbox/faults', { action: 'error', path: '/' });
    const clock = await control(sb, 'GET', '/_sandbox/clock');
    expect(clock.status).toBe(200);
  });
});

describe('request log', () => {
  it('records API requests with status, account and idempotency key, filtered by method, path and account', async () => {
    const holder = await connectedAccount(stripe, 'Logged');
    await stripe.customers.create(
      { name: 'Logged' },
      { stripeAccount: holder, idempotencyKey: 'log-key' },
    );
    await stripeError(stripe.customers.retrieve('cus_missing', {}, { stripeAccount: holder }));
    const log = await control<{
      data: {
        method: string;
        path: string;
        status: number;
        idempotency_key: string | null;
        params: unknown;
      }[];
    }>(sb, 'GET', `/_sandbox/requests?account=${holder}`);
    expect(log.body.data.map((r) => [r.method, r.path, r.status])).toEqual([
      ['POST', '/v1/customers', 200],
      ['GET', '/v1/customers/cus_missing', 404],
    ]);
    expect(log.body.data[0]?.idempotency_key).toBe('log-key');
    expect(log.body.data[0]?.params).toEqual({ name: 'Logged' });
    const posts = await control<{ data: { method: string }[] }>(
      sb,
      'GET',
      `/_sandbox/requests?account=${holder}&method=get`,
    );
    expect(posts.body.data).toHaveLength(1);
  });
});

describe('browser stand-in endpoints', () => {
  it('lets the publishable key read a session by client secret and complete it, with CORS', async () => {
    const holder = await connectedAccount(stripe);
    const session = await stripe.financialConnections.sessions.create(
      { account_holder: { type: 'account', account: holder }, permissions: ['balances'] },
      { stripeAccount: holder },
    );
    const secret = session.client_secret ?? '';
    const view = await raw(
      sb,
      'GET',
      `/_sandbox/client/financial_connections/sessions?client_secret=${secret}`,
      { key: sb.publishableKey },
    );
    expect(view.status).toBe(200);
    expect(view.headers.get('access-control-allow-origin')).toBe('*');
    expect(view.body).toMatchObject({ id: session.id, permissions: ['balances'] });

    const secretKey = await raw(
      sb,
      'GET',
      `/_sandbox/client/financial_connections/sessions?client_secret=${secret}`,
    );
    expect(secretKey.status).toBe(401);

    const response = await fetch(
      `${sb.url}/_sandbox/client/financial_connections/sessions/complete`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sb.publishableKey}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({
          client_secret: secret,
          institution: 'fcinst_stripebank',
          accounts: ['checking'],
        }),
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accounts: { id: string }[] };
    expect(body.accounts).toHaveLength(1);
    const listed = await stripe.financialConnections.accounts.list(
      { session: session.id },
      { stripeAccount: holder },
    );
    expect(listed.data.map((a) => a.id)).toEqual(body.accounts.map((a) => a.id));

    const preflight = await fetch(
      `${sb.url}/_sandbox/client/financial_connections/sessions/complete`,
      {
        method: 'OPTIONS',
      },
    );
    expect(preflight.status).toBe(204);
  });
});
