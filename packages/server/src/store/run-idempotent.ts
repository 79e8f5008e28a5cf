/**
 * Money movement through the shared store: one request per idempotency key runs, identical
 * requests (on this instance or any other) wait for its outcome and get the same answer, and a
 * key reused with another body is refused. Stripe's own idempotency sits underneath (the same
 * scoped key is sent to Stripe), so even a store that lost its data never moves money twice.
 *
 * When the store cannot be reached the request is refused with 503 `store_unavailable`: a top-up
 * never goes ahead without the guard.
 */
import { createHash } from 'node:crypto';
import { PurseError, type PurseErrorCode } from '@purse/core';
import type { IdempotencyOutcome, PurseStore } from './store.js';

export interface RunIdempotentOptions {
  /** The caller-scoped key (`scopeIdempotencyKey`). */
  key: string;
  /** The caller, so keys are bounded per user. */
  owner: string;
  /** The validated request; the same key with another body is refused. */
  body: unknown;
  /** How long the key is remembered. @default 86_400_000 (24 hours, as Stripe) */
  ttlMs?: number;
  /** How long an identical request waits for the one in flight. @default 30_000 */
  waitMs?: number;
  /** How often it looks. @default 100 */
  pollMs?: number;
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** A failure worth retrying must not pin the key: the next attempt reaches Stripe again. */
function isTransient(error: unknown): boolean {
  return (
    !(error instanceof PurseError) ||
    error.status >= 500 ||
    error.status === 429 ||
    error.status === 409
  );
}

function replay(outcome: IdempotencyOutcome): unknown {
  if (outcome.ok) return outcome.value;
  throw new PurseError({
    code: outcome.error.code as PurseErrorCode,
    message: outcome.error.message,
    ...(outcome.error.param === undefined ? {} : { param: outcome.error.param }),
  });
}

export function fingerprintOf(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 22);
}

export async function runIdempotent<T>(
  store: PurseStore,
  options: RunIdempotentOptions,
  work: () => Promise<T>,
): Promise<T> {
  const ttlMs = options.ttlMs ?? 86_400_000;
  const waitMs = options.waitMs ?? 30_000;
  const pollMs = options.pollMs ?? 100;
  const claimInput = {
    key: options.key,
    owner: options.owner,
    fingerprint: fingerprintOf(options.body),
    ttlMs,
  };
  const deadline = Date.now() + waitMs;

  for (;;) {
    const claim = await store.idempotency.claim(claimInput);
    switch (claim.status) {
      case 'mismatch':
        throw new PurseError({
          code: 'idempotency_key_reused',
          param: 'Idempotency-Key',
          message:
            'This Idempotency-Key was already used for a different top-up. Use a new key for a new attempt.',
        });
      case 'completed':
        return replay(claim.outcome) as T;
      case 'in_flight':
        if (Date.now() >= deadline) {
          throw new PurseError({
            code: 'idempotency_key_in_use',
            param: 'Idempotency-Key',
            message: 'A request with this Idempotency-Key is still running. Try again shortly.',
          });
        }
        await sleep(pollMs);
        continue;
      case 'started':
        break;
    }
    let value: T;
    try {
      value = await work();
    } catch (error) {
      // Best effort: if the store is gone too, the key simply expires.
      if (isTransient(error)) {
        await store.idempotency.release(options.key).catch(() => undefined);
      } else {
        const failure = error as PurseError;
        await store.idempotency
          .complete(options.key, {
            ok: false,
            error: { code: failure.code, message: failure.message, param: failure.param },
          })
          .catch(() => undefined);
      }
      throw error;
    }
    // Stripe already has the transfer; a store that fails now only costs a replay through Stripe.
    await store.idempotency.complete(options.key, { ok: true, value }).catch(() => undefined);
    return value;
  }
}
