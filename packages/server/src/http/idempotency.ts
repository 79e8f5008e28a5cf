/**
 * The server's side of top-up idempotency. The client's `Idempotency-Key` is scoped to the
 * caller before it goes to Stripe (two users' keys can never collide), identical requests that
 * arrive together share one call (single flight), and a key reused with a different body is
 * refused instead of silently returning the first result. Stripe's own idempotency then covers
 * retries after a crash or across server processes.
 */
import { createHash } from 'node:crypto';
import { PurseError } from '@purse/core';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  fingerprint: string;
  result: Promise<unknown>;
  at: number;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** Checks the header and returns the key Stripe will see, unique to this caller. */
export function scopeIdempotencyKey(header: string | undefined, caller: string): string {
  if (header === undefined || header === '') {
    throw new PurseError({
      code: 'idempotency_key_missing',
      param: 'Idempotency-Key',
      message:
        'Send an Idempotency-Key header (a new random value per top-up attempt, the same one when retrying it).',
    });
  }
  if (!KEY_PATTERN.test(header)) {
    throw new PurseError({
      code: 'parameter_invalid',
      param: 'Idempotency-Key',
      message: 'The Idempotency-Key header must be 1–200 visible ASCII characters.',
    });
  }
  return `purse_${hash(caller)}_${hash(header)}`;
}

export class IdempotencyGuard {
  private readonly entries = new Map<string, Entry>();

  /** Runs `work` once per key; identical repeats share its result, different bodies are refused. */
  run<T>(key: string, body: unknown, work: () => Promise<T>): Promise<T> {
    this.prune();
    const fingerprint = hash(JSON.stringify(body));
    const existing = this.entries.get(key);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        return Promise.reject(
          new PurseError({
            code: 'idempotency_key_reused',
            param: 'Idempotency-Key',
            message:
              'This Idempotency-Key was already used for a different top-up. Use a new key for a new attempt.',
          }),
        );
      }
      return existing.result as Promise<T>;
    }
    const result = work();
    const entry: Entry = { fingerprint, result, at: Date.now() };
    this.entries.set(key, entry);
    // A failure that may be transient should not pin the key: let a retry reach Stripe again.
    result.catch((error: unknown) => {
      const transient =
        !(error instanceof PurseError) ||
        error.status >= 500 ||
        error.status === 429 ||
        error.status === 409;
      if (transient && this.entries.get(key) === entry) this.entries.delete(key);
    });
    return result;
  }

  private prune(): void {
    const cutoff = Date.now() - TTL_MS;
    for (const [key, entry] of this.entries) {
      if (entry.at >= cutoff && this.entries.size <= MAX_ENTRIES) break;
      this.entries.delete(key);
    }
  }
}
