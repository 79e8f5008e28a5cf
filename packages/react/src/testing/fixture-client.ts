/**
 * An in-memory `PurseClient` for stories and tests: no network, deterministic data, and enough
 * behaviour to click through (refreshes go pending then succeed, top-ups are created and can be
 * canceled). Every method can be made to hang or fail, to show loading and error states.
 */
import {
  PurseError,
  spendableBalance,
  type BankTransaction,
  type FinancialAccountView,
  type LinkedAccount,
  type PurseErrorCode,
  type TopUp,
  type TopUpSource,
} from '@purse/core';
import type { PurseClient } from '../client/purse-client.js';

type Method = Exclude<keyof PurseClient, 'eventsUrl' | 'now'>;

export interface FixtureClientOptions {
  accounts?: LinkedAccount[];
  /** Transactions per account id. */
  transactions?: Record<string, BankTransaction[]>;
  financialAccount?: FinancialAccountView | null;
  sources?: TopUpSource[];
  topUps?: TopUp[];
  /** The "server" time, unix seconds. @default 2026-03-10T15:00:00Z */
  now?: number;
  /** Delay before each answer, in ms. @default 0 */
  latencyMs?: number;
  /** Methods that never answer (loading states). */
  hang?: Method[];
  /**
   * Methods that fail with this error code; a list gives one outcome per call in order (`null`
   * answers normally), e.g. `['network_error', null]` fails the first call only.
   */
  fail?: Partial<Record<Method, PurseErrorCode | readonly (PurseErrorCode | null)[]>>;
  /** `retryAt` (unix seconds) to put on failures, e.g. a `refresh_not_available` cooldown. */
  retryAt?: number;
  /** How long a refresh stays pending, in ms. @default 1500 */
  refreshMs?: number;
  /** Result of a balance refresh. @default 'succeeded' */
  refreshOutcome?: 'succeeded' | 'failed';
  /** Cooldown after a refresh, in seconds. @default 60 */
  cooldownSeconds?: number;
  /** Largest page of transactions (or top-ups) returned, whatever `limit` asks for. @default 100 */
  pageSize?: number;
  /** `frozen` keeps `now` fixed (deterministic); `ticking` follows real time from `now`. @default 'frozen' */
  clock?: 'frozen' | 'ticking';
}

export interface FixturePurseClient extends PurseClient {
  /** Every call made, in order, as `[method, ...args]`. */
  readonly calls: unknown[][];
  /** Moves this client's clock forward. */
  advance(seconds: number): void;
}

