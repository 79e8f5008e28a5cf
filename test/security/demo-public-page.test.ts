/**
 * The demo served as a public page, over HTTP against its real Express app and embedded
 * sandbox: the `/_sandbox/client` proxy reaches only the bank-link stand-in's three endpoints
 * (no `..`, `%2e%2e` or encoded slash walks out to the sandbox's seed, log, reset or faults),
 * the sandbox's keys are new each start, security headers, the Host check, compressed and
 * immutably cached hashed assets, no source maps, presenter routes only for a signed-in JSON
 * request, and plain answers (never a stack) to TRACE, unknown methods and bad bodies.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DEFAULT_KEYS } from '@purse/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../apps/demo/server/backend.js';
import { createDemoApp } from '../../apps/demo/server/demo-app.js';

/** Tuesday 10:00 in New York. */
const START = new Date('2026-03-10T15:00:00Z');
const JS = `export const demo = ${JSON.stringify('x'.repeat(4000))};\n`;

let backend: Backend;
let server: Server;
let port: number;
let dist: string;
const logs: string[] = [];

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

/** A raw HTTP request: the path and Host go out exactly as written (fetch would normalise). */
function raw(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `localhost:${String(port)}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json' };

async function signedInCookie(persona = 'freelancer'): Promise<string> {
  const res = await raw('POST', '/demo/session', {
    headers: json,
    body: JSON.stringify({ persona }),
  });
  expect(res.status).toBe(204);
  const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'purse-demo-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-B1x2c3d4.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'index-B1x2c3d4.js'), JS);
  writeFileSync(join(dist, 'assets', 'index-C5d6e7f8.css'), `.a{color:red}${' '.repeat(2000)}`);
  // Left behind by an older build: must not be served.
  writeFileSync(join(dist, 'assets', 'index-B1x2c3d4.js.map'), '{"version":3,"sources":[]}');
  backend = await startBackend({
    speed: 0,
    startAt: START,
    personasFile: join(dist, 'personas.json'),
    env: {},
  });
  const app = createDemoApp({
    backend,
    distDir: dist,
    allowedHosts: ['demo.example.com'],
    log: (message) => logs.push(message),
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await backend.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the /_sandbox/client proxy', () => {
  it('forwards the stand-in’s session read with the publishable key', async () => {
    const cookie = await signedInCookie('new_user');
    const session = await raw('POST', '/api/purse/link-sessions', {
      headers: { cookie, 'purse-request': '1' },
    });
    expect(session.status).toBe(201);
    const { id, clientSecret } = JSON.parse(session.text) as { id: string; clientSecret: string };
    const res = await raw(
      'GET',
      `/_sandbox/client/financial_connections/sessions?client_secret=${encodeURIComponent(clientSecret)}&extra=1`,
      { headers: { authorization: `Bearer ${backend.publishableKey}` } },
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ id });
  });

  it.each([
    '/_sandbox/client/../seed',
    '/_sandbox/client/%2e%2e/seed',
    '/_sandbox/client/%2E%2E/requests',
    '/_sandbox/client/financial_connections/sessions/../../../reset',
    '/_sandbox/client/financial_connections/sessions/..%2f..%2f..%2fseed',
    '/_sandbox/client/financial_connections%2fsessions',
    '/_sandbox/client//financial_connections/sessions',
    '/_sandbox/client/financial_connections/sessions/',
    '/_sandbox/client/financial_connections/sessions/complete/..',
    '/_sandbox/client/financial_connections/sessions;/../../seed',
    '/_sandbox/client/webhook_endpoints',
  ])('%s: a plain 404, nothing of the sandbox', async (path) => {
    for (const method of ['GET', 'POST']) {
      const res = await raw(method, path, {
        headers: {
          authorization: `Bearer ${backend.mode === 'sandbox' ? backend.sandbox.secretKey : ''}`,
          ...json,
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect([method, res.status, res.text]).toEqual([method, 404, 'Not Found']);
    }
  });

  it('the wrong method on an allowed path: 405', async () => {
    const res = await raw('DELETE', '/_sandbox/client/financial_connections/sessions');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });

  it('the sandbox runs with keys of its own, not the published defaults', async () => {
    expect(backend.mode).toBe('sandbox');
    expect(backend.publishableKey).not.toBe(DEFAULT_KEYS.publishableKey);
    expect(backend.webhookSecret).not.toBe(DEFAULT_KEYS.webhookSecret);
    if (backend.mode !== 'sandbox') return;
    expect(backend.sandbox.secretKey).not.toBe(DEFAULT_KEYS.secretKey);
    const withDefault = await fetch(`${backend.sandbox.url}/_sandbox/seed`, {
      headers: { authorization: `Bearer ${DEFAULT_KEYS.secretKey}` },
    });
    expect(withDefault.status).toBe(401);
    const again = await startBackend({ speed: 0, startAt: START, personasFile: '', env: {} });
    const fixed = await startBackend({
      speed: 0,
      startAt: START,
      personasFile: '',
      env: { PURSE_SANDBOX_KEYS: 'fixed' },
    });
    try {
      expect(again.publishableKey).not.toBe(backend.publishableKey);
      expect(fixed.publishableKey).toBe(DEFAULT_KEYS.publishableKey);
    } finally {
      await Promise.all([again.close(), fixed.close()]);
    }
  });
});

describe('headers of a public page', () => {
  it.each(['/', '/top-ups', '/demo/config'])(
    '%s carries CSP, nosniff, frame-ancestors, Referrer-Policy',
    async (path) => {
      const res = await raw('GET', path);
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    },
  );

  it.each([
    ['localhost', 200],
    ['127.0.0.1', 200],
    ['[::1]', 200],
    ['demo.example.com', 200],
    ['DEMO.example.com', 200],
    ['attacker.example', 403],
    ['localhost.attacker.example', 403],
    ['127.0.0.1.nip.io', 403],
  ])('Host %s: %i (DNS rebinding)', async (host, status) => {
    const res = await raw('GET', '/demo/config', {
      headers: { host: `${host}:${String(port)}` },
    });
    expect(res.status).toBe(status);
    if (status === 403) expect(res.text).not.toContain('publishableKey');
  });
});

describe('assets', () => {
  it.each([
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ] as const)(
    'hashed JS is sent compressed (Accept-Encoding: %s) and cached for a year as immutable',
    async (accept, encoding, decode) => {
      const res = await raw('GET', '/assets/index-B1x2c3d4.js', {
        headers: { 'accept-encoding': accept },
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(decode(res.body).toString('utf8')).toBe(JS);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-type']).toMatch(/javascript/);
    },
  );

  it('hashed CSS too; the page itself is revalidated, never cached as immutable', async () => {
    const css = await raw('GET', '/assets/index-C5d6e7f8.css', {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['cache-control']).toContain('immutable');
    const page = await raw('GET', '/');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('source maps are never served, even when a build left one behind', async () => {
    const res = await raw('GET', '/assets/index-B1x2c3d4.js.map');
    expect([res.status, res.text]).toEqual([404, 'Not Found']);
    const missing = await raw('GET', '/assets/missing-0000.js');
    expect([missing.status, missing.text]).toEqual([404, 'Not Found']);
  });
});

describe('presenter routes', () => {
  it('need a signed-in persona, even to reset', async () => {
    const res = await raw('POST', '/demo/simulator/reset', { headers: json, body: '{}' });
    expect(res.status).toBe(401);
  });

  it.each([
    ['text/plain', '{}'],
    ['application/x-www-form-urlencoded', 'businessDays=1'],
    ['multipart/form-data; boundary=x', '--x--'],
    [null, undefined],
  ])(
    'refuse a request a cross-site form could send (Content-Type %s): 415, nothing done',
    async (type, body) => {
      const cookie = await signedInCookie();
      const now = backend.now();
      for (const path of ['/demo/simulator/reset', '/demo/simulator/clock']) {
        const res = await raw('POST', path, {
          headers: { cookie, ...(type ? { 'content-type': type } : {}) },
          ...(body === undefined ? {} : { body }),
        });
        expect([path, res.status]).toEqual([path, 415]);
      }
      expect(backend.now()).toBe(now);
    },
  );

  it('a signed-in JSON request works', async () => {
    const cookie = await signedInCookie();
    const now = backend.now();
    const res = await raw('POST', '/demo/simulator/clock', {
      headers: { cookie, ...json },
      body: JSON.stringify({ seconds: 60 }),
    });
    expect(res.status).toBe(200);
    expect(backend.now()).toBe(now + 60);
    expect(
      (await raw('POST', '/demo/simulator/reset', { headers: { cookie, ...json }, body: '{}' }))
        .status,
    ).toBe(200);
  });

  it('signing in takes JSON only (no login CSRF from a form)', async () => {
    const res = await raw('POST', '/demo/session', {
      headers: { 'content-type': 'text/plain' },
      body: '{"persona":"freelancer"}',
    });
    expect(res.status).toBe(415);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('plain answers, never a stack', () => {
  it.each(['TRACE', 'PROPFIND', 'PURGE'])('%s: 405 with Allow', async (method) => {
    const res = await raw(method, '/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toContain('GET');
    expect(res.text).toBe('Method Not Allowed');
  });

  it('malformed JSON and an unknown path answer plain text without internals', async () => {
    const bad = await raw('POST', '/demo/session', { headers: json, body: '{"persona":' });
    expect(bad.status).toBe(400);
    expect(bad.text).toBe('Bad Request');
    const unknown = await raw('GET', '/demo/nothing-here');
    expect([unknown.status, unknown.text]).toEqual([404, 'Not Found']);
    for (const res of [bad, unknown]) expect(res.text).not.toMatch(/\bat |node_modules|Error/);
  });
});
