/**
 * The typed client for @purse/server's routes. Every component and hook talks to the server
 * only through a `PurseClient`, so tests and stories can hand the provider a fixture client
 * that implements the same interface.
 */
import type {
  AccountList,
  FinancialAccountView,
  LinkedAccount,
  LinkResult,
  LinkSession,
  TopUp,
  TopUpPage,
  TopUpQuery,
  TopUpRequest,
  TopUpSourceList,
  TransactionPage,
  TransactionQuery,
  WalletActivityPage,
  WalletActivityQuery,
} from '../contract/types.js';
import { PURSE_ROUTES } from '../contract/types.js';
import { PurseError } from '../contract/errors.js';
import { globalFetch, type FetchLike } from './platform.js';

/** Everything the components need from the server. */
export interface PurseClient {
  createLinkSession(): Promise<LinkSession>;
  completeLinkSession(sessionId: string): Promise<LinkResult>;
  listAccounts(): Promise<AccountList>;
  getAccount(accountId: string): Promise<LinkedAccount>;
  refreshBalance(accountId: string): Promise<LinkedAccount>;
  listTransactions(accountId: string, query?: TransactionQuery): Promise<TransactionPage>;
  refreshTransactions(accountId: string): Promise<LinkedAccount>;
  /** Turns the daily transaction refresh on or off for one account. */
  setTransactionsSubscription(
    accountId: string,
    options: { subscribed: boolean },
  ): Promise<LinkedAccount>;
  disconnectAccount(accountId: string): Promise<LinkedAccount>;
  getFinancialAccount(options?: { revealAccountNumber?: boolean }): Promise<FinancialAccountView>;
  renameFinancialAccount(nickname: string): Promise<FinancialAccountView>;
  listTopUpSources(): Promise<TopUpSourceList>;
  /** `idempotencyKey`: one per attempt; pass the same one to retry that attempt. */
  createTopUp(request: TopUpRequest, options: { idempotencyKey: string }): Promise<TopUp>;
  listTopUps(query?: TopUpQuery): Promise<TopUpPage>;
  getTopUp(topUpId: string): Promise<TopUp>;
  /** The wallet's Treasury transactions, newest first. Optional: clients written before it still fit. */
  listWalletActivity?(query?: WalletActivityQuery): Promise<WalletActivityPage>;
  cancelTopUp(topUpId: string): Promise<TopUp>;
  /** The live-update stream's URL, or null when this client has none (then hooks poll). */
  eventsUrl(): string | null;
  /** The server's "now" in unix seconds, corrected for clock skew seen in responses. */
  now(): number;
}

export interface CreatePurseClientOptions {
  /** Where the Purse router is mounted, such as `/api/purse` or `https://app.example/api/purse`. */
  baseUrl: string;
  /** @default globalThis.fetch (looked up per request) */
  fetch?: FetchLike;
  /** Extra request headers (for example a CSRF token), or a function returning them per request. */
  headers?:
    Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** @default 'same-origin' */
  credentials?: 'omit' | 'same-origin' | 'include';
}

type Query = Record<string, string | number | boolean | undefined>;

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  // Hand-encoded: URLSearchParams is a DOM/Node API and core stays plain ES.
  const text = Object.entries(query)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return text ? `${path}?${text}` : path;
}

/** Creates a client for the Purse router mounted at `baseUrl`. */
export function createPurseClient(options: CreatePurseClientOptions): PurseClient {
  if (typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError(
      'createPurseClient: `baseUrl` is required (where the Purse router is mounted, e.g. "/api/purse").',
    );
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const credentials = options.credentials ?? 'same-origin';
  // Seconds to add to the local clock to get the server's (which may be a sandbox's virtual clock).
  let skew = 0;

  async function request<T>(
    method: string,
    path: string,
    init: { body?: unknown; query?: Query; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const doFetch = options.fetch ?? globalFetch();
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...extra,
      ...init.headers,
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    // The server refuses writes another site could send without a CORS preflight (CSRF).
    if (method !== 'GET') headers['purse-request'] = '1';
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await doFetch(`${base}${withQuery(path, init.query)}`, {
        method,
        headers,
        credentials,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (cause) {
      throw new PurseError({
        code: 'network_error',
        status: 0,
        message: 'Could not reach the server.',
        cause,
      });
    }
    const now = Number(response.headers.get('purse-now'));
    if (Number.isFinite(now) && now > 0) skew = now - Date.now() / 1000;
    let body: unknown = null;
    const text = await response.text();
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    if (!response.ok) throw PurseError.fromResponse(response.status, body);
    return body as T;
  }

  return {
    createLinkSession: () => request('POST', PURSE_ROUTES.linkSessions, { body: {} }),
    completeLinkSession: (id) =>
      request('POST', PURSE_ROUTES.completeLinkSession(id), { body: {} }),
    listAccounts: () => request('GET', PURSE_ROUTES.accounts),
    getAccount: (id) => request('GET', PURSE_ROUTES.account(id)),
    refreshBalance: (id) => request('POST', PURSE_ROUTES.balanceRefresh(id), { body: {} }),
    listTransactions: (id, query) =>
      request('GET', PURSE_ROUTES.transactions(id), { query: { ...query } }),
    refreshTransactions: (id) =>
      request('POST', PURSE_ROUTES.transactionsRefresh(id), { body: {} }),
    setTransactionsSubscription: (id, { subscribed }) =>
      subscribed
        ? request('PUT', PURSE_ROUTES.transactionsSubscription(id), { body: {} })
        : request('DELETE', PURSE_ROUTES.transactionsSubscription(id)),
    disconnectAccount: (id) => request('POST', PURSE_ROUTES.disconnect(id), { body: {} }),
    getFinancialAccount: (opts) =>
      request(
        'GET',
        PURSE_ROUTES.financialAccount,
        opts?.revealAccountNumber ? { query: { reveal: 'account_number' } } : {},
      ),
    renameFinancialAccount: (nickname) =>
      request('PATCH', PURSE_ROUTES.financialAccount, { body: { nickname } }),
    listTopUpSources: () => request('GET', PURSE_ROUTES.topUpSources),
    createTopUp: (body, { idempotencyKey }) =>
      request('POST', PURSE_ROUTES.topUps, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    listTopUps: (query) => request('GET', PURSE_ROUTES.topUps, { query: { ...query } }),
    getTopUp: (id) => request('GET', PURSE_ROUTES.topUp(id)),
    listWalletActivity: (query) =>
      request('GET', PURSE_ROUTES.walletActivity, { query: { ...query } }),
    cancelTopUp: (id) => request('POST', PURSE_ROUTES.cancelTopUp(id), { body: {} }),
    eventsUrl: () => `${base}${PURSE_ROUTES.events}`,
    now: () => Math.floor(Date.now() / 1000 + skew),
  };
}
