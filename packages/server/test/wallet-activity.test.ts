import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let checkingSource: string;

interface Item {
  id: string;
  kind: string;
  amount: number;
  status: string;
  description: string | null;
  receiptUrl: string | null;
  postedAt: number | null;
}

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const sources = await h.call('freelancer', 'GET', '/top-up-sources');
  const checking = (sources.body.data as { id: string; last4: string }[]).find(
    (s) => s.last4 === '6789',
  );
  if (!checking) throw new Error('the freelancer has no checking source');
  checkingSource = checking.id;
});
afterAll(async () => {
  await h.close();
});

const activity = (user: string | null, query = '') =>
  h.call(user, 'GET', `/wallet-activity${query}`);

async function topUp(amount: number, description: string): Promise<string> {
  const res = await h.call('freelancer', 'POST', '/top-ups', {
    body: { sourceId: checkingSource, amount, currency: 'usd', description },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('wallet activity', () => {
  it('lists the caller’s own Treasury transactions in safe fields, with top-ups and returns named', async () => {
    const options = { stripeAccount: h.personas.freelancer.accountId };
    const kept = await topUp(31_00, 'Kept');
    await h.stripe.testHelpers.treasury.inboundTransfers.succeed(kept, {}, options);
    const returned = await topUp(42_00, 'Sent back');
    await h.stripe.testHelpers.treasury.inboundTransfers.succeed(returned, {}, options);
    await h.stripe.testHelpers.treasury.inboundTransfers.returnInboundTransfer(
      returned,
      {},
      options,
    );

    const res = await activity('freelancer', '?limit=100');
    expect(res.status).toBe(200);
    const data = res.body.data as Item[];
    const truth = await h.stripe.treasury.transactions.list(
      { financial_account: h.personas.freelancer.financialAccountId, limit: 100 },
      options,
    );
    expect(data.map((t) => t.id)).toEqual(truth.data.map((t) => t.id));

    const keptItem = data.find((t) => t.kind === 'top_up' && t.amount === 31_00);
    expect(keptItem).toMatchObject({ status: 'posted', description: 'Kept', currency: 'usd' });
    expect(keptItem?.postedAt).toEqual(expect.any(Number));
    expect(keptItem?.receiptUrl).toMatch(/^https?:\/\//);

    const back = data.find((t) => t.kind === 'top_up_returned');
    expect(back).toMatchObject({ amount: -42_00, description: null });
    // Only the fields of the contract: nothing raw from Stripe reaches the browser.
    for (const item of data)
      expect(Object.keys(item).sort()).toEqual(
        [
          'amount',
          'created',
          'currency',
          'description',
          'id',
          'kind',
          'postedAt',
          'receiptUrl',
          'status',
        ].sort(),
      );
  });

  it('pages with a cursor', async () => {
    const first = await activity('freelancer', '?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.hasMore).toBe(true);
    const second = await activity('freelancer', `?limit=1&cursor=${String(first.body.nextCursor)}`);
    expect(second.status).toBe(200);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
  });

  it('shows each user only their own account, and needs a signed-in user', async () => {
    const mine = await activity('freelancer', '?limit=100');
    const theirs = await activity('new_user', '?limit=100');
    expect(theirs.status).toBe(200);
    const mineIds = new Set((mine.body.data as Item[]).map((t) => t.id));
    expect((theirs.body.data as Item[]).some((t) => mineIds.has(t.id))).toBe(false);
    expect((await activity(null)).status).toBe(401);
  });

  it('refuses a malformed cursor or limit; a foreign cursor is the same 404 as an unknown one', async () => {
    expect((await activity('freelancer', '?cursor=ibt_123')).body.error.param).toBe('cursor');
    expect((await activity('freelancer', '?limit=0')).status).toBe(400);
    expect((await activity('freelancer', '?financial_account=fa_123')).status).toBe(400);
    const foreign = (await activity('freelancer', '?limit=1')).body.nextCursor as string;
    const res = await activity('new_user', `?cursor=${foreign}`);
    const unknown = await activity('new_user', '?cursor=trxn_0000000000000000000000');
    expect(res.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(res.body.error.code).toBe(unknown.body.error.code);
    // The answer does not even echo the foreign id back.
    expect(JSON.stringify(res.body)).not.toContain(foreign);
  });
});
