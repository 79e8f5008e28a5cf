/**
 * Stripe's list objects and cursor pagination past 100 items, `limit` bounds, range filters on
 * `created` and `transacted_at`, and stripe-node's auto-pagination.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { connectedAccount, control, linkBank, raw, stripeError, TUESDAY } from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;
let account: string;
/** 105 customers, oldest first, created 10 virtual seconds apart. */
let customers: Stripe.Customer[];
const COUNT = 105;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
  account = await connectedAccount(stripe, 'Pager');
  customers = [];
  for (let i = 0; i < COUNT; i += 1) {
    customers.push(
      await stripe.customers.create({ name: `Customer ${String(i)}` }, { stripeAccount: account }),
    );
    sb.clock.advance(10);
  }
});

afterAll(async () => {
  await sb.close();
});

const newestFirst = (): string[] => customers.map((c) => c.id).reverse();

function list(params: Stripe.CustomerListParams): Promise<Stripe.ApiList<Stripe.Customer>> {
  return stripe.customers.list(params, { stripeAccount: account });
}

describe('cursor pagination', () => {
  it('returns a list object with url, newest first, 10 items by default', async () => {
    const page = await list({});
    expect(page.object).toBe('list');
    expect(page.url).toBe('/v1/customers');
    expect(page.has_more).toBe(true);
    expect(page.data.map((c) => c.id)).toEqual(newestFirst().slice(0, 10));
  });

  it('walks forward past 100 items with starting_after', async () => {
    const first = await list({ limit: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.has_more).toBe(true);
    const last = first.data.at(-1)?.id ?? '';
    const second = await list({ limit: 100, starting_after: last });
    expect(second.data).toHaveLength(5);
    expect(second.has_more).toBe(false);
    expect([...first.data, ...second.data].map((c) => c.id)).toEqual(newestFirst());
  });

  it('walks back with ending_before, returning the items just newer than the cursor', async () => {
    const ids = newestFirst();
    const cursor = ids[100] ?? '';
    const back = await list({ limit: 100, ending_before: cursor });
    expect(back.data.map((c) => c.id)).toEqual(ids.slice(0, 100));
    expect(back.has_more).toBe(false);

    const near = await list({ limit: 3, ending_before: cursor });
    expect(near.data.map((c) => c.id)).toEqual(ids.slice(97, 100));
    expect(near.has_more).toBe(true);

    const top = await list({ ending_before: ids[0] ?? '' });
    expect(top.data).toEqual([]);
    expect(top.has_more).toBe(false);
  });

  it('accepts limit 1 and 100 and rejects 0, 101 and non-integers with a 400 on limit', async () => {
    expect((await list({ limit: 1 })).data).toHaveLength(1);
    expect((await list({ limit: 100 })).data).toHaveLength(100);
    for (const limit of [0, 101]) {
      const error = await stripeError(list({ limit }));
      expect(error).toMatchObject({
        statusCode: 400,
        code: 'parameter_invalid_integer',
        param: 'limit',
      });
    }
    const response = await raw(sb, 'GET', '/v1/customers?limit=ten');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      param: 'limit',
      code: 'parameter_invalid_integer',
    });
  });

  it('refuses starting_after together with ending_before', async () => {
    const ids = newestFirst();
    const error = await stripeError(
      list({ starting_after: ids[5] ?? '', ending_before: ids[1] ?? '' }),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'parameters_exclusive' });
  });

  it('answers 400 for a cursor that names no object in the list', async () => {
    const error = await stripeError(list({ starting_after: 'cus_unknown' }));
    expect(error).toMatchObject({ statusCode: 400, param: 'starting_after' });
    const other = await stripe.customers.create({ name: 'Elsewhere' });
    const foreign = await stripeError(list({ ending_before: other.id }));
    expect(foreign).toMatchObject({ statusCode: 400, param: 'ending_before' });
  });

  it('auto-paginates with for await across pages', async () => {
    const seen: string[] = [];
    for await (const customer of stripe.customers.list({ limit: 40 }, { stripeAccount: account })) {
      seen.push(customer.id);
    }
    expect(seen).toEqual(newestFirst());
    const array = await stripe.customers
      .list({ limit: 100 }, { stripeAccount: account })
      .autoPagingToArray({ limit: 1000 });
    expect(array.map((c) => c.id)).toEqual(newestFirst());
  });
});

