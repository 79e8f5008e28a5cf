/**
 * Loads and keeps fresh the bank transactions behind a spending chart, for one or more linked
 * accounts. One store per set of account ids and time zone, per provider (`SpendingStores`):
 * a view that mounts again shows what was loaded and only checks for newer refreshes.
 *
 * Per account, operations run one after another (a queue), so a live refresh that arrives while
 * pages are still loading is applied after them:
 * - **load**: read the account; if it never had a transaction refresh, ask for one (once per client
 *   and account) and wait for it; otherwise list every page from the start of the range.
 * - **extend**: the range grew; list only the older part (`to` = what is already loaded).
 * - **sync**: a newer transaction refresh succeeded; list only what it changed
 *   (`after` = the refresh our data already includes) and merge by transaction id.
 *
 * Start and stop are reference counted and the teardown waits a microtask, so React StrictMode's
 * mount → unmount → mount reuses one store without fetching twice.
 */
import type { PurseError } from '../../contract/errors.js';
import type {
  BankTransaction,
  LinkedAccount,
  PurseEvent,
  TransactionQuery,
} from '../../contract/types.js';
import { spendingWindowStart, type SpendingRange } from '../../spending/aggregate-spending.js';
import type {
  SpendingSlotPhase as SlotPhase,
  SpendingSlotSnapshot as SlotSnapshot,
  SpendingStoreSnapshot,
} from '../../spending/spending-state.js';
import type { LiveUpdates } from '../live-updates.js';
import type { PurseClient } from '../purse-client.js';
import type { PurseRuntime } from '../purse-runtime.js';

const DAY = 86_400;
/** The server's largest page. */
export const TRANSACTION_PAGE_LIMIT = 100;

interface Slot {
  accountId: string;
  phase: SlotPhase;
  error: PurseError | null;
  /** What to run again on retry, and the phase to go back to. */
  retryOp: (() => Promise<void>) | null;
  phaseBeforeError: SlotPhase;
  /** How to pick up a listing that failed part-way (at the page that failed). */
  resume: (() => Promise<void>) | null;
  account: LinkedAccount | null;
  byId: Map<string, BankTransaction>;
  /** Whether a page of this account has arrived (its part of a chart can be drawn). */
  hasData: boolean;
  /** The range start (unix seconds) loaded so far; null before the first load. */
  loadedFrom: number | null;
  /** The transaction refresh whose results the loaded data includes; null when unknown. */
  baseline: string | null;
  syncing: boolean;
  /** We asked for this account's first refresh and wait for it. */
  awaitingFirst: boolean;
  /** A poll's check is queued (so slow answers do not pile up). */
  checkQueued: boolean;
  /** The latest account seen while in `error`, applied after a retry. */
  missed: LinkedAccount | null;
  queue: Promise<void>;
}

/** Accounts whose first transaction refresh was already requested, per client. */
const requestedRefreshes = new WeakMap<PurseClient, Set<string>>();

/**
 * Where to start listing for `range` days back: the UTC midnight of the earliest day any chart
 * of that range may show (`spendingWindowStart`: whole weeks in any locale), less one day, so
 * that the first day is covered in every time zone (UTC−12 to UTC+14). One listing serves every
 * bucket size and locale, so switching them never asks the server again.
 */
export function rangeStart(range: SpendingRange, now: number, timeZone?: string): number {
  const from = spendingWindowStart({ range, now, ...(timeZone === undefined ? {} : { timeZone }) });
  return Date.parse(`${from}T00:00:00Z`) / 1000 - DAY;
}

export interface SpendingStoreOptions {
  /** The provider's runtime: accounts are read through its cache (shared with the list). */
  runtime: PurseRuntime;
  accountIds: readonly string[];
  /** @default 90 (set the one shown with `setRange` before `start`) */
  range?: SpendingRange | undefined;
  /** @default 'America/New_York' (as `aggregateSpending`) */
  timeZone?: string | undefined;
  /**
   * Turns a failure into a `PurseError` (pass `toPurseError` from `@purse/core`). Not imported
   * here: this module loads lazily, and a module it shared with `@purse/core`'s main entry would
   * be hoisted by esbuild into every app's first load.
   * @default the failure as it is (Purse's client and cache reject with `PurseError`s only)
   */
  toError?: ((cause: unknown) => PurseError) | undefined;
}