export const FIXTURE_NOW = Date.UTC(2026, 2, 10, 15) / 1000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createFixturePurseClient(options: FixtureClientOptions = {}): FixturePurseClient {
  let base = options.now ?? FIXTURE_NOW;
  const startedAt = Date.now();
  const clockNow = (): number =>
    options.clock === 'ticking' ? Math.floor(base + (Date.now() - startedAt) / 1000) : base;
  const failures = new Map<Method, number>();
  // When each transaction refresh happened, for `after`.
  const refreshTimes = new Map<string, number>();
  const accounts = new Map((options.accounts ?? []).map((a) => [a.id, structuredClone(a)]));
  const transactions = options.transactions ?? {};
  let financialAccount =
    options.financialAccount === undefined ? null : structuredClone(options.financialAccount);
  const sources = options.sources ?? [];
  const topUps = new Map((options.topUps ?? []).map((t) => [t.id, structuredClone(t)]));
  const calls: unknown[][] = [];
  const byKey = new Map<string, TopUp>();
  let sequence = 0;

  async function answer<T>(method: Method, args: unknown[], work: () => T): Promise<T> {
    calls.push([method, ...args]);
    if (options.hang?.includes(method)) return new Promise<T>(() => undefined);
    if (options.latencyMs) await sleep(options.latencyMs);
    const planned = options.fail?.[method];
    const call = failures.get(method) ?? 0;
    failures.set(method, call + 1);
    const code = typeof planned === 'string' ? planned : planned?.[call];
    if (code) {
      throw new PurseError({
        code,
        message: `Fixture failure: ${code}`,
        ...(options.retryAt === undefined ? {} : { retryAt: options.retryAt }),
      });
    }
    return structuredClone(work());
  }

  function account(id: string): LinkedAccount {
    const found = accounts.get(id);
    if (!found)
      throw new PurseError({ code: 'resource_missing', message: 'No such linked account.' });
    return found;
  }

  return {
    calls,
    advance(seconds) {
      base += seconds;
    },
    createLinkSession: () =>
      answer('createLinkSession', [], () => ({
        id: `fcsess_fixture_${String(++sequence)}`,
        clientSecret: `fcsess_client_secret_fixture_${String(sequence)}`,
      })),
    completeLinkSession: (id) =>
      answer('completeLinkSession', [id], () => ({
        accounts: [...accounts.values()],
        topUpSources: sources.map((s) => s.id),
      })),
    listAccounts: () => answer('listAccounts', [], () => ({ data: [...accounts.values()] })),
    getAccount: (id) => answer('getAccount', [id], () => account(id)),
    refreshBalance: (id) =>
      answer('refreshBalance', [id], () => {
        const target = account(id);
        const started = clockNow();
        target.balanceRefresh = {
          status: 'pending',
          lastAttemptedAt: started,
          nextRefreshAvailableAt: null,
        };
        setTimeout(() => {
          const outcome = options.refreshOutcome ?? 'succeeded';
          target.balanceRefresh = {
            status: outcome,
            lastAttemptedAt: started,
            nextRefreshAvailableAt: clockNow() + (options.cooldownSeconds ?? 60),
          };
          if (outcome === 'succeeded' && target.balance)
            target.balance = { ...target.balance, asOf: clockNow() };
        }, options.refreshMs ?? 1500);
        return target;
      }),
    listTransactions: (id, query = {}) =>
      answer('listTransactions', [id, query], () => {
        const all = (transactions[id] ?? [])
          .filter(
            (t) =>
              (query.from === undefined || t.transactedAt >= query.from) &&
              (query.to === undefined || t.transactedAt < query.to) &&
              // `after`: what changed since that refresh (by `updated`; a refresh it did not run: all).
              (query.after === undefined ||
                t.updated > (refreshTimes.get(query.after) ?? -Infinity)),
          )
          .sort((a, b) => b.transactedAt - a.transactedAt);
        const start = query.cursor ? all.findIndex((t) => t.id === query.cursor) + 1 : 0;
        const size = Math.min(query.limit ?? 100, options.pageSize ?? 100);
        const data = all.slice(start, start + size);
        const hasMore = start + size < all.length;
        return { data, hasMore, nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null };
      }),
    refreshTransactions: (id) =>
      answer('refreshTransactions', [id], () => {
        const target = account(id);
        const started = clockNow();
        const refreshId = `fctxnref_fixture_${String(++sequence)}`;
        target.transactionRefresh = {
          id: refreshId,
          status: 'pending',
          lastAttemptedAt: started,
          nextRefreshAvailableAt: null,
        };
        setTimeout(() => {
          refreshTimes.set(refreshId, started);
          target.transactionRefresh = {
            id: refreshId,
            status: 'succeeded',
            lastAttemptedAt: started,
            nextRefreshAvailableAt: clockNow() + (options.cooldownSeconds ?? 60),
          };
        }, options.refreshMs ?? 1500);
        return target;
      }),
    setTransactionsSubscription: (id, { subscribed }) =>
      answer('setTransactionsSubscription', [id, { subscribed }], () => {
        const target = account(id);
        target.subscriptions = subscribed ? ['transactions'] : [];
        return target;
      }),
    disconnectAccount: (id) =>
      answer('disconnectAccount', [id], () => {
        const target = account(id);
        target.status = 'disconnected';
        target.balance = null;
        return target;
      }),
    getFinancialAccount: (opts) =>
      answer('getFinancialAccount', [opts], () => {
        if (!financialAccount)
          throw new PurseError({
            code: 'financial_account_missing',
            message: 'No financial account.',
          });
        return financialAccount;
      }),
    renameFinancialAccount: (nickname) =>
      answer('renameFinancialAccount', [nickname], () => {
        if (!financialAccount)
          throw new PurseError({
            code: 'financial_account_missing',
            message: 'No financial account.',
          });
        financialAccount = { ...financialAccount, nickname };
        return financialAccount;
      }),
    listTopUpSources: () => answer('listTopUpSources', [], () => ({ data: sources })),
    createTopUp: (request, { idempotencyKey }) =>
      answer('createTopUp', [request, { idempotencyKey }], () => {
        const existing = byKey.get(idempotencyKey);
        if (existing) return existing;
        const source = sources.find((s) => s.id === request.sourceId);
        const available = spendableBalance(source?.balance);
        const topUp: TopUp = {
          id: `ibt_fixture_${String(++sequence)}`,
          amount: request.amount,
          currency: request.currency,
          status: 'processing',
          returned: false,
          cancelable: true,
          description: request.description ?? null,
          statementDescriptor: request.statementDescriptor ?? 'transfer',
          failure: null,
          source: source ? { bankName: source.bankName, last4: source.last4 } : null,
          created: clockNow(),
          statusTransitions: { succeededAt: null, failedAt: null, canceledAt: null },
          expectedArrival: { earliest: '2026-03-12', latest: '2026-03-16' },
          receiptUrl: null,
          balanceWarning:
            available !== null && request.amount > available
              ? { available, currency: 'usd' }
              : null,
          sameDay: request.sameDay === true,
        };
        topUps.set(topUp.id, topUp);
        byKey.set(idempotencyKey, topUp);
        return topUp;
      }),
    listTopUps: (query = {}) =>
      answer('listTopUps', [query], () => {
        const all = [...topUps.values()]
          .filter((t) => !query.status || t.status === query.status)
          .sort((a, b) => b.created - a.created);
        const start = query.cursor ? all.findIndex((t) => t.id === query.cursor) + 1 : 0;
        const size = Math.min(query.limit ?? 20, options.pageSize ?? 100);
        const data = all.slice(start, start + size);
        const hasMore = start + size < all.length;
        return { data, hasMore, nextCursor: hasMore ? (data.at(-1)?.id ?? null) : null };
      }),
    getTopUp: (id) =>
      answer('getTopUp', [id], () => {
        const found = topUps.get(id);
        if (!found) throw new PurseError({ code: 'resource_missing', message: 'No such top-up.' });
        return found;
      }),
    cancelTopUp: (id) =>
      answer('cancelTopUp', [id], () => {
        const found = topUps.get(id);
        if (!found) throw new PurseError({ code: 'resource_missing', message: 'No such top-up.' });
        if (!found.cancelable)
          throw new PurseError({ code: 'transfer_not_cancelable', message: 'Not cancelable.' });
        Object.assign(found, {
          status: 'canceled',
          cancelable: false,
          statusTransitions: { ...found.statusTransitions, canceledAt: clockNow() },
        });
        return found;
      }),
    eventsUrl: () => null,
    now: () => clockNow(),
  };
}
