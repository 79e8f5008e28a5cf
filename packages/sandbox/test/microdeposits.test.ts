/**
 * Bank numbers typed by hand, as Stripe treats them: the routing number must pass the ABA
 * checksum; confirming a SetupIntent sends microdeposits and leaves it `requires_action` with
 * `next_action.verify_with_microdeposits` until `verify_microdeposits` gets Stripe's test
 * values (amounts 32 and 45 or descriptor code SM11AA); Treasury refuses the PaymentMethod
 * until then. Also the rest of the PaymentMethod / SetupIntent surface: detach, a customer's
 * PaymentMethods and cancel.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import {
  DAY,
  inboundPaymentMethod,
  linkBank,
  stripeError,
  treasuryUser,
  TUESDAY,
} from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sb.close();
});

const MANDATE: Stripe.SetupIntentCreateParams.MandateData = {
  customer_acceptance: {
    type: 'online',
    online: { ip_address: '203.0.113.7', user_agent: 'vitest' },
  },
};

/** An attach_to_self SetupIntent confirmed with typed numbers, for a Treasury user. */
async function typedBankSetup(
  account: string,
  routingNumber = '110000000',
): Promise<Stripe.SetupIntent> {
  return stripe.setupIntents.create(
    {
      attach_to_self: true,
      flow_directions: ['inbound'],
      payment_method_data: {
        type: 'us_bank_account',
        us_bank_account: { routing_number: routingNumber, account_number: '000123456789' },
        billing_details: { name: 'Jenny Rosen' },
      },
      confirm: true,
      mandate_data: MANDATE,
    },
    { stripeAccount: account },
  );
}

function topUp(
  user: { account: string; fa: string },
  origin: string,
): Promise<Stripe.Treasury.InboundTransfer> {
  return stripe.treasury.inboundTransfers.create(
    { amount: 1_000, currency: 'usd', financial_account: user.fa, origin_payment_method: origin },
    { stripeAccount: user.account },
  );
}

describe('routing numbers', () => {
  it('refuses a 9-digit routing number that fails the ABA checksum', async () => {
    const error = await stripeError(
      stripe.paymentMethods.create({
        type: 'us_bank_account',
        // 110000001: weights 3,7,1 give 3 + 7 + 1 = 11, not a multiple of 10.
        us_bank_account: { routing_number: '110000001', account_number: '000123456789' },
        billing_details: { name: 'Jenny Rosen' },
      }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'routing_number_invalid',
      param: 'us_bank_account[routing_number]',
    });
    // A real routing number (Chase, 021000021) passes.
    const pm = await stripe.paymentMethods.create({
      type: 'us_bank_account',
      us_bank_account: { routing_number: '021000021', account_number: '000123456789' },
      billing_details: { name: 'Jenny Rosen' },
    });
    expect(pm.us_bank_account?.routing_number).toBe('021000021');
  });
});

