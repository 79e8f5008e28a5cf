/**
 * The sandbox's responses against Stripe's OpenAPI subset: every operation the subset lists is
 * exercised through stripe-node, and every recorded 2xx body must validate against that
 * operation's 200 schema, every error body against the `error` schema. Differences between the
 * 2023 base schemas and the current API are allowed only where `allowances.ts` says why.
 */
import { startSandbox, type Sandbox } from '@purse/sandbox';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTRA_OPERATIONS } from './allowances.js';
import {
  loadSpec,
  matchOperation,
  operationKey,
  operationsFromSourceMd,
  ResponseValidator,
  specOperations,
  type Operation,
} from './openapi.js';
import { RecordingHttpClient, type Recording } from './recorder.js';
import { exercise } from './scenario.js';

const spec = loadSpec();
const operations = specOperations(spec);
const listed = operationsFromSourceMd();
const validator = new ResponseValidator(spec);
const client = new RecordingHttpClient();
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({
    seed: 'demo',
    speed: 0,
    startAt: new Date('2026-03-10T15:00:00Z'),
  });
  const stripe = sb.stripe({ httpClient: client, maxNetworkRetries: 0 });
  await exercise(sb, stripe);
}, 30_000);

afterAll(async () => {
  await sb.close();
});

function recordingsOf(op: Operation): Recording[] {
  return client.recordings.filter((r) => matchOperation(operations, r.method, r.path) === op);
}

const ok = (r: Recording): boolean => r.status >= 200 && r.status < 300;

function report(r: Recording, errors: string[]): string {
  return `${r.method} ${r.path} → ${String(r.status)}\n  ${errors.slice(0, 8).join('\n  ')}`;
}

describe('coverage', () => {
  it('reads the same 55 operations from SOURCE.md as the spec defines', () => {
    expect(listed).toHaveLength(55);
    expect(listed.map(operationKey).sort()).toEqual(operations.map(operationKey).sort());
  });

  it('exercises every operation SOURCE.md lists with at least one successful call', () => {
    const missing = listed
      .map((op) => matchOperation(operations, op.method, op.path.replace(/\{[^}]+\}/g, 'x')))
      .filter((op): op is Operation => op !== undefined)
      .filter((op) => !recordingsOf(op).some(ok))
      .map(operationKey);
    expect(missing).toEqual([]);
  });

  it('sends nothing to /v1 that is neither in the spec nor a listed extra operation', () => {
    const stray = client.recordings.filter(
      (r) =>
        ok(r) &&
        !matchOperation(operations, r.method, r.path) &&
        !EXTRA_OPERATIONS.some((extra) => matchesPattern(extra.method, extra.path, r)),
    );
    expect(stray.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });
});

function matchesPattern(method: string, pattern: string, r: Recording): boolean {
  if (r.method !== method) return false;
  const want = pattern.split('/').filter(Boolean);
  const got = r.path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  return want.length === got.length && want.every((s, i) => s.startsWith(':') || s === got[i]);
}

describe('2xx bodies match the operation’s 200 schema', () => {
  it.each(operations.map((op) => [operationKey(op), op] as const))('%s', (_key, op) => {
    const recorded = recordingsOf(op).filter(ok);
    expect(recorded.length).toBeGreaterThan(0);
    const failures = recorded
      .map((r) => ({ r, result: validator.response(op, r.body) }))
      .filter(({ result }) => !result.valid)
      .map(({ r, result }) => report(r, result.errors));
    expect(failures).toEqual([]);
  });

  it.each(EXTRA_OPERATIONS.map((extra) => [`${extra.method} ${extra.path}`, extra] as const))(
    '%s (not in the subset; see allowances.ts)',
    (_key, extra) => {
      const recorded = client.recordings.filter(
        (r) => ok(r) && matchesPattern(extra.method, extra.path, r),
      );
      expect(recorded.length).toBeGreaterThan(0);
      const failures = recorded
        .map((r) => {
          if (!extra.list) return { r, result: validator.component(extra.responseSchema, r.body) };
          // A list object whose items are each the component.
          const list = r.body as { object?: unknown; data?: unknown[]; has_more?: unknown };
          const shape =
            list.object === 'list' &&
            Array.isArray(list.data) &&
            typeof list.has_more === 'boolean';
          const items = (list.data ?? []).map((item) =>
            validator.component(extra.responseSchema, item),
          );
          const errors = [
            ...(shape ? [] : ['not a list object']),
            ...items.flatMap((item) => item.errors),
          ];
          return { r, result: { valid: errors.length === 0, errors } };
        })
        .filter(({ result }) => !result.valid)
        .map(({ r, result }) => report(r, result.errors));
      expect(failures).toEqual([]);
    },
  );
});

