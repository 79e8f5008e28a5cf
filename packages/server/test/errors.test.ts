import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type CallOptions, type Harness } from './harness.js';

let h: Harness;
let fca: string;
let pm: string;
let ibt: string;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const accounts = await h.call('freelancer', 'GET', '/accounts');
  fca = (accounts.body.data as { id: string }[])[0]?.id ?? '';
  const sources = await h.call('freelancer', 'GET', '/top-up-sources');
  pm = (sources.body.data as { id: string }[])[0]?.id ?? '';
  const topUp = await h.call('freelancer', 'POST', '/top-ups', {
    body: { sourceId: pm, amount: 10_00, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  ibt = topUp.body.id as string;
  expect([fca, pm, ibt]).toEqual([
    expect.stringMatching(/^fca_/),
    expect.stringMatching(/^pm_/),
    expect.stringMatching(/^ibt_/),
  ]);
});
afterAll(async () => {
  await h.close();
});

const logLength = async (): Promise<number> => (await h.stripeRequests()).length;

/** Sends a request and checks that the sandbox saw no Stripe call at all because of it. */
async function withoutStripe(method: string, path: string, options: CallOptions = {}) {
  const since = await logLength();
  const res = await h.call('freelancer', method, path, {
    ...options,
    headers: { 'idempotency-key': randomUUID(), ...options.headers },
  });
  const calls = (await h.stripeRequests()).slice(since).map((r) => `${r.method} ${r.path}`);
  return { res, calls };
}

/** A top-up body; tables are built before the fixtures exist, so the source is a stand-in. */
const topUp = (override: Record<string, unknown>) => ({
  body: { sourceId: 'pm_standin', amount: 10_00, currency: 'usd', ...override },
});
const json = (rawBody: string): CallOptions => ({
  rawBody,
  headers: { 'content-type': 'application/json' },
});

describe('malformed bodies: 400, never a 500, never sent to Stripe', () => {
  it.each<[string, string, string, CallOptions, string]>([
    ['truncated JSON', 'POST', '/top-ups', json('{"amount": 100,'), 'body_invalid'],
    [
      'JSON with a trailing comma',
      'PATCH',
      '/financial-account',
      json('{"nickname":"a",}'),
      'body_invalid',
    ],
    ['a bare JSON string', 'PATCH', '/financial-account', json('"nickname"'), 'body_invalid'],
    ['JSON null', 'POST', '/link-sessions', json('null'), 'body_invalid'],
    ['a JSON array', 'POST', '/top-ups', json('[{"amount": 100}]'), 'body_invalid'],
    [
      'text/plain',
      'POST',
      '/top-ups',
      { rawBody: '{"amount":100}', headers: { 'content-type': 'text/plain' } },
      'body_invalid',
    ],
    [
      'a form-encoded body',
      'POST',
      '/top-ups',
      {
        rawBody: 'amount=100&currency=usd',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      'body_invalid',
    ],
    [
      'no content type',
      'PATCH',
      '/financial-account',
      { rawBody: '{"nickname":"x"}', headers: { 'content-type': '' } },
      'body_invalid',
    ],
    [
      'a body over 16 KB',
      'POST',
      '/top-ups',
      topUp({ description: 'x'.repeat(17 * 1024) }),
      'body_too_large',
    ],
  ])('%s', async (_name, method, path, options, code) => {
    const { res, calls } = await withoutStripe(method, path, options);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.param).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('a body over 16 KB sent chunked, without Content-Length', async () => {
    const since = await logLength();
    const payload = new TextEncoder().encode(JSON.stringify({ nickname: 'n'.repeat(20_000) }));
    const res = await fetch(`${h.base}/financial-account`, {
      method: 'PATCH',
      headers: { 'x-test-user': 'freelancer', 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < payload.length; i += 4096)
            controller.enqueue(payload.slice(i, i + 4096));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('body_too_large');
    expect((await h.stripeRequests()).slice(since)).toEqual([]);
  });
});

describe('unknown fields, wrong types and polluting keys: 400 naming the parameter', () => {
  it.each<[string, string, string, CallOptions, string, string]>([
    [
      'metadata on a top-up',
      'POST',
      '/top-ups',
      topUp({ metadata: { a: 'b' } }),
      'parameter_unknown',
      'metadata',
    ],
    [
      'expand on a top-up',
      'POST',
      '/top-ups',
      topUp({ expand: ['financial_account'] }),
      'parameter_unknown',
      'expand',
    ],
    [
      'a Stripe account on a top-up',
      'POST',
      '/top-ups',
      topUp({ stripe_account: 'acct_123' }),
      'parameter_unknown',
      'stripe_account',
    ],
    [
      'a financial account on a top-up',
      'POST',
      '/top-ups',
      topUp({ financial_account: 'fa_123' }),
      'parameter_unknown',
      'financial_account',
    ],
    [
      'permissions on a link session',
      'POST',
      '/link-sessions',
      { body: { permissions: ['ownership'] } },
      'parameter_unknown',
      'permissions',
    ],
    [
      'an account holder on a link session',
      'POST',
      '/link-sessions',
      { body: { account_holder: { type: 'customer', customer: 'cus_1' } } },
      'parameter_unknown',
      'account_holder',
    ],
    [
      'a body on a refresh',
      'POST',
      '/accounts/fca_123/balance-refresh',
      { body: { features: ['ownership'] } },
      'parameter_unknown',
      'features',
    ],
    [
      'a body on cancel',
      'POST',
      '/top-ups/ibt_123/cancel',
      { body: { reason: 'x' } },
      'parameter_unknown',
      'reason',
    ],
    [
      'a body on disconnect',
      'POST',
      '/accounts/fca_123/disconnect',
      { body: { force: true } },
      'parameter_unknown',
      'force',
    ],
    [
      'the amount as a string',
      'POST',
      '/top-ups',
      topUp({ amount: '1000' }),
      'parameter_invalid',
      'amount',
    ],
    [
      'the amount as a boolean',
      'POST',
      '/top-ups',
      topUp({ amount: true }),
      'parameter_invalid',
      'amount',
    ],
    [
      'a fractional amount',
      'POST',
      '/top-ups',
      topUp({ amount: 10.5 }),
      'parameter_invalid',
      'amount',
    ],
    [
      'a negative amount',
      'POST',
      '/top-ups',
      topUp({ amount: -500 }),
      'parameter_invalid',
      'amount',
    ],
    ['a huge amount', 'POST', '/top-ups', topUp({ amount: 1e300 }), 'parameter_invalid', 'amount'],
    [
      'no amount',
      'POST',
      '/top-ups',
      { body: { sourceId: 'pm_1', currency: 'usd' } },
      'parameter_missing',
      'amount',
    ],
    [
      'a numeric sourceId',
      'POST',
      '/top-ups',
      topUp({ sourceId: 123 }),
      'parameter_invalid',
      'sourceId',
    ],
    [
      'an object as sourceId',
      'POST',
      '/top-ups',
      topUp({ sourceId: { id: 'pm_1' } }),
      'parameter_invalid',
      'sourceId',
    ],
    [
      'sameDay as a string',
      'POST',
      '/top-ups',
      topUp({ sameDay: 'yes' }),
      'parameter_invalid',
      'sameDay',
    ],
    [
      'a description object',
      'POST',
      '/top-ups',
      topUp({ description: { text: 'x' } }),
      'parameter_invalid',
      'description',
    ],
    [
      'a nickname list',
      'PATCH',
      '/financial-account',
      { body: { nickname: ['a'] } },
      'parameter_invalid',
      'nickname',
    ],
    [
      '__proto__ at the top',
      'POST',
      '/top-ups',
      json(`{"__proto__":{"polluted":true},"sourceId":"pm_1","amount":1000,"currency":"usd"}`),
      'parameter_unknown',
      '__proto__',
    ],
    [
      'constructor at the top',
      'POST',
      '/top-ups',
      json(
        `{"constructor":{"prototype":{"polluted":true}},"sourceId":"pm_1","amount":1000,"currency":"usd"}`,
      ),
      'parameter_unknown',
      'constructor',
    ],
    [
      '__proto__ nested in a field',
      'PATCH',
      '/financial-account',
      json(`{"nickname":{"__proto__":{"polluted":true}}}`),
      'parameter_unknown',
      'nickname.__proto__',
    ],
    [
      'prototype nested in a field',
      'POST',
      '/link-sessions',
      json(`{"a":{"prototype":{"polluted":true}}}`),
      'parameter_unknown',
      'a.prototype',
    ],
    [
      'an unknown query parameter',
      'GET',
      '/accounts?expand=balance',
      {},
      'parameter_unknown',
      'expand',
    ],
    ['__proto__ in the query', 'GET', '/top-ups?__proto__=x', {}, 'parameter_unknown', '__proto__'],
    [
      'constructor in the query',
      'GET',
      '/top-up-sources?constructor=x',
      {},
      'parameter_unknown',
      'constructor',
    ],
    [
      'a query on one account',
      'GET',
      '/accounts/fca_123?include=numbers',
      {},
      'parameter_unknown',
      'include',
    ],
    ['a non-numeric limit', 'GET', '/top-ups?limit=ten', {}, 'parameter_invalid', 'limit'],
    ['a limit of 0', 'GET', '/top-ups?limit=0', {}, 'parameter_invalid', 'limit'],
    [
      'a limit over 100',
      'GET',
      '/accounts/fca_123/transactions?limit=101',
      {},
      'parameter_invalid',
      'limit',
    ],
    ['a repeated limit', 'GET', '/top-ups?limit=1&limit=2', {}, 'parameter_invalid', 'limit'],
    ['an unknown status', 'GET', '/top-ups?status=pending', {}, 'parameter_invalid', 'status'],
    [
      'a date as from',
      'GET',
      '/accounts/fca_123/transactions?from=2026-01-01',
      {},
      'parameter_invalid',
      'from',
    ],
  ])('%s', async (_name, method, path, options, code, param) => {
    const { res, calls } = await withoutStripe(method, path, options);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: 'invalid_request_error', code, param });
    expect(calls).toEqual([]);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('ids with the wrong prefix: 400 naming the parameter, nothing sent to Stripe', () => {
  it.each<[string, string, CallOptions, string]>([
    ['GET', '/accounts/ibt_123', {}, 'id'],
    ['GET', '/accounts/acct_123', {}, 'id'],
    ['POST', '/accounts/pm_123/balance-refresh', {}, 'id'],
    ['GET', '/accounts/fcsess_123/transactions', {}, 'id'],
    ['POST', '/accounts/fa_123/transactions-refresh', {}, 'id'],
    ['PUT', '/accounts/cus_123/transactions-subscription', {}, 'id'],
    ['DELETE', '/accounts/ibt_123/transactions-subscription', {}, 'id'],
    ['POST', '/accounts/acct_123/disconnect', {}, 'id'],
    ['POST', '/link-sessions/fca_123/complete', {}, 'id'],
    ['GET', '/top-ups/fca_123', {}, 'id'],
    ['POST', '/top-ups/pm_123/cancel', {}, 'id'],
    ['POST', '/top-ups', topUp({ sourceId: 'fca_123' }), 'sourceId'],
    ['POST', '/top-ups', topUp({ sourceId: 'ba_123' }), 'sourceId'],
    ['GET', '/top-ups?cursor=fca_123', {}, 'cursor'],
    ['GET', '/accounts/fca_123/transactions?cursor=ibt_123', {}, 'cursor'],
    ['GET', '/accounts/fca_123/transactions?after=fctxn_123', {}, 'after'],
    ['GET', '/accounts/fca_abc%20def', {}, 'id'],
    ['GET', '/accounts/fca_..%2F..%2Fv1%2Fcustomers', {}, 'id'],
    ['GET', `/accounts/fca_${'a'.repeat(300)}`, {}, 'id'],
  ])('%s %s → 400 naming %s', async (method, path, options, param) => {
    const { res, calls } = await withoutStripe(method, path, options);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param });
    expect(calls).toEqual([]);
  });

  it('an Idempotency-Key that is not visible ASCII is refused before anything is sent', async () => {
    const { res, calls } = await withoutStripe('POST', '/top-ups', {
      ...topUp({}),
      headers: { 'idempotency-key': 'x'.repeat(201) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'Idempotency-Key' });
    expect(calls).toEqual([]);
  });

  it('same-day on a server that does not offer it is refused before anything is sent', async () => {
    const { res, calls } = await withoutStripe('POST', '/top-ups', topUp({ sameDay: true }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'same_day_unavailable', param: 'sameDay' });
    expect(calls).toEqual([]);
  });
});

describe('unknown ids: 404 resource_missing, with nothing of Stripe’s in the answer', () => {
  it.each<[string, string, CallOptions, string | undefined]>([
    ['GET', '/accounts/fca_unknown0000000', {}, undefined],
    ['POST', '/accounts/fca_unknown0000000/balance-refresh', {}, undefined],
    ['POST', '/accounts/fca_unknown0000000/disconnect', {}, undefined],
    ['POST', '/link-sessions/fcsess_unknown0000000/complete', {}, undefined],
    ['GET', '/top-ups/ibt_unknown0000000', {}, undefined],
    ['POST', '/top-ups/ibt_unknown0000000/cancel', {}, undefined],
    ['GET', '/top-ups?cursor=ibt_unknown0000000', {}, 'cursor'],
    ['POST', '/top-ups', topUp({ sourceId: 'pm_unknown0000000' }), 'sourceId'],
  ])('%s %s', async (method, path, options, param) => {
    const res = await h.call('freelancer', method, path, {
      ...options,
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('resource_missing');
    expect(res.body.error.param).toBe(param);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('unknown0000000');
    expect(text).not.toMatch(/financial_connections|treasury|payment_method\b|acct_/);
  });

  it('an unknown route is 404 resource_missing as JSON', async () => {
    const res = await h.call('freelancer', 'GET', '/customers');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('resource_missing');
  });
});

describe('no user: 401 on every route, nothing sent to Stripe', () => {
  it.each<[string, string]>([
    ['POST', '/link-sessions'],
    ['POST', '/link-sessions/fcsess_123/complete'],
    ['GET', '/accounts'],
    ['GET', '/accounts/fca_123'],
    ['POST', '/accounts/fca_123/balance-refresh'],
    ['GET', '/accounts/fca_123/transactions'],
    ['POST', '/accounts/fca_123/transactions-refresh'],
    ['PUT', '/accounts/fca_123/transactions-subscription'],
    ['DELETE', '/accounts/fca_123/transactions-subscription'],
    ['POST', '/accounts/fca_123/disconnect'],
    ['GET', '/financial-account'],
    ['PATCH', '/financial-account'],
    ['GET', '/top-up-sources'],
    ['POST', '/top-ups'],
    ['GET', '/top-ups'],
    ['GET', '/top-ups/ibt_123'],
    ['POST', '/top-ups/ibt_123/cancel'],
    ['GET', '/events'],
  ])('%s %s', async (method, path) => {
    const since = await logLength();
    const body =
      method === 'PATCH'
        ? { nickname: 'x' }
        : path === '/top-ups' && method === 'POST'
          ? { sourceId: pm, amount: 100, currency: 'usd' }
          : undefined;
    const res = await h.call(null, method, path, {
      ...(body ? { body } : {}),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.error).toMatchObject({ type: 'authentication_error', code: 'unauthenticated' });
    expect((await h.stripeRequests()).slice(since)).toEqual([]);
  });

  it('an unknown user is treated as no user', async () => {
    const res = await h.call('mallory', 'GET', '/accounts');
    expect(res.status).toBe(401);
  });

  it('is a 401 before anything else: a bad body or an unknown route from no one says nothing more', async () => {
    const malformed = await h.call(null, 'POST', '/top-ups', {
      rawBody: '{"amount":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(401);
    expect((await h.call(null, 'GET', '/accounts?unknown=1')).status).toBe(401);
    expect((await h.call(null, 'GET', '/no-such-route')).status).toBe(401);
  });
});

describe('Stripe’s own errors become safe messages', () => {
  it('a wrong API key on the server is a 500 internal_error that says nothing about the key', async () => {
    const broken = new Stripe('sk_test_wrong_key_for_this_test', {
      host: '127.0.0.1',
      port: h.sb.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const router = await h.addRouter({ stripe: broken });
    const res = await router.call('freelancer', 'GET', `/accounts/${fca}`);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(JSON.stringify(res.body)).not.toMatch(/sk_test|API Key|wrong_key|Invalid/i);
  });

  it('a transfer that can no longer be canceled: 409 with Purse’s message, not Stripe’s', async () => {
    h.sb.clock.advance(3600);
    const res = await h.call('freelancer', 'POST', `/top-ups/${ibt}/cancel`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('transfer_not_cancelable');
    expect(JSON.stringify(res.body)).not.toContain(ibt);
  });

  it('error responses carry no Stripe object ids or Stripe wording', async () => {
    const bodies = await Promise.all([
      h.call('freelancer', 'GET', '/top-ups/ibt_unknown0000000'),
      h.call('short_of_funds', 'GET', `/top-ups/${ibt}`),
      h.call('short_of_funds', 'GET', `/accounts/${fca}`),
      h.call('short_of_funds', 'POST', '/top-ups', {
        ...topUp({ sourceId: pm }),
        headers: { 'idempotency-key': randomUUID() },
      }),
    ]);
    for (const { status, body } of bodies) {
      expect(status).toBe(404);
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/(acct|cus|fa|fca|ibt|pm|fcsess|seti)_[A-Za-z0-9]/);
      expect(text).not.toMatch(/No such (treasury|financial_connections|payment_method)/);
    }
  });
});
