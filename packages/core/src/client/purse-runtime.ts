/**
 * `PurseRuntime`: everything a provider shares, without a framework. One per provider (one per
 * `<PurseProvider>` in React): the HTTP client, the live-update connection, the query cache and
 * the per-feature stores built on them. Adapters (the React hooks) only subscribe to stores and
 * call their commands.
 */
import type { FinancialAccountView, LinkedAccount } from '../contract/types.js';
import { LiveUpdates } from './live-updates.js';
import type { PurseClient } from './purse-client.js';
import { QueryCache, type FetchOptions } from './query-cache.js';
import { QUERY_KEYS } from './query-keys.js';

export { QUERY_KEYS } from './query-keys.js';

export interface PurseRuntimeOptions {
  client: PurseClient;
  /** The live-update connection. @default one on `client.eventsUrl()` */
  live?: LiveUpdates;
  /** How old a cached read may be before a new view refetches it, in ms. @default 30000 */
  staleMs?: number;
}

function upsert(accounts: readonly LinkedAccount[], account: LinkedAccount): LinkedAccount[] {
  const index = accounts.findIndex((a) => a.id === account.id);
  if (index === -1) return [...accounts, account];
  return accounts.map((a, i) => (i === index ? account : a));
}

export class PurseRuntime {
  readonly client: PurseClient;
  readonly live: LiveUpdates;
  readonly cache: QueryCache;
  /** One instance per store class, created on first use (so unused features cost nothing). */
  readonly #stores = new Map<new (runtime: PurseRuntime) => unknown, unknown>();
  /** Accounts pushed while the list was loading: the list response may predate them. */
  #pushedDuringLoad: Map<string, LinkedAccount> | null = null;

  constructor(options: PurseRuntimeOptions) {
    this.client = options.client;
    this.live = options.live ?? new LiveUpdates({ url: options.client.eventsUrl() });
    this.cache = new QueryCache(options.staleMs === undefined ? {} : { staleMs: options.staleMs });
  }

  /**
   * The provider's one instance of a feature store, e.g. `runtime.store(LinkedAccountsStore)`.
   * Stores are imported by the features that use them, not by the runtime, so a bundle carries
   * only the stores of the components it renders.
   */
  store<S>(Store: new (runtime: PurseRuntime) => S): S {
    let store = this.#stores.get(Store) as S | undefined;
    if (store === undefined) {
      store = new Store(this);
      this.#stores.set(Store, store);
    }
    return store;
  }

  /** The linked accounts, shared: one request however many views ask at once. */
  readAccounts(options: FetchOptions = {}): Promise<LinkedAccount[]> {
    return this.cache.fetch(
      QUERY_KEYS.accounts,
      async () => {
        const pushed = new Map<string, LinkedAccount>();
        this.#pushedDuringLoad = pushed;
        try {
          let accounts = (await this.client.listAccounts()).data;
          for (const account of pushed.values()) accounts = upsert(accounts, account);
          // Each account is now cached too, so a balance card needs no request of its own.
          for (const account of accounts) this.cache.set(QUERY_KEYS.account(account.id), account);
          return accounts;
        } finally {
          if (this.#pushedDuringLoad === pushed) this.#pushedDuringLoad = null;
        }
      },
      options,
    );
  }

  /** One linked account, from the list when it holds it, else with one shared request. */
  readAccount(accountId: string, options: FetchOptions = {}): Promise<LinkedAccount> {
    return this.cache.fetch(
      QUERY_KEYS.account(accountId),
      () => this.client.getAccount(accountId),
      options,
    );
  }

  /** The financial account, shared. */
  readFinancialAccount(options: FetchOptions = {}): Promise<FinancialAccountView> {
    return this.cache.fetch(
      QUERY_KEYS.financialAccount,
      () => this.client.getFinancialAccount(),
      options,
    );
  }

  /** Files a newer view of an account (from a live event or a command's response). */
  receiveAccount(account: LinkedAccount): void {
    this.#pushedDuringLoad?.set(account.id, account);
    this.cache.set(QUERY_KEYS.account(account.id), account);
    this.cache.update<LinkedAccount[]>(QUERY_KEYS.accounts, (list) => upsert(list, account));
  }

  /** Files a newer view of the financial account. */
  receiveFinancialAccount(account: FinancialAccountView): void {
    this.cache.set(QUERY_KEYS.financialAccount, account);
  }

  /** Closes the live connection. */
  close(): void {
    this.live.close();
  }
}
