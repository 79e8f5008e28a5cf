/**
 * Top-ups refused before any money moves: from a bank that is no longer linked and usable (a
 * disconnected or inactive Financial Connections account; Stripe would still pull from it), and
 * beyond the per-user cap on top-ups in flight (`topUps.maxOpen`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
});
afterAll(async () => {
  await h.close();
});

interface Source {
  id: string;
  last4: string;
  linkedAccountId: string | null;
}

async function sourcesOf(user: string): Promise<Source[]> {
  return (await h.call(user, 'GET', '/top-up-sources')).body.data as Source[];
}

async function inboundTransferPosts(): Promise<number> {
  return (await h.stripeRequests()).filter(
    (r) => r.method === 'POST' && r.path === '/v1/treasury/inbound_transfers',
  ).length;
}

const topUp = (user: string, sourceId: string, call = h.call) =>
  call(user, 'POST', '/top-ups', {
    body: { sourceId, amount: 10_00, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });

describe('a source that is no longer linked and usable', () => {
  it('a bank the user disconnected: 409 account_disconnected on sourceId, no transfer created', async () => {
    const [source] = await sourcesOf('short_of_funds');
    if (!source?.linkedAccountId) throw new Error('the persona has no linked source');
    const disconnect = await h.call(
      'short_of_funds',
      'POST',
      `/accounts/${source.linkedAccountId}/disconnect`,
    );
    expect(disconnect.body.status).toBe('disconnected');
    const before = await inboundTransferPosts();
    const res = await topUp('short_of_funds', source.id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'account_disconnected', param: 'sourceId' });
    expect(await inboundTransferPosts()).toBe(before);
  });

  it('a bank whose connection went inactive: 409 account_inactive, no transfer created', async () => {
    const sources = await sourcesOf('freelancer');
    const source = sources.find((s) => s.last4 === '4321') ?? sources[0];
    if (!source?.linkedAccountId) throw new Error('the persona has no linked source');
    await control(
      h,
      `/_sandbox/financial_connections/accounts/${source.linkedAccountId}/status`,
      { status: 'inactive' },
      h.personas.freelancer.accountId,
    );
    const before = await inboundTransferPosts();
    const res = await topUp('freelancer', source.id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'account_inactive', param: 'sourceId' });
    expect(await inboundTransferPosts()).toBe(before);
    // The same user's other, active bank still works.
    const active = sources.find((s) => s.id !== source.id);
    if (active) expect((await topUp('freelancer', active.id)).status).toBe(201);
  });
});

async function processingCount(user: string): Promise<number> {
  const open = await h.call(user, 'GET', '/top-ups?status=processing&limit=100');
  return (open.body.data as unknown[]).length;
}

describe('the cap on top-ups in flight', () => {
  it('refuses one more than `maxOpen` processing top-ups with 409 too_many_open_top_ups, and allows it again once one is canceled', async () => {
    const capped = await h.addRouter({
      topUps: { maxOpen: (await processingCount('freelancer')) + 2, balanceRefreshWaitMs: 0 },
    });
    const source = (await sourcesOf('freelancer')).find((s) => s.last4 === '6789');
    if (!source) throw new Error('the freelancer has no checking source');
    const first = await topUp('freelancer', source.id, capped.call);
    const second = await topUp('freelancer', source.id, capped.call);
    expect([first.status, second.status]).toEqual([201, 201]);
    const before = await inboundTransferPosts();
    const refused = await topUp('freelancer', source.id, capped.call);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('too_many_open_top_ups');
    expect(await inboundTransferPosts()).toBe(before);

    const cancel = await capped.call(
      'freelancer',
      'POST',
      `/top-ups/${String(first.body.id)}/cancel`,
    );
    expect(cancel.body.status).toBe('canceled');
    expect((await topUp('freelancer', source.id, capped.call)).status).toBe(201);
  });

  it('by default a user may have 10 top-ups in flight', async () => {
    const source = (await sourcesOf('freelancer')).find((s) => s.last4 === '6789');
    if (!source) throw new Error('the freelancer has no checking source');
    const open = await processingCount('freelancer');
    expect(open).toBeLessThan(10);
    for (let i = open; i < 10; i++) expect((await topUp('freelancer', source.id)).status).toBe(201);
    const refused = await topUp('freelancer', source.id);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'too_many_open_top_ups']);
  });

  it('`topUps.maxOpen` outside 1 to 100 is refused at creation', async () => {
    const { createPurseRouter } = await import('../src/index.js');
    for (const maxOpen of [0, 101, 2.5]) {
      expect(() =>
        createPurseRouter({ stripe: h.stripe, resolveUser: () => null, topUps: { maxOpen } }),
      ).toThrow(/topUps\.maxOpen/);
    }
  });
});
