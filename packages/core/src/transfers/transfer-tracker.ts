import type { TopUp } from '../contract/types.js';
import { isPurseError } from '../contract/errors.js';
import {
  isTerminal,
  mergeTransferUpdate,
  transferPhase,
  type TransferPhase,
} from './transfer-status.js';

// Core targets plain ES (no DOM or Node typings); every runtime Purse supports has these.
declare function setTimeout(callback: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;

/** The default time between two loads while a top-up is under way. */
export const DEFAULT_POLL_INTERVAL_MS = 5000;
/** The default time between two loads once a top-up succeeded (watching for a return). */
export const DEFAULT_SUCCEEDED_POLL_INTERVAL_MS = 60_000;

export interface TransferTrackerOptions {
  /** Fetches the top-up, for example `(id) => client.getTopUp(id)`. */
  load: (id: string) => Promise<TopUp>;
  /** The top-up to follow. */
  id: string;
  /**
   * Time between loads while the top-up is in review or processing, in milliseconds.
   * @default 5000
   */
  pollIntervalMs?: number;
  /**
   * Time between loads once it succeeded: only a return can still happen, days later, and live
   * events usually report it first.
   * @default 60000
   */
  succeededPollIntervalMs?: number;
  /**
   * The clock, in milliseconds since the epoch, that stamps `updatedAt`.
   * @default Date.now
   */
  now?: () => number;
}

/** What a tracker knows. `error` means we could not learn the status, not that the top-up failed. */
export type TransferSnapshot =
  | { status: 'loading' }
  | {
      status: 'ready';
      topUp: TopUp;
      phase: TransferPhase;
      /** When the tracker received this view (a repeat of the same view does not change it), from `now()`, in milliseconds. */
      updatedAt: number;
    }
  | {
      status: 'error';
      error: unknown;
      /** The last view received before the error, if any. */
      topUp: TopUp | null;
      /** When the error happened, from `now()` (milliseconds). */
      updatedAt: number;
    };

const LOADING: TransferSnapshot = { status: 'loading' };

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** A 4xx other than 408 and 429 will not go away by asking again. */
function isPermanent(error: unknown): boolean {
  return (
    isPurseError(error) &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

/**
 * Follows one top-up until nothing more can happen to it, for `useSyncExternalStore` and for
 * non-React code. It loads and then polls while anyone is subscribed and the top-up is not
 * terminal (failed, canceled, returned), and merges live updates pushed to it so the status never
 * moves backwards. A load that fails with a permanent error (404, 403…) stops polling until
 * `refresh()`; other errors are retried at the next interval, keeping the last known top-up.
 *
 * ```ts
 * const tracker = new TransferTracker({ id, load: (id) => client.getTopUp(id) });
 * const snapshot = useSyncExternalStore(tracker.subscribe, tracker.getSnapshot, tracker.getSnapshot);
 * ```
 */
export class TransferTracker {
  readonly id: string;
  readonly #load: (id: string) => Promise<TopUp>;
  readonly #pollIntervalMs: number;
  readonly #succeededPollIntervalMs: number;
  readonly #now: () => number;
  readonly #listeners = new Set<() => void>();
  #snapshot: TransferSnapshot = LOADING;
  #topUp: TopUp | null = null;
  #timer: unknown = null;
  #inFlight: Promise<void> | null = null;
  #halted = false;

  constructor(options: TransferTrackerOptions) {
    const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    const succeededPollIntervalMs =
      options.succeededPollIntervalMs ?? DEFAULT_SUCCEEDED_POLL_INTERVAL_MS;
    for (const [name, value] of [
      ['pollIntervalMs', pollIntervalMs],
      ['succeededPollIntervalMs', succeededPollIntervalMs],
    ] as const) {
      if (!Number.isFinite(value) || value <= 0) {
        throw new RangeError(`TransferTracker: ${name} must be a positive number of milliseconds.`);
      }
    }
    this.id = options.id;
    this.#load = options.load;
    this.#pollIntervalMs = pollIntervalMs;
    this.#succeededPollIntervalMs = succeededPollIntervalMs;
    this.#now = options.now ?? Date.now;
  }

  /** Adds a listener, called after every snapshot change; returns its unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      if (!this.#listeners.delete(listener)) return;
      if (this.#listeners.size === 0) this.#stopTimer();
    };
  };

  /** The current snapshot; the same object until something changes. */
  getSnapshot = (): TransferSnapshot => this.#snapshot;

  /** Merges a live update (from the event stream) into what the tracker knows. */
  push = (update: TopUp): void => {
    if (update.id !== this.id) return;
    this.#receive(update);
  };

  /** Loads the top-up now (joining a load already under way); never rejects. */
  refresh = (): Promise<void> => {
    this.#halted = false;
    this.#stopTimer();
    return this.#loadNow();
  };

  // A first listener gets fresh data at once (a second subscribe joins the same load).
  #start(): void {
    if (this.#halted || (this.#topUp && isTerminal(this.#topUp))) return;
    void this.#loadNow();
  }

  #loadNow(): Promise<void> {
    if (this.#inFlight) return this.#inFlight;
    // The executor runs at once and turns a `load` that throws into a rejection.
    const request = new Promise<TopUp>((resolve) => {
      resolve(this.#load(this.id));
    });
    this.#inFlight = request
      .then(
        (topUp) => {
          this.#receive(topUp);
        },
        (error: unknown) => {
          if (isPermanent(error)) this.#halted = true;
          this.#emit({ status: 'error', error, topUp: this.#topUp, updatedAt: this.#now() });
        },
      )
      .finally(() => {
        this.#inFlight = null;
        this.#schedule();
      });
    return this.#inFlight;
  }

  #receive(incoming: TopUp): void {
    let merged: TopUp;
    try {
      merged = mergeTransferUpdate(this.#topUp ?? undefined, incoming);
    } catch (error) {
      this.#emit({ status: 'error', error, topUp: this.#topUp, updatedAt: this.#now() });
      return;
    }
    const unchanged =
      this.#snapshot.status === 'ready' && this.#topUp !== null && sameValue(merged, this.#topUp);
    if (unchanged) return;
    this.#topUp = merged;
    this.#emit({
      status: 'ready',
      topUp: merged,
      phase: transferPhase(merged),
      updatedAt: this.#now(),
    });
    if (isTerminal(merged)) this.#stopTimer();
  }

  #emit(snapshot: TransferSnapshot): void {
    this.#snapshot = snapshot;
    for (const listener of [...this.#listeners]) listener();
  }

  #schedule(): void {
    this.#stopTimer();
    if (this.#listeners.size === 0 || this.#halted || this.#inFlight) return;
    if (this.#topUp && isTerminal(this.#topUp)) return;
    const interval =
      this.#topUp?.status === 'succeeded' ? this.#succeededPollIntervalMs : this.#pollIntervalMs;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#loadNow();
    }, interval);
  }

  #stopTimer(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
