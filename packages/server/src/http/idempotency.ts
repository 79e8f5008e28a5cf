/**
 * The client's `Idempotency-Key`, scoped to the caller before it goes to Stripe, so two users'
 * keys can never collide. The single flight and the key-reuse check live in the store
 * (`runIdempotent`), so they hold across instances; Stripe's own idempotency sits underneath.
 */
import { createHash } from 'node:crypto';
import { PurseError } from '@purse/core';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
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
