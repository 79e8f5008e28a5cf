/**
 * Idempotency keys expire on the virtual clock (issue 11, item 9): Stripe prunes keys once they
 * are at least 24 hours old, after which the same key starts a new request.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { stripeError, TUESDAY } from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sb.close();
});

describe('idempotency key expiry', () => {
  it('replays within 24 virtual hours and starts afresh after them', async () => {
    const first = await stripe.customers.create(
      { email: 'expiry@example.com' },
      { idempotencyKey: 'expiry-1' },
    );
    sb.clock.advance(24 * 3600 - 60);
    const replay = await stripe.customers.create(
      { email: 'expiry@example.com' },
      { idempotencyKey: 'expiry-1' },
    );
    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    const mismatch = await stripeError(
      stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'expiry-1' }),
    );
    expect(mismatch).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });

    sb.clock.advance(120);
    const fresh = await stripe.customers.create(
      { email: 'expiry@example.com' },
      { idempotencyKey: 'expiry-1' },
    );
    expect(fresh.id).not.toBe(first.id);
    expect(fresh.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    // The new request owns the key now: other parameters are refused again.
    const again = await stripeError(
      stripe.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'expiry-1' }),
    );
    expect(again).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
  });

  it('does not expire a key while real time passes on a frozen clock', async () => {
    const first = await stripe.customers.create(
      { email: 'frozen@example.com' },
      { idempotencyKey: 'frozen-1' },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const replay = await stripe.customers.create(
      { email: 'frozen@example.com' },
      { idempotencyKey: 'frozen-1' },
    );
    expect(replay.id).toBe(first.id);
  });
});
