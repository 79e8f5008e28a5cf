/**
 * provisionUser against the sandbox through real stripe-node: the three objects exist, belong
 * together, are idempotent under a key, and Purse then serves the user.
 */
import { startSandbox, type Sandbox } from '@purse/sandbox';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurseHandler, provisionUser } from '../src/index.js';
import { START } from './harness.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ seed: 'empty', speed: 0, startAt: START });
  stripe = sb.stripe();
});
afterAll(async () => {
  await sb.close();
});

describe('provisionUser', () => {
  it('creates a customer, a connected account with treasury, and a financial account on it', async () => {
    const user = await provisionUser({
      stripe,
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      metadata: { app_user: 'u_1' },
    });
    expect(user.customerId).toMatch(/^cus_/);
    expect(user.accountId).toMatch(/^acct_/);
    expect(user.financialAccountId).toMatch(/^fa_/);

    const customer = await stripe.customers.retrieve(user.customerId);
    expect(customer).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' });
    const account = await stripe.accounts.retrieve(user.accountId);
    expect(account.capabilities?.treasury).toBe('active');
    expect(account.metadata).toMatchObject({ app_user: 'u_1', purse_customer: user.customerId });
    const fa = await stripe.treasury.financialAccounts.retrieve(
      user.financialAccountId,
      {},
      { stripeAccount: user.accountId },
    );
    expect(fa.supported_currencies).toEqual(['usd']);
    expect(fa.active_features).toContain('inbound_transfers.ach');
  });

  it('creates nothing twice for one idempotency key, and anew for another', async () => {
    const first = await provisionUser({ stripe, email: 'bo@example.com', idempotencyKey: 'u_2' });
    const retried = await provisionUser({ stripe, email: 'bo@example.com', idempotencyKey: 'u_2' });
    const other = await provisionUser({ stripe, email: 'bo@example.com', idempotencyKey: 'u_3' });
    expect(retried).toEqual(first);
    expect(other.customerId).not.toBe(first.customerId);
    expect(other.accountId).not.toBe(first.accountId);
  });

  it('gives the ids resolveUser returns: Purse serves the user their financial account', async () => {
    const user = await provisionUser({ stripe, email: 'cy@example.com' });
    const handle = createPurseHandler({ stripe, basePath: '/api/purse', resolveUser: () => user });
    const response = await handle(new Request('http://localhost/api/purse/financial-account'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: user.financialAccountId, status: 'open' });
  });
});
