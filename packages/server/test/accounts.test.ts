import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeInSandbox, control, startHarness, type Caller, type Harness } from './harness.js';

const LINKED_ACCOUNT_KEYS = [
  'balance',
  'balanceRefresh',
  'canFundTopUps',
  'category',
  'created',
  'displayName',
  'id',
  'institution',
  'last4',
  'permissions',
  'status',
  'subcategory',
  'subscriptions',
  'transactionRefresh',
];
const TRANSACTION_KEYS = [
  'accountId',
  'amount',
  'currency',
  'description',
  'id',
  'postedAt',
  'status',
  'transactedAt',
  'updated',
  'voidAt',
];

interface View {
  id: string;
  displayName: string;
  institution: string;
  [key: string]: unknown;
}

let h: Harness;
/** The freelancer's linked accounts by display name. */
let maya: Record<string, string>;
let samChecking: string;

beforeAll(async () => {
  h = await startHarness();
  const list = await h.call('freelancer', 'GET', '/accounts');
  maya = Object.fromEntries((list.body.data as View[]).map((a) => [a.displayName, a.id]));
  const sam = await h.call('short_of_funds', 'GET', '/accounts');
  samChecking = (sam.body.data as View[])[0]?.id ?? '';
});
afterAll(async () => {
  await h.close();
});

function fcAccount(user: 'freelancer' | 'short_of_funds' | 'new_user', id: string) {
  return h.stripe.financialConnections.accounts.retrieve(
    id,
    {},
    { stripeAccount: h.personas[user].accountId },
  );
}

/** Mutating calls the sandbox received for this FC account since `since` (a log length). */
async function fcMutations(id: string, since: number): Promise<string[]> {
  return (await h.stripeRequests())
    .slice(since)
    .filter((r) => r.method !== 'GET' && r.path.includes(id))
    .map((r) => `${r.method} ${r.path}`);
}

const logLength = async (): Promise<number> => (await h.stripeRequests()).length;

/** Links `accounts` at `institution` for the new user through `call`'s router; returns their ids. */
async function linkForNewUser(call: Caller, institution: string, accounts: string[]) {
  const session = await call('new_user', 'POST', '/link-sessions');
  const sessionId = session.body.id as string;
  await completeInSandbox(h, h.personas.new_user.accountId, sessionId, institution, accounts);
  const done = await call('new_user', 'POST', `/link-sessions/${sessionId}/complete`);
  expect(done.status).toBe(200);
  return (done.body.accounts as View[]).map((a) => a.id);
}

