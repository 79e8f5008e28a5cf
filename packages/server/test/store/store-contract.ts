/**
 * The behaviour every `PurseStore` must have, run against the in-memory store and against a real
 * Redis, so the two can never drift apart.
 */
import type { PurseEvent } from '@purse/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../src/events/event-bus.js';
import type { PurseStore } from '../../src/store/store.js';

export function eventFor(id: string): PurseEvent {
  return {
    type: 'top_up.updated',
    data: { id, status: 'processing' },
  } as unknown as PurseEvent;
}

export function nextMessage(
  store: PurseStore,
  topics: string[],
): { received: Promise<BusMessage>; stop: () => void } {
  let stop = (): void => undefined;
  const received = new Promise<BusMessage>((resolve) => {
    stop = store.events.subscribe(topics, resolve);
  });
  return { received, stop };
}

export function describeStoreContract(name: string, makeStore: () => Promise<PurseStore>): void {
  describe(`${name}: the store contract`, () => {
    const opened: PurseStore[] = [];
    const open = async (): Promise<PurseStore> => {
      const store = await makeStore();
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('claims a webhook id once', async () => {
      const store = await open();
      const id = `evt_${String(Math.random())}`;
      expect(await store.claimOnce(id, 60_000)).toBe(true);
      expect(await store.claimOnce(id, 60_000)).toBe(false);
      expect(await store.claimOnce(`${id}_other`, 60_000)).toBe(true);
      // Given back when the work it guarded failed: the retry claims it again.
      await store.unclaim(id);
      expect(await store.claimOnce(id, 60_000)).toBe(true);
    });

    it('starts an idempotency key once, replays its outcome and refuses another body', async () => {
      const store = await open();
      const key = `key_${String(Math.random())}`;
      const claim = { key, owner: 'cus_a', fingerprint: 'body-1', ttlMs: 60_000 };
      expect(await store.idempotency.claim(claim)).toEqual({ status: 'started' });
      expect(await store.idempotency.claim(claim)).toEqual({ status: 'in_flight' });
      expect(await store.idempotency.claim({ ...claim, fingerprint: 'body-2' })).toEqual({
        status: 'mismatch',
      });
      await store.idempotency.complete(key, { ok: true, value: { id: 'ibt_1' } });
      expect(await store.idempotency.claim(claim)).toEqual({
        status: 'completed',
        outcome: { ok: true, value: { id: 'ibt_1' } },
      });
      // A finished key is not released by a late failure report.
      await store.idempotency.release(key);
      expect((await store.idempotency.claim(claim)).status).toBe('completed');
    });

    it('releases an in-flight key so a retry runs again', async () => {
      const store = await open();
      const key = `key_${String(Math.random())}`;
      const claim = { key, owner: 'cus_a', fingerprint: 'body', ttlMs: 60_000 };
      await store.idempotency.claim(claim);
      await store.idempotency.release(key);
      expect(await store.idempotency.claim(claim)).toEqual({ status: 'started' });
    });

    it("bounds idempotency keys per owner: one user's keys never evict another's", async () => {
      const store = await open();
      const run = String(Math.random());
      const other = { key: `b_${run}`, owner: `cus_b_${run}`, fingerprint: 'x', ttlMs: 60_000 };
      await store.idempotency.claim(other);
      await store.idempotency.complete(other.key, { ok: true, value: 'kept' });
      for (let index = 0; index < 150; index += 1) {
        const key = `a_${run}_${String(index)}`;
        await store.idempotency.claim({
          key,
          owner: `cus_a_${run}`,
          fingerprint: 'x',
          ttlMs: 60_000,
        });
        await store.idempotency.complete(key, { ok: false, error: { code: 'x', message: 'm' } });
      }
      expect(await store.idempotency.claim(other)).toEqual({
        status: 'completed',
        outcome: { ok: true, value: 'kept' },
      });
      // The flooding owner's oldest key was dropped, its newest kept.
      const newest = {
        key: `a_${run}_149`,
        owner: `cus_a_${run}`,
        fingerprint: 'x',
        ttlMs: 60_000,
      };
      expect((await store.idempotency.claim(newest)).status).toBe('completed');
      const oldest = { ...newest, key: `a_${run}_0` };
      expect((await store.idempotency.claim(oldest)).status).toBe('started');
    });

    it('caches per scope and field until a webhook invalidates the scope', async () => {
      const store = await open();
      const scope = `customer:cus_${String(Math.random())}`;
      const miss = await store.cache.read(scope, 'user1:accounts');
      expect(miss.value).toBeUndefined();
      await store.cache.write(scope, 'user1:accounts', '[1]', 60_000, miss.generation);
      const hit = await store.cache.read(scope, 'user1:accounts');
      expect(hit.value).toBe('[1]');
      expect((await store.cache.read(scope, 'user2:accounts')).value).toBeUndefined();
      expect((await store.cache.read(`${scope}x`, 'user1:accounts')).value).toBeUndefined();

      await store.cache.invalidate([scope]);
      expect((await store.cache.read(scope, 'user1:accounts')).value).toBeUndefined();
    });

    it('refuses a write that started before an invalidation (no stale data after a webhook)', async () => {
      const store = await open();
      const scope = `account:acct_${String(Math.random())}`;
      const before = await store.cache.read(scope, 'fa');
      await store.cache.invalidate([scope]);
      await store.cache.write(scope, 'fa', '"stale"', 60_000, before.generation);
      expect((await store.cache.read(scope, 'fa')).value).toBeUndefined();
      const after = await store.cache.read(scope, 'fa');
      await store.cache.write(scope, 'fa', '"fresh"', 60_000, after.generation);
      expect((await store.cache.read(scope, 'fa')).value).toBe('"fresh"');
    });

    it('does not cache with a freshness window of 0', async () => {
      const store = await open();
      const scope = `customer:cus_${String(Math.random())}`;
      const read = await store.cache.read(scope, 'f');
      await store.cache.write(scope, 'f', '1', 0, read.generation);
      expect((await store.cache.read(scope, 'f')).value).toBeUndefined();
    });

    it('counts requests per key in a fixed window', async () => {
      const store = await open();
      const key = `user_${String(Math.random())}:top-ups`;
      const rule = { limit: 3, windowMs: 60_000 };
      const results = [];
      for (let index = 0; index < 4; index += 1)
        results.push(await store.rateLimits.hit(key, rule));
      expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
      expect(results.map((result) => result.remaining)).toEqual([2, 1, 0, 0]);
      expect(results[3]?.retryAfterMs).toBeGreaterThan(0);
      expect(results[3]?.retryAfterMs).toBeLessThanOrEqual(60_000);
      expect((await store.rateLimits.hit(`${key}-other`, rule)).allowed).toBe(true);
    });

    it('delivers live events to subscribers of the topic only, and replays after an id', async () => {
      const store = await open();
      const run = String(Math.random());
      const mine = `customer:cus_${run}`;
      const theirs = `customer:cus_other_${run}`;
      const seen: BusMessage[] = [];
      const stopTheirs = store.events.subscribe([theirs], (message) => seen.push(message));
      const next = nextMessage(store, [mine]);
      // Replaying (even from 0) waits for the subscriptions to be in place.
      await store.events.replay([mine, theirs], '0');
      const first = await store.events.publish(mine, eventFor('ibt_1'));
      expect((await next.received).id).toBe(first.id);
      next.stop();
      stopTheirs();
      expect(seen).toEqual([]);

      const second = await store.events.publish(mine, eventFor('ibt_2'));
      const third = await store.events.publish(theirs, eventFor('ibt_3'));
      expect(Number(second.id)).toBeGreaterThan(Number(first.id));
      const replayed = await store.events.replay([mine, theirs], first.id);
      expect(replayed.map((message) => message.id)).toEqual([second.id, third.id]);
      expect(replayed[0]?.event).toEqual(eventFor('ibt_2'));
      expect(await store.events.replay([mine], 'not-a-number')).toEqual([]);
    });
  });
}
