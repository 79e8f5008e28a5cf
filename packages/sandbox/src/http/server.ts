/**
 * The HTTP front of the sandbox: Stripe's wire protocol in front of the engine. Each request
 * gets a `Request-Id`; is authenticated; may meet an injected fault; has its parameters decoded
 * (unknown, missing and malformed ones rejected with Stripe's codes); goes through the
 * idempotency layer if it is a POST; runs; has `expand[]` applied; and is logged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import Stripe from 'stripe';
import type { Engine } from '../state/engine.js';
import { randomToken } from '../state/ids.js';
import { expand } from './expand.js';
import { parseForm, parseJsonObject } from './form.js';
import { decodeParams, expandParam } from './params.js';
import { RawResponse, type RouteContext, type RouteTable } from './route.js';
import { StripeApiError, invalidParam } from './stripe-error.js';
import { isKnownApiVersion } from './api-versions.js';

const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Stripe-Version, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Request-Id',
  'Access-Control-Max-Age': '600',
};

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/**
 * An error as Stripe sends it: with `request_log_url`, the request's page in the Dashboard's
 * logs (`https://dashboard.stripe.com/test/logs/req_…?t=…`), on every error.
 */
function errorReply(error: StripeApiError, requestId: string, at: number): Reply {
  const body = {
    ...error.body,
    request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}?t=${String(at)}`,
  };
  return {
    status: error.status,
    body: JSON.stringify({ error: body }, null, 2),
    headers: error.headers,
  };
}

/** Whether a body is JSON: by its Content-Type, or because it is an object or array literal. */
function looksLikeJson(contentType: string, body: string): boolean {
  if (contentType.includes('application/json')) return true;
  const start = body.trimStart()[0];
  return start === '{' || start === '[';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(invalidParam('body', undefined, 'Invalid request: the request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

function bearerKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (scheme?.toLowerCase() === 'bearer') return value.trim();
  if (scheme?.toLowerCase() === 'basic') {
    // Basic auth carries the key as the user name: base64("sk_test_...:").
    return Buffer.from(value, 'base64').toString('utf8').split(':')[0];
  }
  return undefined;
}

function unauthorized(message: string): StripeApiError {
  return new StripeApiError(401, { type: 'invalid_request_error', message });
}

function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : key;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Canonical form of the params, for comparing an idempotent retry with the original. */
function fingerprint(method: string, path: string, params: Record<string, unknown>): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return `${method} ${path} ${JSON.stringify(canonical(params))}`;
}

export interface SandboxHttpServer {
  server: Server;
  /** Handles one request (exported for in-process use). */
  handle: (req: IncomingMessage, res: ServerResponse) => void;
}

export function createHttpServer(engine: Engine, routes: RouteTable): SandboxHttpServer {
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    void serve(engine, routes, req, res).catch((error: unknown) => {
      console.error('[purse-sandbox] unhandled error', error);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { type: 'api_error', message: 'An unexpected error occurred in the sandbox.' },
          }),
        );
      } else res.destroy();
    });
  };
  const server = createServer({ keepAliveTimeout: 65_000 }, handle);
  return { server, handle };
}

async function serve(
  engine: Engine,
  routes: RouteTable,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = `req_${randomToken(14)}`;
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const method = (req.method ?? 'GET').toUpperCase();
  const isClientPath = path.startsWith('/_sandbox/client/');
  const stripeAccountHeader = req.headers['stripe-account'];
  const account =
    typeof stripeAccountHeader === 'string' && stripeAccountHeader ? stripeAccountHeader : null;
  const versionHeader = req.headers['stripe-version'];
  const requestedVersion =
    typeof versionHeader === 'string' && versionHeader ? versionHeader : undefined;
  const baseHeaders: Record<string, string> = {
    'Request-Id': requestId,
    'Stripe-Version':
      requestedVersion !== undefined && isKnownApiVersion(requestedVersion)
        ? requestedVersion
        : Stripe.API_VERSION,
    // Stripe echoes the account a request acted on; stripe-node reads it into `lastResponse`.
    ...(account ? { 'Stripe-Account': account } : {}),
    'Cache-Control': 'no-cache, no-store',
    ...(isClientPath ? CORS_HEADERS : {}),
  };

  const send = (reply: Reply): void => {
    res.writeHead(reply.status, {
      'Content-Type': 'application/json',
      ...baseHeaders,
      ...reply.headers,
    });
    res.end(reply.body);
  };

  if (method === 'OPTIONS' && isClientPath) {
    res.writeHead(204, baseHeaders);
    res.end();
    return;
  }

  let body = '';
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof StripeApiError) send(errorReply(error, requestId, engine.now()));
    return;
  }

  const found = routes.match(method, path);
  if (!found.route) {
    send(
      errorReply(
        new StripeApiError(404, {
          type: 'invalid_request_error',
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        }),
        requestId,
        engine.now(),
      ),
    );
    return;
  }
  const { route, params: pathParams } = found;

  // Authentication.
  const key = bearerKey(req.headers.authorization);
  try {
    if (route.auth === 'none') {
      // Public pages (receipts) need no key.
    } else {
      if (!key) {
        throw unauthorized(
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
        );
      }
      const isSecret = key === engine.keys.secretKey;
      const isPublishable = key === engine.keys.publishableKey;
      if (!isSecret && !isPublishable)
        throw unauthorized(`Invalid API Key provided: ${maskKey(key)}`);
      if (route.auth === 'secret' && !isSecret) {
        throw unauthorized(
          'This API call cannot be made with a publishable API key. Please use a secret API key. You can find a list of your API keys at https://dashboard.stripe.com/account/apikeys.',
        );
      }
      if (route.auth === 'publishable' && !isPublishable) {
        throw unauthorized('This endpoint is called from the browser, with a publishable key.');
      }
    }
  } catch (error) {
    if (error instanceof StripeApiError) send(errorReply(error, requestId, engine.now()));
    return;
  }

  // Stripe refuses a version it never released (a typo, a date with the wrong release name).
  if (requestedVersion !== undefined && !isKnownApiVersion(requestedVersion)) {
    send(
      errorReply(
        new StripeApiError(400, {
          type: 'invalid_request_error',
          message: `Invalid Stripe API version: ${requestedVersion}`,
        }),
        requestId,
        engine.now(),
      ),
    );
    return;
  }

  const idempotencyHeader = req.headers['idempotency-key'];
  const idempotencyKey =
    typeof idempotencyHeader === 'string' && idempotencyHeader ? idempotencyHeader : null;

  // Injected faults, for reliability suites. Only Stripe's API is affected.
  const fault = path.startsWith('/v1/') ? engine.faults.decide(method, path) : undefined;
  if (fault?.error !== undefined) {
    send(
      errorReply(
        new StripeApiError(
          fault.error,
          fault.error === 429
            ? {
                type: 'invalid_request_error',
                code: 'rate_limit',
                message:
                  'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.',
              }
            : {
                type: 'api_error',
                message: 'An unexpected error occurred (a fault injected by the sandbox).',
              },
          { headers: { 'Stripe-Should-Retry': 'true' } },
        ),
        requestId,
        engine.now(),
      ),
    );
    return;
  }

  let rawParams: Record<string, unknown>;
  try {
    if (method === 'POST') {
      const contentType = req.headers['content-type'] ?? '';
      if (route.body === 'form' && looksLikeJson(contentType, body)) {
        send(
          errorReply(
            invalidParam(
              'body',
              undefined,
              "Invalid request: this endpoint takes form-encoded parameters (Content-Type: application/x-www-form-urlencoded, such as `amount=1000&currency=usd`), not a JSON body. Stripe's libraries encode parameters for you.",
            ),
            requestId,
            engine.now(),
          ),
        );
        return;
      }
      rawParams =
        route.body === 'json' && contentType.includes('application/json')
          ? parseJsonObject(body)
          : parseForm(body);
    } else {
      rawParams = parseForm(url.search.slice(1));
    }
  } catch {
    send(
      errorReply(
        invalidParam('body', undefined, 'Invalid request: the request body could not be parsed.'),
        requestId,
        engine.now(),
      ),
    );
    return;
  }

  // Stripe refuses a Stripe-Account the key cannot act for (unknown or deleted accounts).
  if (account && path.startsWith('/v1/')) {
    const connected = engine.store.partition(null).accounts.get(account);
    if (!connected || connected.deleted) {
      send(
        errorReply(
          new StripeApiError(403, {
            type: 'invalid_request_error',
            code: 'account_invalid',
            message: `The provided key does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`,
          }),
          requestId,
          engine.now(),
        ),
      );
      return;
    }
  }

  const partition = engine.store.partition(account);
  const ctx: RouteContext = { engine, partition, account, requestId, headers: req.headers, path };
  const logEntry = (status: number, replayed: boolean): void => {
    if (path.startsWith('/_sandbox/') && !isClientPath) return; // the log is of API traffic
    engine.logRequest({
      id: requestId,
      method,
      path,
      account,
      params: rawParams,
      status,
      idempotency_key: idempotencyKey,
      replayed,
      at: engine.now(),
    });
  };

  let reply: Reply;
  let reservation: ReturnType<Engine['idempotency']['reserve']> | undefined;
  try {
    const { expand: expandPaths, ...rest } = rawParams as { expand?: unknown };
    const decoded = decodeParams(route.params, rest);
    const expansions =
      expandPaths === undefined ? [] : expandParam.decodeValue(expandPaths, 'expand');

    if (method === 'POST' && idempotencyKey && path.startsWith('/v1/')) {
      const scope = `${engine.keys.secretKey}|${account ?? ''}`;
      reservation = engine.idempotency.reserve(
        scope,
        idempotencyKey,
        fingerprint(method, path, rawParams),
      );
      if (reservation.kind === 'replay') {
        const saved = reservation.response;
        logEntry(saved.status, true);
        send({
          ...saved,
          headers: {
            ...saved.headers,
            'Idempotency-Key': idempotencyKey,
            'Idempotent-Replayed': 'true',
          },
        });
        return;
      }
    }

    if (fault && fault.latencyMs > 0) await sleep(fault.latencyMs);

    engine.currentRequest = { id: requestId, idempotencyKey };
    let result: unknown;
    try {
      result = route.handle(ctx, decoded as never, pathParams);
    } finally {
      engine.currentRequest = null;
    }
    if (result instanceof RawResponse) {
      res.writeHead(result.status, { 'Content-Type': result.contentType, ...baseHeaders });
      res.end(result.body);
      return;
    }
    if (expansions.length > 0) result = expand(result, expansions, ctx);
    reply = { status: 200, body: JSON.stringify(result, null, 2), headers: {} };
  } catch (error) {
    if (!(error instanceof StripeApiError)) {
      console.error(`[purse-sandbox] ${method} ${path} failed`, error);
    }
    const apiError =
      error instanceof StripeApiError
        ? error
        : new StripeApiError(500, {
            type: 'api_error',
            message: 'An unexpected error occurred in the sandbox.',
          });
    reply = errorReply(apiError, requestId, engine.now());
    if (reservation?.kind === 'new' && !apiError.saveIdempotent) {
      reservation.release();
      reservation = undefined;
    }
  }

  if (reservation?.kind === 'new') {
    reservation.save(reply);
    reply = { ...reply, headers: { ...reply.headers, 'Idempotency-Key': idempotencyKey ?? '' } };
  }
  logEntry(reply.status, false);

  if (fault?.drop) {
    // The request ran, but the caller never hears back: it must retry to learn the outcome.
    res.socket?.destroy();
    return;
  }
  send(reply);
}

/**
 * Runs a route in-process, without HTTP, idempotency or logging: how seeds build their data
 * through the same validation and logic as API calls.
 */
export function invoke(
  engine: Engine,
  routes: RouteTable,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  params: Record<string, unknown> = {},
  account: string | null = null,
): unknown {
  const found = routes.match(method, path);
  if (!found.route) throw new Error(`no route for ${method} ${path}`);
  const ctx: RouteContext = {
    engine,
    partition: engine.store.partition(account),
    account,
    requestId: `req_${randomToken(14)}`,
    headers: {},
    path,
  };
  const rest = Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'expand'));
  return found.route.handle(ctx, decodeParams(found.route.params, rest) as never, found.params);
}
