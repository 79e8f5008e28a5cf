/**
 * A live, paginated, filterable list as a store (`subscribe` / `getSnapshot` / commands): the
 * first page, then older pages with "load more" (the server passes `cursor` to Stripe as
 * `starting_after`), kept current by live events for its topics and, while something shown can
 * still change and the stream is down, by refetching the first page on every poll. Refetched
 * and pushed items are merged by id (never twice) and pages already loaded are kept. Top-up
 * history and wallet activity are two configurations of it (`topUpHistoryStore`,
 * `walletActivityStore`).
 */
import { PurseError, toPurseError } from '../../contract/errors.js';
import type {
  Page,
  PurseEvent,
  PurseEventType,
  TopUp,
  TopUpStatus,
  WalletActivityItem,
} from '../../contract/types.js';
import { isTerminal, mergeTransferUpdate } from '../../transfers/transfer-status.js';
import type { PurseClient } from '../purse-client.js';
import type { PurseRuntime } from '../purse-runtime.js';

/** The server's page size for history lists. */
export const DEFAULT_HISTORY_PAGE_SIZE = 20;

/** What a list item needs: an id to merge by and a creation time to sort by (newest first). */
export interface HistoryItem {
  id: string;
  /** Unix seconds. */
  created: number;
}

/** Whether there are older items to load, and how that is going. */
export type HistoryMore =
  | { status: 'idle' }
  | { status: 'loading' }
  /** The next page failed; `retry()` (or `loadMore()`) asks for that page again. */
  | { status: 'error'; error: PurseError }
  | { status: 'complete' };

export type HistoryState<T> =
  | { status: 'loading' }
  | { status: 'empty' }
  /** `items` newest first. */
  | { status: 'ready'; items: readonly T[]; more: HistoryMore }
  /** The first page failed; `retry()` asks for it again. */
  | { status: 'error'; error: PurseError };

export interface HistoryPageQuery<F> {
  cursor?: string;
  limit: number;
  filter: F | undefined;
}

export interface HistoryStoreOptions<T extends HistoryItem, F> {
  /** Reads one page. */
  fetchPage: (client: PurseClient, query: HistoryPageQuery<F>) => Promise<Page<T>>;
  /** Live events that concern the list. */
  topics: readonly PurseEventType[];
  /**
   * The item an event carries, merged without a request. Without it (or when it returns null)
   * an event refetches the first page.
   */
  fromEvent?: ((event: PurseEvent) => T | null) | undefined;
  /** Whether an item can no longer change (nothing is polled for settled items). */
  isSettled: (item: T) => boolean;
  /** The version to keep when an item arrives again. @default the incoming one */
  merge?: ((shown: T, incoming: T) => T) | undefined;
  /** Whether an item belongs in the list under `filter`. @default every item does */
  matches?: ((item: T, filter: F) => boolean) | undefined;
  /** The first filter. @default none */
  filter?: F | undefined;
  /** Items per page (1–100). @default 20 */
  pageSize?: number | undefined;
}

