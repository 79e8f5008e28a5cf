/**
 * The Stripe calls each read route costs, as the server README lists them: pinned here against
 * the sandbox's request log so the table cannot drift. Cold is the first read inside the
 * freshness window; warm is a repeat, which costs nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let account = '';
beforeAll(async () => {
  h = await startHarness({ router: { cacheTtlMs: 30_000 } });
});
afterAll(async () => {
  await h.close();
});

/** The Stripe requests `run` made, as `METHOD /path` with ids replaced. */
async function callsOf(run: () => Promise<unknown>): Promise<string[]> {
  const before = (await h.stripeRequests()).length;
  await run();
  return (await h.stripeRequests())
    .slice(before)
    .map((r) => `${r.method} ${r.path.replace(/\/(fca|ibt|pm|fa|acct|cus)_\w+/g, '/:id')}`);
}

const get = (path: string) => () => h.call('freelancer', 'GET', path);

describe('Stripe calls per read route, cold then warm', () => {
  it('GET /accounts: one list; GET /accounts/:id: none (the list proves it)', async () => {
    let listed: { id: string }[] = [];
    expect(
      await callsOf(async () => {
        listed = (await h.call('freelancer', 'GET', '/accounts')).body.data as { id: string }[];
      }),
    ).toEqual(['GET /v1/financial_connections/accounts']);
    account = listed[0]?.id ?? '';
    expect(await callsOf(get('/accounts'))).toEqual([]);
    expect(await callsOf(get(`/accounts/${account}`))).toEqual([]);
  });

  it('GET /accounts/:id/transactions: one list', async () => {
    expect(await callsOf(get(`/accounts/${account}/transactions`))).toEqual([
      'GET /v1/financial_connections/transactions',
    ]);
    expect(await callsOf(get(`/accounts/${account}/transactions`))).toEqual([]);
  });

  it('GET /financial-account: one retrieve, whose id then serves the top-up and wallet lists', async () => {
    expect(await callsOf(get('/financial-account'))).toEqual([
      'GET /v1/treasury/financial_accounts/:id',
    ]);
    expect(await callsOf(get('/financial-account'))).toEqual([]);
    expect(await callsOf(get('/top-ups'))).toEqual(['GET /v1/treasury/inbound_transfers']);
    expect(await callsOf(get('/wallet-activity'))).toEqual(['GET /v1/treasury/transactions']);
    expect(await callsOf(get('/top-ups'))).toEqual([]);
  });

  it('GET /top-up-sources: three lists', async () => {
    expect((await callsOf(get('/top-up-sources'))).sort()).toEqual([
      'GET /v1/financial_connections/accounts',
      'GET /v1/payment_methods',
      'GET /v1/setup_intents',
    ]);
    expect(await callsOf(get('/top-up-sources'))).toEqual([]);
  });
});
