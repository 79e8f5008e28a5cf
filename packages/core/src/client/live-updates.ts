/**
 * One live-update connection per provider, shared by every hook. It opens an EventSource on the
 * server's `/events` stream when the first listener arrives and closes it shortly after the last
 * leaves (so React StrictMode's mount, unmount, mount reuses one connection instead of opening
 * two). When the stream is unavailable (no EventSource, the server refuses it, or it keeps
 * failing), it falls back to polling: listeners registered with `onPoll` are called on an
 * interval so hooks can refetch what they show.
 */
import { PURSE_EVENT_TYPES, type PurseEvent, type PurseEventType } from '../contract/types.js';
import {
  clearRepeating,
  clearTimer,
  defaultEventSourceFactory,
  setRepeating,
  setTimer,
  type EventSourceLike,
  type TimerHandle,
} from './platform.js';

export type LiveStatus = 'idle' | 'connecting' | 'open' | 'polling';

export interface LiveUpdatesOptions {
  /** The stream's URL; null means "poll only". */
  url: string | null;
  /** @default `(url) => new EventSource(url, { withCredentials: true })` when EventSource exists */
  createEventSource?: ((url: string) => EventSourceLike) | undefined;
  /** How often pollers run while polling, in ms. @default 5000 */
  pollIntervalMs?: number;
  /** Consecutive failures before giving up on the stream and polling instead. @default 3 */
  maxFailures?: number;
  /** How long the connection outlives its last listener, in ms. @default 1000 */
  closeDelayMs?: number;
}

type Listener = (event: PurseEvent) => void;

export class LiveUpdates {
  private readonly options: Required<Omit<LiveUpdatesOptions, 'createEventSource'>> & {
    createEventSource: ((url: string) => EventSourceLike) | undefined;
  };
  private readonly listeners = new Map<PurseEventType, Set<Listener>>();
  /** Pollers by resource key: several registrations for one key share a single poll. */
  private readonly pollers = new Map<string, Set<() => void>>();
  private anonymous = 0;
  private readonly statusListeners = new Set<() => void>();
  private source: EventSourceLike | null = null;
  private status: LiveStatus = 'idle';
  private failures = 0;
  private opened = false;
  private pollTimer: TimerHandle = null;
  private closeTimer: TimerHandle = null;

  constructor(options: LiveUpdatesOptions) {
    this.options = {
      url: options.url,
      pollIntervalMs: options.pollIntervalMs ?? 5000,
      maxFailures: options.maxFailures ?? 3,
      closeDelayMs: options.closeDelayMs ?? 1000,
      createEventSource: options.createEventSource ?? defaultEventSourceFactory(),
    };
  }

  getStatus = (): LiveStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** Listens for one type of event; opens the connection if needed. */
  subscribe<T extends PurseEventType>(
    type: T,
    listener: (event: Extract<PurseEvent, { type: T }>) => void,
  ): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    // Events are filed by type, so this listener only ever sees its own type's events.
    const untyped = listener as Listener;
    set.add(untyped);
    this.retain();
    return () => {
      set.delete(untyped);
      this.release();
    };
  }

  /**
   * Called while polling (and once after a reconnect) so the caller can refetch. Give `key` (the
   * resource, e.g. `topUp:itu_123`) so that several views of one resource poll it once per tick:
   * only the first listener registered for a key runs.
   */
  onPoll(listener: () => void, options: { key?: string } = {}): () => void {
    const key = options.key ?? `anonymous:${String((this.anonymous += 1))}`;
    let set = this.pollers.get(key);
    if (!set) {
      set = new Set();
      this.pollers.set(key, set);
    }
    set.add(listener);
    this.retain();
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.pollers.get(key) === set) this.pollers.delete(key);
      this.release();
    };
  }

  /** Whether the stream is unavailable and registered pollers are being run on an interval. */
  isPolling(): boolean {
    return this.status === 'polling';
  }

  /** Delivers an event to listeners as if it came from the stream (used by fixtures and tests). */
  emit(event: PurseEvent): void {
    for (const listener of [...(this.listeners.get(event.type) ?? [])]) listener(event);
  }

  close(): void {
    this.disconnect();
    this.stopPolling();
    this.setStatus('idle');
  }

  private get listenerCount(): number {
    let count = 0;
    for (const set of this.pollers.values()) count += set.size;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  private retain(): void {
    if (this.closeTimer) {
      clearTimer(this.closeTimer);
      this.closeTimer = null;
    }
    if (this.status === 'idle') this.connect();
  }

  private release(): void {
    if (this.listenerCount > 0 || this.closeTimer) return;
    this.closeTimer = setTimer(() => {
      this.closeTimer = null;
      if (this.listenerCount === 0) this.close();
    }, this.options.closeDelayMs);
  }

  private connect(): void {
    const { url, createEventSource } = this.options;
    if (!url || !createEventSource || this.failures >= this.options.maxFailures) {
      this.startPolling();
      return;
    }
    this.setStatus('connecting');
    const source = createEventSource(url);
    this.source = source;
    source.onopen = () => {
      this.failures = 0;
      this.setStatus('open');
      this.stopPolling();
      // After a reconnect, let hooks catch up on anything the replay buffer may have dropped.
      if (this.opened) this.runPollers();
      this.opened = true;
    };
    source.onerror = () => {
      this.failures += 1;
      // CLOSED means the browser gave up (the server answered with an error, not a stream).
      if (source.readyState === 2 || this.failures >= this.options.maxFailures) {
        this.disconnect();
        this.startPolling();
      }
    };
    for (const type of PURSE_EVENT_TYPES) {
      source.addEventListener(type, (message) => {
        let data: unknown;
        try {
          data = JSON.parse(message.data);
        } catch {
          return;
        }
        this.emit({ type, data } as PurseEvent);
      });
    }
  }

  private disconnect(): void {
    if (this.source) {
      this.source.onopen = null;
      this.source.onerror = null;
      this.source.close();
      this.source = null;
    }
  }

  private startPolling(): void {
    this.setStatus('polling');
    if (this.pollTimer) return;
    this.pollTimer = setRepeating(() => this.runPollers(), this.options.pollIntervalMs);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearRepeating(this.pollTimer);
    this.pollTimer = null;
  }

  private runPollers(): void {
    // One call per resource: the first listener still registered for each key.
    for (const set of [...this.pollers.values()]) [...set][0]?.();
  }

  private setStatus(status: LiveStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const listener of [...this.statusListeners]) listener();
  }
}
