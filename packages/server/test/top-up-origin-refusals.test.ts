/**
 * Stripe refuses an InboundTransfer whose origin PaymentMethod is not set up for inbound flows
 * or not verified yet (bank numbers typed by hand wait for microdeposits). It says so with a
 * 400 naming `origin_payment_method` and one of its documented codes or none; the router turns
 * that into `source_unusable` on `sourceId`, never an internal error.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const MANDATE = {
  customer_acceptance: {
    type: 'online' as const,
    online: { ip_address: '203.0.113.7', user_agent: 'vitest' },
  },
};

function topUp(sourceId: string) {
  return h.call('freelancer', 'POST', '/top-ups', {
    body: { sourceId, amount: 5_00, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
}

describe('an origin Stripe refuses', () => {
  it('answers source_unusable for a bank awaiting microdeposit verification', async () => {
    const stripeAccount = h.personas.freelancer.accountId;
    const si = await h.stripe.setupIntents.create(
      {
        attach_to_self: true,
        flow_directions: ['inbound'],
        payment_method_data: {
          type: 'us_bank_account',
          us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
          billing_details: { name: 'Maya Chen' },
        },
        confirm: true,
        mandate_data: MANDATE,
      },
      { stripeAccount },
    );
    expect(si.status).toBe('requires_action');
    const res = await topUp(si.payment_method as string);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'source_unusable', param: 'sourceId' } });
    expect(JSON.stringify(res.body)).not.toMatch(/bank_account_declined|origin_payment_method/);
  });

  it('answers source_unusable for a bank never set up for inbound flows', async () => {
    const pm = await h.stripe.paymentMethods.create(
      {
        type: 'us_bank_account',
        us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
        billing_details: { name: 'Maya Chen' },
      },
      { stripeAccount: h.personas.freelancer.accountId },
    );
    const res = await topUp(pm.id);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'source_unusable', param: 'sourceId' } });
  });
});