function newestFirst(a: HistoryItem, b: HistoryItem): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export class HistoryStore<T extends HistoryItem, F = never> {
  readonly #runtime: PurseRuntime;
  readonly #options: HistoryStoreOptions<T, F>;
  readonly #listeners = new Set<() => void>();
  #state: HistoryState<T> = { status: 'loading' };
  #filter: F | undefined;
  /** Where the next (older) page starts; null when there is none. */
  #cursor: string | null = null;
  /** Bumped by each new first load, so that answers to an older one are dropped. */
  #generation = 0;
  /**
   * While the first page loads: whether an event came meanwhile (the page may predate it, so it
   * is asked for again once in). Null when no first load is under way.
   */
  #changedDuringLoad: boolean | null = null;
  #stop: (() => void) | null = null;
  #stopPoll: (() => void) | null = null;

  constructor(runtime: PurseRuntime, options: HistoryStoreOptions<T, F>) {
    this.#runtime = runtime;
    this.#options = options;
    this.#filter = options.filter;
  }

  /** Listens for changes; the first listener loads the list and opens live updates. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    this.#stop ??= this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stop?.();
        this.#stop = null;
      }
    };
  };

  getSnapshot = (): HistoryState<T> => this.#state;

  /** The filter the list is loaded with. */
  get filter(): F | undefined {
    return this.#filter;
  }

  /** Loads the list again from its first page under another filter (undefined: none). */
  setFilter = (filter: F | undefined): void => {
    if (Object.is(filter, this.#filter)) return;
    this.#filter = filter;
    this.#loadFirstPage();
  };

  /** Asks again for the page that failed: the first one, or the next one. */
  retry = (): void => {
    if (this.#state.status === 'error') this.#loadFirstPage();
    else if (this.#state.status === 'ready' && this.#state.more.status === 'error') this.loadMore();
  };

  /** Loads the next (older) page; does nothing while one is loading or when there is none. */
  loadMore = (): void => {
    const state = this.#state;
    const cursor = this.#cursor;
    if (state.status !== 'ready' || state.more.status === 'loading' || !cursor) return;
    const generation = this.#generation;
    this.#set({ ...state, more: { status: 'loading' } });
    this.#fetch(cursor).then(
      (page) => {
        if (generation !== this.#generation || this.#state.status !== 'ready') return;
        this.#cursor = page.hasMore ? page.nextCursor : null;
        this.#set({
          status: 'ready',
          items: this.#merge(this.#state.items, page.data, false),
          more: { status: this.#cursor ? 'idle' : 'complete' },
        });
      },
      (reason: unknown) => {
        if (generation !== this.#generation || this.#state.status !== 'ready') return;
        this.#set({ ...this.#state, more: { status: 'error', error: toPurseError(reason) } });
      },
    );
  };

  /** Refetches the first page quietly and merges it in (a failure keeps what is shown). */
  refresh = (): void => {
    if (this.#changedDuringLoad !== null) {
      this.#changedDuringLoad = true;
      return;
    }
    const generation = this.#generation;
    this.#fetch(undefined).then((page) => {
      if (generation !== this.#generation) return;
      this.#receive(page.data, page);
    }, ignore);
  };

  #fetch(cursor: string | undefined): Promise<Page<T>> {
    const query: HistoryPageQuery<F> = {
      limit: this.#options.pageSize ?? DEFAULT_HISTORY_PAGE_SIZE,
      filter: this.#filter,
      ...(cursor === undefined ? {} : { cursor }),
    };
    return this.#options.fetchPage(this.#runtime.client, query);
  }

  #loadFirstPage(): void {
    const generation = ++this.#generation;
    this.#cursor = null;
    this.#changedDuringLoad = false;
    this.#set({ status: 'loading' });
    this.#fetch(undefined).then(
      (page) => {
        if (generation !== this.#generation) return;
        const changed = this.#changedDuringLoad;
        this.#changedDuringLoad = null;
        this.#cursor = page.hasMore ? page.nextCursor : null;
        const items = this.#merge([], page.data, false);
        this.#set(
          items.length === 0
            ? { status: 'empty' }
            : { status: 'ready', items, more: { status: this.#cursor ? 'idle' : 'complete' } },
        );
        if (changed) this.refresh();
      },
      (reason: unknown) => {
        if (generation !== this.#generation) return;
        this.#changedDuringLoad = null;
        this.#set({ status: 'error', error: toPurseError(reason) });
      },
    );
  }

  /** Merges items from an event or a refetched first page (`page`, whose cursor an empty list takes). */
  #receive(incoming: readonly T[], page?: Page<T>): void {
    const state = this.#state;
    if (state.status === 'loading' || state.status === 'error') return;
    const shown = state.status === 'ready' ? state.items : [];
    const items = this.#merge(shown, incoming, this.#cursor !== null);
    if (items === shown) return;
    if (items.length === 0) {
      this.#set({ status: 'empty' });
      return;
    }
    if (state.status === 'empty' && page) this.#cursor = page.hasMore ? page.nextCursor : null;
    const more: HistoryMore =
      state.status === 'ready' ? state.more : { status: this.#cursor ? 'idle' : 'complete' };
    this.#set({ status: 'ready', items, more });
  }

  /**
   * `incoming` merged into `items` by id, newest first; `items` itself when nothing changed. An
   * item older than all shown while older pages are still to come is left to its page.
   */
  #merge(items: readonly T[], incoming: readonly T[], olderPagesPending: boolean): readonly T[] {
    const { merge, matches } = this.#options;
    const filter = this.#filter;
    const byId = new Map(items.map((item) => [item.id, item]));
    const oldest = items.at(-1);
    let changed = false;
    for (const item of incoming) {
      const shown = byId.get(item.id);
      const next = shown && merge ? merge(shown, item) : item;
      if (next === shown) continue;
      if (!shown && olderPagesPending && oldest && newestFirst(oldest, item) < 0) continue;
      if (filter !== undefined && matches && !matches(next, filter)) {
        changed = byId.delete(item.id) || changed;
        continue;
      }
      byId.set(item.id, next);
      changed = true;
    }
    return changed ? [...byId.values()].sort(newestFirst) : items;
  }

  #set(state: HistoryState<T>): void {
    this.#state = state;
    this.#syncPolling();
    for (const listener of [...this.#listeners]) listener();
  }

  #onEvent = (event: PurseEvent): void => {
    const item = this.#options.fromEvent?.(event);
    if (item && this.#changedDuringLoad === null) this.#receive([item]);
    else this.refresh();
  };

  /** Opens live updates and loads or refreshes the list; returns what undoes it. */
  #start(): () => void {
    const { live } = this.#runtime;
    const stops = this.#options.topics.map((topic) => live.subscribe(topic, this.#onEvent));
    const stop = (): void => {
      for (const stopTopic of stops) stopTopic();
      this.#stopPoll?.();
      this.#stopPoll = null;
    };
    this.#stop = stop;
    // A first load still running (React StrictMode's unmount and mount) is shared; a list shown
    // before heard no events while nobody listened, so it is refetched behind what it shows.
    if (this.#state.status === 'loading' || this.#state.status === 'error') {
      if (this.#changedDuringLoad === null) this.#loadFirstPage();
    } else this.refresh();
    this.#syncPolling();
    return stop;
  }

  #syncPolling(): void {
    const state = this.#state;
    const wanted =
      this.#stop !== null &&
      state.status === 'ready' &&
      state.items.some((item) => !this.#options.isSettled(item));
    if (wanted && !this.#stopPoll) this.#stopPoll = this.#runtime.live.onPoll(this.refresh);
    else if (!wanted && this.#stopPoll) {
      this.#stopPoll();
      this.#stopPoll = null;
    }
  }
}

const ignore = (): void => undefined;

export interface TopUpHistoryStoreOptions {
  /** Only top-ups with this status. @default all */
  status?: TopUpStatus | undefined;
  /** Top-ups per page (1–100). @default 20 */
  pageSize?: number | undefined;
}

/**
 * The person's top-ups: `transfer.updated` carries the top-up itself (merged so that an update
 * never moves one backwards), and unsettled ones are polled while the stream is down.
 */
export function topUpHistoryStore(
  runtime: PurseRuntime,
  options: TopUpHistoryStoreOptions = {},
): HistoryStore<TopUp, TopUpStatus> {
  return new HistoryStore<TopUp, TopUpStatus>(runtime, {
    fetchPage: (client, { filter, ...query }) =>
      client.listTopUps(filter ? { ...query, status: filter } : query),
    topics: ['transfer.updated'],
    fromEvent: (event) => (event.type === 'transfer.updated' ? event.data : null),
    isSettled: isTerminal,
    merge: mergeTransferUpdate,
    matches: (topUp, status) => topUp.status === status,
    filter: options.status,
    pageSize: options.pageSize,
  });
}

const unsupported = (): Promise<never> =>
  Promise.reject(
    new PurseError({
      code: 'feature_disabled',
      message: 'This PurseClient has no listWalletActivity.',
    }),
  );

export interface WalletActivityStoreOptions {
  /** Entries per page (1–100). @default 20 */
  pageSize?: number | undefined;
}

/**
 * The wallet's Treasury transactions: a top-up's or the account's update refetches the first
 * page (an event does not carry the transaction), and pending entries are polled while the
 * stream is down.
 */
export function walletActivityStore(
  runtime: PurseRuntime,
  options: WalletActivityStoreOptions = {},
): HistoryStore<WalletActivityItem> {
  return new HistoryStore<WalletActivityItem>(runtime, {
    fetchPage: (client, { cursor, limit }) =>
      client.listWalletActivity ? client.listWalletActivity({ cursor, limit }) : unsupported(),
    topics: ['transfer.updated', 'financial_account.updated'],
    isSettled: (item) => item.status !== 'pending',
    pageSize: options.pageSize,
  });
}
