import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consoleLogger,
  createMemoryEventBus,
  createPurseRouter,
  createWebhookHandler,
  PurseConfigError,
  sharedEventBus,
  type FcPermission,
  type PurseRouterOptions,
  type TopUpOptions,
} from '../src/index.js';
import { resolveRouterConfig } from '../src/options.js';
import { startHarness, type Harness } from './harness.js';

// A real client that is never called: options are checked without any request to Stripe.
const stripe = new Stripe('sk_test_config_only', { host: '127.0.0.1', port: 9, protocol: 'http' });
const resolveUser = (): null => null;
const valid = (): PurseRouterOptions => ({ stripe, resolveUser });

function configError(run: () => unknown): PurseConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PurseConfigError);
    return error as PurseConfigError;
  }
  throw new Error('expected a PurseConfigError, but nothing was thrown');
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    // Only plain data: a stripe-node client is not the caller's configuration to freeze.
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      Object.freeze(value);
      for (const item of Object.values(value)) deepFreeze(item);
    }
  }
  return value;
}

describe('createPurseRouter validates its options when it is called', () => {
  it('returns a mountable router for the minimal options', () => {
    const router = createPurseRouter(valid());
    expect(typeof router).toBe('function');
    expect(typeof router.use).toBe('function');
  });

  it.each<[string, unknown, string]>([
    ['no options', undefined, 'ERR_PURSE_MISSING_OPTIONS'],
    ['null options', null, 'ERR_PURSE_MISSING_OPTIONS'],
    ['no stripe client', { resolveUser }, 'ERR_PURSE_MISSING_STRIPE'],
    [
      'a secret key instead of a client',
      { stripe: 'sk_test_123', resolveUser },
      'ERR_PURSE_MISSING_STRIPE',
    ],
    ['no resolveUser', { stripe }, 'ERR_PURSE_MISSING_RESOLVE_USER'],
    [
      'resolveUser that is not a function',
      { stripe, resolveUser: 'alice' },
      'ERR_PURSE_MISSING_RESOLVE_USER',
    ],
  ])('%s → %s', (_name, options, code) => {
    const error = configError(() => createPurseRouter(options as PurseRouterOptions));
    expect(error.code).toBe(code);
    expect(error.name).toBe('PurseConfigError');
    expect(error.message).toContain(code);
    expect(error.message).not.toContain('sk_test_123');
  });

  it.each<[string, Partial<PurseRouterOptions> | Record<string, unknown>, RegExp]>([
    ['an unknown account holder', { accountHolder: 'bank' }, /accountHolder/],
    ['an unknown permission', { permissions: ['balances', 'payment_method', 'nope'] }, /nope/],
    ['permissions that are not a list', { permissions: 'balances' }, /permissions/],
    ['no permissions at all', { permissions: [], topUps: false }, /permissions/],
    [
      'top-ups without payment_method',
      { permissions: ['balances', 'transactions'] },
      /payment_method/,
    ],
    ['an unknown prefetch', { prefetch: ['payment_method'] }, /payment_method/],
    ['prefetching what was not asked for', { prefetch: ['ownership'] }, /ownership/],
    ['topUps that is not an object', { topUps: 'yes' }, /topUps/],
    ['a negative minimum', { topUps: { minAmount: -1 } }, /topUps\.minAmount/],
    ['a fractional minimum', { topUps: { minAmount: 1.5 } }, /topUps\.minAmount/],
    ['a minimum of zero', { topUps: { minAmount: 0 } }, /topUps\.minAmount/],
    ['an amount as a string', { topUps: { maxAmount: '5000' } }, /topUps\.maxAmount/],
    ['a maximum below the minimum', { topUps: { minAmount: 500, maxAmount: 100 } }, /maxAmount/],
    ['an unknown balance check', { topUps: { balanceCheck: 'maybe' } }, /balanceCheck/],
    ['a NaN balance age', { topUps: { balanceMaxAgeSeconds: Number.NaN } }, /balanceMaxAgeSeconds/],
    ['a negative refresh wait', { topUps: { balanceRefreshWaitMs: -5 } }, /balanceRefreshWaitMs/],
    ['sameDay as a string', { topUps: { sameDay: 'true' } }, /topUps\.sameDay/],
    ['sameDayFallback as a number', { topUps: { sameDayFallback: 0 } }, /sameDayFallback/],
    [
      'a huge description limit as text',
      { topUps: { maxDescriptionLength: '1e9' } },
      /maxDescriptionLength/,
    ],
    [
      'revealAccountNumber as the string "false"',
      { revealAccountNumber: 'false' },
      /revealAccountNumber/,
    ],
    ['an event bus without replay', { events: { publish() {}, subscribe() {} } }, /events/],
    ['a negative heartbeat', { heartbeatMs: -1 }, /heartbeatMs/],
    ['a heartbeat as text', { heartbeatMs: '15s' }, /heartbeatMs/],
    ['now that is not a function', { now: 1_700_000_000 }, /now/],
    ['onAudit that is not a function', { onAudit: 'audit.log' }, /onAudit/],
    ['a logger without error()', { logger: { info() {}, warn() {} } }, /logger/],
  ])('refuses %s with ERR_PURSE_INVALID_OPTION naming it', (_name, override, names) => {
    const error = configError(() => createPurseRouter({ ...valid(), ...override }));
    expect(error.code).toBe('ERR_PURSE_INVALID_OPTION');
    expect(error.message).toMatch(names);
  });

  it('refuses top-ups with customer-held accounts, and accepts them once top-ups are off', () => {
    expect(
      configError(() => createPurseRouter({ ...valid(), accountHolder: 'customer' })).code,
    ).toBe('ERR_PURSE_TOP_UPS_NEED_ACCOUNT_HOLDER');
    expect(() =>
      createPurseRouter({ ...valid(), accountHolder: 'customer', topUps: false }),
    ).not.toThrow();
  });
});

