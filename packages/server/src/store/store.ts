/**
 * The one interface for every piece of state that instances of the server share: the live-update
 * bus (with replay for `Last-Event-ID`), webhook dedup, the idempotency single-flight guard, the
 * read cache and per-user rate limits. One process can use the in-memory store; several behind a
 * load balancer pass the same shared store (`@purse/server/redis`) to each instance, so a webhook
 * received by one reaches a stream held by another and a retried top-up never runs twice.
 *
 * Every method is asynchronous and may reject with a `PurseError` of code `store_unavailable`
 * when the backing service cannot be reached; callers decide what that means (reads fall back to
 * Stripe, money movement answers 503).
 */
import type { EventBus } from '../events/event-bus.js';

export interface PurseStore {
  /** Live updates with a bounded replay buffer per topic. */
  readonly events: EventBus;
  /** Webhook dedup: `true` the first time `key` is claimed within `ttlMs`, `false` after that. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the work it guarded failed and will be retried). */
  unclaim(key: string): Promise<void>;
  /** Cross-instance single flight for money movement. */
  readonly idempotency: IdempotencyStore;
  /** Per-caller read cache with generation checks, dropped by webhooks. */
  readonly cache: ReadCache;
  /** Fixed-window counters for per-user rate limits. */
  readonly rateLimits: RateLimitStore;
  /** Releases connections and timers the store opened itself (never a client it was given). */
  close(): Promise<void>;
}

/** What an earlier request with the same idempotency key left behind. */
export type IdempotencyClaim =
  /** Nobody holds the key: this request goes ahead and must `complete` or `release` it. */
  | { status: 'started' }
  /** Another request with the same body is running now (perhaps on another instance). */
  | { status: 'in_flight' }
  /** A request with the same body finished; its outcome is replayed. */
  | { status: 'completed'; outcome: IdempotencyOutcome }
  /** The key was used with a different body. */
  | { status: 'mismatch' };

/** A finished request's outcome, as JSON so any instance can replay it. */
export type IdempotencyOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string; param?: string | undefined } };

export interface IdempotencyClaimInput {
  /** The caller-scoped key (see `scopeIdempotencyKey`). */
  key: string;
  /** Who holds the key; entries are bounded per owner so nobody can evict another's. */
  owner: string;
  /** A hash of the request body: the same key with another body is a mismatch. */
  fingerprint: string;
  /** How long the key is remembered (Stripe keeps its keys for 24 hours). */
  ttlMs: number;
}

export interface IdempotencyStore {
  claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim>;
  /** Records the outcome for replay; only the request that `started` the key calls it. */
  complete(key: string, outcome: IdempotencyOutcome): Promise<void>;
  /** Forgets a started key after a failure that may be transient, so a retry runs again. */
  release(key: string): Promise<void>;
}

/**
 * A cache entry read, with the scope's generation at the time. Writing back with that
 * generation is refused once a webhook has invalidated the scope, so a slow Stripe read that
 * started before the webhook can never store stale data after it.
 */
export interface CacheRead {
  value: string | undefined;
  generation: string;
}

export interface ReadCache {
  /** `scope` is a live-update topic (`customer:cus_…`, `account:acct_…`); `field` names the caller and resource. */
  read(scope: string, field: string): Promise<CacheRead>;
  /** Stores `value` for `ttlMs` unless the scope was invalidated since `generation` was read. */
  write(
    scope: string,
    field: string,
    value: string,
    ttlMs: number,
    generation: string,
  ): Promise<void>;
  /** Drops everything cached under these scopes, on every instance. */
  invalidate(scopes: readonly string[]): Promise<void>;
}

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests left in this window (0 when refused). */
  remaining: number;
  /** When refused, how long until the window resets. */
  retryAfterMs: number;
}

export interface RateLimitStore {
  /** Counts one request against `key` and says whether it is within `rule`. */
  hit(key: string, rule: RateLimitRule): Promise<RateLimitResult>;
}
