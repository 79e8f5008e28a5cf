/**
 * us_bank_account PaymentMethods (from test account numbers or from a linked FC account) and
 * the SetupIntents that make them usable as a Treasury top-up source.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { connectedAccount, linkBank, raw, stripeError, TUESDAY } from './helpers.js';

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

function testBankPaymentMethod(
  accountNumber = '000123456789',
  options: Stripe.RequestOptions = {},
): Promise<Stripe.PaymentMethod> {
  return stripe.paymentMethods.create(
    {
      type: 'us_bank_account',
      us_bank_account: {
        routing_number: '110000000',
        account_number: accountNumber,
        account_holder_type: 'individual',
      },
      billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' },
    },
    options,
  );
}

describe('payment methods', () => {
  it('creates a us_bank_account PaymentMethod from Stripe’s test account numbers', async () => {
    const pm = await testBankPaymentMethod();
    expect(pm.id).toMatch(/^pm_/);
    expect(pm).toMatchObject({
      object: 'payment_method',
      type: 'us_bank_account',
      customer: null,
      billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' },
      us_bank_account: {
        bank_name: 'STRIPE TEST BANK',
        last4: '6789',
        routing_number: '110000000',
        account_type: 'checking',
        account_holder_type: 'individual',
        financial_connections_account: null,
      },
    });
    const again = await testBankPaymentMethod();
    expect(again.us_bank_account?.fingerprint).toBe(pm.us_bank_account?.fingerprint);
    const fetched = await stripe.paymentMethods.retrieve(pm.id);
    expect(fetched.id).toBe(pm.id);
  });

  it('names the missing bank details by their own param paths', async () => {
    const noBank = await stripeError(
      stripe.paymentMethods.create({
        type: 'us_bank_account',
        billing_details: { name: 'Jenny Rosen' },
      }),
    );
    expect(noBank).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'us_bank_account',
    });
    const noName = await stripeError(
      stripe.paymentMethods.create({
        type: 'us_bank_account',
        us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
      }),
    );
    expect(noName).toMatchObject({ code: 'parameter_missing', param: 'billing_details[name]' });
    const noRouting = await stripeError(
      stripe.paymentMethods.create({
        type: 'us_bank_account',
        us_bank_account: { account_number: '000123456789' },
        billing_details: { name: 'Jenny Rosen' },
      }),
    );
    expect(noRouting).toMatchObject({
      code: 'parameter_missing',
      param: 'us_bank_account[routing_number]',
    });
  });

  it('refuses a routing number that is not nine digits', async () => {
    const error = await stripeError(
      stripe.paymentMethods.create({
        type: 'us_bank_account',
        us_bank_account: { routing_number: '11000000X', account_number: '000123456789' },
        billing_details: { name: 'Jenny Rosen' },
      }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'routing_number_invalid',
      param: 'us_bank_account[routing_number]',
    });
  });

  it('updates billing details and metadata', async () => {
    const pm = await testBankPaymentMethod();
    const updated = await stripe.paymentMethods.update(pm.id, {
      billing_details: { name: 'Jenny R. Rosen' },
      metadata: { source: 'test' },
    });
    expect(updated.billing_details.name).toBe('Jenny R. Rosen');
    expect(updated.billing_details.email).toBe('jenny@example.com');
    expect(updated.metadata).toEqual({ source: 'test' });
  });

  it('attaches to a customer and lists by customer and type', async () => {
    const customer = await stripe.customers.create({ name: 'PM Owner' });
    const pm = await testBankPaymentMethod();
    const attached = await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
    expect(attached.customer).toBe(customer.id);
    const list = await stripe.paymentMethods.list({
      customer: customer.id,
      type: 'us_bank_account',
    });
    expect(list.data.map((p) => p.id)).toEqual([pm.id]);
    const missing = await stripeError(
      stripe.paymentMethods.attach(pm.id, { customer: 'cus_missing' }),
    );
    expect(missing).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'customer' });
  });

  it('makes a PaymentMethod from a linked FC account with the bank’s name and last4', async () => {
    const holder = await connectedAccount(stripe);
    const [fc] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['savings'],
    });
    const pm = await stripe.paymentMethods.create(
      {
        type: 'us_bank_account',
        us_bank_account: { financial_connections_account: fc?.id ?? '' },
        billing_details: { name: 'Jenny Rosen' },
      },
      { stripeAccount: holder },
    );
    expect(pm.us_bank_account).toMatchObject({
      bank_name: 'STRIPEBANK',
      last4: '4321',
      account_type: 'savings',
      routing_number: '110000000',
      financial_connections_account: fc?.id,
    });
  });

  it('refuses an FC account without the payment_method permission, a credit card, or one of another account', async () => {
    const holder = await connectedAccount(stripe);
    const [noPermission] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
      permissions: ['balances'],
    });
    const make = (fcId: string, account?: string): Promise<Stripe.PaymentMethod> =>
      stripe.paymentMethods.create(
        {
          type: 'us_bank_account',
          us_bank_account: { financial_connections_account: fcId },
          billing_details: { name: 'Jenny Rosen' },
        },
        account ? { stripeAccount: account } : {},
      );
    const permission = await stripeError(make(noPermission?.id ?? '', holder));
    expect(permission).toMatchObject({
      statusCode: 400,
      code: undefined,
      param: 'us_bank_account[financial_connections_account]',
    });
    expect(permission.message).toContain('`payment_method` permission');

    const other = await connectedAccount(stripe);
    const [card] = await linkBank(sb, stripe, {
      account: other,
      institution: 'fcinst_stripebank',
      accounts: ['credit_card'],
    });
    const credit = await stripeError(make(card?.id ?? '', other));
    expect(credit).toMatchObject({ statusCode: 400, code: 'payment_method_unsupported_type' });
    const foreign = await stripeError(make(card?.id ?? '', holder));
    expect(foreign).toMatchObject({ statusCode: 400, code: 'resource_missing' });
  });
});

describe('setup intents', () => {
  it('goes requires_payment_method → requires_confirmation → succeeded with a mandate', async () => {
    const holder = await connectedAccount(stripe);
    const opts = { stripeAccount: holder };
    const si = await stripe.setupIntents.create(
      {
        attach_to_self: true,
        flow_directions: ['inbound'],
        allowed_payment_method_types: ['us_bank_account'],
        metadata: { purpose: 'top-up' },
      },
      opts,
    );
    expect(si.id).toMatch(/^seti_/);
    expect(si.client_secret).toMatch(new RegExp(`^${si.id}_secret_`));
    expect(si).toMatchObject({
      object: 'setup_intent',
      status: 'requires_payment_method',
      attach_to_self: true,
      flow_directions: ['inbound'],
      allowed_payment_method_types: ['us_bank_account'],
      payment_method_types: ['us_bank_account'],
      payment_method: null,
      mandate: null,
    });

    const pm = await testBankPaymentMethod('000123456789', opts);
    const updated = await stripe.setupIntents.update(
      si.id,
      { payment_method: pm.id, description: 'Top-up source' },
      opts,
    );
    expect(updated).toMatchObject({
      status: 'requires_confirmation',
      payment_method: pm.id,
      description: 'Top-up source',
    });

    // Numbers typed by hand: Stripe sends microdeposits, the intent waits for them.
    const confirmed = await stripe.setupIntents.confirm(si.id, { mandate_data: MANDATE }, opts);
    expect(confirmed.status).toBe('requires_action');
    expect(confirmed.mandate).toMatch(/^mandate_/);
    const verified = await stripe.setupIntents.verifyMicrodeposits(
      si.id,
      { amounts: [32, 45] },
      opts,
    );
    expect(verified).toMatchObject({ status: 'succeeded', next_action: null });

    const expanded = await stripe.setupIntents.retrieve(
      si.id,
      { expand: ['payment_method', 'mandate'] },
      opts,
    );
    expect(expanded.payment_method).toMatchObject({ id: pm.id, object: 'payment_method' });
    expect(expanded.mandate).toMatchObject({
      object: 'mandate',
      status: 'active',
      payment_method: pm.id,
      customer_acceptance: { type: 'online', online: { ip_address: '203.0.113.7' } },
    });

    const events = await stripe.events.list({ types: ['setup_intent.*'] }, opts);
    expect(events.data.map((e) => e.type)).toEqual([
      'setup_intent.succeeded',
      'setup_intent.requires_action',
      'setup_intent.created',
    ]);
  });

  it('creates and confirms in one call from payment_method_data', async () => {
    const holder = await connectedAccount(stripe);
    const si = await stripe.setupIntents.create(
      {
        attach_to_self: true,
        flow_directions: ['inbound', 'outbound'],
        payment_method_data: {
          type: 'us_bank_account',
          us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
          billing_details: { name: 'Jenny Rosen' },
        },
        confirm: true,
        mandate_data: MANDATE,
      },
      { stripeAccount: holder },
    );
    expect(si.status).toBe('requires_action');
    const verified = await stripe.setupIntents.verifyMicrodeposits(
      si.id,
      { descriptor_code: 'SM11AA' },
      { stripeAccount: holder },
    );
    expect(verified.status).toBe('succeeded');
    const pm = await stripe.paymentMethods.retrieve(
      si.payment_method as string,
      {},
      { stripeAccount: holder },
    );
    expect(pm.us_bank_account?.last4).toBe('6789');
  });

  it('still accepts the older payment_method_types name', async () => {
    const response = await raw(sb, 'POST', '/v1/setup_intents', {
      form: 'payment_method_types[]=us_bank_account&usage=off_session',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      payment_method_types: ['us_bank_account'],
      allowed_payment_method_types: null,
    });
  });

  it('refuses to confirm without a mandate, and a confirmed intent can be neither updated nor confirmed again', async () => {
    const pm = await testBankPaymentMethod();
    const si = await stripe.setupIntents.create({ payment_method: pm.id });
    expect(si.status).toBe('requires_confirmation');
    const noMandate = await stripeError(stripe.setupIntents.confirm(si.id));
    expect(noMandate).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'mandate_data',
    });
    await stripe.setupIntents.confirm(si.id, { mandate_data: MANDATE });
    await stripe.setupIntents.verifyMicrodeposits(si.id, { amounts: [32, 45] });
    const update = await stripeError(stripe.setupIntents.update(si.id, { description: 'x' }));
    expect(update).toMatchObject({ statusCode: 400, code: 'setup_intent_unexpected_state' });
    const twice = await stripeError(stripe.setupIntents.confirm(si.id, { mandate_data: MANDATE }));
    expect(twice.code).toBe('setup_intent_unexpected_state');
  });

  it('refuses attach_to_self with a customer, and flow_directions without attach_to_self', async () => {
    const customer = await stripe.customers.create({ name: 'Both' });
    const both = await stripeError(
      stripe.setupIntents.create({ attach_to_self: true, customer: customer.id }),
    );
    expect(both).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
    const directions = await stripeError(
      stripe.setupIntents.create({ flow_directions: ['inbound'] }),
    );
    expect(directions).toMatchObject({ statusCode: 400, param: 'flow_directions' });
  });

  it('leaves no SetupIntent behind when confirm: true fails validation', async () => {
    const holder = await connectedAccount(stripe);
    const error = await stripeError(
      stripe.setupIntents.create(
        {
          attach_to_self: true,
          payment_method_data: {
            type: 'us_bank_account',
            us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
            billing_details: { name: 'Jenny Rosen' },
          },
          confirm: true,
        },
        { stripeAccount: holder },
      ),
    );
    expect(error.param).toBe('mandate_data');
    const list = await stripe.setupIntents.list({}, { stripeAccount: holder });
    expect(list.data).toEqual([]);
  });

  it('refuses to attach a PaymentMethod set up with attach_to_self to a customer', async () => {
    const holder = await connectedAccount(stripe);
    const opts = { stripeAccount: holder };
    const si = await stripe.setupIntents.create(
      {
        attach_to_self: true,
        flow_directions: ['inbound'],
        payment_method_data: {
          type: 'us_bank_account',
          us_bank_account: { routing_number: '110000000', account_number: '000123456789' },
          billing_details: { name: 'Jenny Rosen' },
        },
        confirm: true,
        mandate_data: MANDATE,
      },
      opts,
    );
    const customer = await stripe.customers.create({ name: 'Nope' }, opts);
    const error = await stripeError(
      stripe.paymentMethods.attach(si.payment_method as string, { customer: customer.id }, opts),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'payment_method_unexpected_state' });
  });

  it('lists setup intents filtered by attach_to_self and payment_method', async () => {
    const holder = await connectedAccount(stripe);
    const opts = { stripeAccount: holder };
    const pm = await testBankPaymentMethod('000123456789', opts);
    const self = await stripe.setupIntents.create({ attach_to_self: true }, opts);
    const withPm = await stripe.setupIntents.create({ payment_method: pm.id }, opts);
    const selfList = await stripe.setupIntents.list({ attach_to_self: true }, opts);
    expect(selfList.data.map((s) => s.id)).toEqual([self.id]);
    const pmList = await stripe.setupIntents.list({ payment_method: pm.id }, opts);
    expect(pmList.data.map((s) => s.id)).toEqual([withPm.id]);
    const all = await stripe.setupIntents.list({}, opts);
    expect(all.data.map((s) => s.id)).toEqual([withPm.id, self.id]);
  });
});
