/**
 * The idempotency runner, the read cache and the rate limits on both stores. On Redis, two store
 * instances stand for two server instances.
 */
import { PurseError } from '@purse/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/redis/index.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { enforceRateLimit, DEFAULT_RATE_LIMITS } from '../../src/store/rate-limit.js';
import { readThrough } from '../../src/store/read-through.js';
import { runIdempotent } from '../../src/store/run-idempotent.js';
import type { PurseStore } from '../../src/store/store.js';
import { startRedisServer, type RedisServer } from '../redis-server.js';

let redis: RedisServer;
const stores: PurseStore[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis.stop();
});

const quiet = { onError: () => undefined };
const flavours: [string, () => [PurseStore, PurseStore]][] = [
  [
    'memory',
    () => {
      const store = createMemoryStore();
      return [store, store];
    },
  ],
  [
    'redis',
    () => {
      const a = createRedisStore({ url: redis.url, prefix: 'guards:', ...quiet });
      const b = createRedisStore({ url: redis.url, prefix: 'guards:', ...quiet });
      stores.push(a, b);
      return [a, b];
    },
  ],
];

const unique = (): string => String(Math.random()).slice(2);
const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe.each(flavours)('%s store', (_name, open) => {
  it('runs 20 concurrent identical requests once, and every answer names the same result', async () => {
    const [a, b] = open();
    const key = `k_${unique()}`;
    let calls = 0;
    const work = async (): Promise<{ id: string }> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { id: `ibt_${String(calls)}` };
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        runIdempotent(
          index % 2 ? a : b,
          { key, owner: 'cus_1', body: { amount: 500 }, pollMs: 10 },
          work,
        ),
      ),
    );
    expect(calls).toBe(1);
    expect(new Set(answers.map((answer) => answer.id))).toEqual(new Set(['ibt_1']));
  });

  it('refuses the same key with another body, and replays a permanent failure', async () => {
    const [a, b] = open();
    const key = `k_${unique()}`;
    const refusal = new PurseError({
      code: 'amount_too_large',
      message: 'Too much',
      param: 'amount',
    });
    const first = await failureOf(
      runIdempotent(a, { key, owner: 'o', body: { amount: 1 } }, () => Promise.reject(refusal)),
    );
    expect(first).toBe(refusal);
    const replayed = await failureOf(
      runIdempotent(b, { key, owner: 'o', body: { amount: 1 } }, () => Promise.resolve('ran')),
    );
    expect(replayed).toMatchObject({ code: 'amount_too_large', param: 'amount', status: 400 });
    const reused = await failureOf(
      runIdempotent(b, { key, owner: 'o', body: { amount: 2 } }, () => Promise.resolve('ran')),
    );
    expect(reused).toMatchObject({ code: 'idempotency_key_reused', status: 400 });
  });

  it('lets a retry run again after a transient failure', async () => {
    const [a, b] = open();
    const key = `k_${unique()}`;
    const outage = new PurseError({ code: 'stripe_unavailable', message: 'down' });
    await failureOf(runIdempotent(a, { key, owner: 'o', body: 1 }, () => Promise.reject(outage)));
    expect(
      await runIdempotent(b, { key, owner: 'o', body: 1 }, () => Promise.resolve('second')),
    ).toBe('second');
  });

  it('answers 409 when an identical request is still running after the wait', async () => {
    const [a, b] = open();
    const key = `k_${unique()}`;
    let finish = (): void => undefined;
    let running = (): void => undefined;
    const started = new Promise<void>((resolve) => {
      running = resolve;
    });
    const slow = runIdempotent(
      a,
      { key, owner: 'o', body: 1 },
      () =>
        new Promise<string>((resolve) => {
          running();
          finish = () => {
            resolve('done');
          };
        }),
    );
    // Only once the first request holds the key does the second arrive.
    await started;
    const waiting = await failureOf(
      runIdempotent(b, { key, owner: 'o', body: 1, waitMs: 50, pollMs: 10 }, () =>
        Promise.resolve('x'),
      ),
    );
    expect(waiting).toMatchObject({ code: 'idempotency_key_in_use', status: 409 });
    finish();
    expect(await slow).toBe('done');
  });

  it('serves a read from the cache inside the window, per caller, and again from Stripe after invalidation', async () => {
    const [a, b] = open();
    const scope = `customer:cus_${unique()}`;
    let loads = 0;
    const load = (): Promise<{ n: number }> => Promise.resolve({ n: (loads += 1) });
    const read = (store: PurseStore, caller: string): Promise<{ n: number }> =>
      readThrough(store, { scope, field: `${caller}:accounts`, ttlMs: 30_000 }, load);
    expect(await read(a, 'u1')).toEqual({ n: 1 });
    expect(await read(b, 'u1')).toEqual({ n: 1 });
    expect(await read(b, 'u2')).toEqual({ n: 2 });
    await a.cache.invalidate([scope]);
    expect(await read(b, 'u1')).toEqual({ n: 3 });
    // A window of 0 turns the cache off.
    expect(await readThrough(a, { scope, field: 'u1:accounts', ttlMs: 0 }, load)).toEqual({ n: 4 });
  });

  it('limits a user per action and says when to retry; other users and actions are untouched', async () => {
    const [a, b] = open();
    const user = `u_${unique()}`;
    const limits = { ...DEFAULT_RATE_LIMITS, topUps: { limit: 2, windowMs: 60_000 } };
    await enforceRateLimit(a, { action: 'topUps', user, limits });
    await enforceRateLimit(b, { action: 'topUps', user, limits });
    const refused = await failureOf(
      enforceRateLimit(a, { action: 'topUps', user, limits, now: () => 0 }),
    );
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429 });
    expect((refused as PurseError).retryAt).toBeGreaterThan(0);
    expect((refused as PurseError).retryAt).toBeLessThanOrEqual(60);
    await enforceRateLimit(a, { action: 'refreshes', user, limits });
    await enforceRateLimit(a, { action: 'topUps', user: `${user}_other`, limits });
    await enforceRateLimit(a, { action: 'topUps', user, limits: { ...limits, topUps: false } });
  });
});

describe('when Redis is down', () => {
  it('refuses money movement with 503, and still serves reads and skips limits', async () => {
    const own = await startRedisServer();
    const store = createRedisStore({ url: own.url, ...quiet });
    stores.push(store);
    await store.claimOnce('warm-up', 1000);
    await own.stop();
    let ran = false;
    const refused = await failureOf(
      runIdempotent(store, { key: 'k', owner: 'o', body: 1 }, () => {
        ran = true;
        return Promise.resolve('moved');
      }),
    );
    expect(refused).toMatchObject({ code: 'store_unavailable', status: 503 });
    expect(ran).toBe(false);
    const errors: unknown[] = [];
    expect(
      await readThrough(
        store,
        { scope: 's', field: 'f', ttlMs: 30_000, onStoreError: (error) => errors.push(error) },
        () => Promise.resolve('from stripe'),
      ),
    ).toBe('from stripe');
    expect(errors).toHaveLength(1);
    await enforceRateLimit(store, { action: 'topUps', user: 'u', limits: DEFAULT_RATE_LIMITS });
  });
});
