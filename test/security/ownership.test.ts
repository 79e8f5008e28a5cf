/**
 * The ownership matrix: two users, each with a customer, a connected account, a financial
 * account, linked bank accounts, top-up sources, top-ups and link sessions. Every route that
 * takes an id is called by each user with each of the other's ids: the answer is always the
 * same 404 a missing id gets, and the sandbox's request log proves no mutating Stripe call ever
 * carried a foreign id. Linked accounts are checked twice: held by connected accounts (each
 * user's own Stripe-Account partition) and held by Customers (all in the platform's partition,
 * where only Purse's holder check stands between users).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeInSandbox,
  startHarness,
  type Caller,
  type CallResult,
  type Harness,
} from '../../packages/server/test/harness.js';

type User = 'freelancer' | 'short_of_funds';
const USERS: readonly User[] = ['freelancer', 'short_of_funds'];
const other = (user: User): User => (user === 'freelancer' ? 'short_of_funds' : 'freelancer');

interface Owned {
  fca: string[];
  ibt: string[];
  fcsess: string[];
  pm: string[];
  fctxn: string[];
  fctxnref: string[];
  /** Accounts and sessions held by the user's Customer, through the customer-holder router. */
  customerFca: string[];
  customerFcsess: string[];
}

let h: Harness;
let customerRouter: Caller;
const owned = {} as Record<User, Owned>;
let matrixStart = 0;
const answers: { who: User; route: string; id: string; res: CallResult }[] = [];

const ids = <T>(res: CallResult): T[] => res.body.data as T[];

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  customerRouter = (await h.addRouter({ accountHolder: 'customer', topUps: false })).call;
  for (const user of USERS) {
    const accounts = ids<{ id: string; transactionRefresh: { id: string } | null }>(
      await h.call(user, 'GET', '/accounts'),
    );
    const sources = ids<{ id: string }>(await h.call(user, 'GET', '/top-up-sources'));
    const topUp = await h.call(user, 'POST', '/top-ups', {
      body: { sourceId: sources[0]?.id, amount: 5_00, currency: 'usd' },
      headers: { 'idempotency-key': randomUUID() },
    });
    const session = await h.call(user, 'POST', '/link-sessions');
    const transactions = ids<{ id: string }>(
      await h.call(user, 'GET', `/accounts/${accounts[0]?.id ?? ''}/transactions?limit=3`),
    );

    const customerSession = await customerRouter(user, 'POST', '/link-sessions');
    await completeInSandbox(h, '', customerSession.body.id as string, 'fcinst_stripebank', [
      'checking',
      'savings',
    ]);
    const linked = await customerRouter(
      user,
      'POST',
      `/link-sessions/${String(customerSession.body.id)}/complete`,
    );
    const unusedCustomerSession = await customerRouter(user, 'POST', '/link-sessions');

    owned[user] = {
      fca: accounts.map((a) => a.id),
      ibt: [topUp.body.id as string],
      fcsess: [session.body.id as string],
      pm: sources.map((s) => s.id),
      fctxn: transactions.map((t) => t.id),
      fctxnref: accounts.flatMap((a) => (a.transactionRefresh ? [a.transactionRefresh.id] : [])),
      customerFca: (linked.body.accounts as { id: string }[]).map((a) => a.id),
      customerFcsess: [customerSession.body.id as string, unusedCustomerSession.body.id as string],
    };
  }
  // Every kind of id exists for both users, and the customer-held ones share one partition.
  for (const user of USERS) {
    const o = owned[user];
    for (const [kind, list] of Object.entries(o))
      expect(list.length, `${user} ${kind}`).toBeGreaterThan(0);
  }
  matrixStart = (await h.stripeRequests()).length;
});

afterAll(async () => {
  await h.close();
});

type Kind = keyof Owned;
interface Route {
  name: string;
  kind: Kind;
  call: (caller: User, id: string) => Promise<CallResult>;
  param?: string;
}

const ownFca = (user: User): string => owned[user].fca[0] ?? '';