export class SpendingStore {
  private readonly runtime: PurseRuntime;
  private readonly client: PurseClient;
  private readonly live: LiveUpdates;
  private readonly timeZone: string | undefined;
  private readonly toError: (cause: unknown) => PurseError;
  private readonly slots: Slot[];
  private readonly listeners = new Set<() => void>();
  private range: SpendingRange;
  private snapshot: SpendingStoreSnapshot;
  private transactionsDirty = false;
  private refs = 0;
  private running = false;
  /** Bumped on teardown: work begun before it stops touching state. */
  private generation = 0;
  private unsubscribe: (() => void) | null = null;
  private stopPolling: (() => void) | null = null;

  constructor(options: SpendingStoreOptions) {
    this.runtime = options.runtime;
    this.client = options.runtime.client;
    this.live = options.runtime.live;
    this.timeZone = options.timeZone;
    this.toError = options.toError ?? ((cause) => cause as PurseError);
    this.range = options.range ?? 90;
    this.slots = options.accountIds.map((accountId) => ({
      accountId,
      phase: 'loading',
      error: null,
      retryOp: null,
      phaseBeforeError: 'loading',
      resume: null,
      account: null,
      byId: new Map(),
      hasData: false,
      loadedFrom: null,
      baseline: null,
      syncing: false,
      awaitingFirst: false,
      checkQueued: false,
      missed: null,
      queue: Promise.resolve(),
    }));
    this.snapshot = { slots: this.slotSnapshots(), transactions: [], hasData: false };
  }

  // --- useSyncExternalStore ------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SpendingStoreSnapshot => this.snapshot;

  // --- lifecycle -----------------------------------------------------------------------------

  /** Starts loading and listening (effects only). Returns the matching stop. */
  start(): () => void {
    this.refs += 1;
    if (!this.running) {
      this.running = true;
      this.unsubscribe = this.live.subscribe('account.updated', this.onAccountUpdated);
      for (const slot of this.slots) {
        if (slot.phase === 'permission_missing' || slot.phase === 'error') continue;
        if (slot.loadedFrom !== null) {
          // Back after a teardown (an interrupted extension or sync is redone): load what the
          // range needs, then catch up on refreshes missed meanwhile.
          if (slot.phase === 'loading') slot.phase = 'ready';
          this.enqueue(slot, () => this.extend(slot));
          this.enqueue(slot, () => this.check(slot));
        } else {
          this.enqueue(slot, () => this.load(slot));
        }
      }
      this.updatePolling();
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.refs -= 1;
      // A microtask (no DOM or Node global needed): StrictMode's remount comes before it.
      void Promise.resolve().then(() => {
        if (this.refs === 0 && this.running) this.teardown();
      });
    };
  }

  private teardown(): void {
    this.running = false;
    this.generation += 1;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.stopPolling?.();
    this.stopPolling = null;
    for (const slot of this.slots) {
      slot.queue = Promise.resolve();
      slot.syncing = false;
      slot.checkQueued = false;
    }
  }

  /** Loads what a longer range needs (only the older part); nothing for a shorter one. */
  setRange(range: SpendingRange): void {
    if (range === this.range) return;
    this.range = range;
    if (!this.running) return;
    for (const slot of this.slots) {
      if (slot.loadedFrom !== null) this.enqueue(slot, () => this.extend(slot));
    }
  }

  /** Runs again what failed: a request that errored, or a bank refresh that failed. */
  retry = (): void => {
    for (const slot of this.slots) {
      if (slot.phase === 'error' && slot.retryOp) {
        const op = slot.retryOp;
        const missed = slot.missed;
        slot.retryOp = null;
        slot.missed = null;
        slot.error = null;
        slot.checkQueued = false;
        slot.phase = slot.phaseBeforeError;
        this.emit();
        this.enqueue(slot, op);
        // What was skipped while failing: a range change, a refresh announced meanwhile.
        this.enqueue(slot, () => this.extend(slot));
        if (missed) this.enqueue(slot, () => this.apply(slot, missed));
      } else if (slot.phase === 'failed') {
        slot.phase = 'awaiting-refresh';
        this.emit();
        this.enqueue(slot, () => this.requestRefresh(slot));
      }
    }
  };

  // --- operations ----------------------------------------------------------------------------

  private enqueue(slot: Slot, op: () => Promise<void>): void {
    const generation = this.generation;
    slot.queue = slot.queue.then(async () => {
      if (generation !== this.generation || slot.phase === 'error') return;
      try {
        await op();
        slot.resume = null;
      } catch (cause) {
        if (generation !== this.generation) return;
        this.fail(slot, cause, slot.resume ?? op);
        slot.resume = null;
      }
    });
  }

  private fail(slot: Slot, cause: unknown, op: () => Promise<void>): void {
    const error = this.toError(cause);
    slot.syncing = false;
    if (error.code === 'permission_missing') {
      slot.phase = 'permission_missing';
    } else {
      slot.phaseBeforeError = slot.phase;
      slot.phase = 'error';
      slot.error = error;
      slot.retryOp = op;
    }
    this.emit();
  }

