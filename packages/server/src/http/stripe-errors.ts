/**
 * Stripe's errors turned into Purse's. The browser never sees Stripe's own messages (they can
 * name ids, parameters or account details); it gets a stable code and a safe message, and the
 * original goes to the server's log.
 */
import { PurseError } from '@purse/core';
import Stripe from 'stripe';

function isStripeError(error: unknown): error is Stripe.errors.StripeError {
  return error instanceof Stripe.errors.StripeError;
}

/** Stripe's code for a same-day transfer that must go as standard ACH (sent as `message_code`). */
export const SAME_DAY_INELIGIBLE = 'inbound_transfer_not_same_day_eligible';

export function stripeCode(error: unknown): string | undefined {
  if (!isStripeError(error)) return undefined;
  const raw = error.raw as { code?: string; message_code?: string } | undefined;
  return error.code ?? raw?.message_code ?? raw?.code;
}

export function isNotFound(error: unknown): boolean {
  return isStripeError(error) && error.statusCode === 404;
}

/**
 * Stripe's "no such object" for an id the client passed as a parameter (a list cursor, a refresh
 * id: unknown, or another user's), as a 404 naming the client's parameter. Other errors pass.
 */
export function withClientParam(error: unknown, names: Readonly<Record<string, string>>): unknown {
  if (!isStripeError(error) || error.code !== 'resource_missing') return error;
  const param = error.param === undefined ? undefined : names[error.param];
  return new PurseError({
    code: 'resource_missing',
    message: 'No such object.',
    ...(param === undefined ? {} : { param }),
    cause: error,
  });
}

/** A Stripe failure as the PurseError to send, or the error itself if it is not Stripe's. */
export function fromStripeError(error: unknown): unknown {
  if (!isStripeError(error)) return error;
  const requestId = error.requestId;
  const base = requestId ? { requestId } : {};
  // Stripe answers 400 `resource_missing` for an unknown id passed as a parameter (a list cursor).
  if (error.statusCode === 404 || error.code === 'resource_missing') {
    return new PurseError({
      ...base,
      code: 'resource_missing',
      message: 'No such object.',
      cause: error,
    });
  }
  if (error.statusCode === 402) {
    return new PurseError({
      ...base,
      code: 'top_up_refused',
      message:
        'Stripe declined this top-up after its risk checks. Try a smaller amount or another bank account.',
      cause: error,
    });
  }
  if (error.statusCode === 429 || error.type === 'StripeRateLimitError') {
    return new PurseError({
      ...base,
      code: 'rate_limited',
      message: 'Too many requests; try again shortly.',
      cause: error,
    });
  }
  if (error.type === 'StripeConnectionError' || (error.statusCode ?? 500) >= 500) {
    return new PurseError({
      ...base,
      code: 'stripe_unavailable',
      message: 'Our payment provider is unavailable; try again shortly.',
      cause: error,
    });
  }
  if (error.type === 'StripeIdempotencyError') {
    // Another process (or this one, after its own guard forgot the key) used the key first.
    return error.statusCode === 409 || error.code === 'idempotency_key_in_use'
      ? new PurseError({
          ...base,
          code: 'idempotency_key_in_use',
          param: 'Idempotency-Key',
          message: 'A request with this Idempotency-Key is still in progress; retry shortly.',
          cause: error,
        })
      : new PurseError({
          ...base,
          code: 'idempotency_key_reused',
          param: 'Idempotency-Key',
          message:
            'This Idempotency-Key was already used for a different top-up. Use a new key for a new attempt.',
          cause: error,
        });
  }
  // The user's own PaymentMethod that Stripe will not debit (not set up for inbound flows,
  // not a bank account, not verified): a client error about the source, not our bug.
  if (error.statusCode === 400 && error.param === 'origin_payment_method') {
    return new PurseError({
      ...base,
      code: 'source_unusable',
      param: 'sourceId',
      message: 'This bank account cannot fund top-ups; link it again or choose another.',
      cause: error,
    });
  }
  if (error.type === 'StripeAuthenticationError' || error.type === 'StripePermissionError') {
    return new PurseError({
      ...base,
      code: 'internal_error',
      message: 'The server could not talk to its payment provider.',
      cause: error,
    });
  }
  // A 400 we did not anticipate: our own validation should have caught it, so it is our bug.
  return new PurseError({
    ...base,
    code: 'internal_error',
    message: 'The request could not be completed.',
    cause: error,
  });
}