describe('defaults', () => {
  it('fills in every default it documents', () => {
    const config = resolveRouterConfig(valid());
    expect(config).toMatchObject({
      accountHolder: 'account',
      permissions: ['balances', 'transactions', 'payment_method'],
      prefetch: ['balances', 'transactions'],
      topUps: {
        minAmount: 100,
        maxAmount: 1_000_000,
        balanceCheck: 'warn',
        balanceMaxAgeSeconds: 3600,
        balanceRefreshWaitMs: 4000,
        sameDay: false,
        sameDayFallback: true,
        maxDescriptionLength: 140,
      },
      revealAccountNumber: false,
      heartbeatMs: 15_000,
    });
    expect(config.events).toBe(sharedEventBus());
    expect(config.logger).toBe(consoleLogger);
    expect(config.onAudit).toBeUndefined();
    expect(Math.abs(config.now() - Date.now() / 1000)).toBeLessThan(2);
  });

  it('asks for balances and transactions only when top-ups are off', () => {
    const config = resolveRouterConfig({ ...valid(), topUps: false });
    expect(config.topUps).toBeNull();
    expect(config.permissions).toEqual(['balances', 'transactions']);
  });

  it('documents a @default for every optional option, and the documented value is the one used', () => {
    const source = readFileSync(new URL('../src/options.ts', import.meta.url), 'utf8');
    const members = (name: string): { key: string; doc: string }[] => {
      const start = source.indexOf(`export interface ${name} {`);
      const body = source.slice(start, source.indexOf('\n}\n', start));
      return [...body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(?:readonly\s+)?(\w+)\?:/g)].map((m) => ({
        key: m[2] ?? '',
        doc: m[1] ?? '',
      }));
    };
    const resolved = resolveRouterConfig(valid()) as unknown as Record<string, unknown>;
    const resolvedTopUps = resolved.topUps as Record<string, unknown>;
    const literal = (doc: string): unknown => {
      const text = /@default\s+(\[[^\]]*\]|'[^']*'|[\w.]+)/.exec(doc)?.[1];
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text.replaceAll("'", '"').replaceAll('_', '')) as unknown;
      } catch {
        return undefined; // prose ("the system clock"): documented, not a literal
      }
    };
    // Options whose absence means "not used" rather than a default value.
    const noDefault = new Set(['onAudit']);
    const options = members('PurseCoreOptions');
    const topUps = members('TopUpOptions');
    expect(options.map((m) => m.key)).toEqual(
      expect.arrayContaining(['accountHolder', 'permissions', 'topUps', 'heartbeatMs', 'now']),
    );
    expect(topUps.length).toBe(8);
    for (const { key, doc } of [...options, ...topUps]) {
      if (noDefault.has(key)) continue;
      expect(doc, `${key} documents its default`).toMatch(/@default\s+\S/);
    }
    for (const { key, doc } of options) {
      const value = literal(doc);
      if (value !== undefined) expect(resolved[key], key).toEqual(value);
    }
    for (const { key, doc } of topUps) {
      const value = literal(doc);
      expect(value, `topUps.${key} has a literal default`).not.toBeUndefined();
      expect(resolvedTopUps[key], `topUps.${key}`).toEqual(value);
    }
  });
});

