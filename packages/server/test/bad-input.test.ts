/**
 * The bad-input matrix: every kind of malformed request (bad percent-encoding in a path, invalid
 * JSON, wrong or missing content type, oversized and deeply nested bodies, lone UTF-16
 * surrogates, control and bidi characters, parser-breaking bytes) against the three mounts
 * (Express 5, Express 4, the web-standard handler) over real HTTP. Each must answer the same
 * 4xx in Purse's error envelope, never a 500, echo no parser internals, and reach no Stripe.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Caller, type Harness } from './harness.js';
import { MOUNTS, type Mount } from './mounts.js';

let h: Harness;
const callers = {} as Record<Mount, { base: string; call: Caller }>;

beforeAll(async () => {
  h = await startHarness({ webhooks: false, mount: 'express5' });
  for (const mount of MOUNTS) callers[mount] = await h.addRouter({}, mount);
});
afterAll(async () => {
  await h.close();
});

interface Case {
  name: string;
  method: string;
  path: string;
  /** Sent as is. */
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  status: number;
  code: string;
  param?: string;
}

const json = { 'content-type': 'application/json' };
const write = { ...json, 'idempotency-key': 'bad-input-key' };
const topUp = (fields: Record<string, unknown>): string =>
  JSON.stringify({ sourceId: 'pm_standin', amount: 10_00, currency: 'usd', ...fields });
/** `depth` arrays inside one another, as text (no stack needed to build or send it). */
const nested = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

