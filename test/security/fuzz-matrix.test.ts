/**
 * The fuzz matrix: every route of the contract × malformed ids in the path, malformed bodies
 * (for writes, sent as JSON and as text with the Purse-Request header) and odd queries (for
 * reads), on Express 5, Express 4 and the web-standard handler. Every answer must be 2xx or
 * 4xx, and every 4xx Purse's envelope; never a 500. The status counts are printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../packages/server/test/harness.js';
import { MOUNTS, type Mount } from '../../packages/server/test/mounts.js';

let h: Harness;
const bases = {} as Record<Mount, string>;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  for (const mount of MOUNTS) bases[mount] = (await h.addRouter({}, mount)).base;
});
afterAll(async () => {
  await h.close();
});

/** Every route: method and path with `{id}` where the route takes one. */
const ROUTES: [string, string][] = [
  ['POST', '/link-sessions'],
  ['POST', '/link-sessions/{id}/complete'],
  ['GET', '/accounts'],
  ['GET', '/accounts/{id}'],
  ['POST', '/accounts/{id}/balance-refresh'],
  ['GET', '/accounts/{id}/transactions'],
  ['POST', '/accounts/{id}/transactions-refresh'],
  ['PUT', '/accounts/{id}/transactions-subscription'],
  ['DELETE', '/accounts/{id}/transactions-subscription'],
  ['POST', '/accounts/{id}/disconnect'],
  ['GET', '/financial-account'],
  ['PATCH', '/financial-account'],
  ['GET', '/top-up-sources'],
  ['POST', '/top-ups'],
  ['GET', '/top-ups'],
  ['GET', '/top-ups/{id}'],
  ['POST', '/top-ups/{id}/cancel'],
];

const IDS = [
  'fca_123',
  'ibt_123',
  '%ff',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '..%2F..%2Fevents',
  '%2e%2e',
  'x'.repeat(300),
  '%F0%9F%92%A9',
  'fca_%00',
  'fca_%0D%0Aset-cookie:x',
];

const BODIES: (string | undefined)[] = [
  undefined,
  '{}',
  '{',
  '[]',
  'null',
  '"text"',
  '12',
  `{"x":${'['.repeat(8000)}${']'.repeat(8000)}}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"nickname":"\\ud800"}',
  '{"description":"\\udfff","amount":100,"currency":"usd","sourceId":"pm_1"}',
  '{"nickname":"a\\u202eb"}',
  '{"nickname":"\\u0000"}',
  '{"statementDescriptor":"    ","amount":100,"currency":"usd","sourceId":"pm_1"}',
  `{"nickname":"${'n'.repeat(17 * 1024)}"}`,
  '{"amount":1e309,"currency":"usd","sourceId":"pm_1"}',
  '{"amount":-0,"currency":"usd","sourceId":"pm_1"}',
];

const HEADER_SETS: Record<string, string>[] = [
  { 'content-type': 'application/json' },
  { 'content-type': 'text/plain', 'purse-request': '1' },
];

const QUERIES = [
  '',
  '?limit=%ff',
  '?__proto__=1',
  '?limit=1&limit=2',
  `?cursor=${'c'.repeat(2000)}`,
  '?%',
  '?status[]=x',
  '?lastEventId=%00',
];

interface Request {
  method: string;
  path: string;
  body: string | undefined;
  headers: Record<string, string>;
}

function requests(): Request[] {
  const list: Request[] = [];
  for (const [method, template] of ROUTES) {
    const paths = template.includes('{id}')
      ? IDS.map((id) => template.replace('{id}', id))
      : [template];
    for (const path of paths) {
      if (method === 'GET') {
        for (const query of QUERIES)
          list.push({ method, path: `${path}${query}`, body: undefined, headers: {} });
        continue;
      }
      // Writes: every body with each header set on one path per route; every path with `{}`.
      const bodies = path === paths[0] ? BODIES : ['{}'];
      for (const body of bodies)
        for (const headers of HEADER_SETS)
          list.push({ method, path, body, headers: { 'idempotency-key': 'fuzz-key', ...headers } });
    }
  }
  return list;
}

describe.each(MOUNTS)('fuzz matrix on %s', (mount) => {
  it('answers every malformed request with 2xx or 4xx, 4xx always in the envelope', async () => {
    const counts = new Map<number, number>();
    const failures: string[] = [];
    const all = requests();
    for (const request of all) {
      const response = await fetch(`${bases[mount]}${request.path}`, {
        method: request.method,
        headers: { 'x-test-user': 'new_user', ...request.headers },
        ...(request.body === undefined ? {} : { body: request.body }),
      });
      const text = await response.text();
      counts.set(response.status, (counts.get(response.status) ?? 0) + 1);
      const label = `${request.method} ${request.path.slice(0, 80)} ${request.body?.slice(0, 40) ?? '-'} → ${String(response.status)}`;
      if (response.status >= 500) failures.push(label);
      if (response.status >= 400) {
        let code: unknown;
        try {
          code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
        } catch {
          code = undefined;
        }
        if (typeof code !== 'string') failures.push(`${label} without the envelope`);
      }
    }
    console.info(
      `[fuzz ${mount}] ${String(all.length)} requests:`,
      Object.fromEntries([...counts].sort(([a], [b]) => a - b)),
    );
    expect(failures).toEqual([]);
    expect(all.length).toBeGreaterThan(300);
  }, 60_000);
});