describe('the caller’s options object', () => {
  it('is never changed, including nested topUps and lists (a deeply frozen object works)', () => {
    const topUps: TopUpOptions = { minAmount: 200, balanceCheck: 'block', sameDay: true };
    const options: PurseRouterOptions = {
      stripe,
      resolveUser,
      permissions: ['balances', 'payment_method'],
      prefetch: ['balances'],
      topUps,
      heartbeatMs: 1000,
      events: createMemoryEventBus(),
    };
    const before = {
      ...options,
      topUps: { ...topUps },
      permissions: [...(options.permissions ?? [])],
      prefetch: [...(options.prefetch ?? [])],
    };
    deepFreeze(options);
    expect(() => createPurseRouter(options)).not.toThrow();
    expect(options).toEqual(before);
    expect(Object.keys(topUps)).toEqual(['minAmount', 'balanceCheck', 'sameDay']);
  });

  it('is copied: changing it after creation does not change the router', () => {
    const topUps: { maxAmount: number } = { maxAmount: 5000 };
    const permissions: string[] = ['balances', 'transactions', 'payment_method'];
    const config = resolveRouterConfig({
      stripe,
      resolveUser,
      topUps,
      permissions: permissions as FcPermission[],
    });
    topUps.maxAmount = 1;
    permissions.push('ownership');
    expect(config.topUps?.maxAmount).toBe(5000);
    expect(config.permissions).toEqual(['balances', 'transactions', 'payment_method']);
  });
});

describe('createWebhookHandler validates its options when it is called', () => {
  const secret = 'whsec_config_test';

  it('returns a handler for a client and a signing secret', () => {
    expect(typeof createWebhookHandler({ stripe, endpointSecret: secret })).toBe('function');
  });

  it.each<[string, unknown, string]>([
    ['no options', undefined, 'ERR_PURSE_MISSING_OPTIONS'],
    ['null options', null, 'ERR_PURSE_MISSING_OPTIONS'],
    ['no stripe client', { endpointSecret: secret }, 'ERR_PURSE_MISSING_STRIPE'],
    ['no secret', { stripe }, 'ERR_PURSE_INVALID_WEBHOOK_SECRET'],
    [
      'the API key as the secret',
      { stripe, endpointSecret: 'sk_test_wrong_one' },
      'ERR_PURSE_INVALID_WEBHOOK_SECRET',
    ],
    [
      'a zero tolerance (which would skip the timestamp check)',
      { stripe, endpointSecret: secret, toleranceSeconds: 0 },
      'ERR_PURSE_INVALID_OPTION',
    ],
    [
      'a fractional dedupe size',
      { stripe, endpointSecret: secret, dedupeSize: 2.5 },
      'ERR_PURSE_INVALID_OPTION',
    ],
    [
      'an event bus that is not one',
      { stripe, endpointSecret: secret, events: {} },
      'ERR_PURSE_INVALID_OPTION',
    ],
    [
      'a logger that is not one',
      { stripe, endpointSecret: secret, logger: console.log },
      'ERR_PURSE_INVALID_OPTION',
    ],
  ])('%s → %s, without echoing secrets', (_name, options, code) => {
    const error = configError(() => createWebhookHandler(options as never));
    expect(error.code).toBe(code);
    expect(error.message).not.toMatch(/sk_test_wrong_one|whsec_config_test/);
  });

  it('never changes its options object', () => {
    const options = deepFreeze({ stripe, endpointSecret: secret, toleranceSeconds: 60 });
    expect(() => createWebhookHandler(options)).not.toThrow();
    expect(options).toEqual({ stripe, endpointSecret: secret, toleranceSeconds: 60 });
  });
});

describe('options at work (over HTTP)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ webhooks: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('topUps.minAmount and maxAmount bound what a user may ask for', async () => {
    const { call } = await h.addRouter({ topUps: { minAmount: 500, maxAmount: 2000 } });
    const sources = await call('freelancer', 'GET', '/top-up-sources');
    const sourceId = (sources.body.data as { id: string }[])[0]?.id;
    const post = (amount: number) =>
      call('freelancer', 'POST', '/top-ups', {
        body: { sourceId, amount, currency: 'usd' },
        headers: { 'idempotency-key': randomUUID() },
      });
    expect((await post(499)).body.error).toMatchObject({
      code: 'amount_too_small',
      param: 'amount',
    });
    expect((await post(2001)).body.error).toMatchObject({
      code: 'amount_too_large',
      param: 'amount',
    });
    expect((await post(1500)).status).toBe(201);
  });

  it('topUps: false turns the top-up routes off', async () => {
    const { call } = await h.addRouter({ topUps: false });
    const res = await call('freelancer', 'GET', '/top-ups');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('feature_disabled');
  });

  it('sends the configured clock to clients as Purse-Now', async () => {
    const { call } = await h.addRouter({ now: () => 1_234_567_890 });
    const res = await call('freelancer', 'GET', '/accounts');
    expect(res.headers.get('purse-now')).toBe('1234567890');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