const CASES: Case[] = [
  // Paths
  ...['%E0%A4%A', '%ff', '%', '%C0%AF', '%00', '..%2F..%2Fevents', 'fca_%0A'].map((id): Case => ({
    name: `account id ${id}`,
    method: 'GET',
    path: `/accounts/${id}`,
    status: 400,
    code: 'parameter_invalid',
    param: 'id',
  })),
  {
    name: 'top-up id %ff',
    method: 'GET',
    path: '/top-ups/%ff',
    status: 400,
    code: 'parameter_invalid',
    param: 'id',
  },
  {
    name: 'cancel of top-up %E0%A4%A',
    method: 'POST',
    path: '/top-ups/%E0%A4%A/cancel',
    body: '{}',
    headers: json,
    status: 400,
    code: 'parameter_invalid',
    param: 'id',
  },
  {
    name: 'link session %',
    method: 'POST',
    path: '/link-sessions/%/complete',
    body: '{}',
    headers: json,
    status: 400,
    code: 'parameter_invalid',
    param: 'id',
  },
  {
    name: 'transactions of account %ff',
    method: 'GET',
    path: '/accounts/%ff/transactions',
    status: 400,
    code: 'parameter_invalid',
    param: 'id',
  },
  {
    name: 'a query value that is not valid percent-encoding',
    method: 'GET',
    path: '/top-ups?limit=%ff',
    status: 400,
    code: 'parameter_invalid',
    param: 'limit',
  },
  {
    name: 'an unknown route',
    method: 'GET',
    path: '/%ff/nothing',
    status: 404,
    code: 'resource_missing',
  },
  // Bodies that are not JSON
  {
    name: 'truncated JSON',
    method: 'POST',
    path: '/top-ups',
    body: '{"amount": 100,',
    headers: write,
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'JSON with a stray token',
    method: 'PATCH',
    path: '/financial-account',
    body: '{"nickname": undefined}',
    headers: json,
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'invalid UTF-8 bytes',
    method: 'PATCH',
    path: '/financial-account',
    body: new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    headers: json,
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'a lone surrogate as raw bytes (CESU-8)',
    method: 'PATCH',
    path: '/financial-account',
    body: new Uint8Array([
      ...new TextEncoder().encode('{"nickname":"'),
      0xed,
      0xa0,
      0x80,
      ...new TextEncoder().encode('"}'),
    ]),
    headers: json,
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'text/plain with the Purse-Request header',
    method: 'POST',
    path: '/top-ups',
    body: topUp({}),
    headers: { 'content-type': 'text/plain', 'purse-request': '1' },
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'a body over 16 KB',
    method: 'POST',
    path: '/top-ups',
    body: topUp({ description: 'x'.repeat(16 * 1024) }),
    headers: write,
    status: 400,
    code: 'body_too_large',
  },
  // Nesting under the size limit
  {
    name: 'arrays nested 8,000 deep',
    method: 'POST',
    path: '/top-ups',
    body: `{"sourceId":"pm_standin","amount":1000,"currency":"usd","x":${nested(8000)}}`,
    headers: write,
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'objects nested 2,000 deep',
    method: 'PATCH',
    path: '/financial-account',
    body: `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
    headers: json,
    status: 400,
    code: 'body_invalid',
  },
  {
    name: 'a polluting key deep inside',
    method: 'POST',
    path: '/link-sessions',
    body: '{"a":{"b":{"__proto__":{"admin":true}}}}',
    headers: json,
    status: 400,
    code: 'parameter_unknown',
    param: 'a.b.__proto__',
  },
  // Strings
  {
    name: 'a lone surrogate in a description',
    method: 'POST',
    path: '/top-ups',
    body: topUp({ description: 'rent \ud800' }).replace('\ud800', '\\ud800'),
    headers: write,
    status: 400,
    code: 'parameter_invalid',
    param: 'description',
  },
  {
    name: 'a lone low surrogate in a nickname',
    method: 'PATCH',
    path: '/financial-account',
    body: '{"nickname":"Savings \\udc00"}',
    headers: json,
    status: 400,
    code: 'parameter_invalid',
    param: 'nickname',
  },
  {
    name: 'a lone surrogate in a key',
    method: 'PATCH',
    path: '/financial-account',
    body: '{"nickname":"ok","\\ud83d":1}',
    headers: json,
    status: 400,
    code: 'parameter_unknown',
  },
  {
    name: 'a control character in a nickname',
    method: 'PATCH',
    path: '/financial-account',
    body: JSON.stringify({ nickname: 'Savings\u0007' }),
    headers: json,
    status: 400,
    code: 'parameter_invalid',
    param: 'nickname',
  },
  {
    name: 'a line break in a description',
    method: 'POST',
    path: '/top-ups',
    body: topUp({ description: 'rent\nmore' }),
    headers: write,
    status: 400,
    code: 'parameter_invalid',
    param: 'description',
  },
  {
    name: 'a right-to-left override in a description',
    method: 'POST',
    path: '/top-ups',
    body: topUp({ description: 'invoice \u202egnp.exe' }),
    headers: write,
    status: 400,
    code: 'parameter_invalid',
    param: 'description',
  },
  {
    name: 'a bidi isolate in a nickname',
    method: 'PATCH',
    path: '/financial-account',
    body: JSON.stringify({ nickname: 'Main \u2067x\u2069' }),
    headers: json,
    status: 400,
    code: 'parameter_invalid',
    param: 'nickname',
  },
  {
    name: 'a statement descriptor of only spaces',
    method: 'POST',
    path: '/top-ups',
    body: topUp({ statementDescriptor: '     ' }),
    headers: write,
    status: 400,
    code: 'statement_descriptor_invalid',
    param: 'statementDescriptor',
  },
  {
    name: 'an Idempotency-Key of 201 characters',
    method: 'POST',
    path: '/top-ups',
    body: topUp({}),
    headers: { ...json, 'idempotency-key': 'k'.repeat(201) },
    status: 400,
    code: 'parameter_invalid',
    param: 'Idempotency-Key',
  },
  // CSRF: requests a page on another site can send without a preflight
  {
    name: 'an empty form-style POST',
    method: 'POST',
    path: '/accounts/fca_123/disconnect',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 403,
    code: 'csrf_check_failed',
  },
  {
    name: 'a POST with no body and no content type',
    method: 'POST',
    path: '/link-sessions',
    status: 403,
    code: 'csrf_check_failed',
  },
  {
    name: 'a text/plain POST (a no-cors fetch)',
    method: 'POST',
    path: '/top-ups/ibt_123/cancel',
    body: '{}',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    status: 403,
    code: 'csrf_check_failed',
  },
  {
    name: 'a multipart POST',
    method: 'POST',
    path: '/accounts/fca_123/balance-refresh',
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    headers: { 'content-type': 'multipart/form-data; boundary=x' },
    status: 403,
    code: 'csrf_check_failed',
  },
  {
    name: 'a DELETE with neither header',
    method: 'DELETE',
    path: '/accounts/fca_123/transactions-subscription',
    status: 403,
    code: 'csrf_check_failed',
  },
];

/** Words from JSON parsers' and runtimes' own messages, which must not reach the client. */
const PARSER_INTERNALS =
  /Unexpected|position|SyntaxError|URIError|JSON\.parse|at line|token|Maximum call stack/i;

describe.each(MOUNTS)('bad input on %s', (mount) => {
  it.each(CASES)('$name → $status $code', async (c) => {
    const since = (await h.stripeRequests()).length;
    const response = await fetch(`${callers[mount].base}${c.path}`, {
      method: c.method,
      headers: { 'x-test-user': 'freelancer', ...c.headers },
      ...(c.body === undefined ? {} : { body: c.body }),
    });
    const text = await response.text();
    expect(response.status, text).toBe(c.status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: c.code, message: expect.any(String) });
    if (c.param !== undefined) expect(body.error.param).toBe(c.param);
    expect(body.error.message).not.toMatch(PARSER_INTERNALS);
    expect((await h.stripeRequests()).slice(since)).toEqual([]);
  });

  it('the same writes with JSON or the Purse-Request header get through the CSRF check', async () => {
    const { call } = callers[mount];
    const withHeader = await call('freelancer', 'POST', '/accounts/fca_123/disconnect', {
      headers: { 'purse-request': '1' },
    });
    expect(withHeader.status).toBe(404); // past the check, then the unknown id
    const withJson = await fetch(`${callers[mount].base}/link-sessions`, {
      method: 'POST',
      headers: { 'x-test-user': 'new_user', 'content-type': 'application/json' },
    });
    expect(withJson.status).toBe(201);
  });

  it('a clean description and nickname still pass (trimmed), so the refusals are not blanket', async () => {
    const { call } = callers[mount];
    const renamed = await call('freelancer', 'PATCH', '/financial-account', {
      body: { nickname: '  Épargne – 2026 ✓  ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.nickname).toBe('Épargne – 2026 ✓');
    const sources = await call('freelancer', 'GET', '/top-up-sources');
    const created = await call('freelancer', 'POST', '/top-ups', {
      body: {
        sourceId: (sources.body.data as { id: string }[])[0]?.id,
        amount: 5_00,
        currency: 'usd',
        description: 'Miete für März 🏠',
        statementDescriptor: 'RENT 03',
      },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    expect(created.body.description).toBe('Miete für März 🏠');
  });
});
