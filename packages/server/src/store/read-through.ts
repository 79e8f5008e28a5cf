/**
 * The read cache: a resource is read from the store when it is fresh, else from Stripe and kept
 * for `ttlMs`. Entries live under the user's live-update topic (`scope`), so a webhook that drops
 * the topic drops them on every instance; the field always names the caller, so an entry is never
 * served to anyone else. A store that cannot be reached only costs the cache: reads go to Stripe.
 */
import type { PurseStore } from './store.js';

export interface ReadThroughOptions {
  /** The owner's topic, such as `customer:cus_…` or `account:acct_…`. */
  scope: string;
  /** The caller and resource, such as `cus_…|acct_…:accounts`. */
  field: string;
  /** Freshness window; 0 reads Stripe every time. */
  ttlMs: number;
  /** Told when the store fails (the read still succeeds). @default nothing */
  onStoreError?: (error: unknown) => void;
}

// Identical reads that arrive together on one instance share one Stripe call.
const inFlight = new Map<string, Promise<unknown>>();

export async function readThrough<T>(
  store: PurseStore,
  options: ReadThroughOptions,
  load: () => Promise<T>,
): Promise<T> {
  if (options.ttlMs <= 0) return load();
  let generation: string | undefined;
  try {
    const cached = await store.cache.read(options.scope, options.field);
    if (cached.value !== undefined) return JSON.parse(cached.value) as T;
    generation = cached.generation;
  } catch (error) {
    options.onStoreError?.(error);
    return load();
  }
  const flightKey = `${options.scope}\u0000${options.field}\u0000${generation}`;
  const pending = inFlight.get(flightKey);
  if (pending) return pending as Promise<T>;
  const loading = (async () => {
    const value = await load();
    try {
      await store.cache.write(
        options.scope,
        options.field,
        JSON.stringify(value),
        options.ttlMs,
        generation,
      );
    } catch (error) {
      options.onStoreError?.(error);
    }
    return value;
  })();
  inFlight.set(flightKey, loading);
  try {
    return await loading;
  } finally {
    inFlight.delete(flightKey);
  }
}