const ROUTES: Route[] = [
  { name: 'GET /accounts/:id', kind: 'fca', call: (u, id) => h.call(u, 'GET', `/accounts/${id}`) },
  {
    name: 'POST /accounts/:id/balance-refresh',
    kind: 'fca',
    call: (u, id) => h.call(u, 'POST', `/accounts/${id}/balance-refresh`),
  },
  {
    name: 'GET /accounts/:id/transactions',
    kind: 'fca',
    call: (u, id) => h.call(u, 'GET', `/accounts/${id}/transactions`),
  },
  {
    name: 'POST /accounts/:id/transactions-refresh',
    kind: 'fca',
    call: (u, id) => h.call(u, 'POST', `/accounts/${id}/transactions-refresh`),
  },
  {
    name: 'PUT /accounts/:id/transactions-subscription',
    kind: 'fca',
    call: (u, id) => h.call(u, 'PUT', `/accounts/${id}/transactions-subscription`),
  },
  {
    name: 'DELETE /accounts/:id/transactions-subscription',
    kind: 'fca',
    call: (u, id) => h.call(u, 'DELETE', `/accounts/${id}/transactions-subscription`),
  },
  {
    name: 'POST /accounts/:id/disconnect',
    kind: 'fca',
    call: (u, id) => h.call(u, 'POST', `/accounts/${id}/disconnect`),
  },
  {
    name: 'POST /link-sessions/:id/complete',
    kind: 'fcsess',
    call: (u, id) => h.call(u, 'POST', `/link-sessions/${id}/complete`),
  },
  { name: 'GET /top-ups/:id', kind: 'ibt', call: (u, id) => h.call(u, 'GET', `/top-ups/${id}`) },
  {
    name: 'POST /top-ups/:id/cancel',
    kind: 'ibt',
    call: (u, id) => h.call(u, 'POST', `/top-ups/${id}/cancel`),
  },
  {
    name: 'POST /top-ups (sourceId)',
    kind: 'pm',
    param: 'sourceId',
    call: (u, id) =>
      h.call(u, 'POST', '/top-ups', {
        body: { sourceId: id, amount: 1_00, currency: 'usd' },
        headers: { 'idempotency-key': randomUUID() },
      }),
  },
  {
    name: 'GET /top-ups?cursor=',
    kind: 'ibt',
    param: 'cursor',
    call: (u, id) => h.call(u, 'GET', `/top-ups?cursor=${id}`),
  },
  {
    name: 'GET /accounts/:own/transactions?cursor=',
    kind: 'fctxn',
    param: 'cursor',
    call: (u, id) => h.call(u, 'GET', `/accounts/${ownFca(u)}/transactions?cursor=${id}`),
  },
  {
    name: 'GET /accounts/:own/transactions?after=',
    kind: 'fctxnref',
    param: 'after',
    call: (u, id) => h.call(u, 'GET', `/accounts/${ownFca(u)}/transactions?after=${id}`),
  },
  // Customer-held accounts: the same partition for both users, so only the holder check decides.
  {
    name: 'customer-held GET /accounts/:id',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'GET', `/accounts/${id}`),
  },
  {
    name: 'customer-held POST /accounts/:id/balance-refresh',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'POST', `/accounts/${id}/balance-refresh`),
  },
  {
    name: 'customer-held GET /accounts/:id/transactions',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'GET', `/accounts/${id}/transactions`),
  },
  {
    name: 'customer-held POST /accounts/:id/transactions-refresh',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'POST', `/accounts/${id}/transactions-refresh`),
  },
  {
    name: 'customer-held PUT /accounts/:id/transactions-subscription',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'PUT', `/accounts/${id}/transactions-subscription`),
  },
  {
    name: 'customer-held DELETE /accounts/:id/transactions-subscription',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'DELETE', `/accounts/${id}/transactions-subscription`),
  },
  {
    name: 'customer-held POST /accounts/:id/disconnect',
    kind: 'customerFca',
    call: (u, id) => customerRouter(u, 'POST', `/accounts/${id}/disconnect`),
  },
  {
    name: 'customer-held POST /link-sessions/:id/complete',
    kind: 'customerFcsess',
    call: (u, id) => customerRouter(u, 'POST', `/link-sessions/${id}/complete`),
  },
];

describe('every route with every one of the other user’s ids', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))(
    '%s → 404 resource_missing',
    async (_name, route) => {
      for (const caller of USERS) {
        for (const id of owned[other(caller)][route.kind]) {
          const res = await route.call(caller, id);
          answers.push({ who: caller, route: route.name, id, res });
          expect(res.status, `${caller} ${route.name} ${id}`).toBe(404);
          expect(res.body.error.code).toBe('resource_missing');
          expect(res.body.error.param).toBe(route.param);
          expect(JSON.stringify(res.body)).not.toContain(id);
        }
      }
    },
  );

  it('the same route with the caller’s own id works, so the 404s above are about ownership', async () => {
    const mine = await h.call('freelancer', 'GET', `/accounts/${ownFca('freelancer')}`);
    expect(mine.status).toBe(200);
    const theirs = await h.call(
      'short_of_funds',
      'GET',
      `/top-ups/${owned.short_of_funds.ibt[0] ?? ''}`,
    );
    expect(theirs.status).toBe(200);
    const customerHeld = await customerRouter(
      'freelancer',
      'GET',
      `/accounts/${owned.freelancer.customerFca[0] ?? ''}`,
    );
    expect(customerHeld.status).toBe(200);
  });

  it('a foreign id of any kind on any route is refused (400 or 404), never served', async () => {
    const kinds: Kind[] = ['fca', 'ibt', 'fcsess', 'pm', 'customerFca'];
    for (const route of ROUTES) {
      for (const kind of kinds) {
        const id = owned.short_of_funds[kind][0] ?? '';
        const res = await route.call('freelancer', id);
        expect([400, 404], `${route.name} with ${kind} ${id}`).toContain(res.status);
      }
    }
  });
});

describe('after the matrix', () => {
  it('the sandbox saw no POST or DELETE carrying a foreign id', async () => {
    expect(answers.length).toBeGreaterThan(40);
    const foreign = USERS.flatMap((user) => Object.values(owned[user]).flat());
    const log = (await h.stripeRequests()).slice(matrixStart);
    expect(log.length).toBeGreaterThan(0);
    const mutations = log.filter((r) => r.method === 'POST' || r.method === 'DELETE');
    const leaks = mutations.filter((r) => {
      const text = `${r.path} ${JSON.stringify(r.params)}`;
      return foreign.some((id) => text.includes(id));
    });
    expect(leaks).toEqual([]);
  });

  it('nothing of either user changed: accounts active, subscriptions and top-ups as they were', async () => {
    for (const user of USERS) {
      const accounts = ids<{ status: string; subscriptions: string[] }>(
        await h.call(user, 'GET', '/accounts'),
      );
      expect(accounts.every((a) => a.status === 'active')).toBe(true);
      expect(accounts.every((a) => a.subscriptions.length === 0)).toBe(true);
      const topUp = await h.call(user, 'GET', `/top-ups/${owned[user].ibt[0] ?? ''}`);
      expect(topUp.body.status).toBe('processing');
      const list = ids<unknown>(await h.call(user, 'GET', '/top-ups?limit=100'));
      expect(list).toHaveLength(1);
      const customerHeld = ids<{ status: string }>(await customerRouter(user, 'GET', '/accounts'));
      expect(customerHeld.map((a) => a.status)).toEqual(['active', 'active']);
    }
  });
});
