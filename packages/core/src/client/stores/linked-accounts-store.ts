/**
 * The linked accounts as a store (`subscribe` / `getSnapshot` / commands), read through the
 * runtime's cache and kept current by `account.updated`.
 */
import type { PurseError } from '../../contract/errors.js';
import type { LinkedAccount } from '../../contract/types.js';
import type { PurseRuntime } from '../purse-runtime.js';
import { QUERY_KEYS } from '../query-keys.js';
import type { QueryEntry } from '../query-cache.js';

export type LinkedAccountsState =
  /** `accounts` keeps what was shown before a `reload()` (empty on the first load). */
  | { status: 'loading'; accounts: readonly LinkedAccount[] }
  | { status: 'ready'; accounts: readonly LinkedAccount[] }
  /** `accounts` keeps what was shown before the failed load (usually empty). */
  | { status: 'error'; accounts: readonly LinkedAccount[]; error: PurseError };

const NONE: readonly LinkedAccount[] = [];

export class LinkedAccountsStore {
  readonly #runtime: PurseRuntime;
  readonly #listeners = new Set<() => void>();
  #stop: (() => void) | null = null;
  #entry: QueryEntry<LinkedAccount[]> | null = null;
  #snapshot: LinkedAccountsState = { status: 'loading', accounts: NONE };
  /** What was shown last, kept through a reload and a failed load. */
  #lastAccounts: readonly LinkedAccount[] = NONE;

  constructor(runtime: PurseRuntime) {
    this.#runtime = runtime;
  }

  /** Listens for changes; the first listener loads the list and opens live updates. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (!this.#stop) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stop?.();
        this.#stop = null;
      }
    };
  };

  getSnapshot = (): LinkedAccountsState => {
    const entry = this.#runtime.cache.get<LinkedAccount[]>(QUERY_KEYS.accounts);
    if (entry === this.#entry) return this.#snapshot;
    this.#entry = entry;
    switch (entry.status) {
      case 'idle':
      case 'loading':
        this.#snapshot = { status: 'loading', accounts: this.#lastAccounts };
        break;
      case 'ready':
        this.#lastAccounts = entry.data;
        this.#snapshot = { status: 'ready', accounts: entry.data };
        break;
      case 'error':
        this.#snapshot = { status: 'error', accounts: this.#lastAccounts, error: entry.error };
        break;
      default:
        entry satisfies never;
    }
    return this.#snapshot;
  };

  /** Loads the list again from the server. */
  reload = (): void => {
    this.#runtime.readAccounts({ force: true }).catch(() => undefined);
  };

  #start(): void {
    const { cache, live } = this.#runtime;
    const stopCache = cache.subscribe(QUERY_KEYS.accounts, () => {
      for (const listener of [...this.#listeners]) listener();
    });
    const stopLive = live.subscribe('account.updated', (event) =>
      this.#runtime.receiveAccount(event.data),
    );
    // Errors land in the cache entry (and so in the snapshot).
    this.#runtime.readAccounts().catch(() => undefined);
    this.#stop = () => {
      stopCache();
      stopLive();
      // Nobody hears live updates now: the next view shows this list and asks again behind it.
      this.#runtime.cache.invalidate(QUERY_KEYS.accounts);
    };
  }
}