describe('created ranges', () => {
  it('filters with gt, gte, lt and lte', async () => {
    const t = customers[50]?.created ?? 0;
    const count = async (created: Stripe.RangeQueryParam | number): Promise<number> =>
      (await list({ created, limit: 100 })).data.length;
    expect(await count({ gte: t })).toBe(55);
    expect(await count({ gt: t })).toBe(54);
    expect(await count({ lt: t })).toBe(50);
    expect(await count({ lte: t })).toBe(51);
    expect(await count({ gt: t, lte: t + 30 })).toBe(3);
    expect(await count(t)).toBe(1);
    const exact = await list({ created: t });
    expect(exact.data[0]?.id).toBe(customers[50]?.id);
  });

  it('paginates inside a range', async () => {
    const t = customers[10]?.created ?? 0;
    const seen: string[] = [];
    for await (const c of stripe.customers.list(
      { created: { gte: t }, limit: 30 },
      { stripeAccount: account },
    ))
      seen.push(c.id);
    expect(seen).toEqual(newestFirst().slice(0, COUNT - 10));
  });

  it('rejects a range bound that is not an integer', async () => {
    const response = await raw(sb, 'GET', '/v1/customers?created[gte]=yesterday');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'created[gte]',
    });
  });
});

describe('FC transactions', () => {
  let holder: string;
  let fcAccount: string;
  let all: Stripe.FinancialConnections.Transaction[];

  beforeAll(async () => {
    holder = await connectedAccount(stripe, 'Ledger');
    const [fc] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    fcAccount = fc?.id ?? '';
    const generated = await control(
      sb,
      'POST',
      `/_sandbox/financial_connections/accounts/${fcAccount}/generate_transactions`,
      { count: 250, days: 30 },
      holder,
    );
    expect(generated.body).toEqual({ account: fcAccount, bank_transactions: 250 });
    await stripe.financialConnections.accounts.refresh(
      fcAccount,
      { features: ['transactions'] },
      { stripeAccount: holder },
    );
    sb.clock.advance(5);
    all = await stripe.financialConnections.transactions
      .list({ account: fcAccount, limit: 100 }, { stripeAccount: holder })
      .autoPagingToArray({ limit: 1000 });
  });

  it('lists all 250 in pages of 100, newest transacted_at first', async () => {
    expect(all).toHaveLength(250);
    const times = all.map((t) => t.transacted_at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const page1 = await stripe.financialConnections.transactions.list(
      { account: fcAccount, limit: 100 },
      { stripeAccount: holder },
    );
    const page3 = await stripe.financialConnections.transactions.list(
      { account: fcAccount, limit: 100, starting_after: all[199]?.id ?? '' },
      { stripeAccount: holder },
    );
    expect(page1.has_more).toBe(true);
    expect(page3.data).toHaveLength(50);
    expect(page3.has_more).toBe(false);
    expect(page3.url).toBe('/v1/financial_connections/transactions');
  });

  it('filters transacted_at with gt/gte/lt/lte', async () => {
    const pivot = all[120]?.transacted_at ?? 0;
    const fetch = async (
      transacted_at: Stripe.RangeQueryParam,
    ): Promise<Stripe.FinancialConnections.Transaction[]> =>
      stripe.financialConnections.transactions
        .list({ account: fcAccount, transacted_at, limit: 100 }, { stripeAccount: holder })
        .autoPagingToArray({ limit: 1000 });
    const gte = await fetch({ gte: pivot });
    const lt = await fetch({ lt: pivot });
    const gt = await fetch({ gt: pivot });
    const lte = await fetch({ lte: pivot });
    expect(gte.length + lt.length).toBe(250);
    expect(gt.length + lte.length).toBe(250);
    expect(gte.every((t) => t.transacted_at >= pivot)).toBe(true);
    expect(gt.every((t) => t.transacted_at > pivot)).toBe(true);
    expect(lt.every((t) => t.transacted_at < pivot)).toBe(true);
    expect(lte.every((t) => t.transacted_at <= pivot)).toBe(true);
    expect(gte.length).toBe(all.filter((t) => t.transacted_at >= pivot).length);
  });
});
