import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, startHarness, type Harness } from './harness.js';

let h: Harness;
let checkingSource: string;

beforeAll(async () => {
  h = await startHarness();
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

function topUp(user: string, body: Record<string, unknown>, key: string = randomUUID()) {
  return h.call(user, 'POST', '/top-ups', { body, headers: { 'idempotency-key': key } });
}

describe('top-up sources', () => {
  it('lists the caller’s inbound-capable banks with their latest balance, not the credit card', async () => {
    const res = await h.call('freelancer', 'GET', '/top-up-sources');
    expect(res.status).toBe(200);
    const data = res.body.data as {
      bankName: string;
      accountName: string | null;
      last4: string;
      accountType: string;
      balance: { type: string; available: number } | null;
    }[];
    expect(data.map((s) => s.last4).sort()).toEqual(['4321', '6789']);
    const checking = data.find((s) => s.last4 === '6789');
    expect(checking).toMatchObject({
      bankName: 'StripeBank',
      // The account's own name, so a person recognises it ("Everyday Checking ••6789").
      accountName: 'Everyday Checking',
      accountType: 'checking',
      balance: { type: 'cash', available: 421837 },
    });
  });
});

describe('creating a top-up', () => {
  it('creates an InboundTransfer into the caller’s financial account with an expected arrival window', async () => {
    const res = await topUp('freelancer', {
      sourceId: checkingSource,
      amount: 25_00,
      currency: 'usd',
      description: 'Rent buffer',
      statementDescriptor: 'PURSE',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      amount: 2500,
      currency: 'usd',
      status: 'processing',
      cancelable: true,
      returned: false,
      description: 'Rent buffer',
      statementDescriptor: 'PURSE',
      failure: null,
      source: { bankName: 'STRIPEBANK', last4: '6789' },
      // Created Tuesday 10:00 New York: submitted that day, 2-4 business days later.
      expectedArrival: { earliest: '2026-03-12', latest: '2026-03-16' },
      balanceWarning: null,
    });
    const transfer = await h.stripe.treasury.inboundTransfers.retrieve(
      res.body.id as string,
      {},
      { stripeAccount: h.personas.freelancer.accountId },
    );
    expect(transfer.financial_account).toBe(h.personas.freelancer.financialAccountId);
    expect(transfer.origin_payment_method).toBe(checkingSource);
  });

  it.each([
    [{ amount: 50 }, 'amount_too_small', 'amount'],
    [{ amount: 1_000_001 }, 'amount_too_large', 'amount'],
    [{ amount: 10.5 }, 'parameter_invalid', 'amount'],
    [{ amount: '100' }, 'parameter_invalid', 'amount'],
    [{ currency: 'eur' }, 'currency_unsupported', 'currency'],
    [
      { statementDescriptor: 'WAY TOO LONG TEXT' },
      'statement_descriptor_invalid',
      'statementDescriptor',
    ],
    [{ statementDescriptor: 'BAD!' }, 'statement_descriptor_invalid', 'statementDescriptor'],
    [{ description: 'x'.repeat(141) }, 'parameter_invalid', 'description'],
    [{ sourceId: 'fca_123' }, 'parameter_invalid', 'sourceId'],
    [{ metadata: { a: 'b' } }, 'parameter_unknown', 'metadata'],
  ])('refuses %j with %s naming %s, without creating anything', async (override, code, param) => {
    const before = (
      await h.stripe.treasury.inboundTransfers.list(
        { financial_account: h.personas.freelancer.financialAccountId },
        { stripeAccount: h.personas.freelancer.accountId },
      )
    ).data.length;
    const res = await topUp('freelancer', {
      sourceId: checkingSource,
      amount: 10_00,
      currency: 'usd',
      ...override,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code, param });
    const after = (
      await h.stripe.treasury.inboundTransfers.list(
        { financial_account: h.personas.freelancer.financialAccountId },
        { stripeAccount: h.personas.freelancer.accountId },
      )
    ).data.length;
    expect(after).toBe(before);
  });

  it('requires an Idempotency-Key', async () => {
    const res = await h.call('freelancer', 'POST', '/top-ups', {
      body: { sourceId: checkingSource, amount: 10_00, currency: 'usd' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'idempotency_key_missing',
      param: 'Idempotency-Key',
    });
  });

  it('20 concurrent identical posts make exactly one InboundTransfer', async () => {
    const key = randomUUID();
    const body = { sourceId: checkingSource, amount: 17_77, currency: 'usd' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => topUp('freelancer', body, key)),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.id as string)).size).toBe(1);
    const list = await h.stripe.treasury.inboundTransfers.list(
      { financial_account: h.personas.freelancer.financialAccountId, limit: 100 },
      { stripeAccount: h.personas.freelancer.accountId },
    );
    expect(list.data.filter((t) => t.amount === 17_77)).toHaveLength(1);
  });

  it('reusing a key for a different top-up is refused', async () => {
    const key = randomUUID();
    expect(
      (await topUp('freelancer', { sourceId: checkingSource, amount: 11_00, currency: 'usd' }, key))
        .status,
    ).toBe(201);
    const res = await topUp(
      'freelancer',
      { sourceId: checkingSource, amount: 12_00, currency: 'usd' },
      key,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('idempotency_key_reused');
  });

  it('the same client key from two users makes two transfers (keys are scoped to the caller)', async () => {
    const key = randomUUID();
    const sam = await h.call('short_of_funds', 'GET', '/top-up-sources');
    const samSource = (sam.body.data as { id: string }[])[0]?.id ?? '';
    const a = await topUp(
      'freelancer',
      { sourceId: checkingSource, amount: 5_00, currency: 'usd' },
      key,
    );
    const b = await topUp(
      'short_of_funds',
      { sourceId: samSource, amount: 5_00, currency: 'usd' },
      key,
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('a retry after a dropped connection still makes one transfer', async () => {
    await control(h, '/_sandbox/faults', {
      rules: [{ action: 'drop', path: '/v1/treasury/inbound_transfers', method: 'POST', times: 1 }],
    });
    const res = await topUp('freelancer', {
      sourceId: checkingSource,
      amount: 33_33,
      currency: 'usd',
    });
    expect(res.status).toBe(201);
    const log = (await h.stripeRequests()).filter(
      (r) =>
        r.method === 'POST' &&
        r.path === '/v1/treasury/inbound_transfers' &&
        r.params.amount === '3333',
    );
    expect(log.length).toBeGreaterThanOrEqual(2); // the dropped attempt and stripe-node's retry
    const list = await h.stripe.treasury.inboundTransfers.list(
      { financial_account: h.personas.freelancer.financialAccountId, limit: 100 },
      { stripeAccount: h.personas.freelancer.accountId },
    );
    expect(list.data.filter((t) => t.amount === 33_33)).toHaveLength(1);
  });

  it('warns when the amount exceeds the short-of-funds bank’s available balance, and the transfer then fails', async () => {
    const sources = await h.call('short_of_funds', 'GET', '/top-up-sources');
    const source = (sources.body.data as { id: string; balance: { available: number } }[])[0];
    expect(source?.balance.available).toBe(2317);
    const res = await topUp('short_of_funds', {
      sourceId: source?.id,
      amount: 200_00,
      currency: 'usd',
    });
    expect(res.status).toBe(201);
    expect(res.body.balanceWarning).toEqual({ available: 2317, currency: 'usd' });
    h.sb.clock.advance(3 * 86_400);
    const after = await h.call('short_of_funds', 'GET', `/top-ups/${String(res.body.id)}`);
    expect(after.body.status).toBe('failed');
    expect(after.body.failure.code).toBe('insufficient_funds');
    expect(after.body.failure.message).toMatch(/enough money/i);
  });

  it('Stripe’s 402 risk refusal becomes top_up_refused', async () => {
    await control(h, '/_sandbox/treasury/risk_refusals', {}, h.personas.freelancer.accountId);
    const res = await topUp('freelancer', {
      sourceId: checkingSource,
      amount: 9_00,
      currency: 'usd',
    });
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe('top_up_refused');
    expect(JSON.stringify(res.body)).not.toMatch(/inbound_transfer_risk/);
  });
});

describe('reading and canceling top-ups', () => {
  it('lists the caller’s top-ups newest first, with a cursor and a status filter', async () => {
    const first = await h.call('freelancer', 'GET', '/top-ups?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);
    const next = await h.call(
      'freelancer',
      'GET',
      `/top-ups?limit=2&cursor=${String(first.body.nextCursor)}`,
    );
    expect(next.body.data[0].id).not.toBe(first.body.data[1].id);
    const processing = await h.call('freelancer', 'GET', '/top-ups?status=processing&limit=100');
    expect(
      (processing.body.data as { status: string }[]).every((t) => t.status === 'processing'),
    ).toBe(true);
  });

  it('cancels while cancelable, then refuses once the transfer was submitted', async () => {
    const created = await topUp('freelancer', {
      sourceId: checkingSource,
      amount: 8_00,
      currency: 'usd',
    });
    const canceled = await h.call(
      'freelancer',
      'POST',
      `/top-ups/${String(created.body.id)}/cancel`,
    );
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');

    const later = await topUp('freelancer', {
      sourceId: checkingSource,
      amount: 7_00,
      currency: 'usd',
    });
    h.sb.clock.advance(3600);
    const before = (await h.stripeRequests()).length;
    const refused = await h.call('freelancer', 'POST', `/top-ups/${String(later.body.id)}/cancel`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('transfer_not_cancelable');
    const calls = (await h.stripeRequests()).slice(before);
    expect(calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);
  });
});
