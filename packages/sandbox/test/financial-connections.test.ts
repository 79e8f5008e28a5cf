/**
 * Financial Connections: sessions, linked accounts, the asynchronous refresh lifecycle
 * (null → pending → succeeded | failed, with its cooldown), inactive and disconnected accounts,
 * the test banks' quirks, transactions with incremental `transaction_refresh[after]` listing,
 * daily subscriptions and account owners.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import {
  connectedAccount,
  control,
  DAY,
  linkBank,
  stripeError,
  TUESDAY,
  type LinkOptions,
} from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sb.close();
});

type Account = Stripe.FinancialConnections.Account;

/** A fresh connected account with one linked test account. */
async function linked(
  options: Omit<LinkOptions, 'account' | 'accounts'> & { accounts?: string[] },
): Promise<{ holder: string; fc: Account }> {
  const holder = await connectedAccount(stripe, 'Holder Co');
  const [fc] = await linkBank(sb, stripe, {
    account: holder,
    accounts: ['checking'],
    ...options,
  });
  if (!fc) throw new Error('nothing linked');
  return { holder, fc };
}

function retrieve(holder: string, id: string): Promise<Account> {
  return stripe.financialConnections.accounts.retrieve(id, {}, { stripeAccount: holder });
}

function refresh(
  holder: string,
  id: string,
  features: Stripe.FinancialConnections.AccountRefreshParams.Feature[],
): Promise<Account> {
  return stripe.financialConnections.accounts.refresh(id, { features }, { stripeAccount: holder });
}

async function eventsFor(holder: string, type: string, id: string): Promise<Stripe.Event[]> {
  const list = await stripe.events.list({ type, limit: 100 }, { stripeAccount: holder });
  return list.data.filter((e) => (e.data.object as { id: string }).id === id);
}

