/**
 * The default store: everything in this process, bounded. Right for one instance; several
 * instances need a shared store such as `createRedisStore` from `@purse/server/redis`.
 */
import type { EventBus } from '../events/event-bus.js';
import { createMemoryEventBus, type MemoryEventBusOptions } from '../events/memory-event-bus.js';
import { BoundedMap } from './bounded-map.js';
import type {
  CacheRead,
  IdempotencyClaim,
  IdempotencyOutcome,
  PurseStore,
  RateLimitResult,
} from './store.js';

export interface MemoryStoreOptions extends MemoryEventBusOptions {
  /** Idempotency keys remembered per owner; an owner's oldest finished keys go first. @default 100 */
  idempotencyKeysPerOwner?: number;
  /** Owners (callers) whose idempotency keys are kept at once. @default 10000 */
  maxOwners?: number;
  /** Cached resources per scope. @default 64 */
  cacheFieldsPerScope?: number;
  /** Cache scopes (users' topics) kept at once, least recently used dropped. @default 10000 */
  maxCacheScopes?: number;
  /** Webhook ids remembered for dedup. @default 50000 */
  maxClaims?: number;
  /** Rate-limit counters kept at once. @default 50000 */
  maxCounters?: number;
  /** The live-update bus. @default a new in-memory bus with the buffer options above */
  events?: EventBus;
  /** The clock, for tests. @default Date.now */
  now?: () => number;
}

interface IdempotencyEntry {
  owner: string;
  fingerprint: string;
  outcome: IdempotencyOutcome | undefined;
  expiresAt: number;
}

interface CacheScope {
  generation: number;
  fields: BoundedMap<string, { value: string; expiresAt: number }>;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): PurseStore {
  const now = options.now ?? Date.now;
  const keysPerOwner = options.idempotencyKeysPerOwner ?? 100;
  const fieldsPerScope = options.cacheFieldsPerScope ?? 64;
  const events = options.events ?? createMemoryEventBus(options);

  const claims = new BoundedMap<string, number>(options.maxClaims ?? 50_000);
  const idempotency = new Map<string, IdempotencyEntry>();
  // Each owner's keys in insertion order: the bound is per owner, so one user refusing 10,000
  // top-ups only ever evicts their own keys.
  const owners = new BoundedMap<string, Set<string>>(options.maxOwners ?? 10_000, (_, keys) => {
    for (const key of keys) idempotency.delete(key);
  });
  const scopes = new BoundedMap<string, CacheScope>(options.maxCacheScopes ?? 10_000);
  const counters = new BoundedMap<string, { windowStart: number; count: number }>(
    options.maxCounters ?? 50_000,
  );
  // Generations never repeat, even for a scope that was dropped and made again.
  let generations = 0;

  const liveEntry = (key: string): IdempotencyEntry | undefined => {
    const entry = idempotency.get(key);
    if (entry && entry.expiresAt <= now()) {
      idempotency.delete(key);
      owners.peek(entry.owner)?.delete(key);
      return undefined;
    }
    return entry;
  };

  const scopeOf = (scope: string): CacheScope => {
    let entry = scopes.get(scope);
    if (!entry) {
      generations += 1;
      entry = { generation: generations, fields: new BoundedMap(fieldsPerScope) };
      scopes.set(scope, entry);
    }
    return entry;
  };

  return {
    events,

    claimOnce(key, ttlMs) {
      const until = claims.get(key);
      if (until !== undefined && until > now()) return Promise.resolve(false);
      claims.set(key, now() + ttlMs);
      return Promise.resolve(true);
    },

    unclaim(key) {
      claims.delete(key);
      return Promise.resolve();
    },

    idempotency: {
      claim({ key, owner, fingerprint, ttlMs }): Promise<IdempotencyClaim> {
        const existing = liveEntry(key);
        if (existing) {
          if (existing.fingerprint !== fingerprint) return Promise.resolve({ status: 'mismatch' });
          return Promise.resolve(
            existing.outcome
              ? { status: 'completed', outcome: existing.outcome }
              : { status: 'in_flight' },
          );
        }
        idempotency.set(key, { owner, fingerprint, outcome: undefined, expiresAt: now() + ttlMs });
        let keys = owners.get(owner);
        if (!keys) {
          keys = new Set();
          owners.set(owner, keys);
        }
        keys.add(key);
        if (keys.size > keysPerOwner) {
          // Finished keys go first; a key still in flight is only dropped if nothing else can be.
          const victim =
            [...keys].find((candidate) => idempotency.get(candidate)?.outcome !== undefined) ??
            keys.values().next().value;
          if (victim !== undefined) {
            keys.delete(victim);
            idempotency.delete(victim);
          }
        }
        return Promise.resolve({ status: 'started' });
      },
      complete(key, outcome) {
        const entry = liveEntry(key);
        if (entry) entry.outcome = outcome;
        return Promise.resolve();
      },
      release(key) {
        const entry = idempotency.get(key);
        if (entry && entry.outcome === undefined) {
          idempotency.delete(key);
          owners.peek(entry.owner)?.delete(key);
        }
        return Promise.resolve();
      },
    },

    cache: {
      read(scope, field): Promise<CacheRead> {
        const entry = scopeOf(scope);
        const cached = entry.fields.get(field);
        const fresh = cached !== undefined && cached.expiresAt > now();
        if (cached && !fresh) entry.fields.delete(field);
        return Promise.resolve({
          value: fresh ? cached.value : undefined,
          generation: String(entry.generation),
        });
      },
      write(scope, field, value, ttlMs, generation) {
        const entry = scopes.peek(scope);
        if (entry && String(entry.generation) === generation && ttlMs > 0) {
          entry.fields.set(field, { value, expiresAt: now() + ttlMs });
        }
        return Promise.resolve();
      },
      invalidate(list) {
        for (const scope of list) {
          const entry = scopes.peek(scope);
          if (!entry) continue;
          generations += 1;
          entry.generation = generations;
          entry.fields.clear();
        }
        return Promise.resolve();
      },
    },

    rateLimits: {
      hit(key, rule): Promise<RateLimitResult> {
        const at = now();
        const windowStart = Math.floor(at / rule.windowMs) * rule.windowMs;
        let counter = counters.get(key);
        if (!counter || counter.windowStart !== windowStart) {
          counter = { windowStart, count: 0 };
          counters.set(key, counter);
        }
        counter.count += 1;
        const allowed = counter.count <= rule.limit;
        return Promise.resolve({
          allowed,
          remaining: Math.max(0, rule.limit - counter.count),
          retryAfterMs: allowed ? 0 : windowStart + rule.windowMs - at,
        });
      },
    },

    close() {
      return Promise.resolve();
    },
  };
}
