/**
 * The financial account as a store, read through the runtime's cache, kept current by
 * `financial_account.updated` and, while something shown can still change without an event and
 * the stream is down, by polling (one poller for every view of it).
 */
import { toPurseError, type PurseError } from '../../contract/errors.js';
import type { FinancialAccountView } from '../../contract/types.js';
import { nicknameProblem, type NicknameProblem } from '../../rules/nickname.js';
import type { PurseRuntime } from '../purse-runtime.js';
import { QUERY_KEYS } from '../query-keys.js';
import type { QueryEntry } from '../query-cache.js';

export type FinancialAccountLoadState =
  | { status: 'loading' }
  /** The user has no financial account yet (`financial_account_missing`). */
  | { status: 'missing' }
  | { status: 'error'; error: PurseError }
  | { status: 'ready'; account: FinancialAccountView };

export type RenameResult =
  | { status: 'saved'; account: FinancialAccountView }
  | { status: 'invalid'; problem: NicknameProblem; length: number }
  | { status: 'error'; error: PurseError };

const ABA = 'financial_addresses.aba';

/** Whether the account can change without an event reaching us (details set up, pending amounts). */
function mayChange(account: FinancialAccountView): boolean {
  return (
    (!account.address &&
      !account.features.restricted.includes(ABA) &&
      (account.features.pending.includes(ABA) || account.features.active.includes(ABA))) ||
    account.balance.inboundPending !== 0 ||
    account.balance.outboundPending !== 0
  );
}

export class FinancialAccountStore {
  readonly #runtime: PurseRuntime;
  readonly #listeners = new Set<() => void>();
  #stop: (() => void) | null = null;
  #stopPoll: (() => void) | null = null;
  #entry: QueryEntry<FinancialAccountView> | null = null;
  #snapshot: FinancialAccountLoadState = { status: 'loading' };

  constructor(runtime: PurseRuntime) {
    this.#runtime = runtime;
  }

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

  getSnapshot = (): FinancialAccountLoadState => {
    const entry = this.#runtime.cache.get<FinancialAccountView>(QUERY_KEYS.financialAccount);
    if (entry === this.#entry) return this.#snapshot;
    this.#entry = entry;
    switch (entry.status) {
      case 'idle':
      case 'loading':
        this.#snapshot = { status: 'loading' };
        break;
      case 'ready':
        this.#snapshot = { status: 'ready', account: entry.data };
        break;
      case 'error':
        this.#snapshot =
          entry.error.code === 'financial_account_missing'
            ? { status: 'missing' }
            : { status: 'error', error: entry.error };
        break;
      default:
        entry satisfies never;
    }
    return this.#snapshot;
  };

  /** Loads the account again from the server. */
  reload = (): void => {
    this.#runtime.readFinancialAccount({ force: true }).catch(() => undefined);
  };

  /** Validates, then saves a new nickname (trimmed); every view of the account updates. */
  rename = async (nickname: string): Promise<RenameResult> => {
    const trimmed = nickname.trim();
    const problem = nicknameProblem(trimmed);
    if (problem) return { status: 'invalid', problem, length: trimmed.length };
    try {
      const account = await this.#runtime.client.renameFinancialAccount(trimmed);
      this.#runtime.receiveFinancialAccount(account);
      return { status: 'saved', account };
    } catch (error) {
      return { status: 'error', error: toPurseError(error) };
    }
  };

  #start(): void {
    const { cache, live } = this.#runtime;
    const stopCache = cache.subscribe(QUERY_KEYS.financialAccount, () => {
      this.#syncPolling();
      for (const listener of [...this.#listeners]) listener();
    });
    const stopLive = live.subscribe('financial_account.updated', (event) => {
      const current = this.getSnapshot();
      if (current.status === 'ready' && current.account.id !== event.data.id) return;
      this.#runtime.receiveFinancialAccount(event.data);
    });
    this.#runtime.readFinancialAccount().catch(() => undefined);
    this.#syncPolling();
    this.#stop = () => {
      stopCache();
      stopLive();
      this.#stopPoll?.();
      this.#stopPoll = null;
      // Nobody hears `financial_account.updated` now (a top-up may settle on another page): the
      // next view shows what is cached and asks the server again behind it.
      this.#runtime.cache.invalidate(QUERY_KEYS.financialAccount);
    };
  }

  #syncPolling(): void {
    const state = this.getSnapshot();
    const wanted = state.status === 'ready' && mayChange(state.account);
    if (wanted && !this.#stopPoll) {
      this.#stopPoll = this.#runtime.live.onPoll(
        () => void this.#runtime.readFinancialAccount({ force: true }).catch(() => undefined),
        { key: QUERY_KEYS.financialAccount },
      );
    } else if (!wanted && this.#stopPoll) {
      this.#stopPoll();
      this.#stopPoll = null;
    }
  }
}