  /** Whether work started in `generation` may still change state. */
  private current(generation: number): boolean {
    return generation === this.generation;
  }

  private async load(slot: Slot): Promise<void> {
    const generation = this.generation;
    slot.phase = 'loading';
    this.emit();
    // Through the cache: the account list the page already loaded holds it (no request).
    const account = await this.runtime.readAccount(slot.accountId);
    if (!this.current(generation)) return;
    await this.apply(slot, account);
  }

  /** Re-reads the account (polling, resuming) and applies what changed. */
  private async check(slot: Slot): Promise<void> {
    const generation = this.generation;
    const account = await this.runtime.readAccount(slot.accountId, { force: true });
    if (!this.current(generation)) return;
    await this.apply(slot, account);
  }

  /** Brings the slot in line with what the account says about its transaction refreshes. */
  private async apply(slot: Slot, account: LinkedAccount): Promise<void> {
    slot.account = account;
    if (!account.permissions.includes('transactions')) {
      slot.phase = 'permission_missing';
      this.emit();
      return;
    }
    const refresh = account.transactionRefresh;

    if (slot.loadedFrom === null) {
      // Nothing loaded yet.
      if (refresh === null) {
        const requested = requestedRefreshes.get(this.client) ?? new Set<string>();
        requestedRefreshes.set(this.client, requested);
        slot.phase = 'awaiting-refresh';
        slot.awaitingFirst = true;
        this.emit();
        if (!requested.has(slot.accountId)) {
          requested.add(slot.accountId);
          try {
            await this.requestRefresh(slot);
          } catch (error) {
            // The request never started: a retry may ask again.
            requested.delete(slot.accountId);
            throw error;
          }
        }
        return;
      }
      if (slot.awaitingFirst && refresh.status !== 'succeeded') {
        slot.phase = refresh.status === 'failed' ? 'failed' : 'awaiting-refresh';
        this.emit();
        return;
      }
      slot.awaitingFirst = false;
      // A refresh still pending may add to what we list now: we cannot name the refresh our data
      // includes, so the next success reloads the range instead of asking for `after`.
      slot.baseline = refresh.status === 'pending' ? null : refresh.id;
      const from = rangeStart(this.range, this.client.now(), this.timeZone);
      slot.phase = 'loading';
      this.emit();
      await this.listAll(slot, { from }, () => {
        slot.loadedFrom = from;
        slot.phase =
          refresh.status === 'pending' && slot.byId.size === 0 ? 'awaiting-refresh' : 'ready';
      });
      return;
    }

    // Already loaded: apply a newer successful refresh.
    if (refresh?.status === 'succeeded' && refresh.id !== slot.baseline) {
      const previous = slot.baseline;
      slot.syncing = true;
      this.emit();
      await this.listAll(
        slot,
        previous === null ? { from: slot.loadedFrom } : { after: previous, from: slot.loadedFrom },
        () => {
          slot.baseline = refresh.id;
          slot.syncing = false;
          slot.phase = 'ready';
        },
      );
      return;
    }
    if (slot.phase === 'awaiting-refresh' && refresh?.status === 'failed') slot.phase = 'failed';
    this.emit();
  }

  private async requestRefresh(slot: Slot): Promise<void> {
    const generation = this.generation;
    slot.awaitingFirst = true;
    const account = await this.client.refreshTransactions(slot.accountId);
    this.runtime.receiveAccount(account);
    if (!this.current(generation)) return;
    slot.account = account;
    if (account.transactionRefresh?.status === 'failed') slot.phase = 'failed';
    else if (account.transactionRefresh?.status === 'succeeded') {
      await this.apply(slot, account);
      return;
    }
    this.emit();
  }

  private async extend(slot: Slot): Promise<void> {
    const loadedFrom = slot.loadedFrom;
    if (loadedFrom === null) return;
    const from = rangeStart(this.range, this.client.now(), this.timeZone);
    if (from >= loadedFrom) return;
    slot.phase = 'loading';
    this.emit();
    await this.listAll(slot, { from, to: loadedFrom }, () => {
      slot.loadedFrom = from;
      slot.phase = 'ready';
    });
  }