describe('microdeposit verification', () => {
  it('waits in requires_action with Stripe’s next_action until the amounts 32 and 45 verify it', async () => {
    const user = await treasuryUser(stripe);
    const si = await typedBankSetup(user.account);
    expect(si.status).toBe('requires_action');
    expect(si.next_action).toEqual({
      type: 'verify_with_microdeposits',
      verify_with_microdeposits: {
        arrival_date: expect.any(Number) as unknown,
        hosted_verification_url: expect.stringMatching(
          /^https:\/\/payments\.stripe\.com\/microdeposit\/sacs_test_/,
        ) as unknown,
        microdeposit_type: 'descriptor_code',
      },
    });
    // Microdeposits land a business day later (TUESDAY → Wednesday).
    expect(si.next_action?.verify_with_microdeposits?.arrival_date).toBeGreaterThan(sb.clock.now());
    expect(si.next_action?.verify_with_microdeposits?.arrival_date).toBeLessThan(
      sb.clock.now() + 2 * DAY,
    );

    // Treasury refuses the unverified bank.
    const pm = si.payment_method as string;
    const refused = await stripeError(topUp(user, pm));
    expect(refused).toMatchObject({
      statusCode: 400,
      code: 'bank_account_declined',
      param: 'origin_payment_method',
    });

    const wrong = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(
        si.id,
        { amounts: [12, 34] },
        { stripeAccount: user.account },
      ),
    );
    expect(wrong).toMatchObject({
      statusCode: 400,
      code: 'payment_method_microdeposit_verification_amounts_mismatch',
      param: 'amounts',
    });
    expect(wrong.message).toContain('9 verification attempts remaining');

    const verified = await stripe.setupIntents.verifyMicrodeposits(
      si.id,
      { amounts: [32, 45] },
      { stripeAccount: user.account },
    );
    expect(verified).toMatchObject({ status: 'succeeded', next_action: null });
    const transfer = await topUp(user, pm);
    expect(transfer.status).toBe('processing');
  });

  it('verifies with the descriptor code SM11AA, and refuses a wrong code or a wrong count of amounts', async () => {
    const user = await treasuryUser(stripe);
    const opts = { stripeAccount: user.account };
    const si = await typedBankSetup(user.account);
    const count = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(si.id, { amounts: [32] }, opts),
    );
    expect(count).toMatchObject({
      statusCode: 400,
      code: 'payment_method_microdeposit_verification_amounts_invalid',
    });
    const both = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(
        si.id,
        { amounts: [32, 45], descriptor_code: 'SM11AA' },
        opts,
      ),
    );
    expect(both).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
    const code = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(si.id, { descriptor_code: 'SM99ZZ' }, opts),
    );
    expect(code).toMatchObject({
      statusCode: 400,
      code: 'payment_method_microdeposit_verification_descriptor_code_mismatch',
      param: 'descriptor_code',
    });
    const verified = await stripe.setupIntents.verifyMicrodeposits(
      si.id,
      { descriptor_code: 'SM11AA' },
      opts,
    );
    expect(verified.status).toBe('succeeded');
    const again = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(si.id, { descriptor_code: 'SM11AA' }, opts),
    );
    expect(again).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
  });

  it('fails the intent with Stripe’s codes for attempts exceeded (10, 11) and timeout (SM44DD)', async () => {
    const user = await treasuryUser(stripe);
    const opts = { stripeAccount: user.account };
    const exceeded = await typedBankSetup(user.account);
    const attempts = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(exceeded.id, { amounts: [10, 11] }, opts),
    );
    expect(attempts).toMatchObject({
      statusCode: 400,
      code: 'payment_method_microdeposit_verification_attempts_exceeded',
    });
    const after = await stripe.setupIntents.retrieve(exceeded.id, {}, opts);
    expect(after).toMatchObject({
      status: 'requires_payment_method',
      payment_method: null,
      next_action: null,
      last_setup_error: { code: 'payment_method_microdeposit_verification_attempts_exceeded' },
    });

    const late = await typedBankSetup(user.account);
    const timeout = await stripeError(
      stripe.setupIntents.verifyMicrodeposits(late.id, { descriptor_code: 'SM44DD' }, opts),
    );
    expect(timeout.code).toBe('payment_method_microdeposit_verification_timeout');
    const events = await stripe.events.list({ type: 'setup_intent.setup_failed' }, opts);
    expect(events.data.map((e) => (e.data.object as Stripe.SetupIntent).id).sort()).toEqual(
      [exceeded.id, late.id].sort(),
    );
  });

  it('fails the intent when the microdeposits of 000666666661 are due, as Stripe’s test number does', async () => {
    const user = await treasuryUser(stripe);
    const opts = { stripeAccount: user.account };
    const si = await stripe.setupIntents.create(
      {
        attach_to_self: true,
        flow_directions: ['inbound'],
        payment_method_data: {
          type: 'us_bank_account',
          us_bank_account: { routing_number: '110000000', account_number: '000666666661' },
          billing_details: { name: 'Jenny Rosen' },
        },
        confirm: true,
        mandate_data: MANDATE,
      },
      opts,
    );
    expect(si.status).toBe('requires_action');
    const due = si.next_action?.verify_with_microdeposits?.arrival_date ?? 0;
    sb.clock.advance(due - sb.clock.now() + 1);
    const failed = await stripe.setupIntents.retrieve(si.id, {}, opts);
    expect(failed).toMatchObject({
      status: 'requires_payment_method',
      last_setup_error: { code: 'payment_method_microdeposit_failed' },
    });
  });

  it('does not ask a bank linked through Financial Connections for microdeposits', async () => {
    const user = await treasuryUser(stripe);
    const [fc] = await linkBank(sb, stripe, {
      account: user.account,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    // The helper asserts the SetupIntent succeeded at once.
    const pm = await inboundPaymentMethod(stripe, user.account, fc?.id ?? '');
    const transfer = await topUp(user, pm);
    expect(transfer.status).toBe('processing');
  });
});

describe('cancel, detach and a customer’s PaymentMethods', () => {
  it('cancels a SetupIntent with a reason, and refuses to cancel it twice', async () => {
    const si = await stripe.setupIntents.create({ usage: 'off_session' });
    const canceled = await stripe.setupIntents.cancel(si.id, {
      cancellation_reason: 'abandoned',
    });
    expect(canceled).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned' });
    const twice = await stripeError(stripe.setupIntents.cancel(si.id));
    expect(twice).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
    const missing = await stripeError(stripe.setupIntents.cancel('seti_missing'));
    expect(missing).toMatchObject({ statusCode: 404, param: 'id' });
    expect(missing.message).toBe("No such setupintent: 'seti_missing'");
  });

  it('lists a customer’s PaymentMethods and detaches one', async () => {
    const customer = await stripe.customers.create({ name: 'Detach Me' });
    const pm = await stripe.paymentMethods.create({
      type: 'us_bank_account',
      us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
      billing_details: { name: 'Detach Me' },
    });
    await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
    const listed = await stripe.customers.listPaymentMethods(customer.id, {
      type: 'us_bank_account',
    });
    expect(listed.data.map((m) => m.id)).toEqual([pm.id]);
    expect(listed.url).toBe(`/v1/customers/${customer.id}/payment_methods`);

    const detached = await stripe.paymentMethods.detach(pm.id);
    expect(detached.customer).toBeNull();
    const after = await stripe.customers.listPaymentMethods(customer.id);
    expect(after.data).toEqual([]);
    const events = await stripe.events.list({ type: 'payment_method.detached' });
    expect(events.data[0]?.data.object).toMatchObject({ id: pm.id, customer: null });

    const twice = await stripeError(stripe.paymentMethods.detach(pm.id));
    expect(twice).toMatchObject({ statusCode: 400, code: 'payment_method_unexpected_state' });
    const unknown = await stripeError(stripe.customers.listPaymentMethods('cus_missing'));
    expect(unknown).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });
});
