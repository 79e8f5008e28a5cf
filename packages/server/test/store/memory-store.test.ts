import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('memory', () => Promise.resolve(createMemoryStore()));

describe('memory store: expiry follows its clock', () => {
  it('forgets claims, idempotency keys and cache entries when their time is up', async () => {
    let now = 1_000_000;
    const store = createMemoryStore({ now: () => now });
    expect(await store.claimOnce('evt_1', 1000)).toBe(true);
    const claim = { key: 'k', owner: 'o', fingerprint: 'f', ttlMs: 1000 };
    await store.idempotency.claim(claim);
    const { generation } = await store.cache.read('s', 'f');
    await store.cache.write('s', 'f', 'v', 1000, generation);
    now += 1001;
    expect(await store.claimOnce('evt_1', 1000)).toBe(true);
    expect(await store.idempotency.claim(claim)).toEqual({ status: 'started' });
    expect((await store.cache.read('s', 'f')).value).toBeUndefined();
  });

  it('resets a rate-limit window at its end', async () => {
    let now = 60_000 * 100;
    const store = createMemoryStore({ now: () => now });
    const rule = { limit: 1, windowMs: 60_000 };
    expect((await store.rateLimits.hit('k', rule)).allowed).toBe(true);
    now += 30_000;
    const refused = await store.rateLimits.hit('k', rule);
    expect(refused).toEqual({ allowed: false, remaining: 0, retryAfterMs: 30_000 });
    now += 30_000;
    expect((await store.rateLimits.hit('k', rule)).allowed).toBe(true);
  });
});