describe('error bodies', () => {
  it('recorded errors of each status the scenario provokes', () => {
    const statuses = new Set(client.recordings.filter((r) => r.status >= 400).map((r) => r.status));
    expect([...statuses].sort()).toEqual([400, 401, 402, 403, 404]);
  });

  it('match the error schema', () => {
    const errors = client.recordings.filter((r) => r.status >= 400);
    const failures = errors
      .map((r) => ({ r, result: validator.component('error', r.body) }))
      .filter(({ result }) => !result.valid)
      .map(({ r, result }) => report(r, result.errors));
    expect(failures).toEqual([]);
  });

  it('are rejected by the error schema when malformed (the validator can fail)', () => {
    expect(validator.component('error', { error: { message: 'no type' } }).valid).toBe(false);
    expect(validator.component('error', { error: { type: 'teapot_error' } }).valid).toBe(false);
    const customers = operations.find((op) => operationKey(op) === 'GET /v1/customers/{customer}');
    expect(customers).toBeDefined();
    if (customers) {
      expect(validator.response(customers, { id: 'cus_1', object: 'customer' }).valid).toBe(false);
    }
  });
});

describe('the validator', () => {
  function firstBody(key: string): Record<string, unknown> {
    const op = operations.find((o) => operationKey(o) === key);
    const body = op ? recordingsOf(op).find(ok)?.body : undefined;
    if (!op || !body) throw new Error(`nothing recorded for ${key}`);
    return structuredClone(body) as Record<string, unknown>;
  }

  it.each([
    [
      'GET /v1/financial_connections/accounts/{account}',
      (b: Record<string, unknown>) => (b.status = 'frozen'),
    ],
    [
      'GET /v1/treasury/inbound_transfers/{id}',
      (b: Record<string, unknown>) => (b.amount = '10.00'),
    ],
    ['GET /v1/customers', (b: Record<string, unknown>) => delete b.has_more],
    [
      'GET /v1/treasury/financial_accounts/{financial_account}',
      (b: Record<string, unknown>) => (b.balance = { cash: { usd: 'lots' } }),
    ],
    ['GET /v1/events/{id}', (b: Record<string, unknown>) => delete b.type],
  ])('rejects a recorded %s body once it is broken', (key, breakIt) => {
    const body = firstBody(key);
    const op = operations.find((o) => operationKey(o) === key);
    if (!op) throw new Error(key);
    expect(validator.response(op, body).valid).toBe(true);
    breakIt(body);
    expect(validator.response(op, body).valid).toBe(false);
  });
});

describe('the recording client', () => {
  it('forwards to the real sandbox and records what stripe-node received', async () => {
    const stripe = new Stripe(sb.secretKey, {
      host: '127.0.0.1',
      port: sb.port,
      protocol: 'http',
      httpClient: client,
    });
    const before = client.recordings.length;
    const customer = await stripe.customers.create({ name: 'Recorded' });
    const recording = client.recordings.at(-1);
    expect(client.recordings.length).toBe(before + 1);
    expect(recording).toMatchObject({ method: 'POST', path: '/v1/customers', status: 200 });
    expect((recording?.body as { id: string }).id).toBe(customer.id);
  });
});
