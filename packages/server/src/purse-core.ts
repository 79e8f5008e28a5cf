/**
 * The framework-free core behind `createPurseHandler` and `createPurseRouter`: a web `Request`
 * in, a web `Response` out. It resolves the caller, matches the route against core's
 * `PURSE_ROUTES`, refuses cross-site-sendable writes, reads the JSON body within its limits,
 * runs the operation (which validates its own input) and answers JSON, or a live-update
 * stream. Every failure leaves as Purse's envelope `{ error: { type, code, message, param? } }`.
 */
import { PurseError } from '@purse/core';
import { topicsFor } from './events/event-bus.js';
import { StreamRegistry, streamEvents } from './events/stream.js';
import { assertNotCrossSite, readJsonBody } from './http/body.js';
import { jsonResponse } from './http/json-response.js';
import { createRouteMatcher, type Method, type RouteName } from './http/route-table.js';
import { fromStripeError } from './http/stripe-errors.js';
import { parseInput } from './http/validate.js';
import { listWalletActivity } from './operations/wallet-activity.js';
import {
  disconnectAccount,
  getAccount,
  listAccounts,
  listTransactions,
  refreshBalance,
  refreshTransactions,
  setTransactionsSubscription,
} from './operations/accounts.js';
import type { OperationContext } from './operations/context.js';
import { getFinancialAccount, renameFinancialAccount } from './operations/financial-account.js';
import { eventsQuery, financialAccountQuery } from './operations/input.js';
import { completeLinkSession, createLinkSession } from './operations/link.js';
import {
  cancelTopUp,
  createTopUp,
  getTopUp,
  listTopUpSources,
  listTopUps,
} from './operations/top-ups.js';
import type { PurseUser, RouterConfig } from './options.js';
import { enforceRateLimit, type RateLimitedAction } from './store/rate-limit.js';

/** What a route's handler gets besides the context. */
interface RouteInput {
  request: Request;
  /** The decoded `:id` (every route that has one). */
  id: string;
  query: Record<string, string | string[]>;
  body: unknown;
  registry: StreamRegistry;
  signal: AbortSignal;
}

interface RouteEntry {
  route: RouteName;
  method: Method;
  /** Status of a success. @default 200 */
  status?: number;
  /** The per-user rate limit this route counts against (routes that cost Stripe calls or move money). */
  limit?: RateLimitedAction;
  run: (ctx: OperationContext, input: RouteInput) => Promise<unknown>;
}

/** Every route of the HTTP contract. Paths come from `PURSE_ROUTES`; only methods live here. */
const ROUTES: readonly RouteEntry[] = [
  {
    route: 'linkSessions',
    method: 'POST',
    status: 201,
    limit: 'linkSessions',
    run: (ctx, { body }) => createLinkSession(ctx, body),
  },
  {
    route: 'completeLinkSession',
    method: 'POST',
    run: (ctx, { id, body }) => completeLinkSession(ctx, id, body),
  },
  { route: 'accounts', method: 'GET', run: (ctx, { query }) => listAccounts(ctx, query) },
  { route: 'account', method: 'GET', run: (ctx, { id, query }) => getAccount(ctx, id, query) },
  {
    route: 'balanceRefresh',
    method: 'POST',
    status: 202,
    limit: 'refreshes',
    run: (ctx, { id, body }) => refreshBalance(ctx, id, body),
  },
  {
    route: 'transactions',
    method: 'GET',
    run: (ctx, { id, query }) => listTransactions(ctx, id, query),
  },
  {
    route: 'transactionsRefresh',
    method: 'POST',
    status: 202,
    limit: 'refreshes',
    run: (ctx, { id, body }) => refreshTransactions(ctx, id, body),
  },
  {
    route: 'transactionsSubscription',
    method: 'PUT',
    run: (ctx, { id, body }) => setTransactionsSubscription(ctx, id, true, body),
  },
  {
    route: 'transactionsSubscription',
    method: 'DELETE',
    run: (ctx, { id }) => setTransactionsSubscription(ctx, id, false),
  },
  {
    route: 'disconnect',
    method: 'POST',
    run: (ctx, { id, body }) => disconnectAccount(ctx, id, body),
  },
  {
    route: 'financialAccount',
    method: 'GET',
    run: (ctx, { query }) => {
      const { reveal } = parseInput(financialAccountQuery, query);
      return getFinancialAccount(ctx, { revealAccountNumber: reveal === 'account_number' });
    },
  },
  {
    route: 'financialAccount',
    method: 'PATCH',
    run: (ctx, { body }) => renameFinancialAccount(ctx, body),
  },
  { route: 'topUpSources', method: 'GET', run: (ctx, { query }) => listTopUpSources(ctx, query) },
  {
    route: 'topUps',
    method: 'POST',
    status: 201,
    limit: 'topUps',
    run: (ctx, { request, body }) =>
      createTopUp(ctx, body, {
        idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
      }),
  },
  { route: 'topUps', method: 'GET', run: (ctx, { query }) => listTopUps(ctx, query) },
  { route: 'topUp', method: 'GET', run: (ctx, { id, query }) => getTopUp(ctx, id, query) },
  {
    route: 'walletActivity',
    method: 'GET',
    run: (ctx, { query }) => listWalletActivity(ctx, query),
  },
  {
    route: 'cancelTopUp',
    method: 'POST',
    run: (ctx, { id, body }) => cancelTopUp(ctx, id, body),
  },
  {
    route: 'events',
    method: 'GET',
    run: (ctx, { request, query, registry, signal }) => {
      const { lastEventId } = parseInput(eventsQuery, query);
      return Promise.resolve(
        streamEvents({
          request,
          signal,
          config: ctx.config,
          registry,
          user: ctx.user,
          lastEventId,
        }),
      );
    },
  },
];

