/**
 * The read cache and the per-user rate limits over real HTTP, on each mount (Express 5,
 * Express 4, web): repeated reads inside the freshness window cost no Stripe call, a webhook
 * drops the cache before its live event reaches the user, the caller's own writes show at once,
 * nothing cached is served to another user, and the limits answer 429 with Retry-After.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { MOUNTS } from './mounts.js';
import { openStream, type SseStream } from './sse.js';

describe.each(MOUNTS)('%s', (mount) => {
  let h: Harness;
  const streams: SseStream[] = [];
  beforeAll(async () => {
    h = await startHarness({
      mount,
      router: {
        cacheTtlMs: 30_000,
        rateLimits: {
          topUps: { limit: 2, windowMs: 60_000 },
          refreshes: false,
          linkSessions: false,
        },
      },
    });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await h.close();
  });

  const stripeCalls = async (prefix: string): Promise<number> =>
    (await h.stripeRequests()).filter((request) => request.path.startsWith(prefix)).length;

  it('answers repeated reads from the cache, and a single account from the cached list', async () => {
    const before = await stripeCalls('/v1/financial_connections/accounts');
    const first = await h.call('freelancer', 'GET', '/accounts');
    const second = await h.call('freelancer', 'GET', '/accounts');
    expect(second.body).toEqual(first.body);
    const id = (first.body.data as { id: string }[])[0]?.id ?? '';
    const one = await h.call('freelancer', 'GET', `/accounts/${id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(first.body.data[0]);
    expect((await stripeCalls('/v1/financial_connections/accounts')) - before).toBe(1);

    const faBefore = await stripeCalls('/v1/treasury/financial_accounts');
    await h.call('freelancer', 'GET', '/financial-account');
    await h.call('freelancer', 'GET', '/financial-account');
    expect((await stripeCalls('/v1/treasury/financial_accounts')) - faBefore).toBe(1);
  });

  it('never serves one user what was cached for another', async () => {
    const maya = await h.call('freelancer', 'GET', '/accounts');
    const sam = await h.call('short_of_funds', 'GET', '/accounts');
    const ids = (body: { data: { id: string }[] }) => body.data.map((account) => account.id);
    expect(ids(sam.body)).not.toEqual(ids(maya.body));
    expect(ids(sam.body).some((id) => ids(maya.body).includes(id))).toBe(false);
    const foreign = ids(maya.body)[0] ?? '';
    expect((await h.call('short_of_funds', 'GET', `/accounts/${foreign}`)).status).toBe(404);
  });

  it('drops the cache on a webhook before the live event reaches the user', async () => {
    const listed = await h.call('freelancer', 'GET', '/accounts');
    const account = (listed.body.data as { id: string; status: string }[]).find(
      (candidate) => candidate.status === 'active',
    );
    if (!account) throw new Error('Maya has an active account');
    const stream = await openStream(`${h.base}/events`, { 'x-test-user': 'freelancer' });
    streams.push(stream);
    // Behind the server's back, as the bank or the user's Stripe dashboard would.
    await h.stripe.financialConnections.accounts.disconnect(
      account.id,
      {},
      { stripeAccount: h.personas.freelancer.accountId },
    );
    await stream.next(
      (event) =>
        event.event === 'account.updated' &&
        event.data.id === account.id &&
        event.data.status === 'disconnected',
    );
    const after = await h.call('freelancer', 'GET', `/accounts/${account.id}`);
    expect(after.body.status).toBe('disconnected');
  });

  it("shows the caller's own write on the next read", async () => {
    await h.call('freelancer', 'GET', '/financial-account');
    const nickname = `Savings pot ${randomUUID().slice(0, 6)}`;
    const renamed = await h.call('freelancer', 'PATCH', '/financial-account', {
      body: { nickname },
    });
    expect(renamed.status).toBe(200);
    const read = await h.call('freelancer', 'GET', '/financial-account');
    expect(read.body.nickname).toBe(nickname);
  });

  it('limits top-ups per user: 429 with Retry-After and the envelope, other users untouched', async () => {
    const sources = await h.call('short_of_funds', 'GET', '/top-up-sources');
    const sourceId = (sources.body.data as { id: string }[])[0]?.id ?? '';
    const attempt = (user: string, source: string) =>
      h.call(user, 'POST', '/top-ups', {
        body: { sourceId: source, amount: 1_00, currency: 'usd' },
        headers: { 'idempotency-key': randomUUID() },
      });
    const answers = [];
    for (let index = 0; index < 3; index += 1)
      answers.push(await attempt('short_of_funds', sourceId));
    expect(answers.slice(0, 2).map((answer) => answer.status)).toEqual([201, 201]);
    const refused = answers[2];
    expect(refused?.status).toBe(429);
    expect(refused?.body.error).toMatchObject({ code: 'rate_limited', type: 'rate_limit_error' });
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused?.body.error.retryAt).toEqual(expect.any(Number));

    const mayaSources = await h.call('freelancer', 'GET', '/top-up-sources');
    const mayaSource = (mayaSources.body.data as { id: string }[])[0]?.id ?? '';
    expect((await attempt('freelancer', mayaSource)).status).toBe(201);
  });
});

describe('with the cache off', () => {
  it('asks Stripe on every read', async () => {
    const h = await startHarness({ router: { cacheTtlMs: 0 } });
    try {
      const count = async () =>
        (await h.stripeRequests()).filter((r) => r.path === '/v1/financial_connections/accounts')
          .length;
      const before = await count();
      await h.call('freelancer', 'GET', '/accounts');
      await h.call('freelancer', 'GET', '/accounts');
      expect((await count()) - before).toBe(2);
    } finally {
      await h.close();
    }
  });
});
