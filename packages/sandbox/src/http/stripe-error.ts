/**
 * Errors in Stripe's wire format: `{ error: { type, code?, message, param?, doc_url? } }`
 * with Stripe's HTTP status. Handlers throw these; the server turns them into responses.
 */

/** Stripe's API error types. */
export type StripeErrorType =
  'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
  /** The request's page in the Dashboard's logs; the server adds it to every error. */
  request_log_url?: string;
  decline_code?: string;
  /** Stripe's same-day ACH error uses `message_code` instead of `code`. */
  message_code?: string;
}

export interface StripeApiErrorOptions {
  /**
   * Whether an idempotent request that failed with this error saves its result. Stripe does
   * not save requests that failed parameter validation, so a corrected retry can reuse the key.
   * @default true
   */
  saveIdempotent?: boolean;
  /** Extra response headers, such as `Stripe-Should-Retry`. */
  headers?: Record<string, string>;
}

export class StripeApiError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;
  readonly saveIdempotent: boolean;
  readonly headers: Record<string, string>;

  constructor(status: number, body: StripeErrorBody, options: StripeApiErrorOptions = {}) {
    super(body.message);
    this.name = 'StripeApiError';
    this.status = status;
    const code = body.code;
    this.body =
      code && !body.doc_url
        ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}` }
        : body;
    this.saveIdempotent = options.saveIdempotent ?? true;
    this.headers = options.headers ?? {};
  }
}

/**
 * A request that failed parameter validation: 400, never saved for idempotency. `code` only
 * when Stripe's error-code list has one for the case (https://docs.stripe.com/error-codes):
 * Stripe sends no code for a bad enum value, boolean, string, array or hash.
 */
export function invalidParam(
  param: string,
  code: string | undefined,
  message: string,
): StripeApiError {
  return new StripeApiError(
    400,
    { type: 'invalid_request_error', ...(code === undefined ? {} : { code }), message, param },
    { saveIdempotent: false },
  );
}

export function missingParam(param: string): StripeApiError {
  return invalidParam(param, 'parameter_missing', `Missing required param: ${param}.`);
}

export function unknownParam(param: string): StripeApiError {
  return invalidParam(param, 'parameter_unknown', `Received unknown parameter: ${param}`);
}

/**
 * Where an id came from: the URL path (the object the request is about) or a named parameter
 * (an object the request refers to).
 */
export type IdSource = 'path' | { param: string };

/**
 * `resource_missing` for an id Stripe does not know in this account. Stripe answers 404 only
 * for the object in the URL path (with `param: 'id'`); an unknown object named in a parameter
 * is a 400 naming that parameter. `noun` is Stripe's wording: `No such PaymentMethod: 'pm_x'`.
 */
export function resourceMissing(noun: string, id: string, from: IdSource): StripeApiError {
  const inPath = from === 'path';
  return new StripeApiError(inPath ? 404 : 400, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${noun}: '${id}'`,
    param: inPath ? 'id' : from.param,
  });
}

/** A 400 for a request that is well-formed but not allowed in the object's current state. */
export function invalidState(message: string, code?: string, param?: string): StripeApiError {
  return new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(code === undefined ? {} : { code }),
    ...(param === undefined ? {} : { param }),
  });
}
