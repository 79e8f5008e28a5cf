/**
 * Three Purse instances (Express 5, web-standard, Express 4) in their own processes behind a
 * round-robin proxy, one real Redis, one sandbox whose webhooks reach the first instance only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStream, type SseEvent, type SseStream } from '../../packages/server/test/sse.js';
import { eventOf, postSigned } from '../../packages/server/test/webhook-servers.js';
import { startCluster, type Cluster } from './cluster.js';

let c: Cluster;
const streams: SseStream[] = [];
let source = '';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked field by field
  body: any;
}

async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      'x-test-user': 'freelancer',
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function stream(base: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const opened = await openStream(`${base}/events`, { 'x-test-user': 'freelancer', ...headers });
  streams.push(opened);
  return opened;
}

const topUp = (key = randomUUID(), amount = 12_34): Promise<Answer> =>
  call(c.base, 'POST', '/top-ups', {
    body: { sourceId: source, amount, currency: 'usd' },
    headers: { 'idempotency-key': key },
  });

const isTransfer =
  (id: string, status: string) =>
  (event: SseEvent): boolean =>
    event.event === 'transfer.updated' && event.data.id === id && event.data.status === status;

async function transferPosts(): Promise<number> {
  const response = await fetch(`${c.sb.url}/_sandbox/requests`, {
    headers: { authorization: `Bearer ${c.sb.secretKey}` },
  });
  const { data } = (await response.json()) as { data: { method: string; path: string }[] };
  return data.filter((r) => r.method === 'POST' && r.path === '/v1/treasury/inbound_transfers')
    .length;
}

beforeAll(async () => {
  c = await startCluster(['express5', 'web', 'express4']);
  const sources = await call(c.base, 'GET', '/top-up-sources');
  source = (sources.body.data as { id: string }[])[0]?.id ?? '';
  expect(source).toMatch(/^pm_/);
});
afterAll(async () => {
  for (const opened of streams) opened.close();
  await c.close();
});

describe('three instances on one Redis', () => {
  it('delivers each live event to a stream on every instance, and resumes on another instance', async () => {
    const onEach = await Promise.all(c.instances.map((instance) => stream(instance.base)));
    const created = await topUp();
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const processing = await Promise.all(
      onEach.map((opened) => opened.next(isTransfer(id, 'processing'))),
    );
    await c.sb
      .stripe()
      .testHelpers.treasury.inboundTransfers.succeed(
        id,
        {},
        { stripeAccount: c.users.freelancer.accountId ?? '' },
      );
    await Promise.all(onEach.map((opened) => opened.next(isTransfer(id, 'succeeded'))));

    // The event ids are the same on every instance: one bus, not three.
    expect(new Set(processing.map((event) => event.id)).size).toBe(1);
    const seenOnFirst = processing[0]?.id ?? '';
    const third = c.instances[2];
    if (!third) throw new Error('three instances');
    const resumed = await stream(third.base, { 'last-event-id': seenOnFirst });
    const replayed = await resumed.next(isTransfer(id, 'succeeded'));
    expect(Number(replayed.id)).toBeGreaterThan(Number(seenOnFirst));
  });

  it('creates one InboundTransfer for 20 concurrent identical top-ups spread over the instances', async () => {
    const before = await transferPosts();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => topUp(key, 7_77)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const ids = new Set(answers.map((answer) => answer.body.id as string));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^ibt_/);
    // Only one of the twenty even reached Stripe: the others waited for its answer.
    expect((await transferPosts()) - before).toBe(1);
    expect(new Set(c.proxy.routed)).toEqual(new Set([0, 1, 2]));
  });

  it('gives one live event when the same webhook reaches two instances', async () => {
    const [first, second, third] = c.instances;
    if (!first || !second || !third) throw new Error('three instances');
    const watching = await stream(first.base);
    const stripe = c.sb.stripe();
    const account = c.users.freelancer.accountId ?? '';
    const fa = await stripe.treasury.financialAccounts.retrieve(
      c.users.freelancer.financialAccountId ?? '',
      {},
      { stripeAccount: account },
    );
    const marker = `Twice ${randomUUID().slice(0, 8)}`;
    const event = eventOf(
      'treasury.financial_account.features_status_updated',
      { ...fa, nickname: marker },
      account,
    );
    const delivered = await Promise.all(
      [second, third].map((instance) =>
        postSigned(stripe, c.sb.webhookSecret, instance.webhookUrl, event),
      ),
    );
    expect(delivered.map((answer) => answer.status)).toEqual([200, 200]);
    expect(delivered.filter((answer) => answer.body.duplicate === true)).toHaveLength(1);
    await watching.next(
      (e) => e.event === 'financial_account.updated' && e.data.nickname === marker,
    );
    // A second copy would have arrived by now: the delivery that lost the claim published nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      watching.events.filter(
        (e) => e.event === 'financial_account.updated' && e.data.nickname === marker,
      ),
    ).toHaveLength(1);
  });

  it('reads from Stripe and refuses money movement with 503 while Redis is down, and recovers without restarts', async () => {
    const second = c.instances[1];
    if (!second) throw new Error('three instances');
    const watching = await stream(second.base);
    await c.redis.stop();
    try {
      for (let index = 0; index < 3; index += 1) {
        const read = await call(c.base, 'GET', '/accounts');
        expect(read.status).toBe(200);
        expect(read.body.data.length).toBeGreaterThan(0);
      }
      const before = await transferPosts();
      for (let index = 0; index < 3; index += 1) {
        const refused = await topUp();
        expect(refused.status).toBe(503);
        expect(refused.body.error).toMatchObject({ code: 'store_unavailable', type: 'api_error' });
      }
      expect(await transferPosts()).toBe(before);
    } finally {
      await c.redis.start();
    }
    let id = '';
    await expect
      .poll(
        async () => {
          const answer = await topUp();
          if (answer.status === 201) id = answer.body.id as string;
          return answer.status;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(201);
    // The stream opened before the outage hears about it: its instance re-subscribed by itself.
    await watching.next(isTransfer(id, 'processing'), 20_000);
  });
});
