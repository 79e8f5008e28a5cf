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

/** A request that failed parameter validation: 400, never saved for idempotency. */
export function invalidParam(param: string, code: string, message: string): StripeApiError {
  return new StripeApiError(
    400,
    { type: 'invalid_request_error', code, message, param },
    { saveIdempotent: false },
  );
}

export function missingParam(param: string): StripeApiError {
  return invalidParam(param, 'parameter_missing', `Missing required param: ${param}.`);
}

export function unknownParam(param: string): StripeApiError {
  return invalidParam(param, 'parameter_unknown', `Received unknown parameter: ${param}`);
}

/** 404 `resource_missing`, as Stripe answers for an id it does not know in this account. */
export function resourceMissing(noun: string, id: string, param = 'id'): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${noun}: '${id}'`,
    param,
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
