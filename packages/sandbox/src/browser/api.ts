/**
 * The three `/_sandbox/client/` endpoints the stand-in talks to, with the publishable key, and
 * every failure turned into a Stripe.js-shaped error (never a throw).
 */
import type {
  SandboxFinancialConnectionsSession,
  SandboxStripeError,
  SandboxStripeErrorType,
} from './types.js';

/** One account of a test bank, as the session view lists it. */
export interface AccountChoice {
  id: string;
  display_name: string;
  category: string;
  subcategory: string;
  last4: string;
  note: string;
  /** Why this session cannot link the account, or null when it can. */
  unavailable: string | null;
}

export interface InstitutionChoice {
  id: string;
  name: string;
  note: string;
  accounts: AccountChoice[];
}

/** What the modal needs to render: `GET /_sandbox/client/financial_connections/sessions`. */
export interface ClientSessionView {
  id: string;
  permissions: string[];
  account_holder_type: string | null;
  institutions: InstitutionChoice[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: SandboxStripeError };

const ERROR_TYPES: readonly string[] = [
  'api_connection_error',
  'api_error',
  'authentication_error',
  'card_error',
  'idempotency_error',
  'invalid_request_error',
  'rate_limit_error',
  'validation_error',
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `{ error }` envelope of a sandbox (or Stripe) error body, in Stripe.js's shape. */
function errorFromBody(status: number, body: unknown): SandboxStripeError {
  const raw = isRecord(body) ? body.error : undefined;
  if (isRecord(raw) && typeof raw.message === 'string') {
    const type =
      typeof raw.type === 'string' && ERROR_TYPES.includes(raw.type)
        ? (raw.type as SandboxStripeErrorType)
        : 'api_error';
    return {
      type,
      ...(typeof raw.code === 'string' ? { code: raw.code } : {}),
      ...(typeof raw.param === 'string' ? { param: raw.param } : {}),
      message: raw.message,
    };
  }
  return {
    type: status === 401 ? 'authentication_error' : 'api_error',
    message: `The Purse sandbox answered HTTP ${String(status)} without an error message.`,
  };
}

function isSessionView(value: unknown): value is ClientSessionView {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    Array.isArray(value.permissions) &&
    Array.isArray(value.institutions)
  );
}

function isClientSession(value: unknown): value is SandboxFinancialConnectionsSession {
  return isRecord(value) && typeof value.id === 'string' && Array.isArray(value.accounts);
}

export interface SandboxClientApi {
  getSession(clientSecret: string): Promise<ApiResult<ClientSessionView>>;
  complete(
    clientSecret: string,
    institution: string,
    accounts: readonly string[],
  ): Promise<ApiResult<SandboxFinancialConnectionsSession>>;
  cancel(clientSecret: string): Promise<ApiResult<SandboxFinancialConnectionsSession>>;
}

export function createClientApi(options: {
  apiBase: string;
  publishableKey: string;
  timeoutMs: number;
}): SandboxClientApi {
  const base = options.apiBase.replace(/\/+$/, '');
  const root = `${base}/_sandbox/client/financial_connections/sessions`;

  async function request<T>(
    url: string,
    init: { method: 'GET' } | { method: 'POST'; body: Record<string, unknown> },
    guard: (value: unknown) => value is T,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.publishableKey}`,
      Accept: 'application/json',
    };
    if (init.method === 'POST') headers['Content-Type'] = 'application/json';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer within ${String(options.timeoutMs)} ms`));
      }, options.timeoutMs);
    });
    try {
      const response = await Promise.race([
        fetch(url, {
          method: init.method,
          headers,
          ...(init.method === 'POST' ? { body: JSON.stringify(init.body) } : {}),
        }),
        timeout,
      ]);
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      if (!response.ok) return { ok: false, error: errorFromBody(response.status, body) };
      if (!guard(body)) {
        return {
          ok: false,
          error: { type: 'api_error', message: 'The Purse sandbox sent an unexpected answer.' },
        };
      }
      return { ok: true, value: body };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: {
          type: 'api_connection_error',
          message: `Could not reach the Purse sandbox at ${base || '(same origin)'}: ${reason}.`,
        },
      };
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    getSession(clientSecret) {
      return request(
        `${root}?client_secret=${encodeURIComponent(clientSecret)}`,
        { method: 'GET' },
        isSessionView,
      );
    },
    complete(clientSecret, institution, accounts) {
      return request(
        `${root}/complete`,
        {
          method: 'POST',
          body: { client_secret: clientSecret, institution, accounts: [...accounts] },
        },
        isClientSession,
      );
    },
    cancel(clientSecret) {
      return request(
        `${root}/cancel`,
        { method: 'POST', body: { client_secret: clientSecret } },
        isClientSession,
      );
    },
  };
}
