/**
 * Stripe's idempotency layer: replays, mismatched parameters, concurrent use, scoping per
 * `Stripe-Account`, validation failures that do not burn a key, and retries after a dropped
 * connection that must not create a second object.
 */
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { connectedAccount, control, raw, stripeError, TUESDAY } from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

interface RequestLog {
  data: {
    method: string;
    path: string;
    status: number;
    idempotency_key: string | null;
    replayed: boolean;
    account: string | null;
  }[];
}

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

async function customersWithEmail(email: string, account?: string): Promise<string[]> {
  const list = await stripe.customers.list(
    { email, limit: 100 },
    account ? { stripeAccount: account } : {},
  );
  return list.data.map((c) => c.id);
}

describe('replays', () => {
  it('replays the saved response with Idempotent-Replayed: true and makes one object', async () => {
    const first = await stripe.customers.create(
      { email: 'replay@example.com' },
      { idempotencyKey: 'replay-1' },
    );
    expect(first.lastResponse.headers['idempotency-key']).toBe('replay-1');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();

    const second = await stripe.customers.create(
      { email: 'replay@example.com' },
      { idempotencyKey: 'replay-1' },
    );
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(second.lastResponse.headers['idempotency-key']).toBe('replay-1');
    expect(second.lastResponse.requestId).not.toBe(first.lastResponse.requestId);
    const { lastResponse: _a, ...firstBody } = first;
    const { lastResponse: _b, ...secondBody } = second;
    expect(secondBody).toEqual(firstBody);
    expect(await customersWithEmail('replay@example.com')).toEqual([first.id]);
  });

  it('replays a saved error too (an unknown customer is an outcome, not a validation failure)', async () => {
    const pm = await stripe.paymentMethods.create({
      type: 'us_bank_account',
      us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
      billing_details: { name: 'Jenny Rosen' },
    });
    const first = await stripeError(
      stripe.paymentMethods.attach(pm.id, { customer: 'cus_missing' }, { idempotencyKey: 'err-1' }),
    );
    expect(first).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
    const second = await stripeError(
      stripe.paymentMethods.attach(pm.id, { customer: 'cus_missing' }, { idempotencyKey: 'err-1' }),
    );
    expect(second).toMatchObject({ statusCode: 400, code: 'resource_missing' });
    expect(second.headers['idempotent-replayed']).toBe('true');
  });

  it('sends the key back on the first response but ignores keys on GET requests', async () => {
    const response = await raw(sb, 'GET', '/v1/customers', {
      headers: { 'Idempotency-Key': 'get-key' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('idempotency-key')).toBeNull();
    const again = await raw(sb, 'GET', '/v1/customers', {
      headers: { 'Idempotency-Key': 'get-key' },
    });
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('misuse', () => {
  it('answers 400 idempotency_error when a key is reused with different parameters', async () => {
    await stripe.customers.create({ email: 'one@example.com' }, { idempotencyKey: 'mismatch' });
    const error = await stripeError(
      stripe.customers.create({ email: 'two@example.com' }, { idempotencyKey: 'mismatch' }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      type: 'StripeIdempotencyError',
      rawType: 'idempotency_error',
    });
    expect(error.message).toContain(
      "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'mismatch'",
    );
    expect(await customersWithEmail('two@example.com')).toEqual([]);
  });

  it('refuses the same key on another endpoint with Stripe’s endpoint message', async () => {
    await stripe.customers.create(
      { email: 'ep@example.com' },
      { idempotencyKey: 'cross-endpoint' },
    );
    const error = await stripeError(
      stripe.accounts.create({ type: 'custom' }, { idempotencyKey: 'cross-endpoint' }),
    );
    expect(error).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
    expect(error.message).toBe(
      "Keys for idempotent requests can only be used for the same endpoint they were first used for ('/v1/accounts' vs '/v1/customers'). Try using a key other than 'cross-endpoint' if you meant to execute a different request.",
    );
  });

  it('answers 409 idempotency_key_in_use while the first request with the key is still running', async () => {
    const fault = await control(sb, 'POST', '/_sandbox/faults', {
      action: 'latency',
      path: '/v1/customers',
      method: 'POST',
      latency_ms: 500,
      times: 1,
    });
    expect(fault.status).toBe(200);

    const slow = stripe.customers.create(
      { email: 'concurrent@example.com' },
      { idempotencyKey: 'in-flight' },
    );
    // The rule retires when the first request meets it, in the same tick as the key is claimed.
    for (;;) {
      const rules = await control<{ rules: unknown[] }>(sb, 'GET', '/_sandbox/faults');
      if (rules.body.rules.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const conflict = await stripeError(
      stripe.customers.create({ email: 'concurrent@example.com' }, { idempotencyKey: 'in-flight' }),
    );
    expect(conflict).toMatchObject({
      statusCode: 409,
      rawType: 'idempotency_error',
      code: 'idempotency_key_in_use',
    });

    const created = await slow;
    const replay = await stripe.customers.create(
      { email: 'concurrent@example.com' },
      { idempotencyKey: 'in-flight' },
    );
    expect(replay.id).toBe(created.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await customersWithEmail('concurrent@example.com')).toEqual([created.id]);
  });

  it('rejects keys longer than 255 characters', async () => {
    const error = await stripeError(
      stripe.customers.create({ email: 'long@example.com' }, { idempotencyKey: 'k'.repeat(256) }),
    );
    expect(error).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
  });
});

describe('scope', () => {
  it('scopes keys to the Stripe-Account: the same key makes separate objects per account', async () => {
    const accountA = await connectedAccount(stripe, 'Scope A');
    const accountB = await connectedAccount(stripe, 'Scope B');
    const onA = await stripe.customers.create(
      { email: 'scope-a@example.com' },
      { idempotencyKey: 'shared-key', stripeAccount: accountA },
    );
    const onB = await stripe.customers.create(
      { email: 'scope-b@example.com' },
      { idempotencyKey: 'shared-key', stripeAccount: accountB },
    );
    const onPlatform = await stripe.customers.create(
      { email: 'scope-p@example.com' },
      { idempotencyKey: 'shared-key' },
    );
    expect(new Set([onA.id, onB.id, onPlatform.id]).size).toBe(3);
    expect(onB.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(onPlatform.lastResponse.headers['idempotent-replayed']).toBeUndefined();
  });

  it('does not burn a key on a request that failed parameter validation', async () => {
    const invalid = await stripeError(
      stripe.customers.create({ email: 'x'.repeat(600) }, { idempotencyKey: 'validation' }),
    );
    expect(invalid).toMatchObject({ statusCode: 400, code: undefined, param: 'email' });
    expect(invalid.headers['idempotency-key']).toBeUndefined();

    const fixed = await stripe.customers.create(
      { email: 'fixed@example.com' },
      { idempotencyKey: 'validation' },
    );
    expect(fixed.email).toBe('fixed@example.com');
    expect(fixed.lastResponse.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('retries', () => {
  it('makes exactly one object when the connection drops and stripe-node retries with the same key', async () => {
    await control(sb, 'POST', '/_sandbox/faults', {
      action: 'drop',
      path: '/v1/customers',
      method: 'POST',
      times: 1,
    });
    // stripe-node keys every POST and retries a reset connection once, even with retries off.
    const customer = await stripe.customers.create({ email: 'dropped@example.com' });
    expect(customer.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(await customersWithEmail('dropped@example.com')).toEqual([customer.id]);

    const log = await control<RequestLog>(
      sb,
      'GET',
      '/_sandbox/requests?method=POST&path_prefix=/v1/customers',
    );
    const attempts = log.body.data.filter(
      (r) => r.idempotency_key === customer.lastResponse.headers['idempotency-key'],
    );
    expect(attempts.map((r) => r.replayed)).toEqual([false, true]);
    expect(attempts[0]?.idempotency_key).toMatch(/^stripe-node-retry-/);
  });

  it('lets a retry after an injected 500 succeed with one object', async () => {
    await control(sb, 'POST', '/_sandbox/faults', {
      action: 'error',
      status: 503,
      path: '/v1/customers',
      method: 'POST',
      times: 1,
    });
    const failed = await stripeError(stripe.customers.create({ email: 'flaky@example.com' }));
    expect(failed).toMatchObject({ statusCode: 503, type: 'StripeAPIError' });
    expect(failed.headers['stripe-should-retry']).toBe('true');
    expect(await customersWithEmail('flaky@example.com')).toEqual([]);
  });
});
