/**
 * Purse's error vocabulary, shared by @purse/server (which sends it) and @purse/react (which
 * reads it). On the wire every failure is
 * `{ "error": { "type", "code", "message", "param"?, "retryAt"?, "requestId"? } }`.
 */

/** A stable, machine-readable error code. */
export type PurseErrorCode =
  | 'body_invalid'
  | 'signature_invalid'
  | 'body_too_large'
  | 'csrf_check_failed'
  | 'parameter_missing'
  | 'parameter_unknown'
  | 'parameter_invalid'
  | 'idempotency_key_missing'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_use'
  | 'unauthenticated'
  | 'resource_missing'
  | 'feature_disabled'
  | 'financial_account_missing'
  | 'permission_missing'
  | 'account_inactive'
  | 'account_disconnected'
  | 'refresh_not_available'
  | 'link_session_unusable'
  | 'amount_too_small'
  | 'amount_too_large'
  | 'currency_unsupported'
  | 'statement_descriptor_invalid'
  | 'balance_insufficient'
  | 'source_unusable'
  | 'top_up_refused'
  | 'same_day_unavailable'
  | 'transfer_not_cancelable'
  | 'account_number_hidden'
  | 'network_error'
  | 'rate_limited'
  | 'stripe_unavailable'
  | 'internal_error';

/** Every error code the server can send, with the HTTP status it comes with. */
export const PURSE_ERROR_STATUS: Readonly<Record<PurseErrorCode, number>> = {
  // The request itself
  body_invalid: 400,
  /** A webhook whose Stripe-Signature is missing, forged or too old. */
  signature_invalid: 400,
  body_too_large: 400,
  /**
   * A state-changing request a browser could have sent from another site without a CORS
   * preflight: neither `Content-Type: application/json` nor a `Purse-Request` header.
   */
  csrf_check_failed: 403,
  parameter_missing: 400,
  parameter_unknown: 400,
  parameter_invalid: 400,
  idempotency_key_missing: 400,
  idempotency_key_reused: 400,
  idempotency_key_in_use: 409,
  // Who is asking
  unauthenticated: 401,
  resource_missing: 404,
  feature_disabled: 404,
  financial_account_missing: 404,
  // Linked accounts
  permission_missing: 403,
  account_inactive: 409,
  account_disconnected: 409,
  refresh_not_available: 429,
  link_session_unusable: 409,
  // Top-ups
  amount_too_small: 400,
  amount_too_large: 400,
  currency_unsupported: 400,
  statement_descriptor_invalid: 400,
  balance_insufficient: 400,
  source_unusable: 400,
  top_up_refused: 402,
  same_day_unavailable: 400,
  transfer_not_cancelable: 409,
  // Financial account
  account_number_hidden: 403,
  // Upstream and unexpected
  /** The client could not reach the server at all (status 0; never sent by the server). */
  network_error: 0,
  rate_limited: 429,
  stripe_unavailable: 503,
  internal_error: 500,
};

export const PURSE_ERROR_CODES: readonly PurseErrorCode[] = Object.keys(
  PURSE_ERROR_STATUS,
) as PurseErrorCode[];

/** The broad class of an error, mirroring Stripe's `type`. */
export type PurseErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'card_error'
  | 'api_error';

/** The JSON body of every error response. */
export interface PurseErrorBody {
  error: {
    type: PurseErrorType;
    code: PurseErrorCode;
    /** A message safe to show a developer; UIs map `code` to their own words. */
    message: string;
    /** The request parameter at fault, such as `amount` or `nickname`. */
    param?: string;
    /** When a retry may succeed (unix seconds), for `refresh_not_available`. */
    retryAt?: number;
    /** The server's request id, for support. */
    requestId?: string;
  };
}

/** The `type` that goes with each code. */
export function errorTypeOf(code: PurseErrorCode): PurseErrorType {
  const status = PURSE_ERROR_STATUS[code];
  if (code === 'top_up_refused') return 'card_error';
  switch (status) {
    case 401:
      return 'authentication_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 429:
      return 'rate_limit_error';
    case 0:
    case 500:
    case 503:
      return 'api_error';
    default:
      return 'invalid_request_error';
  }
}

export function isPurseErrorCode(value: unknown): value is PurseErrorCode {
  return typeof value === 'string' && Object.hasOwn(PURSE_ERROR_STATUS, value);
}

export interface PurseErrorOptions {
  code: PurseErrorCode;
  message: string;
  /** @default the code's usual status */
  status?: number;
  param?: string;
  retryAt?: number;
  requestId?: string;
  cause?: unknown;
}

/**
 * A Purse error, on either side of the wire. The server throws it and serialises it with
 * `toBody()`; the client rebuilds it with `PurseError.fromResponse()`.
 */
export class PurseError extends Error {
  readonly code: PurseErrorCode;
  readonly type: PurseErrorType;
  readonly status: number;
  readonly param: string | undefined;
  readonly retryAt: number | undefined;
  readonly requestId: string | undefined;

  constructor(options: PurseErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PurseError';
    this.code = options.code;
    this.type = errorTypeOf(options.code);
    this.status = options.status ?? PURSE_ERROR_STATUS[options.code];
    this.param = options.param;
    this.retryAt = options.retryAt;
    this.requestId = options.requestId;
  }

  toBody(): PurseErrorBody {
    return {
      error: {
        type: this.type,
        code: this.code,
        message: this.message,
        ...(this.param === undefined ? {} : { param: this.param }),
        ...(this.retryAt === undefined ? {} : { retryAt: this.retryAt }),
        ...(this.requestId === undefined ? {} : { requestId: this.requestId }),
      },
    };
  }

  /**
   * Rebuilds the error a server sent. A body that is not Purse's envelope (a proxy's HTML page,
   * an empty 502) still becomes a PurseError, with a code that fits its status.
   */
  static fromResponse(status: number, body: unknown): PurseError {
    const error = (body as Partial<PurseErrorBody> | null)?.error;
    if (error && isPurseErrorCode(error.code) && typeof error.message === 'string') {
      return new PurseError({
        code: error.code,
        message: error.message,
        status,
        ...(typeof error.param === 'string' ? { param: error.param } : {}),
        ...(typeof error.retryAt === 'number' ? { retryAt: error.retryAt } : {}),
        ...(typeof error.requestId === 'string' ? { requestId: error.requestId } : {}),
      });
    }
    const code: PurseErrorCode =
      status === 401
        ? 'unauthenticated'
        : status === 404
          ? 'resource_missing'
          : status === 429
            ? 'rate_limited'
            : status >= 500
              ? 'stripe_unavailable'
              : 'internal_error';
    return new PurseError({
      code,
      status,
      message: `The server answered ${String(status)} without a Purse error body.`,
    });
  }
}

export function isPurseError(value: unknown): value is PurseError {
  return value instanceof PurseError;
}

/**
 * Any thrown value as a PurseError: PurseErrors pass through; anything else (a bug, an
 * unexpected rejection) becomes `internal_error`, keeping the original as `cause`.
 */
export function toPurseError(error: unknown, context?: string): PurseError {
  if (error instanceof PurseError) return error;
  const detail = error instanceof Error ? error.message : 'Unexpected error.';
  return new PurseError({
    code: 'internal_error',
    message: context ? `${context} failed: ${detail}` : detail,
    cause: error,
  });
}