describe('listing and reading linked accounts', () => {
  it('lists only the caller’s accounts, each as the contract’s safe view', async () => {
    const res = await h.call('freelancer', 'GET', '/accounts');
    expect(res.status).toBe(200);
    const data = res.body.data as View[];
    expect(data.map((a) => a.displayName).sort()).toEqual([
      'Everyday Checking',
      'High-Yield Savings',
      'Rewards Credit Card',
    ]);
    for (const account of data) {
      expect(Object.keys(account).sort()).toEqual(LINKED_ACCOUNT_KEYS);
      expect(account.institution).toBe('StripeBank');
    }
    expect((await h.call('short_of_funds', 'GET', '/accounts')).body.data).toHaveLength(1);
    expect((await h.call('new_user', 'GET', '/accounts')).body).toEqual({ data: [] });
  });

  it('never shows account numbers, routing numbers or holder ids', async () => {
    const account = await fcAccount('freelancer', maya['Everyday Checking'] ?? '');
    expect(account.account_holder?.account).toBe(h.personas.freelancer.accountId);
    const bodies = JSON.stringify([
      (await h.call('freelancer', 'GET', '/accounts')).body,
      (await h.call('freelancer', 'GET', `/accounts/${account.id}`)).body,
    ]);
    expect(bodies).not.toContain(h.personas.freelancer.accountId);
    expect(bodies).not.toContain(h.personas.freelancer.customerId);
    expect(bodies).not.toMatch(/acct_|cus_|account_holder|account_number|routing|110000000/i);
  });

  it('reads one account with its cash balance (available and current) and refresh state', async () => {
    const id = maya['Everyday Checking'] ?? '';
    const res = await h.call('freelancer', 'GET', `/accounts/${id}`);
    expect(res.status).toBe(200);
    const stripeAccount = await fcAccount('freelancer', id);
    expect(res.body).toMatchObject({
      id,
      category: 'cash',
      subcategory: 'checking',
      last4: '6789',
      status: 'active',
      permissions: expect.arrayContaining(['balances', 'transactions', 'payment_method']),
      canFundTopUps: true,
      balance: {
        type: 'cash',
        currency: 'usd',
        available: stripeAccount.balance?.cash?.available?.usd,
        current: stripeAccount.balance?.current.usd,
        asOf: stripeAccount.balance?.as_of,
      },
      balanceRefresh: {
        status: 'succeeded',
        nextRefreshAvailableAt: stripeAccount.balance_refresh?.next_refresh_available_at,
      },
    });
  });

  it('shows a credit card’s balance as credit used, and says it cannot fund top-ups', async () => {
    const res = await h.call('freelancer', 'GET', `/accounts/${maya['Rewards Credit Card'] ?? ''}`);
    expect(res.body).toMatchObject({
      category: 'credit',
      subcategory: 'credit_card',
      canFundTopUps: false,
      balance: { type: 'credit', currency: 'usd', current: -128_416, used: -128_416 },
    });
  });

  it('answers 404 resource_missing for an id that does not exist', async () => {
    const res = await h.call('freelancer', 'GET', '/accounts/fca_doesnotexist000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('resource_missing');
    expect(res.body.error.message).not.toContain('fca_doesnotexist000');
  });
});

describe('balance refresh', () => {
  it('during the cooldown: 429 refresh_not_available with retryAt, and no refresh sent to Stripe', async () => {
    const id = maya['Everyday Checking'] ?? '';
    const next = (await fcAccount('freelancer', id)).balance_refresh?.next_refresh_available_at;
    expect(next).toBeGreaterThan(h.sb.clock.now());
    const since = await logLength();
    const res = await h.call('freelancer', 'POST', `/accounts/${id}/balance-refresh`);
    expect(res.status).toBe(429);
    expect(res.body.error).toMatchObject({ code: 'refresh_not_available', retryAt: next });
    expect(await fcMutations(id, since)).toEqual([]);
  });

  it('after the cooldown: starts a refresh (pending), refuses a second one while pending, then succeeds', async () => {
    const id = maya['Everyday Checking'] ?? '';
    const before = await fcAccount('freelancer', id);
    h.sb.clock.advance((before.balance_refresh?.next_refresh_available_at ?? 0) - h.sb.clock.now());
    const started = await h.call('freelancer', 'POST', `/accounts/${id}/balance-refresh`);
    expect(started.status).toBe(202);
    expect(started.body.balanceRefresh).toEqual({
      status: 'pending',
      lastAttemptedAt: h.sb.clock.now(),
      nextRefreshAvailableAt: null,
    });

    const since = await logLength();
    const again = await h.call('freelancer', 'POST', `/accounts/${id}/balance-refresh`);
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('refresh_not_available');
    expect(again.body.error.retryAt).toBeUndefined();
    expect(await fcMutations(id, since)).toEqual([]);

    h.sb.clock.advance(5);
    const done = await h.call('freelancer', 'GET', `/accounts/${id}`);
    expect(done.body.balanceRefresh.status).toBe('succeeded');
    expect(done.body.balanceRefresh.nextRefreshAvailableAt).toBeGreaterThan(h.sb.clock.now());
    expect(done.body.balance.asOf).toBeGreaterThan(before.balance?.as_of ?? Infinity);
  });

  it('a refresh the bank fails is reported as failed and keeps the last known balance', async () => {
    const id = maya['High-Yield Savings'] ?? '';
    const before = await fcAccount('freelancer', id);
    h.sb.clock.advance(120);
    await control(
      h,
      `/_sandbox/financial_connections/accounts/${id}/next_refresh`,
      { feature: 'balance', outcome: 'failed' },
      h.personas.freelancer.accountId,
    );
    expect((await h.call('freelancer', 'POST', `/accounts/${id}/balance-refresh`)).status).toBe(
      202,
    );
    h.sb.clock.advance(5);
    const res = await h.call('freelancer', 'GET', `/accounts/${id}`);
    expect(res.body.balanceRefresh.status).toBe('failed');
    expect(res.body.balance.asOf).toBe(before.balance?.as_of);
  });

  it('an inactive account: 409 account_inactive, no refresh sent to Stripe', async () => {
    const account = h.personas.short_of_funds.accountId;
    await control(
      h,
      `/_sandbox/financial_connections/accounts/${samChecking}/status`,
      { status: 'inactive' },
      account,
    );
    try {
      h.sb.clock.advance(120);
      const since = await logLength();
      const res = await h.call(
        'short_of_funds',
        'POST',
        `/accounts/${samChecking}/balance-refresh`,
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('account_inactive');
      const view = await h.call('short_of_funds', 'GET', `/accounts/${samChecking}`);
      expect(view.body.status).toBe('inactive');
      const subscribe = await h.call(
        'short_of_funds',
        'PUT',
        `/accounts/${samChecking}/transactions-subscription`,
      );
      expect(subscribe.status).toBe(409);
      expect(subscribe.body.error.code).toBe('account_inactive');
      expect(await fcMutations(samChecking, since)).toEqual([]);
    } finally {
      await control(
        h,
        `/_sandbox/financial_connections/accounts/${samChecking}/status`,
        { status: 'active' },
        account,
      );
    }
  });

  it('an account linked by a router configured without `balances`: 403 permission_missing', async () => {
    const restricted = await h.addRouter({
      permissions: ['transactions', 'payment_method'],
      prefetch: ['transactions'],
    });
    const [id = ''] = await linkForNewUser(restricted.call, 'fcinst_thinfunds', ['checking']);
    const session = (
      await h.stripe.financialConnections.accounts.retrieve(
        id,
        {},
        { stripeAccount: h.personas.new_user.accountId },
      )
    ).permissions;
    expect(session).not.toContain('balances');
    const since = await logLength();
    const res = await h.call('new_user', 'POST', `/accounts/${id}/balance-refresh`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('permission_missing');
    expect(await fcMutations(id, since)).toEqual([]);
    const view = await h.call('new_user', 'GET', `/accounts/${id}`);
    expect(view.body.permissions).toEqual(['transactions', 'payment_method']);
    expect(view.body.balance).toBeNull();
  });
});

describe('transactions', () => {
  const checking = (): string => maya['Everyday Checking'] ?? '';

  it('lists normalised transactions, newest first', async () => {
    const res = await h.call('freelancer', 'GET', `/accounts/${checking()}/transactions?limit=20`);
    expect(res.status).toBe(200);
    const data = res.body.data as { transactedAt: number; status: string; amount: number }[];
    expect(data).toHaveLength(20);
    for (const t of data) {
      expect(Object.keys(t).sort()).toEqual(TRANSACTION_KEYS);
      expect(['pending', 'posted', 'void']).toContain(t.status);
      expect(Number.isInteger(t.amount)).toBe(true);
    }
    const times = data.map((t) => t.transactedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(res.body.hasMore).toBe(true);
  });

  it('pages with cursor and limit without gaps or repeats', async () => {
    const path = `/accounts/${checking()}/transactions`;
    const all = await h.call('freelancer', 'GET', `${path}?limit=10`);
    const first = await h.call('freelancer', 'GET', `${path}?limit=4`);
    expect(first.body.nextCursor).toBe(first.body.data[3].id);
    const second = await h.call(
      'freelancer',
      'GET',
      `${path}?limit=6&cursor=${String(first.body.nextCursor)}`,
    );
    const ids = (page: { body: { data: { id: string }[] } }) => page.body.data.map((t) => t.id);
    expect([...ids(first), ...ids(second)]).toEqual(ids(all));
  });

  it('the last page has no next cursor', async () => {
    const res = await h.call('freelancer', 'GET', `/accounts/${checking()}/transactions?limit=100`);
    let page = res;
    while (page.body.hasMore) {
      page = await h.call(
        'freelancer',
        'GET',
        `/accounts/${checking()}/transactions?limit=100&cursor=${String(page.body.nextCursor)}`,
      );
    }
    expect(page.body.nextCursor).toBeNull();
  });

  it('filters by from (inclusive) and to (exclusive)', async () => {
    const path = `/accounts/${checking()}/transactions`;
    const all = (await h.call('freelancer', 'GET', `${path}?limit=100`)).body.data as {
      id: string;
      transactedAt: number;
    }[];
    const from = all[30]?.transactedAt ?? 0;
    const to = all[10]?.transactedAt ?? 0;
    const res = await h.call('freelancer', 'GET', `${path}?limit=100&from=${from}&to=${to}`);
    const expected = all.filter((t) => t.transactedAt >= from && t.transactedAt < to);
    expect(expected.length).toBeGreaterThan(5);
    expect((res.body.data as { id: string }[]).map((t) => t.id)).toEqual(expected.map((t) => t.id));
  });

  it('a refresh starts (pending), finishes, and `after` returns only what it created or changed', async () => {
    const id = checking();
    const before = await h.call('freelancer', 'GET', `/accounts/${id}`);
    const oldRefresh = before.body.transactionRefresh.id as string;
    expect(oldRefresh).toMatch(/^fctxnref_/);
    h.sb.clock.advance(3 * 86_400); // new transactions happen, pending ones post
    const since = await logLength();
    const started = await h.call('freelancer', 'POST', `/accounts/${id}/transactions-refresh`);
    expect(started.status).toBe(202);
    expect(started.body.transactionRefresh.status).toBe('pending');
    expect(await fcMutations(id, since)).toEqual([
      `POST /v1/financial_connections/accounts/${id}/refresh`,
    ]);
    h.sb.clock.advance(5);
    const after = await h.call('freelancer', 'GET', `/accounts/${id}`);
    const newRefresh = after.body.transactionRefresh as { id: string; status: string };
    expect(newRefresh.status).toBe('succeeded');
    expect(newRefresh.id).not.toBe(oldRefresh);

    const changed = await h.call(
      'freelancer',
      'GET',
      `/accounts/${id}/transactions?limit=100&after=${oldRefresh}`,
    );
    expect(changed.status).toBe(200);
    const data = changed.body.data as { updated: number }[];
    expect(data.length).toBeGreaterThan(0);
    const all = await h.call('freelancer', 'GET', `/accounts/${id}/transactions?limit=100`);
    expect(data.length).toBeLessThan((all.body.data as unknown[]).length);
    for (const t of data)
      expect(t.updated).toBeGreaterThanOrEqual(after.body.transactionRefresh.lastAttemptedAt);

    const nothingNew = await h.call(
      'freelancer',
      'GET',
      `/accounts/${id}/transactions?after=${newRefresh.id}`,
    );
    expect(nothingNew.body).toEqual({ data: [], hasMore: false, nextCursor: null });
  });

  it('an unknown cursor or refresh id is 404 resource_missing, not a server error', async () => {
    for (const query of ['cursor=fctxn_doesnotexist0', 'after=fctxnref_doesnotexist0']) {
      const res = await h.call(
        'freelancer',
        'GET',
        `/accounts/${checking()}/transactions?${query}`,
      );
      expect(res.status, query).toBe(404);
      expect(res.body.error.code).toBe('resource_missing');
      expect(JSON.stringify(res.body)).not.toContain('doesnotexist');
    }
  });
});

describe('transactions subscription', () => {
  it('PUT subscribes (once), DELETE unsubscribes (once)', async () => {
    const id = maya['High-Yield Savings'] ?? '';
    h.sb.clock.advance(120);
    let since = await logLength();
    const on = await h.call('freelancer', 'PUT', `/accounts/${id}/transactions-subscription`);
    expect(on.status).toBe(200);
    expect(on.body.subscriptions).toEqual(['transactions']);
    expect((await fcAccount('freelancer', id)).subscriptions).toEqual(['transactions']);
    const again = await h.call('freelancer', 'PUT', `/accounts/${id}/transactions-subscription`);
    expect(again.body.subscriptions).toEqual(['transactions']);
    expect(await fcMutations(id, since)).toEqual([
      `POST /v1/financial_connections/accounts/${id}/subscribe`,
    ]);

    since = await logLength();
    const off = await h.call('freelancer', 'DELETE', `/accounts/${id}/transactions-subscription`);
    expect(off.status).toBe(200);
    expect(off.body.subscriptions).toEqual([]);
    expect((await fcAccount('freelancer', id)).subscriptions).toEqual([]);
    await h.call('freelancer', 'DELETE', `/accounts/${id}/transactions-subscription`);
    expect(await fcMutations(id, since)).toEqual([
      `POST /v1/financial_connections/accounts/${id}/unsubscribe`,
    ]);
  });
});

describe('disconnecting', () => {
  let id: string;
  beforeAll(async () => {
    const ids = await linkForNewUser(h.call, 'fcinst_stripebank', ['checking']);
    id = ids[0] ?? '';
  });

  it('disconnects at Stripe, drops the balance, and stops offering the bank as a top-up source', async () => {
    const sourcesBefore = await h.call('new_user', 'GET', '/top-up-sources');
    expect(
      (sourcesBefore.body.data as { linkedAccountId: string }[]).map((s) => s.linkedAccountId),
    ).toContain(id);
    const res = await h.call('new_user', 'POST', `/accounts/${id}/disconnect`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'disconnected',
      balance: null,
      canFundTopUps: false,
    });
    const stripeAccount: Stripe.FinancialConnections.Account = await fcAccount('new_user', id);
    expect(stripeAccount.status).toBe('disconnected');
    const sourcesAfter = await h.call('new_user', 'GET', '/top-up-sources');
    expect(
      (sourcesAfter.body.data as { linkedAccountId: string }[]).map((s) => s.linkedAccountId),
    ).not.toContain(id);
  });

  it('disconnecting again is a no-op answered 200, with no second call to Stripe', async () => {
    const since = await logLength();
    const res = await h.call('new_user', 'POST', `/accounts/${id}/disconnect`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('disconnected');
    expect(await fcMutations(id, since)).toEqual([]);
  });

  it('a disconnected account: 409 account_disconnected for refreshes and subscribing, nothing sent', async () => {
    h.sb.clock.advance(120);
    const since = await logLength();
    for (const [method, path] of [
      ['POST', 'balance-refresh'],
      ['POST', 'transactions-refresh'],
      ['PUT', 'transactions-subscription'],
    ] as const) {
      const res = await h.call('new_user', method, `/accounts/${id}/${path}`);
      expect(res.status, path).toBe(409);
      expect(res.body.error.code, path).toBe('account_disconnected');
    }
    expect(await fcMutations(id, since)).toEqual([]);
  });
});
