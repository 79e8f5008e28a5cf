/**
 * Stripe's 4xx answers that used to become 500s (and a UI retrying forever): a key reused with
 * another body where this process's guard cannot see it (another process, or after eviction),
 * and a PaymentMethod of the user's own that is not set up for inbound transfers. Both are 400s
 * with a code the client can act on, on every mount.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../packages/server/test/harness.js';
import { MOUNTS } from '../../packages/server/test/mounts.js';

let h: Harness;
let sourceId: string;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const sources = await h.call('freelancer', 'GET', '/top-up-sources');
  sourceId = (sources.body.data as { id: string }[])[0]?.id ?? '';
  expect(sourceId).toMatch(/^pm_/);
});
afterAll(async () => {
  await h.close();
});

describe.each(MOUNTS)('Stripe 4xx on %s', (mount) => {
  it('a key reused with another body in another process: 400 idempotency_key_reused', async () => {
    const key = randomUUID();
    const first = await h.addRouter({}, mount);
    const second = await h.addRouter({}, mount); // no memory shared with the first
    const created = await first.call('freelancer', 'POST', '/top-ups', {
      body: { sourceId, amount: 7_00, currency: 'usd' },
      headers: { 'idempotency-key': key },
    });
    expect(created.status).toBe(201);
    const reused = await second.call('freelancer', 'POST', '/top-ups', {
      body: { sourceId, amount: 8_00, currency: 'usd' },
      headers: { 'idempotency-key': key },
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({
      code: 'idempotency_key_reused',
      param: 'Idempotency-Key',
    });
    expect(JSON.stringify(reused.body)).not.toContain(key); // Stripe's message names the key
    // The same body through the second process is Stripe's replay: the same top-up.
    const replayed = await second.call('freelancer', 'POST', '/top-ups', {
      body: { sourceId, amount: 7_00, currency: 'usd' },
      headers: { 'idempotency-key': key },
    });
    expect(replayed.status).toBe(201);
    expect(replayed.body.id).toBe(created.body.id);
  });

  it('the user’s own bank PaymentMethod not set up for inbound flows: 400 source_unusable', async () => {
    const pm = await h.stripe.paymentMethods.create(
      {
        type: 'us_bank_account',
        us_bank_account: {
          account_holder_type: 'individual',
          routing_number: '110000000',
          account_number: '000123456789',
        },
        billing_details: { name: 'Maya Okafor' },
      },
      { stripeAccount: h.personas.freelancer.accountId },
    );
    const { call } = await h.addRouter({}, mount);
    const res = await call('freelancer', 'POST', '/top-ups', {
      body: { sourceId: pm.id, amount: 5_00, currency: 'usd' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'source_unusable', param: 'sourceId' });
    expect(res.body.error.message).not.toMatch(/attach_to_self|flow_directions|pm_/);
  });
});
