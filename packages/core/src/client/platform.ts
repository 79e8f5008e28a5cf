/**
 * The few runtime facilities the client core needs, typed structurally. Core targets plain ES
 * (no DOM or Node typings), and nothing here is read at import: each is looked up when used, so
 * the core loads in a server render, a worker or a test without a DOM.
 */

/** The part of a `fetch` Response the client reads. */
export interface ResponseLike {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `fetch` the client calls; `globalThis.fetch` fits. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    credentials?: 'omit' | 'same-origin' | 'include';
    body?: string;
  },
) => Promise<ResponseLike>;

/** The part of an `EventSource` live updates use. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  addEventListener(type: string, listener: (message: { data: string }) => void): void;
  close(): void;
}

export type TimerHandle = unknown;

interface Globals {
  fetch?: FetchLike;
  EventSource?: new (url: string, init?: { withCredentials?: boolean }) => EventSourceLike;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setInterval(callback: () => void, ms: number): TimerHandle;
  clearInterval(handle: TimerHandle): void;
}

const globals = (): Globals => globalThis as unknown as Globals;

export const setTimer = (callback: () => void, ms: number): TimerHandle =>
  globals().setTimeout(callback, ms);
export const clearTimer = (handle: TimerHandle): void => globals().clearTimeout(handle);
export const setRepeating = (callback: () => void, ms: number): TimerHandle =>
  globals().setInterval(callback, ms);
export const clearRepeating = (handle: TimerHandle): void => globals().clearInterval(handle);

/** `globalThis.fetch` at call time, so a polyfill or test double installed later is used. */
export function globalFetch(): FetchLike {
  const fetch = globals().fetch;
  if (!fetch) throw new TypeError('No global `fetch`: pass `fetch` to createPurseClient.');
  return fetch;
}

/** `(url) => new EventSource(url, { withCredentials: true })` where EventSource exists. */
export function defaultEventSourceFactory(): ((url: string) => EventSourceLike) | undefined {
  const EventSourceClass = globals().EventSource;
  return EventSourceClass
    ? (url) => new EventSourceClass(url, { withCredentials: true })
    : undefined;
}
