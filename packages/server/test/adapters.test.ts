/**
 * The mounts themselves: `createPurseHandler`'s basePath and options, and `createPurseRouter` on
 * Express 4 and 5 (what `resolveUser` receives, a host's own `express.json()` mounted first,
 * failures in the host's code), with no failure ever left as an unhandled rejection.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import express4 from 'express4';
import { PURSE_ROUTES } from '@purse/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPurseHandler,
  createPurseRouter,
  PurseConfigError,
  type PurseRouterOptions,
} from '../src/index.js';
import { startHarness, type Harness } from './harness.js';
import { serveWebHandler } from './mounts.js';

let h: Harness;
const servers: Server[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown): void => {
  rejections.push(reason);
};

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  h = await startHarness({ webhooks: false });
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  await h.close();
});

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

describe('createPurseHandler', () => {
  it('answers under basePath only; elsewhere a 404 envelope', async () => {
    const handler = createPurseHandler({
      stripe: h.stripe,
      resolveUser: (request) => h.users[request.headers.get('x-test-user') ?? ''] ?? null,
      basePath: '/api/purse/',
      events: h.bus,
      logger: silent,
    });
    const origin = await listen(serveWebHandler(handler));
    const get = (path: string) =>
      fetch(`${origin}${path}`, { headers: { 'x-test-user': 'freelancer' } });
    const inside = await get('/api/purse/accounts');
    expect(inside.status).toBe(200);
    expect(inside.headers.get('cache-control')).toBe('no-store');
    expect(Number(inside.headers.get('purse-now'))).toBeGreaterThan(0);
    for (const path of [
      '/accounts',
      '/api/purseaccounts',
      '/api/purse',
      '/other/api/purse/accounts',
    ]) {
      const outside = await get(path);
      expect(outside.status, path).toBe(404);
      expect(((await outside.json()) as { error: { code: string } }).error.code).toBe(
        'resource_missing',
      );
    }
    // Signed out: 401 first, whatever the path.
    expect((await fetch(`${origin}/api/purse/accounts`)).status).toBe(401);
  });

  it('answers HEAD as a GET without a body, on every mount (not for the event stream)', async () => {
    const handler = createPurseHandler({
      stripe: h.stripe,
      resolveUser: (request) => h.users[request.headers.get('x-test-user') ?? ''] ?? null,
      logger: silent,
    });
    const app = express();
    app.use(
      '/purse',
      createPurseRouter({
        stripe: h.stripe,
        resolveUser: (req) => h.users[String(req.headers['x-test-user'] ?? '')] ?? null,
        logger: silent,
      }),
    );
    const origins = [
      await listen(serveWebHandler(handler)),
      `${await listen(createServer(app))}/purse`,
    ];
    for (const origin of origins) {
      const head = (path: string, user = 'freelancer') =>
        fetch(`${origin}${path}`, { method: 'HEAD', headers: { 'x-test-user': user } });
      const ok = await head('/accounts');
      expect(ok.status, origin).toBe(200);
      expect(ok.headers.get('content-type')).toMatch(/application\/json/);
      expect(await ok.text()).toBe('');
      // The same rules as GET: another user's id is a 404, a signed-out caller a 401.
      expect((await head('/accounts/fca_not_theirs')).status).toBe(404);
      expect((await head('/accounts', 'nobody')).status).toBe(401);
      expect((await head('/events')).status).toBe(404);
    }
  });

  it('works called directly with a Request, as a Next.js route handler calls it', async () => {
    const handler = createPurseHandler({
      stripe: h.stripe,
      resolveUser: (request) =>
        Promise.resolve(h.users[request.headers.get('x-test-user') ?? ''] ?? null),
      logger: silent,
    });
    const response = await handler(
      new Request('https://app.example/top-up-sources', {
        headers: { 'x-test-user': 'freelancer' },
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data[0]?.id).toMatch(/^pm_/);
  });

  it('routes every path of core’s PURSE_ROUTES (no route table of its own to drift)', async () => {
    const handler = createPurseHandler({
      stripe: h.stripe,
      resolveUser: () => h.users.new_user ?? null,
      logger: silent,
    });
    const routed: string[] = [];
    for (const [name, route] of Object.entries(PURSE_ROUTES)) {
      if (name === 'events') continue; // a stream; covered by the live suites
      const path = typeof route === 'string' ? route : route('x_1');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        const response = await handler(
          new Request(`http://app.example${path}`, {
            method,
            headers: { 'purse-request': '1' },
          }),
        );
        const body = (await response.json()) as { error?: { message: string } };
        if (body.error?.message !== 'No such route.') {
          routed.push(name);
          break;
        }
      }
    }
    expect(routed).toEqual(Object.keys(PURSE_ROUTES).filter((name) => name !== 'events'));
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no options', {}, 'ERR_PURSE_MISSING_STRIPE'],
    ['a basePath without a leading slash', { basePath: 'api/purse' }, 'ERR_PURSE_INVALID_OPTION'],
    ['a basePath with a query', { basePath: '/api?x=1' }, 'ERR_PURSE_INVALID_OPTION'],
    ['clientIp that is not a function', { clientIp: '1.2.3.4' }, 'ERR_PURSE_INVALID_OPTION'],
    ['maxStreamsPerUser of 0', { maxStreamsPerUser: 0 }, 'ERR_PURSE_INVALID_OPTION'],
    ['streamBufferBytes as text', { streamBufferBytes: '64kb' }, 'ERR_PURSE_INVALID_OPTION'],
  ])('refuses %s with a PurseConfigError', (_name, override, code) => {
    const base =
      Object.keys(override).length === 0 ? {} : { stripe: h.stripe, resolveUser: () => null };
    let caught: unknown;
    try {
      createPurseHandler({ ...base, ...override } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PurseConfigError);
    expect((caught as PurseConfigError).code).toBe(code);
  });
});

describe.each([
  ['Express 5', () => express()],
  ['Express 4', () => express4()],
] as const)('createPurseRouter on %s', (_name, makeApp) => {
  const mountWith = async (
    options: Partial<PurseRouterOptions>,
    before?: (app: express.Express) => void,
  ): Promise<string> => {
    const app = makeApp() as unknown as express.Express;
    before?.(app);
    app.use(
      '/api/purse',
      createPurseRouter({
        stripe: h.stripe,
        resolveUser: (req) => h.users[req.get('x-test-user') ?? ''] ?? null,
        events: h.bus,
        logger: silent,
        topUps: { balanceRefreshWaitMs: 0 },
        ...options,
      }),
    );
    return `${await listen(createServer(app))}/api/purse`;
  };

  it('hands resolveUser the Express request (req.get, req.ip, req.originalUrl)', async () => {
    const seen: string[] = [];
    const base = await mountWith({
      resolveUser: (req) => {
        seen.push(`${typeof req.get}|${String(req.ip)}|${req.originalUrl}`);
        return h.users.freelancer ?? null;
      },
    });
    expect((await fetch(`${base}/accounts?x=1`)).status).toBe(400); // unknown query parameter
    expect(seen).toEqual([
      expect.stringMatching(/^function\|.*127\.0\.0\.1\|\/api\/purse\/accounts\?x=1$/),
    ]);
  });

  it('Stripe 404s, a throwing resolveUser and a rejecting one: envelopes, no unhandled rejection', async () => {
    const before = rejections.length;
    const ok = await mountWith({});
    const missing = await fetch(`${ok}/accounts/fca_doesnotexist`, {
      headers: { 'x-test-user': 'freelancer' },
    });
    expect(missing.status).toBe(404);
    const cancel = await fetch(`${ok}/top-ups/ibt_doesnotexist/cancel`, {
      method: 'POST',
      headers: { 'x-test-user': 'freelancer', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(cancel.status).toBe(404);
    for (const resolveUser of [
      () => {
        throw new Error('session store down');
      },
      () => Promise.reject(new Error('session store down')),
    ]) {
      const base = await mountWith({ resolveUser });
      const res = await fetch(`${base}/accounts`);
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('internal_error');
      expect(body.error.message).not.toContain('session store');
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rejections.slice(before)).toEqual([]);
  });

  it('a host’s express.json() mounted before Purse: the parsed body is used, same checks', async () => {
    const base = await mountWith({}, (app) => app.use(express.json()));
    const renamed = await fetch(`${base}/financial-account`, {
      method: 'PATCH',
      headers: { 'x-test-user': 'freelancer', 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'Pre-parsed' }),
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect(((await renamed.json()) as { nickname: string }).nickname).toBe('Pre-parsed');
    const polluted = await fetch(`${base}/financial-account`, {
      method: 'PATCH',
      headers: { 'x-test-user': 'freelancer', 'content-type': 'application/json' },
      body: '{"nickname":"x","constructor":{"prototype":{}}}',
    });
    expect(polluted.status).toBe(400);
  });
});