describe('sessions', () => {
  it('creates a session with a client secret, an empty accounts list and the US filter', async () => {
    const customer = await stripe.customers.create({ name: 'Session Holder' });
    const session = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances', 'payment_method'],
      filters: { account_subcategories: ['checking'] },
    });
    expect(session.id).toMatch(/^fcsess_/);
    expect(session.client_secret).toMatch(/^fcsess_client_secret_/);
    expect(session).toMatchObject({
      object: 'financial_connections.session',
      account_holder: { type: 'customer', customer: customer.id },
      accounts: { object: 'list', data: [], has_more: false },
      livemode: false,
      permissions: ['balances', 'payment_method'],
      prefetch: null,
      filters: { account_subcategories: ['checking'] },
    });
    const fetched = await stripe.financialConnections.sessions.retrieve(session.id);
    expect(fetched.client_secret).toBe(session.client_secret);
  });

  it('accepts an empty limits[accounts], Stripe’s way of allowing any number of accounts', async () => {
    const customer = await stripe.customers.create({ name: 'No limit' });
    const session = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances'],
      limits: { accounts: '' },
    });
    expect(session.limits).toBeUndefined();
    const limited = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances'],
      limits: { accounts: 1 },
    });
    expect(limited.limits).toEqual({ accounts: 1 });
    const tooMany = await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/sessions/${limited.id}/complete`,
      { institution: 'fcinst_stripebank', accounts: ['checking', 'savings'] },
    );
    expect(tooMany.status).toBe(400);
  });

  it('refuses a customer holder that does not exist, naming account_holder[customer]', async () => {
    const error = await stripeError(
      stripe.financialConnections.sessions.create({
        account_holder: { type: 'customer', customer: 'cus_missing' },
        permissions: ['balances'],
      }),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'account_holder[customer]',
    });
    expect(error.message).toBe("No such customer: 'cus_missing'");
  });

  it('refuses a customer on an account holder and a prefetch without its permission', async () => {
    const holder = await connectedAccount(stripe);
    const mixed = await stripeError(
      stripe.financialConnections.sessions.create({
        account_holder: { type: 'account', account: holder, customer: 'cus_x' },
        permissions: ['balances'],
      }),
    );
    expect(mixed).toMatchObject({ statusCode: 400, param: 'account_holder[customer]' });
    const prefetch = await stripeError(
      stripe.financialConnections.sessions.create({
        account_holder: { type: 'account', account: holder },
        permissions: ['balances'],
        prefetch: ['transactions'],
      }),
    );
    expect(prefetch).toMatchObject({ statusCode: 400, param: 'prefetch[0]' });
  });

  it('shows linked accounts on the session and refuses to complete it twice', async () => {
    const holder = await connectedAccount(stripe);
    const session = await stripe.financialConnections.sessions.create(
      {
        account_holder: { type: 'account', account: holder },
        permissions: ['balances', 'payment_method'],
      },
      { stripeAccount: holder },
    );
    const completed = await control<Stripe.FinancialConnections.Session>(
      sb,
      'POST',
      `/_sandbox/financial_connections/sessions/${session.id}/complete`,
      { institution: 'fcinst_stripebank', accounts: ['checking', 'credit_card'] },
      holder,
    );
    expect(completed.body.accounts.data.map((a) => a.subcategory)).toEqual([
      'checking',
      'credit_card',
    ]);
    const fetched = await stripe.financialConnections.sessions.retrieve(
      session.id,
      {},
      { stripeAccount: holder },
    );
    expect(fetched.accounts.data.map((a) => a.id)).toEqual(
      completed.body.accounts.data.map((a) => a.id),
    );
    const again = await control<{ error: { code: string } }>(
      sb,
      'POST',
      `/_sandbox/financial_connections/sessions/${session.id}/complete`,
      { institution: 'fcinst_stripebank', accounts: ['savings'] },
      holder,
    );
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('session_already_used');
  });

  it('expires a session an hour after it was created', async () => {
    const holder = await connectedAccount(stripe);
    const session = await stripe.financialConnections.sessions.create(
      { account_holder: { type: 'account', account: holder }, permissions: ['balances'] },
      { stripeAccount: holder },
    );
    sb.clock.advance(3601);
    const late = await control<{ error: { code: string } }>(
      sb,
      'POST',
      `/_sandbox/financial_connections/sessions/${session.id}/complete`,
      { institution: 'fcinst_stripebank', accounts: ['checking'] },
      holder,
    );
    expect(late.status).toBe(400);
    expect(late.body.error.code).toBe('session_expired');
  });

  it('answers 404 for a session of another account', async () => {
    const holder = await connectedAccount(stripe);
    const session = await stripe.financialConnections.sessions.create(
      { account_holder: { type: 'account', account: holder }, permissions: ['balances'] },
      { stripeAccount: holder },
    );
    const error = await stripeError(stripe.financialConnections.sessions.retrieve(session.id));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });
});

describe('listing and retrieving accounts', () => {
  it('lists by session, by account_holder[account] and by account_holder[customer]', async () => {
    const holder = await connectedAccount(stripe);
    const accounts = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking', 'savings'],
    });
    const ids = accounts.map((a) => a.id);
    const byHolder = await stripe.financialConnections.accounts.list(
      { account_holder: { account: holder } },
      { stripeAccount: holder },
    );
    expect(byHolder.data.map((a) => a.id).sort()).toEqual([...ids].sort());

    const customer = await stripe.customers.create({ name: 'Customer holder' });
    const session = await stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer: customer.id },
      permissions: ['balances'],
    });
    await control(sb, 'POST', `/_sandbox/financial_connections/sessions/${session.id}/complete`, {
      institution: 'fcinst_thinfunds',
      accounts: ['checking'],
    });
    const bySession = await stripe.financialConnections.accounts.list({ session: session.id });
    expect(bySession.data).toHaveLength(1);
    expect(bySession.data[0]).toMatchObject({
      institution_name: 'Thin Funds Credit Union',
      account_holder: { type: 'customer', customer: customer.id },
    });
    const byCustomer = await stripe.financialConnections.accounts.list({
      account_holder: { customer: customer.id },
    });
    expect(byCustomer.data.map((a) => a.id)).toEqual([bySession.data[0]?.id]);
  });

  it('refuses account_holder[account] together with account_holder[customer]', async () => {
    const error = await stripeError(
      stripe.financialConnections.accounts.list({
        account_holder: { account: 'acct_x', customer: 'cus_x' },
      }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
  });

  it('retrieves a linked account with StripeBank’s details and null refresh hashes', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const account = await retrieve(holder, fc.id);
    expect(account.id).toMatch(/^fca_/);
    expect(account).toMatchObject({
      object: 'financial_connections.account',
      institution_name: 'StripeBank',
      display_name: 'Everyday Checking',
      last4: '6789',
      category: 'cash',
      subcategory: 'checking',
      status: 'active',
      balance: null,
      balance_refresh: null,
      transaction_refresh: null,
      ownership_refresh: null,
      subscriptions: [],
      supported_payment_method_types: ['us_bank_account'],
    });
    const created = await eventsFor(holder, 'financial_connections.account.created', fc.id);
    expect(created).toHaveLength(1);
  });

  it('answers 404 for an unknown FC account in the path, 400 naming `account` in a parameter', async () => {
    const error = await stripeError(stripe.financialConnections.accounts.retrieve('fca_missing'));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
    expect(error.raw.request_log_url).toBe(
      `https://dashboard.stripe.com/test/logs/${error.requestId ?? ''}?t=${String(sb.clock.now())}`,
    );
    const listed = await stripeError(
      stripe.financialConnections.transactions.list({ account: 'fca_x' }),
    );
    expect(listed).toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'account' });
  });
});

