/**
 * Stripe misbehaving: injected 500/503/429s (through the sandbox's `/_sandbox/faults`) and
 * dropped connections. stripe-node retries (the harness allows 2 retries); what outlasts them
 * reaches the browser as a safe `stripe_unavailable` or `rate_limited`, the router recovers as
 * soon as Stripe does, and a top-up retried through all of it still moves money once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore } from '@purse/server';
import {
  clearFaults,
  control,
  startHarness,
  type Harness,
} from '../../packages/server/test/harness.js';

let h: Harness;
let fca: string;
let sourceId: string;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const accounts = await h.call('freelancer', 'GET', '/accounts');
  fca = (accounts.body.data as { id: string }[])[0]?.id ?? '';
  const sources = await h.call('freelancer', 'GET', '/top-up-sources');
  sourceId = (sources.body.data as { id: string }[])[0]?.id ?? '';
});
afterEach(async () => {
  await clearFaults(h);
});
afterAll(async () => {
  await h.close();
});

const fault = (rules: Record<string, unknown>[]) => control(h, '/_sandbox/faults', { rules });
const logLength = async (): Promise<number> => (await h.stripeRequests()).length;

/** Requests that reached the sandbox's handlers (injected errors are not logged) since `since`. */
async function handled(since: number, prefix: string, method: string) {
  return (await h.stripeRequests())
    .slice(since)
    .filter((r) => r.method === method && r.path.startsWith(prefix));
}

/** How many requests each fault rule still has to hit: what it was given minus the attempts. */
async function remainingTimes(): Promise<(number | undefined)[]> {
  const response = await fetch(`${h.sb.url}/_sandbox/faults`, {
    headers: { authorization: `Bearer ${h.sb.secretKey}` },
  });
  const body = (await response.json()) as { rules: { times?: number }[] };
  return body.rules.map((r) => r.times);
}

function expectSafe(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/sandbox|fault|unexpected error|exponential backoff/i);
  expect(text).not.toMatch(/(acct|fca|ibt|pm|fa)_[A-Za-z0-9]/);
}

describe('Stripe outages that outlast stripe-node’s retries', () => {
  it('500, 503 and 429 become stripe_unavailable (503) and rate_limited (429), after 3 attempts each', async () => {
    const fa = h.personas.freelancer.financialAccountId;
    // Each rule would outlast 10 attempts; what is left shows how many were made.
    await fault([
      {
        action: 'error',
        status: 500,
        path: `/v1/financial_connections/accounts/${fca}`,
        times: 10,
      },
      { action: 'error', status: 503, path: `/v1/treasury/financial_accounts/${fa}`, times: 10 },
      { action: 'error', status: 429, path: '/v1/payment_methods', times: 10 },
    ]);
    const [fc, treasury, limited] = await Promise.all([
      h.call('freelancer', 'GET', `/accounts/${fca}`),
      h.call('freelancer', 'GET', '/financial-account'),
      h.call('freelancer', 'GET', '/top-up-sources'),
    ]);
    expect([fc.status, fc.body.error.code]).toEqual([503, 'stripe_unavailable']);
    expect([treasury.status, treasury.body.error.code]).toEqual([503, 'stripe_unavailable']);
    expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
    expect(fc.body.error.type).toBe('api_error');
    expect(limited.body.error.type).toBe('rate_limit_error');
    for (const res of [fc, treasury, limited]) expectSafe(res.body);
    expect(await remainingTimes()).toEqual([7, 7, 7]);
  });

  it('recovers as soon as the faults stop', async () => {
    await fault([{ action: 'error', status: 503, path: '/v1/' }]);
    expect((await h.call('freelancer', 'GET', `/accounts/${fca}`)).status).toBe(503);
    await clearFaults(h);
    const res = await h.call('freelancer', 'GET', `/accounts/${fca}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(fca);
  });

  it('a fault stripe-node’s retries get past is invisible to the user', async () => {
    await fault([
      { action: 'error', status: 500, path: '/v1/treasury/financial_accounts', times: 2 },
    ]);
    const res = await h.call('freelancer', 'GET', '/financial-account');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(h.personas.freelancer.financialAccountId);
  });

  it('an outage while completing a link is a 503, and completing again afterwards works', async () => {
    const session = await h.call('new_user', 'POST', '/link-sessions');
    await control(
      h,
      `/_sandbox/financial_connections/sessions/${String(session.body.id)}/complete`,
      { institution: 'fcinst_stripebank', accounts: ['checking'] },
      h.personas.new_user.accountId,
    );
    await fault([{ action: 'error', status: 500, path: '/v1/setup_intents', method: 'POST' }]);
    const failed = await h.call(
      'new_user',
      'POST',
      `/link-sessions/${String(session.body.id)}/complete`,
    );
    expect(failed.status).toBe(503);
    expectSafe(failed.body);
    await clearFaults(h);
    const done = await h.call(
      'new_user',
      'POST',
      `/link-sessions/${String(session.body.id)}/complete`,
    );
    expect(done.status).toBe(200);
    expect(done.body.topUpSources).toHaveLength(1);
  });
});

describe('a top-up under intermittent failures', () => {
  it('still creates exactly one InboundTransfer', async () => {
    const key = randomUUID();
    const amount = 43_21;
    const post = () =>
      h.call('freelancer', 'POST', '/top-ups', {
        body: { sourceId, amount, currency: 'usd' },
        headers: { 'idempotency-key': key },
      });
    const transfers = async () =>
      (
        await h.stripe.treasury.inboundTransfers.list(
          { financial_account: h.personas.freelancer.financialAccountId, limit: 100 },
          { stripeAccount: h.personas.freelancer.accountId },
        )
      ).data.filter((t) => t.amount === amount);
    const since = await logLength();

    // 1. Every attempt fails: the user is told to try again, nothing was created.
    await fault([
      {
        action: 'error',
        status: 500,
        path: '/v1/treasury/inbound_transfers',
        method: 'POST',
        times: 3,
      },
    ]);
    const first = await post();
    expect(await remainingTimes()).toEqual([]); // all three attempts were refused
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('stripe_unavailable');
    expectSafe(first.body);
    expect(await transfers()).toHaveLength(0);

    // 2. The retry (same key) runs at Stripe, but the answer is lost; stripe-node asks again
    //    with the same idempotency key and gets the saved result.
    await fault([
      { action: 'drop', path: '/v1/treasury/inbound_transfers', method: 'POST', times: 1 },
    ]);
    const second = await post();
    expect(second.status).toBe(201);

    // 3. The same submission reaching another server process (no shared memory), with a fault
    //    on the way: Stripe's idempotency returns the same transfer.
    const otherProcess = await h.addRouter({ store: createMemoryStore() });
    await fault([
      {
        action: 'error',
        status: 500,
        path: '/v1/treasury/inbound_transfers',
        method: 'POST',
        times: 1,
      },
    ]);
    const third = await otherProcess.call('freelancer', 'POST', '/top-ups', {
      body: { sourceId, amount, currency: 'usd' },
      headers: { 'idempotency-key': key },
    });
    expect(third.status).toBe(201);
    expect(third.body.id).toBe(second.body.id);

    expect(await transfers()).toHaveLength(1);
    // Handled at Stripe: the dropped create, its replay, the other process's replay.
    const posts = await handled(since, '/v1/treasury/inbound_transfers', 'POST');
    expect(posts.map((p) => p.replayed)).toEqual([false, true, true]);
    expect(new Set(posts.map((p) => p.idempotency_key)).size).toBe(1);
  });
});
