import { PurseError } from '@purse/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../src/redis/index.js';
import type { BusMessage } from '../../src/events/event-bus.js';
import type { PurseStore } from '../../src/store/store.js';
import { startRedisServer, type RedisServer } from '../redis-server.js';
import { describeStoreContract, eventFor, nextMessage } from './store-contract.js';

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis.stop();
});

const quiet = { onError: () => undefined };

describeStoreContract('redis', () =>
  Promise.resolve(createRedisStore({ url: redis.url, prefix: 'contract:', ...quiet })),
);

describe('redis store: two instances share one Redis', () => {
  let a: PurseStore;
  let b: PurseStore;
  beforeAll(() => {
    a = createRedisStore({ url: redis.url, prefix: 'shared:', ...quiet });
    b = createRedisStore({ url: redis.url, prefix: 'shared:', ...quiet });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('an event published on one instance reaches a subscriber on the other, and replays there', async () => {
    const topic = `account:acct_${String(Math.random())}`;
    const next = nextMessage(b, [topic]);
    await b.events.replay([topic], '0');
    const sent = await a.events.publish(topic, eventFor('ibt_x'));
    const received = await next.received;
    next.stop();
    expect(received).toEqual(sent);
    const later = await a.events.publish(topic, eventFor('ibt_y'));
    expect(await b.events.replay([topic], sent.id)).toEqual([later]);
  });

  it('a key claimed on one instance is in flight on the other, and its outcome replays there', async () => {
    const claim = {
      key: `k_${String(Math.random())}`,
      owner: 'cus_1',
      fingerprint: 'f',
      ttlMs: 60_000,
    };
    expect(await a.idempotency.claim(claim)).toEqual({ status: 'started' });
    expect(await b.idempotency.claim(claim)).toEqual({ status: 'in_flight' });
    await a.idempotency.complete(claim.key, { ok: true, value: 'ibt_1' });
    expect(await b.idempotency.claim(claim)).toEqual({
      status: 'completed',
      outcome: { ok: true, value: 'ibt_1' },
    });
  });

  it('a webhook on one instance drops the cache of the other; dedup and limits are shared', async () => {
    const scope = `customer:cus_${String(Math.random())}`;
    const read = await b.cache.read(scope, 'accounts');
    await b.cache.write(scope, 'accounts', '[]', 60_000, read.generation);
    expect((await b.cache.read(scope, 'accounts')).value).toBe('[]');
    await a.cache.invalidate([scope]);
    expect((await b.cache.read(scope, 'accounts')).value).toBeUndefined();

    const id = `evt_${String(Math.random())}`;
    expect(await a.claimOnce(id, 60_000)).toBe(true);
    expect(await b.claimOnce(id, 60_000)).toBe(false);

    const rule = { limit: 2, windowMs: 60_000 };
    const key = `limit_${String(Math.random())}`;
    await a.rateLimits.hit(key, rule);
    await b.rateLimits.hit(key, rule);
    expect((await a.rateLimits.hit(key, rule)).allowed).toBe(false);
  });
});

describe('redis store: Redis goes away and comes back', () => {
  it('fails fast with store_unavailable while Redis is down and recovers without a restart', async () => {
    const own = await startRedisServer();
    const store = createRedisStore({ url: own.url, ...quiet });
    const topic = `customer:cus_${String(Math.random())}`;
    try {
      expect(await store.claimOnce('evt_before', 60_000)).toBe(true);
      const seen: BusMessage[] = [];
      const stop = store.events.subscribe([topic], (message) => seen.push(message));
      await store.events.replay([topic], '0');
      const before = await store.events.publish(topic, eventFor('ibt_before'));

      await own.stop();
      const refused = await store.idempotency
        .claim({ key: 'k', owner: 'o', fingerprint: 'f', ttlMs: 60_000 })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(refused).toBeInstanceOf(PurseError);
      expect((refused as PurseError).code).toBe('store_unavailable');
      expect((refused as PurseError).status).toBe(503);
      await expect(store.cache.read(topic, 'f')).rejects.toMatchObject({
        code: 'store_unavailable',
      });

      await own.start();
      // The client reconnects by itself (and re-subscribes); wait until commands go through.
      await expect
        .poll(
          () => store.claimOnce(`evt_after_${String(Math.random())}`, 60_000).catch(() => false),
          {
            timeout: 10_000,
            interval: 100,
          },
        )
        .toBe(true);
      // Publishing from another connection reaches the subscription made before the outage.
      const other = createRedisStore({ url: own.url, ...quiet });
      let after: BusMessage | undefined;
      await expect
        .poll(
          async () => {
            after = await other.events.publish(topic, eventFor('ibt_after'));
            await new Promise((resolve) => setTimeout(resolve, 100));
            return seen.some((message) => message.id === after?.id);
          },
          { timeout: 10_000, interval: 100 },
        )
        .toBe(true);
      // Redis came back empty, yet ids go on from where they were: a client resuming with the
      // id it saw before the outage gets what came after.
      expect(Number(after?.id)).toBeGreaterThan(Number(before.id));
      expect((await other.events.replay([topic], before.id)).map((m) => m.id)).toContain(after?.id);
      stop();
      await other.close();
    } finally {
      await store.close();
      await own.stop();
    }
  });
});
