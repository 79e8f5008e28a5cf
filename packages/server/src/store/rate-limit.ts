/**
 * Per-user rate limits on the routes that cost Stripe calls or move money, counted in the shared
 * store so every instance sees the same counts. Over the limit: 429 `rate_limited` with
 * `retryAt` (and the `Retry-After` header, set by the handler from it).
 */
import { PurseError } from '@purse/core';
import type { PurseStore, RateLimitRule } from './store.js';

export type RateLimitedAction = 'topUps' | 'refreshes' | 'linkSessions';

/** Limits per user and action; `false` turns one off. */
export type RateLimits = Record<RateLimitedAction, RateLimitRule | false>;

/**
 * Defaults, per user: 10 top-ups a minute (a person makes one; a script makes hundreds),
 * 20 refreshes a minute (Stripe's own cooldown already spaces them per account), and 10 link
 * sessions a minute.
 */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = {
  topUps: { limit: 10, windowMs: 60_000 },
  refreshes: { limit: 20, windowMs: 60_000 },
  linkSessions: { limit: 10, windowMs: 60_000 },
};

export interface EnforceRateLimitOptions {
  action: RateLimitedAction;
  /** The caller's identity. */
  user: string;
  limits: Readonly<RateLimits>;
  /** The clock for `retryAt`. @default Date.now */
  now?: () => number;
  /** Told when the store fails; the request then goes ahead (limits fail open). */
  onStoreError?: (error: unknown) => void;
}

export async function enforceRateLimit(
  store: PurseStore,
  options: EnforceRateLimitOptions,
): Promise<void> {
  const rule = options.limits[options.action];
  if (rule === false) return;
  let result;
  try {
    result = await store.rateLimits.hit(`${options.action}:${options.user}`, rule);
  } catch (error) {
    options.onStoreError?.(error);
    return;
  }
  if (result.allowed) return;
  const now = (options.now ?? Date.now)();
  throw new PurseError({
    code: 'rate_limited',
    message: 'Too many requests of this kind. Try again after the time in retryAt.',
    retryAt: Math.ceil((now + result.retryAfterMs) / 1000),
  });
}
