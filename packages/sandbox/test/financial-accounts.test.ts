/**
 * Treasury FinancialAccounts (features, ABA activation, the three-open-accounts limit, the close
 * rules), ReceivedCredits and ReceivedDebits from the test helpers, and Treasury Transactions.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import {
  connectedAccount,
  financialAccount,
  DAY,
  stripeError,
  treasuryUser,
  TUESDAY,
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

type FA = Stripe.Treasury.FinancialAccount;

function retrieve(account: string, id: string, expand?: string[]): Promise<FA> {
  return stripe.treasury.financialAccounts.retrieve(id, expand ? { expand } : {}, {
    stripeAccount: account,
  });
}

function credit(
  account: string,
  fa: string,
  amount: number,
): Promise<Stripe.Treasury.ReceivedCredit> {
  return stripe.testHelpers.treasury.receivedCredits.create(
    { amount, currency: 'usd', financial_account: fa, network: 'ach', description: 'Funding' },
    { stripeAccount: account },
  );
}

function debit(
  account: string,
  fa: string,
  amount: number,
): Promise<Stripe.Treasury.ReceivedDebit> {
  return stripe.testHelpers.treasury.receivedDebits.create(
    { amount, currency: 'usd', financial_account: fa, network: 'ach' },
    { stripeAccount: account },
  );
}

describe('creating and reading', () => {
  it('creates an open account: inbound transfers active at once, ABA pending without an address', async () => {
    const account = await connectedAccount(stripe, 'ABA Co');
    const fa = await financialAccount(stripe, account, { aba: true });
    expect(fa.id).toMatch(/^fa_/);
    expect(fa).toMatchObject({
      object: 'treasury.financial_account',
      status: 'open',
      country: 'US',
      supported_currencies: ['usd'],
      active_features: ['inbound_transfers.ach'],
      pending_features: ['financial_addresses.aba'],
      restricted_features: [],
      financial_addresses: [],
      balance: { cash: { usd: 0 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } },
      is_default: true,
      status_details: { closed: null },
    });
    const created = await stripe.events.list(
      { type: 'treasury.financial_account.created' },
      { stripeAccount: account },
    );
    expect(created.data).toHaveLength(1);
  });

  it('activates the ABA address 60 seconds later, with the account number only on expand', async () => {
    const account = await connectedAccount(stripe, 'Activation Co');
    const fa = await financialAccount(stripe, account, { aba: true });
    sb.clock.advance(59);
    expect((await retrieve(account, fa.id)).pending_features).toEqual(['financial_addresses.aba']);
    sb.clock.advance(1);
    const active = await retrieve(account, fa.id);
    expect(active.active_features).toEqual(['financial_addresses.aba', 'inbound_transfers.ach']);
    expect(active.pending_features).toEqual([]);
    expect(active.financial_addresses).toHaveLength(1);
    const address = active.financial_addresses[0];
    expect(address).toMatchObject({
      type: 'aba',
      supported_networks: ['ach', 'us_domestic_wire'],
      aba: {
        account_holder_name: 'Activation Co',
        routing_number: expect.stringMatching(/^\d{9}$/) as unknown,
      },
    });
    expect(address?.aba?.account_number).toBeUndefined();

    const expanded = await retrieve(account, fa.id, ['financial_addresses.aba.account_number']);
    const number = expanded.financial_addresses[0]?.aba?.account_number ?? '';
    expect(number).toMatch(/^\d{12}$/);
    expect(number.endsWith(address?.aba?.account_number_last4 ?? '-')).toBe(true);

    const updated = await stripe.events.list(
      { type: 'treasury.financial_account.features_status_updated' },
      { stripeAccount: account },
    );
    expect(updated.data).toHaveLength(1);
  });

  it('returns the features object and expands it on the account', async () => {
    const account = await connectedAccount(stripe);
    const fa = await financialAccount(stripe, account);
    const features = await stripe.treasury.financialAccounts.retrieveFeatures(
      fa.id,
      {},
      { stripeAccount: account },
    );
    expect(features).toMatchObject({
      object: 'treasury.financial_account_features',
      inbound_transfers: { ach: { requested: true, status: 'active', status_details: [] } },
    });
    const expanded = await retrieve(account, fa.id, ['features']);
    expect(expanded.features).toMatchObject({ object: 'treasury.financial_account_features' });
  });

  it('restricts a feature whose capability the account lacks, and says why', async () => {
    const account = await connectedAccount(stripe);
    const fa = await financialAccount(stripe, account);
    const features = await stripe.treasury.financialAccounts.updateFeatures(
      fa.id,
      { card_issuing: { requested: true } },
      { stripeAccount: account },
    );
    expect(features.card_issuing).toEqual({
      requested: true,
      status: 'restricted',
      status_details: [{ code: 'capability_not_requested', resolution: 'provide_information' }],
    });
    const after = await retrieve(account, fa.id);
    expect(after.restricted_features).toEqual(['card_issuing']);
    const events = await stripe.events.list(
      { type: 'treasury.financial_account.features_status_updated' },
      { stripeAccount: account },
    );
    expect(events.data).toHaveLength(1);
    const off = await stripe.treasury.financialAccounts.updateFeatures(
      fa.id,
      { card_issuing: { requested: false } },
      { stripeAccount: account },
    );
    expect(off.card_issuing).toBeUndefined();
  });

  it('refuses to create a financial account without the treasury capability', async () => {
    const account = await stripe.accounts.create({ type: 'custom' });
    const error = await stripeError(
      stripe.treasury.financialAccounts.create(
        { supported_currencies: ['usd'] },
        { stripeAccount: account.id },
      ),
    );
    expect(error).toMatchObject({ statusCode: 400, code: undefined });
    expect(error.message).toContain('`treasury` capability');
  });

  it('refuses currencies other than usd', async () => {
    const account = await connectedAccount(stripe);
    const error = await stripeError(
      stripe.treasury.financialAccounts.create(
        { supported_currencies: ['eur'] },
        { stripeAccount: account },
      ),
    );
    expect(error).toMatchObject({ statusCode: 400, param: 'supported_currencies' });
  });

  it('updates nickname, metadata and platform restrictions', async () => {
    const account = await connectedAccount(stripe);
    const fa = await financialAccount(stripe, account);
    const updated = await stripe.treasury.financialAccounts.update(
      fa.id,
      {
        nickname: 'Rainy day',
        metadata: { owner: 'me' },
        platform_restrictions: { outbound_flows: 'restricted' },
      },
      { stripeAccount: account },
    );
    expect(updated).toMatchObject({
      nickname: 'Rainy day',
      metadata: { owner: 'me' },
      platform_restrictions: { inbound_flows: 'unrestricted', outbound_flows: 'restricted' },
    });
    const cleared = await stripe.treasury.financialAccounts.update(
      fa.id,
      { nickname: '' },
      { stripeAccount: account },
    );
    expect(cleared.nickname).toBeNull();
  });

  it('lists financial accounts with a status filter and answers 404 across accounts', async () => {
    const account = await connectedAccount(stripe);
    const a = await financialAccount(stripe, account);
    const b = await financialAccount(stripe, account);
    await stripe.treasury.financialAccounts.close(b.id, {}, { stripeAccount: account });
    const open = await stripe.treasury.financialAccounts.list(
      { status: 'open' },
      { stripeAccount: account },
    );
    expect(open.data.map((f) => f.id)).toEqual([a.id]);
    const closed = await stripe.treasury.financialAccounts.list(
      { status: 'closed' },
      { stripeAccount: account },
    );
    expect(closed.data.map((f) => f.id)).toEqual([b.id]);
    const error = await stripeError(stripe.treasury.financialAccounts.retrieve(a.id));
    // The object in the URL path: 404 with Stripe's `param: 'id'`.
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });
});

describe('the three-open-accounts limit', () => {
  it('refuses a fourth open financial account until one is closed', async () => {
    const account = await connectedAccount(stripe, 'Limit Co');
    const first = await financialAccount(stripe, account);
    await financialAccount(stripe, account);
    const third = await financialAccount(stripe, account);
    expect(first.is_default).toBe(true);
    expect(third.is_default).toBe(false);
    const error = await stripeError(financialAccount(stripe, account));
    expect(error).toMatchObject({ statusCode: 400, code: undefined });
    expect(error.message).toContain('3 open FinancialAccounts');
    await stripe.treasury.financialAccounts.close(third.id, {}, { stripeAccount: account });
    const replacement = await financialAccount(stripe, account);
    expect(replacement.status).toBe('open');
  });
});

describe('closing', () => {
  it('refuses to close an account with a non-zero balance', async () => {
    const user = await treasuryUser(stripe);
    await credit(user.account, user.fa, 5_000);
    const error = await stripeError(
      stripe.treasury.financialAccounts.close(user.fa, {}, { stripeAccount: user.account }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: undefined });
    expect(error.message).toContain('zero balance');
  });

  it('refuses to close an account with a pending inbound transfer', async () => {
    const user = await treasuryUser(stripe);
    const ibt = await stripe.treasury.inboundTransfers.create(
      {
        amount: 1_000,
        currency: 'usd',
        financial_account: user.fa,
        origin_payment_method: 'pm_usBankAccount_processing',
      },
      { stripeAccount: user.account },
    );
    const error = await stripeError(
      stripe.treasury.financialAccounts.close(user.fa, {}, { stripeAccount: user.account }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: undefined });
    expect(error.message).toContain('pending InboundTransfers');
    await stripe.treasury.inboundTransfers.cancel(ibt.id, {}, { stripeAccount: user.account });
    const closed = await stripe.treasury.financialAccounts.close(
      user.fa,
      {},
      { stripeAccount: user.account },
    );
    expect(closed.status).toBe('closed');
  });

  it('closes an empty account: reasons, restricted features, an event, and no further changes', async () => {
    const user = await treasuryUser(stripe);
    await credit(user.account, user.fa, 2_000);
    await debit(user.account, user.fa, 2_000);
    // Seed 001: a zero balance is not enough while there was activity in the last 75 days.
    const recent = await stripeError(
      stripe.treasury.financialAccounts.close(user.fa, {}, { stripeAccount: user.account }),
    );
    expect(recent).toMatchObject({ statusCode: 400, code: undefined });
    expect(recent.message).toContain('75 days');
    sb.clock.advance(75 * DAY + 60);
    const closed = await stripe.treasury.financialAccounts.close(
      user.fa,
      {},
      { stripeAccount: user.account },
    );
    expect(closed).toMatchObject({
      status: 'closed',
      status_details: { closed: { reasons: ['closed_by_platform'] } },
      active_features: [],
      restricted_features: ['inbound_transfers.ach'],
    });
    const features = await stripe.treasury.financialAccounts.retrieveFeatures(
      user.fa,
      {},
      { stripeAccount: user.account },
    );
    expect(features.inbound_transfers?.ach?.status_details).toEqual([
      { code: 'financial_account_closed', resolution: null },
    ]);
    const events = await stripe.events.list(
      { type: 'treasury.financial_account.closed' },
      { stripeAccount: user.account },
    );
    expect(events.data).toHaveLength(1);

    const opts = { stripeAccount: user.account };
    const again = await stripeError(stripe.treasury.financialAccounts.close(user.fa, {}, opts));
    expect(again).toMatchObject({ statusCode: 400, code: 'status_transition_invalid' });
    const update = await stripeError(
      stripe.treasury.financialAccounts.update(user.fa, { metadata: { a: 'b' } }, opts),
    );
    expect(update).toMatchObject({ statusCode: 400, code: undefined });
    expect(update.message).toContain('closed');
    const featureChange = await stripeError(
      stripe.treasury.financialAccounts.updateFeatures(
        user.fa,
        { intra_stripe_flows: { requested: true } },
        opts,
      ),
    );
    expect(featureChange).toMatchObject({ statusCode: 400, code: undefined });
    const transfer = await stripeError(
      stripe.treasury.inboundTransfers.create(
        {
          amount: 100,
          currency: 'usd',
          financial_account: user.fa,
          origin_payment_method: 'pm_usBankAccount',
        },
        opts,
      ),
    );
    expect(transfer).toMatchObject({
      statusCode: 400,
      code: undefined,
      param: 'financial_account',
    });
    const money = await stripeError(credit(user.account, user.fa, 100));
    expect(money).toMatchObject({ statusCode: 400, code: undefined });
    expect(money.message).toContain('closed');
  });

  it('closes an active account at once when forwarding_settings say where later money goes', async () => {
    const user = await treasuryUser(stripe);
    const opts = { stripeAccount: user.account };
    const other = await financialAccount(stripe, user.account);
    await credit(user.account, user.fa, 700);
    await debit(user.account, user.fa, 700);
    const unknown = await stripeError(
      stripe.treasury.financialAccounts.close(
        user.fa,
        { forwarding_settings: { type: 'financial_account', financial_account: 'fa_missing' } },
        opts,
      ),
    );
    expect(unknown).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'forwarding_settings[financial_account]',
    });
    const closed = await stripe.treasury.financialAccounts.close(
      user.fa,
      { forwarding_settings: { type: 'financial_account', financial_account: other.id } },
      opts,
    );
    expect(closed.status).toBe('closed');
  });
});

describe('nickname', () => {
  it('takes a non-empty nickname of fewer than 250 characters (seed 001)', async () => {
    const account = await connectedAccount(stripe);
    const opts = { stripeAccount: account };
    const fa = await financialAccount(stripe, account);
    const longest = await stripe.treasury.financialAccounts.update(
      fa.id,
      { nickname: 'n'.repeat(249) },
      opts,
    );
    expect(longest.nickname).toHaveLength(249);
    const tooLong = await stripeError(
      stripe.treasury.financialAccounts.update(fa.id, { nickname: 'n'.repeat(250) }, opts),
    );
    expect(tooLong).toMatchObject({ statusCode: 400, param: 'nickname' });
    const blank = await stripeError(
      stripe.treasury.financialAccounts.update(fa.id, { nickname: '   ' }, opts),
    );
    expect(blank).toMatchObject({ statusCode: 400, param: 'nickname' });
  });
});

describe('outbound features', () => {
  it('never activates outbound transfers or payments, which the sandbox does not simulate', async () => {
    const account = await connectedAccount(stripe);
    const fa = await stripe.treasury.financialAccounts.create(
      {
        supported_currencies: ['usd'],
        features: {
          inbound_transfers: { ach: { requested: true } },
          outbound_transfers: { ach: { requested: true } },
          outbound_payments: { ach: { requested: true } },
        },
      },
      { stripeAccount: account },
    );
    expect(fa.active_features).toEqual(['inbound_transfers.ach']);
    expect(fa.restricted_features).toEqual(
      expect.arrayContaining(['outbound_transfers.ach', 'outbound_payments.ach']),
    );
    const features = await stripe.treasury.financialAccounts.retrieveFeatures(
      fa.id,
      {},
      { stripeAccount: account },
    );
    expect(features.outbound_transfers?.ach).toMatchObject({
      requested: true,
      status: 'restricted',
      status_details: [{ code: 'restricted_other', resolution: 'contact_stripe' }],
    });
  });
});

describe('received credits and debits', () => {
  it('credits an account: a succeeded ReceivedCredit, a transaction, events, the balance up', async () => {
    const user = await treasuryUser(stripe);
    const rc = await credit(user.account, user.fa, 12_500);
    expect(rc.id).toMatch(/^rc_/);
    expect(rc).toMatchObject({
      object: 'treasury.received_credit',
      amount: 12_500,
      status: 'succeeded',
      network: 'ach',
      financial_account: user.fa,
      failure_code: null,
    });
    const fa = await retrieve(user.account, user.fa);
    expect(fa.balance.cash.usd).toBe(12_500);
    const fetched = await stripe.treasury.receivedCredits.retrieve(
      rc.id,
      { expand: ['transaction'] },
      { stripeAccount: user.account },
    );
    expect(fetched.transaction).toMatchObject({
      object: 'treasury.transaction',
      amount: 12_500,
      flow_type: 'received_credit',
      flow: rc.id,
    });
    const list = await stripe.treasury.receivedCredits.list(
      { financial_account: user.fa, status: 'succeeded' },
      { stripeAccount: user.account },
    );
    expect(list.data.map((r) => r.id)).toEqual([rc.id]);
    const events = await stripe.events.list(
      { types: ['treasury.received_credit.*'] },
      { stripeAccount: user.account },
    );
    expect(events.data.map((e) => e.type)).toEqual([
      'treasury.received_credit.succeeded',
      'treasury.received_credit.created',
    ]);
  });

  it('debits a covered amount and fails an uncovered one with insufficient_funds', async () => {
    const user = await treasuryUser(stripe);
    await credit(user.account, user.fa, 3_000);
    const covered = await debit(user.account, user.fa, 1_000);
    expect(covered).toMatchObject({ status: 'succeeded', failure_code: null });
    expect(covered.transaction).toMatch(/^trxn_/);
    const uncovered = await debit(user.account, user.fa, 5_000);
    expect(uncovered).toMatchObject({
      status: 'failed',
      failure_code: 'insufficient_funds',
      transaction: null,
    });
    expect((await retrieve(user.account, user.fa)).balance.cash.usd).toBe(2_000);
    const failed = await stripe.treasury.receivedDebits.list(
      { financial_account: user.fa, status: 'failed' },
      { stripeAccount: user.account },
    );
    expect(failed.data.map((d) => d.id)).toEqual([uncovered.id]);
  });

  it('refuses currencies other than usd and unknown financial accounts', async () => {
    const user = await treasuryUser(stripe);
    const eur = await stripeError(
      stripe.testHelpers.treasury.receivedCredits.create(
        { amount: 100, currency: 'eur', financial_account: user.fa, network: 'ach' },
        { stripeAccount: user.account },
      ),
    );
    expect(eur).toMatchObject({ statusCode: 400, param: 'currency' });
    const unknown = await stripeError(debit(user.account, 'fa_missing', 100));
    // An object named in a parameter: 400 naming it.
    expect(unknown).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'financial_account',
    });
    expect(unknown.message).toBe("No such financial_account: 'fa_missing'");
  });
});

describe('treasury transactions', () => {
  it('lists an account’s transactions newest first, by created range and status, summing to its balance', async () => {
    const user = await treasuryUser(stripe);
    const start = sb.clock.advance(10);
    await credit(user.account, user.fa, 10_000);
    sb.clock.advance(10);
    await debit(user.account, user.fa, 2_500);
    sb.clock.advance(10);
    await credit(user.account, user.fa, 700);

    const opts = { stripeAccount: user.account };
    const all = await stripe.treasury.transactions.list({ financial_account: user.fa }, opts);
    expect(all.data.map((t) => t.amount)).toEqual([700, -2_500, 10_000]);
    expect(all.data.every((t) => t.id.startsWith('trxn_') && t.status === 'posted')).toBe(true);
    const sum = all.data.reduce((total, t) => total + t.balance_impact.cash, 0);
    expect((await retrieve(user.account, user.fa)).balance.cash.usd).toBe(sum);

    const later = await stripe.treasury.transactions.list(
      { financial_account: user.fa, created: { gt: start } },
      opts,
    );
    expect(later.data.map((t) => t.amount)).toEqual([700, -2_500]);
    const posted = await stripe.treasury.transactions.list(
      { financial_account: user.fa, status: 'posted', limit: 1 },
      opts,
    );
    expect(posted.has_more).toBe(true);
    const none = await stripe.treasury.transactions.list(
      { financial_account: user.fa, status: 'void' },
      opts,
    );
    expect(none.data).toEqual([]);

    const one = await stripe.treasury.transactions.retrieve(
      all.data[1]?.id ?? '',
      { expand: ['flow_details'] },
      opts,
    );
    expect(one.flow_details).toMatchObject({
      type: 'received_debit',
      received_debit: { object: 'treasury.received_debit', amount: 2_500 },
    });
  });

  it('requires financial_account to list and answers 404 for another account’s transaction', async () => {
    const user = await treasuryUser(stripe);
    await credit(user.account, user.fa, 100);
    const missing = await stripeError(
      stripe.treasury.transactions.list({} as Stripe.Treasury.TransactionListParams, {
        stripeAccount: user.account,
      }),
    );
    expect(missing).toMatchObject({ code: 'parameter_missing', param: 'financial_account' });
    const [transaction] = (
      await stripe.treasury.transactions.list(
        { financial_account: user.fa },
        { stripeAccount: user.account },
      )
    ).data;
    const error = await stripeError(stripe.treasury.transactions.retrieve(transaction?.id ?? ''));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