const matchRoute = createRouteMatcher(ROUTES);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A query string as an object; a repeated key becomes an array (which schemas refuse). */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = Object.hasOwn(query, key) ? query[key] : undefined;
    const next = existing === undefined ? value : [...[existing].flat(), value];
    Object.defineProperty(query, key, { value: next, enumerable: true, writable: true });
  }
  return query;
}

/** One incoming request as the core sees it, whatever framework received it. */
export interface CoreRequest {
  request: Request;
  /** The path relative to where Purse is mounted, still percent-encoded, starting with `/`. */
  path: string;
  /** Resolves the caller with the framework's own request object. */
  resolveUser: () => PurseUser | null | undefined | Promise<PurseUser | null | undefined>;
  /** The caller's IP, for the bank-debit mandate. */
  ip: string | undefined;
  /** Aborted when the client goes away. @default the request's own signal */
  signal?: AbortSignal;
}

export type CoreHandler = (input: CoreRequest) => Promise<Response>;

export function createCoreHandler(config: RouterConfig): CoreHandler {
  const registry = new StreamRegistry();

  async function answer(input: CoreRequest): Promise<Response> {
    const { request } = input;
    // Who is asking comes first: a signed-out request is a 401 whatever else is wrong with it.
    const user = await input.resolveUser();
    if (!user || (!user.accountId && !user.customerId)) {
      throw new PurseError({ code: 'unauthenticated', message: 'Sign in to use this.' });
    }
    const method = request.method.toUpperCase();
    // HEAD is a GET without its body (as Express answered it), except for the event stream.
    const match = matchRoute(method === 'HEAD' ? 'GET' : method, input.path);
    if (!match || (method === 'HEAD' && match.entry.route === 'events'))
      throw new PurseError({ code: 'resource_missing', message: 'No such route.' });
    if (match.entry.limit) {
      await enforceRateLimit(config.store, {
        action: match.entry.limit,
        user: `${user.accountId ?? ''}|${user.customerId ?? ''}`,
        limits: config.rateLimits,
        now: () => config.now() * 1000,
        onStoreError: (error) => {
          config.logger.warn('rate limits skipped: the store is unavailable', {
            error: String(error),
          });
        },
      });
    }
    let body: unknown = undefined;
    if (STATE_CHANGING.has(method)) {
      assertNotCrossSite(request);
      if (method !== 'DELETE') body = (await readJsonBody(request)) ?? {};
    }
    const ctx: OperationContext = {
      config,
      user,
      client: { ip: input.ip, userAgent: request.headers.get('user-agent') ?? undefined },
    };
    const result = await match.entry.run(ctx, {
      request,
      id: match.id ?? '',
      query: queryObject(new URL(request.url).searchParams),
      body,
      registry,
      signal: input.signal ?? request.signal,
    });
    if (result instanceof Response) return result;
    // The caller's own change shows on their next read, here and on every other instance.
    if (STATE_CHANGING.has(method)) {
      await config.store.cache.invalidate(topicsFor(user)).catch((error: unknown) => {
        config.logger.warn('could not drop cached reads after a write', { error: String(error) });
      });
    }
    return jsonResponse(match.entry.status ?? 200, result);
  }

  return async (input) => {
    let response: Response;
    try {
      response = await answer(input);
    } catch (error) {
      const converted = fromStripeError(error);
      const purseError =
        converted instanceof PurseError
          ? converted
          : new PurseError({
              code: 'internal_error',
              message: 'Something went wrong on our side.',
            });
      if (!(converted instanceof PurseError) || purseError.status >= 500) {
        config.logger.error(`${input.request.method} ${input.path} failed`, {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
      }
      // Retry-After for every 429 (rate limits and refresh cooldowns), as HTTP clients expect.
      const retryAfter =
        purseError.status === 429 && purseError.retryAt !== undefined
          ? { 'retry-after': String(Math.max(1, purseError.retryAt - config.now())) }
          : {};
      response = jsonResponse(purseError.status, purseError.toBody());
      for (const [name, value] of Object.entries(retryAfter)) response.headers.set(name, value);
    }
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');
    response.headers.set('purse-now', String(config.now()));
    if (input.request.method.toUpperCase() === 'HEAD') {
      await response.body?.cancel();
      return new Response(null, { status: response.status, headers: response.headers });
    }
    return response;
  };
}