describe('balance refresh lifecycle', () => {
  it('goes null → pending (no next_refresh_available_at) → succeeded with a balance and an event', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const now = sb.clock.now();
    const pending = await refresh(holder, fc.id, ['balance']);
    expect(pending.balance_refresh).toEqual({
      status: 'pending',
      last_attempted_at: now,
      next_refresh_available_at: null,
    });
    expect(pending.balance).toBeNull();

    sb.clock.advance(2);
    const done = await retrieve(holder, fc.id);
    expect(done.balance_refresh).toEqual({
      status: 'succeeded',
      last_attempted_at: now,
      next_refresh_available_at: now + 2 + 60,
    });
    expect(done.balance).toMatchObject({
      type: 'cash',
      current: { usd: expect.any(Number) as unknown },
      cash: { available: { usd: 4_218_37 } },
    });
    expect(done.balance?.as_of).toBeLessThanOrEqual(sb.clock.now());

    const events = await eventsFor(
      holder,
      'financial_connections.account.refreshed_balance',
      fc.id,
    );
    expect(events).toHaveLength(1);
    expect((events[0]?.data.object as Account).balance_refresh?.status).toBe('succeeded');
    expect(events[0]?.request?.id).toBeNull();
  });

  it('does not start a new refresh while one is pending or before next_refresh_available_at', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const first = await refresh(holder, fc.id, ['balance']);
    const duringPending = await refresh(holder, fc.id, ['balance']);
    expect(duringPending.balance_refresh).toEqual(first.balance_refresh);

    sb.clock.advance(2);
    const done = await retrieve(holder, fc.id);
    const nextAt = done.balance_refresh?.next_refresh_available_at ?? 0;
    sb.clock.advance(30);
    const inCooldown = await refresh(holder, fc.id, ['balance']);
    expect(inCooldown.balance_refresh).toEqual(done.balance_refresh);

    sb.clock.advance(nextAt - sb.clock.now());
    const again = await refresh(holder, fc.id, ['balance']);
    expect(again.balance_refresh).toEqual({
      status: 'pending',
      last_attempted_at: nextAt,
      next_refresh_available_at: null,
    });
    sb.clock.advance(2);
    const events = await eventsFor(
      holder,
      'financial_connections.account.refreshed_balance',
      fc.id,
    );
    expect(events).toHaveLength(2);
  });

  it('prefetches balances at link time', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['balances'],
    });
    expect(fc.balance_refresh?.status).toBe('pending');
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance_refresh?.status).toBe('succeeded');
    expect(account.balance?.cash?.available?.usd).toBe(4_218_37);
  });

  it('fails every refresh at the down bank, leaving balance null', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_downbank' });
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance_refresh?.status).toBe('failed');
    expect(account.balance_refresh?.next_refresh_available_at).toBeGreaterThan(sb.clock.now());
    expect(account.balance).toBeNull();
    const events = await eventsFor(
      holder,
      'financial_connections.account.refreshed_balance',
      fc.id,
    );
    expect((events[0]?.data.object as Account).balance_refresh?.status).toBe('failed');
  });

  it('fails refreshes at a bank taken down at run time, and succeeds again once it is up', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      accounts: ['savings'],
    });
    const down = await control(
      sb,
      'POST',
      '/_sandbox/financial_connections/institutions/fcinst_stripebank/status',
      { status: 'down' },
    );
    expect(down.body).toEqual({ id: 'fcinst_stripebank', status: 'down' });
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    expect((await retrieve(holder, fc.id)).balance_refresh?.status).toBe('failed');

    await control(
      sb,
      'POST',
      '/_sandbox/financial_connections/institutions/fcinst_stripebank/status',
      {
        status: 'up',
      },
    );
    sb.clock.advance(60);
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance_refresh?.status).toBe('succeeded');
    expect(account.balance?.cash?.available?.usd).toBeGreaterThan(0);
  });

  it('fails only the next refresh when told to with next_refresh', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const forced = await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc.id}/next_refresh`,
      { feature: 'balance', outcome: 'failed' },
      holder,
    );
    expect(forced.status).toBe(200);
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    expect((await retrieve(holder, fc.id)).balance_refresh?.status).toBe('failed');
    sb.clock.advance(60);
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    expect((await retrieve(holder, fc.id)).balance_refresh?.status).toBe('succeeded');
  });

  it('reports no balance at the bank that never shares one, though the refresh succeeds', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_quietbank' });
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance_refresh?.status).toBe('succeeded');
    expect(account.balance).toBeNull();
  });

  it('reports a current balance with available null for the current-only account', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_thinfunds',
      accounts: ['current_only'],
    });
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance?.type).toBe('cash');
    expect(account.balance?.cash?.available).toBeNull();
    expect(account.balance?.current.usd).toBeGreaterThan(0);
  });

  it('reports a credit card as a credit balance with used', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      accounts: ['credit_card'],
    });
    expect(fc.supported_payment_method_types).toEqual([]);
    await refresh(holder, fc.id, ['balance']);
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance).toMatchObject({
      type: 'credit',
      current: { usd: -1_284_16 },
      credit: { used: { usd: -1_284_16 } },
    });
  });

  it('refuses a refresh of a feature whose permission was not granted', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      permissions: ['payment_method'],
    });
    const error = await stripeError(refresh(holder, fc.id, ['balance']));
    expect(error).toMatchObject({ statusCode: 400, code: undefined, param: 'features[0]' });
    expect(error.message).toContain('`balances` permission');
  });

  it('refuses an empty or unknown features list', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const empty = await stripeError(refresh(holder, fc.id, []));
    expect(empty).toMatchObject({ statusCode: 400, param: 'features' });
    const unknown = await stripeError(refresh(holder, fc.id, ['balances']));
    // Stripe's error-code list has no code for a bad enum value: message and param only.
    expect(unknown).toMatchObject({ statusCode: 400, code: undefined, param: 'features[0]' });
  });
});

describe('inactive and disconnected accounts', () => {
  it('refuses refreshes on an inactive account, with next_refresh_available_at null, until reactivated', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['balances'],
    });
    sb.clock.advance(2);
    const inactive = await control<Account>(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc.id}/status`,
      { status: 'inactive' },
      holder,
    );
    expect(inactive.body.status).toBe('inactive');
    expect(inactive.body.balance_refresh?.next_refresh_available_at).toBeNull();
    expect(inactive.body.balance).not.toBeNull();

    const error = await stripeError(refresh(holder, fc.id, ['balance']));
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'financial_connections_account_inactive',
      param: 'features[0]',
    });
    const subscribe = await stripeError(
      stripe.financialConnections.accounts.subscribe(
        fc.id,
        { features: ['transactions'] },
        { stripeAccount: holder },
      ),
    );
    expect(subscribe.code).toBe('financial_connections_account_inactive');
    expect(
      await eventsFor(holder, 'financial_connections.account.deactivated', fc.id),
    ).toHaveLength(1);

    await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc.id}/status`,
      { status: 'active' },
      holder,
    );
    expect(
      await eventsFor(holder, 'financial_connections.account.reactivated', fc.id),
    ).toHaveLength(1);
    const restarted = await refresh(holder, fc.id, ['balance']);
    expect(restarted.balance_refresh?.status).toBe('pending');
  });

  it('fails a pending refresh when the account goes inactive', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    await refresh(holder, fc.id, ['balance']);
    await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc.id}/status`,
      { status: 'inactive' },
      holder,
    );
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.balance_refresh).toMatchObject({
      status: 'failed',
      next_refresh_available_at: null,
    });
  });

  it('disconnects: status disconnected, balance null, no more refreshes, an event', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['balances'],
    });
    sb.clock.advance(2);
    expect((await retrieve(holder, fc.id)).balance).not.toBeNull();
    const disconnected = await stripe.financialConnections.accounts.disconnect(
      fc.id,
      {},
      { stripeAccount: holder },
    );
    expect(disconnected.status).toBe('disconnected');
    expect(disconnected.balance).toBeNull();
    expect(disconnected.balance_refresh?.next_refresh_available_at).toBeNull();
    const error = await stripeError(refresh(holder, fc.id, ['balance']));
    expect(error.code).toBe('financial_connections_account_inactive');
    expect(error.message).toContain('disconnected');
    expect(
      await eventsFor(holder, 'financial_connections.account.disconnected', fc.id),
    ).toHaveLength(1);
    const statusChange = await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fc.id}/status`,
      { status: 'active' },
      holder,
    );
    expect(statusChange.status).toBe(400);
  });

  it('links a new account after a disconnect, while relinking an active one returns it', async () => {
    const holder = await connectedAccount(stripe);
    const [first] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    const [same] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    expect(same?.id).toBe(first?.id);
    await stripe.financialConnections.accounts.disconnect(
      first?.id ?? '',
      {},
      { stripeAccount: holder },
    );
    const [fresh] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    expect(fresh?.id).not.toBe(first?.id);
    expect(fresh?.status).toBe('active');
  });
});

describe('transactions', () => {
  it('lists the transactions a refresh revealed, each tagged with that refresh', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['transactions'],
    });
    expect(fc.transaction_refresh?.status).toBe('pending');
    expect(fc.transaction_refresh?.id).toMatch(/^fctxnref_/);
    // Before the first transaction refresh succeeds Stripe refuses, rather than listing none.
    const early = await stripeError(
      stripe.financialConnections.transactions.list({ account: fc.id }, { stripeAccount: holder }),
    );
    expect(early).toMatchObject({
      statusCode: 400,
      code: 'financial_connections_no_successful_transaction_refresh',
      param: 'account',
    });

    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    const refreshId = account.transaction_refresh?.id;
    expect(account.transaction_refresh?.status).toBe('succeeded');
    const all = await stripe.financialConnections.transactions
      .list({ account: fc.id, limit: 100 }, { stripeAccount: holder })
      .autoPagingToArray({ limit: 2000 });
    expect(all.length).toBeGreaterThan(100);
    const statuses = new Set(all.map((t) => t.status));
    expect([...statuses].every((s) => ['pending', 'posted', 'void'].includes(s))).toBe(true);
    expect(statuses.has('posted')).toBe(true);
    for (const t of all) {
      expect(t.id).toMatch(/^fctxn_/);
      expect(t.transaction_refresh).toBe(refreshId);
      expect(Number.isInteger(t.amount)).toBe(true);
      expect(t.transacted_at).toBeLessThanOrEqual(sb.clock.now());
      expect(t.transacted_at).toBeGreaterThanOrEqual(TUESDAY.getTime() / 1000 - 181 * DAY);
    }
    const one = await stripe.financialConnections.transactions.retrieve(
      all[0]?.id ?? '',
      {},
      { stripeAccount: holder },
    );
    expect(one).toEqual(expect.objectContaining({ id: all[0]?.id, account: fc.id }) as unknown);
    expect(
      await eventsFor(holder, 'financial_connections.account.refreshed_transactions', fc.id),
    ).toHaveLength(1);
  });

  it('returns only what a later refresh added or changed with transaction_refresh[after]', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['transactions'],
    });
    sb.clock.advance(2);
    const firstRefresh = (await retrieve(holder, fc.id)).transaction_refresh?.id ?? '';
    const before = await stripe.financialConnections.transactions
      .list({ account: fc.id, limit: 100 }, { stripeAccount: holder })
      .autoPagingToArray({ limit: 2000 });
    const pendingBefore = new Set(before.filter((t) => t.status === 'pending').map((t) => t.id));
    expect(pendingBefore.size).toBeGreaterThan(0);

    sb.clock.advance(3 * DAY);
    await refresh(holder, fc.id, ['transactions']);
    sb.clock.advance(2);
    const secondRefresh = (await retrieve(holder, fc.id)).transaction_refresh?.id ?? '';
    expect(secondRefresh).not.toBe(firstRefresh);

    const changed = await stripe.financialConnections.transactions
      .list(
        { account: fc.id, transaction_refresh: { after: firstRefresh }, limit: 100 },
        { stripeAccount: holder },
      )
      .autoPagingToArray({ limit: 2000 });
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((t) => t.transaction_refresh === secondRefresh)).toBe(true);
    const beforeIds = new Set(before.map((t) => t.id));
    const settled = changed.filter((t) => beforeIds.has(t.id));
    const added = changed.filter((t) => !beforeIds.has(t.id));
    expect(settled.length).toBeGreaterThan(0);
    expect(settled.every((t) => pendingBefore.has(t.id) && t.status !== 'pending')).toBe(true);
    expect(added.length).toBeGreaterThan(0);

    const nothingNew = await stripe.financialConnections.transactions.list(
      { account: fc.id, transaction_refresh: { after: secondRefresh } },
      { stripeAccount: holder },
    );
    expect(nothingNew.data).toEqual([]);
  });

  it('refuses listing for an account whose first transaction refresh failed', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_downbank' });
    await stripe.financialConnections.accounts.subscribe(
      fc.id,
      { features: ['transactions'] },
      { stripeAccount: holder },
    );
    sb.clock.advance(5);
    expect((await retrieve(holder, fc.id)).transaction_refresh?.status).toBe('failed');
    const error = await stripeError(
      stripe.financialConnections.transactions.list({ account: fc.id }, { stripeAccount: holder }),
    );
    expect(error.code).toBe('financial_connections_no_successful_transaction_refresh');
  });

  it('refuses listing without the transactions permission', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      permissions: ['balances', 'payment_method'],
    });
    const error = await stripeError(
      stripe.financialConnections.transactions.list({ account: fc.id }, { stripeAccount: holder }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: undefined, param: 'account' });
    expect(error.message).toContain('`transactions` permission');
  });

  it('refuses an unknown transaction_refresh[after] and requires account', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['transactions'],
    });
    sb.clock.advance(5);
    const unknown = await stripeError(
      stripe.financialConnections.transactions.list(
        { account: fc.id, transaction_refresh: { after: 'fctxnref_nope' } },
        { stripeAccount: holder },
      ),
    );
    expect(unknown).toMatchObject({ statusCode: 400, param: 'transaction_refresh[after]' });
    const missing = await stripeError(
      stripe.financialConnections.transactions.list(
        {} as Stripe.FinancialConnections.TransactionListParams,
        { stripeAccount: holder },
      ),
    );
    expect(missing).toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'account' });
  });

  it('answers 404 for an unknown transaction', async () => {
    const error = await stripeError(
      stripe.financialConnections.transactions.retrieve('fctxn_missing'),
    );
    expect(error).toMatchObject({ statusCode: 404, param: 'id' });
  });
});

describe('subscriptions', () => {
  it('refreshes transactions at once and then daily while subscribed, and stops when unsubscribed', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const subscribed = await stripe.financialConnections.accounts.subscribe(
      fc.id,
      { features: ['transactions'] },
      { stripeAccount: holder },
    );
    expect(subscribed.subscriptions).toEqual(['transactions']);
    expect(subscribed.transaction_refresh).toMatchObject({
      status: 'pending',
      next_refresh_available_at: null,
    });
    const count = async (): Promise<number> =>
      (await eventsFor(holder, 'financial_connections.account.refreshed_transactions', fc.id))
        .length;

    sb.clock.advance(2);
    expect(await count()).toBe(1);
    sb.clock.advance(DAY);
    expect(await count()).toBe(2);
    sb.clock.advance(DAY);
    expect(await count()).toBe(3);

    const unsubscribed = await stripe.financialConnections.accounts.unsubscribe(
      fc.id,
      { features: ['transactions'] },
      { stripeAccount: holder },
    );
    expect(unsubscribed.subscriptions).toEqual([]);
    sb.clock.advance(2 * DAY);
    expect(await count()).toBe(3);
  });

  it('refuses to subscribe to anything but transactions', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const error = await stripeError(
      stripe.financialConnections.accounts.subscribe(
        fc.id,
        { features: ['balance' as 'transactions'] },
        { stripeAccount: holder },
      ),
    );
    expect(error).toMatchObject({ statusCode: 400, code: undefined, param: 'features[0]' });
  });
});

describe('owners', () => {
  it('lists the owners of a refreshed ownership, named after the holder', async () => {
    const { holder, fc } = await linked({
      institution: 'fcinst_stripebank',
      prefetch: ['ownership'],
    });
    sb.clock.advance(2);
    const account = await retrieve(holder, fc.id);
    expect(account.ownership_refresh?.status).toBe('succeeded');
    const ownership = account.ownership as string;
    expect(ownership).toMatch(/^fcaowns_/);

    const owners = await stripe.financialConnections.accounts.listOwners(
      fc.id,
      { ownership },
      { stripeAccount: holder },
    );
    expect(owners.object).toBe('list');
    expect(owners.data).toHaveLength(1);
    expect(owners.data[0]).toMatchObject({
      object: 'financial_connections.account_owner',
      name: 'Holder Co',
      ownership,
    });

    const expanded = await stripe.financialConnections.accounts.retrieve(
      fc.id,
      { expand: ['ownership'] },
      { stripeAccount: holder },
    );
    expect(expanded.ownership).toMatchObject({
      id: ownership,
      object: 'financial_connections.account_ownership',
    });
  });

  it('requires ownership and answers 404 for one that belongs elsewhere', async () => {
    const { holder, fc } = await linked({ institution: 'fcinst_stripebank' });
    const missing = await stripeError(
      stripe.financialConnections.accounts.listOwners(
        fc.id,
        {} as Stripe.FinancialConnections.AccountListOwnersParams,
        { stripeAccount: holder },
      ),
    );
    expect(missing).toMatchObject({
      statusCode: 400,
      code: 'parameter_missing',
      param: 'ownership',
    });
    const unknown = await stripeError(
      stripe.financialConnections.accounts.listOwners(
        fc.id,
        { ownership: 'fcaowns_missing' },
        { stripeAccount: holder },
      ),
    );
    expect(unknown).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'ownership',
    });
  });
});
