/**
 * One cache of server reads per provider, in the manner of TanStack Query's `QueryCache`, cut to
 * what Purse needs:
 * - requests in flight are shared: every caller asking for a key while it loads gets the same
 *   promise (React StrictMode's double effects, several components showing one resource);
 * - results are kept per key and served at once; a read older than `staleMs` is refetched in the
 *   background while the old value is still shown (stale-while-revalidate);
 * - writes (`set`) come from commands and live events, so a fresh value reaches every view.
 */
import { toPurseError, type PurseError } from '../contract/errors.js';

/** The default age after which a cached read is refetched when asked for again. */
export const DEFAULT_STALE_MS = 30_000;

export type QueryEntry<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T; updatedAt: number; fetching: boolean }
  | { status: 'error'; error: PurseError; updatedAt: number };

export interface QueryCacheOptions {
  /** How old a read may be before asking again refetches it, in ms. @default 30000 */
  staleMs?: number;
  /** The clock, in ms since the epoch. @default Date.now */
  now?: () => number;
}

export interface FetchOptions {
  /** Ask the server even if a fresh value is cached (a user's "reload"). @default false */
  force?: boolean;
}

interface Slot {
  entry: QueryEntry<unknown>;
  promise: Promise<unknown> | null;
  listeners: Set<() => void>;
  /** Bumped by `set`, so a slower request that started earlier does not overwrite it. */
  version: number;
  /** `invalidate` was called since the last value arrived. */
  invalidated: boolean;
}

const IDLE: QueryEntry<never> = { status: 'idle' };

export class QueryCache {
  readonly #slots = new Map<string, Slot>();
  readonly #staleMs: number;
  readonly #now: () => number;

  constructor(options: QueryCacheOptions = {}) {
    this.#staleMs = options.staleMs ?? DEFAULT_STALE_MS;
    this.#now = options.now ?? Date.now;
  }

  #slot(key: string): Slot {
    let slot = this.#slots.get(key);
    if (!slot) {
      slot = { entry: IDLE, promise: null, listeners: new Set(), version: 0, invalidated: false };
      this.#slots.set(key, slot);
    }
    return slot;
  }

  #write(slot: Slot, entry: QueryEntry<unknown>): void {
    if (entry.status === 'ready' && !entry.fetching) slot.invalidated = false;
    slot.entry = entry;
    for (const listener of [...slot.listeners]) listener();
  }

  /** What is cached for `key` (a stable object until it changes, for `useSyncExternalStore`). */
  get<T>(key: string): QueryEntry<T> {
    return (this.#slots.get(key)?.entry ?? IDLE) as QueryEntry<T>;
  }

  /** Calls `listener` whenever `key`'s entry changes; returns an unsubscribe. */
  subscribe(key: string, listener: () => void): () => void {
    const slot = this.#slot(key);
    slot.listeners.add(listener);
    return () => slot.listeners.delete(listener);
  }

  /**
   * Reads `key`, loading it with `load` unless a fresh value is cached or a request is already in
   * flight (then that request's promise is returned). Rejects with a `PurseError`.
   */
  fetch<T>(key: string, load: () => Promise<T>, options: FetchOptions = {}): Promise<T> {
    const slot = this.#slot(key);
    if (slot.promise) return slot.promise as Promise<T>;
    const { entry } = slot;
    if (
      !options.force &&
      !slot.invalidated &&
      entry.status === 'ready' &&
      this.#now() - entry.updatedAt < this.#staleMs
    ) {
      return Promise.resolve(entry.data as T);
    }
    const version = slot.version;
    this.#write(
      slot,
      entry.status === 'ready' ? { ...entry, fetching: true } : { status: 'loading' },
    );
    const promise = load().then(
      (data) => {
        slot.promise = null;
        if (slot.version === version) {
          this.#write(slot, { status: 'ready', data, updatedAt: this.#now(), fetching: false });
          return data;
        }
        // A write arrived while this was in flight: it is newer than this response.
        return (slot.entry.status === 'ready' ? slot.entry.data : data) as T;
      },
      (error: unknown) => {
        slot.promise = null;
        const purseError = toPurseError(error);
        if (slot.version === version) {
          // A failed background refetch keeps the value shown; only a first load fails.
          this.#write(
            slot,
            slot.entry.status === 'ready'
              ? { ...slot.entry, fetching: false }
              : { status: 'error', error: purseError, updatedAt: this.#now() },
          );
        }
        throw purseError;
      },
    );
    slot.promise = promise;
    return promise;
  }

  /** Stores a value received some other way (a command's response, a live event). */
  set(key: string, data: unknown): void {
    const slot = this.#slot(key);
    slot.version += 1;
    this.#write(slot, { status: 'ready', data, updatedAt: this.#now(), fetching: false });
  }

  /** Changes a cached value in place (no-op when nothing is cached yet). */
  update<T>(key: string, change: (data: T) => T): void {
    const entry = this.get<T>(key);
    if (entry.status === 'ready') this.set(key, change(entry.data));
  }

  /** Marks `key` stale: the next `fetch` asks the server again. */
  invalidate(key: string): void {
    const slot = this.#slots.get(key);
    if (slot) slot.invalidated = true;
  }
}
