/**
 * Stripe's wire protocol as the sandbox speaks it: authentication, the error envelope for each
 * kind of bad input, form encoding, `expand[]`, `Request-Id` and `Stripe-Account` partitions.
 */
import Stripe from 'stripe';
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

describe('headers', () => {
  it('gives every response its own req_ Request-Id and echoes the Stripe-Version', async () => {
    const first = await stripe.customers.create({ email: 'a@example.com' });
    const second = await stripe.customers.list();
    expect(first.lastResponse.requestId).toMatch(/^req_[0-9A-Za-z]{14}$/);
    expect(second.lastResponse.requestId).toMatch(/^req_/);
    expect(first.lastResponse.requestId).not.toBe(second.lastResponse.requestId);
    expect(first.lastResponse.apiVersion).toBe(Stripe.API_VERSION);

    const pinned = await raw(sb, 'GET', '/v1/customers', {
      headers: { 'Stripe-Version': '2023-08-16' },
    });
    expect(pinned.headers.get('stripe-version')).toBe('2023-08-16');
    expect(pinned.headers.get('request-id')).toMatch(/^req_/);
  });

  it('accepts the API versions stripe-node 20 to 23 pin', async () => {
    for (const apiVersion of ['2025-11-17.clover', '2026-03-25.dahlia', '2026-09-30.endive']) {
      const client = sb.stripe({ maxNetworkRetries: 0, apiVersion: apiVersion as never });
      const customer = await client.customers.create({ name: 'Versioned' });
      expect(customer.lastResponse.apiVersion).toBe(apiVersion);
    }
  });

  it('refuses a Stripe-Version Stripe never released, as Stripe does', async () => {
    for (const version of ['2026-08-26.clover', '2024-10-28', 'latest']) {
      const client = sb.stripe({ maxNetworkRetries: 0, apiVersion: version as never });
      const error = await stripeError(client.customers.create({ name: 'Nope' }));
      expect(error).toMatchObject({
        statusCode: 400,
        type: 'StripeInvalidRequestError',
        code: undefined,
        message: `Invalid Stripe API version: ${version}`,
      });
    }
    // Nothing ran: the refused create left no customer behind.
    const named = await stripe.customers.list({ limit: 100 });
    expect(named.data.some((c) => c.name === 'Nope')).toBe(false);
  });

  it('answers a JSON body with a clear 400 instead of misreading it', async () => {
    const response = await raw(sb, 'POST', '/v1/customers', {
      headers: { 'Content-Type': 'application/json' },
      form: JSON.stringify({ email: 'json@example.com' }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      param: 'body',
      message: expect.stringContaining('form-encoded') as unknown,
    });
  });

  it('puts a Request-Id on errors too, and stripe-node reports it', async () => {
    const error = await stripeError(stripe.customers.retrieve('cus_missing'));
    expect(error.requestId).toMatch(/^req_/);
    expect(error.headers['request-id']).toBe(error.requestId);
  });
});

describe('authentication', () => {
  it('answers 401 when no API key is sent', async () => {
    const response = await raw(sb, 'GET', '/v1/customers', { key: null });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: {
        type: 'invalid_request_error',
        message: expect.stringContaining('You did not provide an API key') as unknown,
        request_log_url: expect.stringMatching(
          /^https:\/\/dashboard\.stripe\.com\/test\/logs\/req_\w+\?t=\d+$/,
        ) as unknown,
      },
    });
    expect(response.headers.get('request-id')).toMatch(/^req_/);
  });

  it('answers 401 with the key masked for an unknown secret key', async () => {
    const other = new Stripe('sk_test_not_the_sandbox_key_123456', {
      host: '127.0.0.1',
      port: sb.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const error = await stripeError(other.customers.list());
    expect(error.statusCode).toBe(401);
    expect(error.type).toBe('StripeAuthenticationError');
    expect(error.rawType).toBe('invalid_request_error');
    expect(error.message).toMatch(/^Invalid API Key provided: sk_test_\*+3456$/);
    expect(error.message).not.toContain('not_the_sandbox');
  });

  it('refuses the publishable key on secret-key endpoints', async () => {
    const response = await raw(sb, 'GET', '/v1/customers', { key: sb.publishableKey });
    expect(response.status).toBe(401);
    expect((response.body.error as { message: string }).message).toContain(
      'cannot be made with a publishable API key',
    );
  });

  it('accepts the secret key as a Basic auth user name', async () => {
    const response = await raw(sb, 'GET', '/v1/customers', {
      key: null,
      headers: { Authorization: `Basic ${Buffer.from(`${sb.secretKey}:`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(response.body.object).toBe('list');
  });

  it('requires the secret key on /_sandbox endpoints as well', async () => {
    const response = await raw(sb, 'GET', '/_sandbox/clock', { key: null });
    expect(response.status).toBe(401);
  });
});

describe('unknown URLs', () => {
  it('answers 404 Unrecognized request URL for a path it does not serve', async () => {
    const response = await raw(sb, 'GET', '/v1/charges');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: {
        type: 'invalid_request_error',
        message: expect.stringMatching(
          /^Unrecognized request URL \(GET: \/v1\/charges\)/,
        ) as unknown,
        request_log_url: expect.stringContaining(
          response.headers.get('request-id') ?? '-',
        ) as unknown,
      },
    });
  });

  it('treats /v1/customers/search as an unknown URL, not as a customer id', async () => {
    const response = await raw(sb, 'GET', '/v1/customers/search?query=email%3A%27a%40b.c%27');
    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringMatching(
        /^Unrecognized request URL \(GET: \/v1\/customers\/search\)/,
      ) as unknown,
    });
    expect(response.body.error).not.toHaveProperty('code');
  });

  it('answers 404 for a known path with a method it does not serve', async () => {
    const response = await raw(sb, 'DELETE', '/v1/treasury/financial_accounts');
    expect(response.status).toBe(404);
    expect((response.body.error as { message: string }).message).toContain(
      '(DELETE: /v1/treasury/financial_accounts)',
    );
  });

  it('reports an unknown URL to stripe-node as an invalid request', async () => {
    const error = await stripeError(stripe.rawRequest('GET', '/v1/nothing_here'));
    expect(error.statusCode).toBe(404);
    expect(error.type).toBe('StripeInvalidRequestError');
  });
});

describe('the error envelope for bad input', () => {
  it('names a missing required param', async () => {
    const error = await stripeError(
      stripe.treasury.inboundTransfers.create({
        amount: 100,
        financial_account: 'fa_x',
        origin_payment_method: 'pm_usBankAccount',
      } as Stripe.Treasury.InboundTransferCreateParams),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      rawType: 'invalid_request_error',
      code: 'parameter_missing',
      param: 'currency',
      message: 'Missing required param: currency.',
    });
    expect(error.raw.doc_url).toBe('https://stripe.com/docs/error-codes/parameter-missing');
  });

  it('names an unknown param', async () => {
    const error = await stripeError(
      stripe.customers.create({ nickname: 'x' } as Stripe.CustomerCreateParams),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'nickname',
      message: 'Received unknown parameter: nickname',
    });
  });

  it('rejects a value that is not an integer', async () => {
    const response = await raw(sb, 'POST', '/v1/treasury/inbound_transfers', {
      form: 'amount=12.5&currency=usd&financial_account=fa_x&origin_payment_method=pm_usBankAccount',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'parameter_invalid_integer',
      param: 'amount',
      message: 'Invalid integer: 12.5',
    });
  });

  it('rejects an empty value for a param that cannot be unset', async () => {
    const error = await stripeError(
      stripe.treasury.inboundTransfers.create({
        amount: '' as unknown as number,
        currency: 'usd',
        financial_account: 'fa_x',
        origin_payment_method: 'pm_usBankAccount',
      }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'parameter_invalid_empty',
      param: 'amount',
    });
    expect(error.message).toContain("You passed an empty string for 'amount'");
  });

  it('accepts an empty value as "unset" where Stripe allows it', async () => {
    const customer = await stripe.customers.create({ email: 'x@example.com', name: 'X' });
    const updated = await stripe.customers.update(customer.id, { name: '' });
    expect(updated.name).toBeNull();
    expect(updated.email).toBe('x@example.com');
  });

  it('rejects a value outside an enum, naming the nested param path', async () => {
    const error = await stripeError(
      stripe.financialConnections.sessions.create({
        account_holder: { type: 'robot' },
        permissions: ['balances'],
      }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: undefined,
      param: 'account_holder[type]',
      message: 'Invalid account_holder[type]: must be one of account, or customer',
    });
  });

  it('names a missing nested param by its bracket path', async () => {
    const error = await stripeError(
      stripe.financialConnections.sessions.create({
        account_holder: {
          customer: 'cus_x',
        } as Stripe.FinancialConnections.SessionCreateParams.AccountHolder,
        permissions: ['balances'],
      }),
    );
    expect(error).toMatchObject({ code: 'parameter_missing', param: 'account_holder[type]' });
  });

  it('names an unknown nested param by its bracket path', async () => {
    const response = await raw(sb, 'POST', '/v1/financial_connections/sessions', {
      form: 'account_holder[type]=customer&account_holder[typo]=1&permissions[]=balances',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'parameter_unknown',
      param: 'account_holder[typo]',
    });
  });

  it('names the element of an array that is invalid', async () => {
    const response = await raw(sb, 'POST', '/v1/financial_connections/sessions', {
      form: 'account_holder[type]=customer&account_holder[customer]=cus_x&permissions[]=balances&permissions[]=everything',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ param: 'permissions[1]' });
    expect(response.body.error).not.toHaveProperty('code');
  });

  it('rejects a scalar where a hash is expected', async () => {
    const response = await raw(sb, 'POST', '/v1/financial_connections/sessions', {
      form: 'account_holder=customer&permissions[]=balances',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ param: 'account_holder' });
    expect(response.body.error).not.toHaveProperty('code');
  });

  it('rejects a string longer than the param allows', async () => {
    const error = await stripeError(stripe.customers.create({ phone: '1'.repeat(21) }));
    expect(error).toMatchObject({ code: undefined, param: 'phone' });
  });

  it('answers 404 resource_missing with the id param for an unknown object', async () => {
    const error = await stripeError(stripe.customers.retrieve('cus_nope'));
    expect(error).toMatchObject({
      statusCode: 404,
      type: 'StripeInvalidRequestError',
      code: 'resource_missing',
      param: 'id',
      message: "No such customer: 'cus_nope'",
    });
  });
});

describe('form encoding', () => {
  async function holder(): Promise<string> {
    return (await stripe.customers.create({ name: 'Form Tester' })).id;
  }

  it('accepts arrays sent as a[]=x (curl style)', async () => {
    const customer = await holder();
    const response = await raw(sb, 'POST', '/v1/financial_connections/sessions', {
      form: `account_holder[type]=customer&account_holder[customer]=${customer}&permissions[]=balances&permissions[]=transactions&prefetch[]=balances`,
    });
    expect(response.status).toBe(200);
    expect(response.body.permissions).toEqual(['balances', 'transactions']);
    expect(response.body.prefetch).toEqual(['balances']);
  });

  it('accepts arrays sent as a[0]=x (stripe-node style) and percent-encoded brackets', async () => {
    const customer = await holder();
    const response = await raw(sb, 'POST', '/v1/financial_connections/sessions', {
      form: `account_holder%5Btype%5D=customer&account_holder%5Bcustomer%5D=${customer}&permissions%5B1%5D=transactions&permissions%5B0%5D=ownership`,
    });
    expect(response.status).toBe(200);
    expect(response.body.permissions).toEqual(['ownership', 'transactions']);
  });

  it('decodes metadata hashes and percent-encoded values', async () => {
    const response = await raw(sb, 'POST', '/v1/customers', {
      form: 'name=Ren%C3%A9e+O%27Hara&metadata[plan]=pro&metadata[note]=a%26b%3Dc',
    });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe("Renée O'Hara");
    expect(response.body.metadata).toEqual({ plan: 'pro', note: 'a&b=c' });
  });

  it('reads GET params from the query string', async () => {
    await stripe.customers.create({ email: 'query@example.com' });
    const response = await raw(sb, 'GET', '/v1/customers?email=query%40example.com&limit=1');
    expect(response.status).toBe(200);
    const data = response.body.data as { email: string }[];
    expect(data).toHaveLength(1);
    expect(data[0]?.email).toBe('query@example.com');
  });
});

describe('expand[]', () => {
  it('replaces an id with its object', async () => {
    const customer = await stripe.customers.create({ name: 'Expand Me' });
    const session = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances'],
    });
    const completed = await raw(
      sb,
      'POST',
      `/_sandbox/financial_connections/sessions/${session.id}/complete`,
      { form: 'institution=fcinst_stripebank&accounts[]=checking' },
    );
    expect(completed.status).toBe(200);
    const fcId = (completed.body.accounts as { data: { id: string }[] }).data[0]?.id ?? '';

    const plain = await stripe.financialConnections.accounts.retrieve(fcId);
    expect(plain.account_holder?.customer).toBe(customer.id);
    const expanded = await stripe.financialConnections.accounts.retrieve(fcId, {
      expand: ['account_holder.customer'],
    });
    expect(expanded.account_holder?.customer).toMatchObject({
      id: customer.id,
      object: 'customer',
      name: 'Expand Me',
    });
  });

  it('expands inside list items with data.x', async () => {
    const customer = await stripe.customers.create({ name: 'List Expand' });
    const session = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances'],
    });
    await raw(sb, 'POST', `/_sandbox/financial_connections/sessions/${session.id}/complete`, {
      form: 'institution=fcinst_stripebank&accounts[]=checking&accounts[]=savings',
    });
    const list = await stripe.financialConnections.accounts.list({
      session: session.id,
      expand: ['data.account_holder.customer'],
    });
    expect(list.data).toHaveLength(2);
    for (const account of list.data) {
      expect(account.account_holder?.customer).toMatchObject({ id: customer.id });
    }
  });

  it('rejects a path that cannot be expanded', async () => {
    const customer = await stripe.customers.create({ name: 'Nope' });
    const error = await stripeError(stripe.customers.retrieve(customer.id, { expand: ['email'] }));
    expect(error).toMatchObject({
      statusCode: 400,
      code: undefined,
      param: 'expand',
    });
  });

  it('rejects expansions deeper than four levels', async () => {
    const customer = await stripe.customers.create({ name: 'Deep' });
    const error = await stripeError(
      stripe.customers.retrieve(customer.id, { expand: ['a.b.c.d.e'] }),
    );
    expect(error.code).toBeUndefined();
    expect(error.message).toContain('more than 4 levels');
  });
});

describe('Stripe-Account partitions', () => {
  it('refuses a Stripe-Account the key cannot act for', async () => {
    const unknown = await stripeError(
      stripe.customers.list({}, { stripeAccount: 'acct_1DoesNotExist00000000000' }),
    );
    expect(unknown).toMatchObject({ statusCode: 403, code: 'account_invalid' });
    const deleted = await connectedAccount(stripe, 'deleted');
    await stripe.accounts.del(deleted);
    const afterDelete = await stripeError(stripe.customers.list({}, { stripeAccount: deleted }));
    expect(afterDelete).toMatchObject({ statusCode: 403, code: 'account_invalid' });
  });

  it('keeps an object made on one connected account invisible to another and to the platform', async () => {
    const accountA = await connectedAccount(stripe, 'A');
    const accountB = await connectedAccount(stripe, 'B');
    const customer = await stripe.customers.create(
      { email: 'only-on-a@example.com' },
      { stripeAccount: accountA },
    );
    expect(customer.lastResponse.stripeAccount).toBe(accountA);

    const found = await stripe.customers.retrieve(customer.id, {}, { stripeAccount: accountA });
    expect(found.id).toBe(customer.id);

    const onB = await stripeError(
      stripe.customers.retrieve(customer.id, {}, { stripeAccount: accountB }),
    );
    expect(onB).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const onPlatform = await stripeError(stripe.customers.retrieve(customer.id));
    expect(onPlatform).toMatchObject({ statusCode: 404, code: 'resource_missing' });

    const listB = await stripe.customers.list(
      { email: 'only-on-a@example.com' },
      { stripeAccount: accountB },
    );
    expect(listB.data).toEqual([]);
  });

  it('keeps FC accounts and financial accounts inside their connected account', async () => {
    const accountA = await connectedAccount(stripe, 'A2');
    const accountB = await connectedAccount(stripe, 'B2');
    const [fc] = await linkBank(sb, stripe, {
      account: accountA,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    const fcId = fc?.id ?? '';
    const onB = await stripeError(
      stripe.financialConnections.accounts.retrieve(fcId, {}, { stripeAccount: accountB }),
    );
    expect(onB).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    const onPlatform = await stripeError(stripe.financialConnections.accounts.retrieve(fcId));
    expect(onPlatform.statusCode).toBe(404);
  });

  it('lets only the platform manage connected accounts', async () => {
    const account = await connectedAccount(stripe, 'Managed');
    const error = await stripeError(
      stripe.accounts.retrieve(account, {}, { stripeAccount: account }),
    );
    expect(error.statusCode).toBe(403);
    expect(error.type).toBe('StripePermissionError');
  });
});