  /**
   * Lists every page of `query` from `cursor` on, merging each into the slot as it arrives, then
   * runs `finish` (and tells listeners). If a page fails, a retry picks up at that page.
   */
  private async listAll(
    slot: Slot,
    query: TransactionQuery,
    finish: () => void,
    cursor: string | null = null,
  ): Promise<void> {
    const generation = this.generation;
    const syncing = slot.syncing;
    let next = cursor;
    do {
      const at = next;
      slot.resume = () => {
        slot.syncing = syncing;
        return this.listAll(slot, query, finish, at);
      };
      const page = await this.client.listTransactions(slot.accountId, {
        ...query,
        limit: TRANSACTION_PAGE_LIMIT,
        ...(at === null ? {} : { cursor: at }),
      });
      if (!this.current(generation)) throw new Cancelled();
      // An update replaces what we had (pending → posted, or → void).
      for (const transaction of page.data) slot.byId.set(transaction.id, transaction);
      slot.hasData = true;
      this.transactionsDirty = true;
      this.emit(true);
      next = page.hasMore ? page.nextCursor : null;
    } while (next !== null);
    slot.resume = null;
    finish();
    this.emit();
  }

  // --- live updates --------------------------------------------------------------------------

  private readonly onAccountUpdated = (event: PurseEvent): void => {
    if (event.type !== 'account.updated') return;
    const account = event.data;
    const slot = this.slots.find((s) => s.accountId === account.id);
    if (!slot) return;
    if (slot.phase === 'error') slot.missed = account;
    else this.enqueue(slot, () => this.apply(slot, account));
  };

  /** Polls (when the stream is unavailable) only while a refresh is awaited. */
  private updatePolling(): void {
    const needed = this.running && this.slots.some((slot) => this.awaitsRefresh(slot));
    if (needed && !this.stopPolling) {
      this.stopPolling = this.live.onPoll(this.poll);
    } else if (!needed && this.stopPolling) {
      this.stopPolling();
      this.stopPolling = null;
    }
  }

  private readonly poll = (): void => {
    for (const slot of this.slots) {
      if (slot.checkQueued || !this.awaitsRefresh(slot)) continue;
      slot.checkQueued = true;
      this.enqueue(slot, () => {
        slot.checkQueued = false;
        return this.check(slot);
      });
    }
  };

  private awaitsRefresh(slot: Slot): boolean {
    return (
      slot.phase === 'awaiting-refresh' ||
      (slot.phase === 'ready' && slot.account?.transactionRefresh?.status === 'pending')
    );
  }

  // --- snapshots -----------------------------------------------------------------------------

  private slotSnapshots(): SlotSnapshot[] {
    return this.slots.map((slot) => ({
      accountId: slot.accountId,
      phase: slot.phase,
      updating:
        slot.syncing ||
        (slot.phase === 'ready' && slot.account?.transactionRefresh?.status === 'pending'),
      error: slot.error,
      hasData: slot.hasData,
      account: slot.account,
    }));
  }

  private emit(pageArrived = false): void {
    let transactions = this.snapshot.transactions;
    if (this.transactionsDirty) {
      transactions = this.slots.flatMap((slot) => [...slot.byId.values()]);
      this.transactionsDirty = false;
    }
    this.snapshot = {
      slots: this.slotSnapshots(),
      transactions,
      hasData: this.snapshot.hasData || pageArrived,
    };
    this.updatePolling();
    for (const listener of [...this.listeners]) listener();
  }
}

/** Thrown inside an operation whose store was torn down meanwhile; never shown. */
class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export interface SpendingStoreKey {
  accountIds: readonly string[];
  /** @default 'America/New_York' */
  timeZone?: string | undefined;
  /** See `SpendingStoreOptions.toError` (used when the store is created). */
  toError?: ((cause: unknown) => PurseError) | undefined;
}

/**
 * The provider's spending stores (`runtime.store(SpendingStores).get(…)`), one per set of
 * accounts and time zone, kept for the provider's life so that coming back to a page (or
 * React StrictMode's second mount) asks the server for nothing it already has.
 */
export class SpendingStores {
  readonly #runtime: PurseRuntime;
  readonly #stores = new Map<string, SpendingStore>();

  constructor(runtime: PurseRuntime) {
    this.#runtime = runtime;
  }

  get(key: SpendingStoreKey): SpendingStore {
    if (key.accountIds.length === 0) throw new Error('A spending store needs an account id.');
    // The same accounts in any order are one store: a view that shows another of them (its
    // shown accounts are a choice, `spendingOf`) asks the server for nothing new.
    const accountIds = [...new Set(key.accountIds)].sort();
    const id = `${key.timeZone ?? ''}\n${accountIds.join('\n')}`;
    let store = this.#stores.get(id);
    if (!store) {
      store = new SpendingStore({
        runtime: this.#runtime,
        accountIds,
        timeZone: key.timeZone,
        toError: key.toError,
      });
      this.#stores.set(id, store);
    }
    return store;
  }
}
