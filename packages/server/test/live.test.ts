import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryEventBus, type EventBus } from '../src/index.js';
import { startHarness, type Harness } from './harness.js';
import { openStream, type SseEvent, type SseStream } from './sse.js';

let h: Harness;
const sources: Record<string, string> = {};
const streams: SseStream[] = [];

beforeAll(async () => {
  h = await startHarness();
  for (const user of ['freelancer', 'short_of_funds']) {
    const res = await h.call(user, 'GET', '/top-up-sources');
    sources[user] = (res.body.data as { id: string }[])[0]?.id ?? '';
  }
});
afterAll(async () => {
  for (const stream of streams) stream.close();
  await h.close();
});

async function stream(user: string, headers: Record<string, string> = {}, base = h.base) {
  const opened = await openStream(`${base}/events`, { 'x-test-user': user, ...headers });
  streams.push(opened);
  return opened;
}

async function topUp(user: string, amount: number): Promise<string> {
  const res = await h.call(user, 'POST', '/top-ups', {
    body: { sourceId: sources[user], amount, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const isTransfer =
  (id: string, status?: string) =>
  (e: SseEvent): boolean =>
    e.event === 'transfer.updated' &&
    e.data.id === id &&
    (status === undefined || e.data.status === status);

describe('a user’s event stream', () => {
  it('carries the owner’s transfer to succeeded and the higher balance, and nothing of it to anyone else', async () => {
    const maya = await stream('freelancer');
    const sam = await stream('short_of_funds');
    expect(maya.status).toBe(200);
    expect(maya.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(maya.headers.get('cache-control')).toMatch(/no-cache/);

    const before = (await h.call('freelancer', 'GET', '/financial-account')).body.balance
      .cash as number;
    const id = await topUp('freelancer', 21_00);
    await maya.next(isTransfer(id, 'processing'));
    await h.stripe.testHelpers.treasury.inboundTransfers.succeed(
      id,
      {},
      { stripeAccount: h.personas.freelancer.accountId },
    );
    const succeeded = await maya.next(isTransfer(id, 'succeeded'));
    expect(succeeded.id).toMatch(/^\d+$/);
    expect(succeeded.data).toMatchObject({
      amount: 21_00,
      statusTransitions: { succeededAt: expect.any(Number) },
    });
    const balance = await maya.next(
      (e) => e.event === 'financial_account.updated' && e.data.balance.cash === before + 21_00,
    );
    expect(balance.data.id).toBe(h.personas.freelancer.financialAccountId);

    // Sam's stream is live (it gets his own top-up) but never saw Maya's.
    const own = await topUp('short_of_funds', 3_00);
    await sam.next(isTransfer(own));
    const seen = JSON.stringify(sam.events);
    expect(seen).not.toContain(id);
    expect(seen).not.toContain(h.personas.freelancer.financialAccountId);
    expect(sam.events.every((e) => e.event !== 'transfer.updated' || e.data.id === own)).toBe(true);
    maya.close();
    sam.close();
  });

  it('resumes from Last-Event-ID: replays what was missed, not what was seen', async () => {
    const first = await stream('freelancer');
    const seenId = await topUp('freelancer', 4_10);
    const seen = await first.next(isTransfer(seenId));
    first.close();

    const missedId = await topUp('freelancer', 4_20);
    await h.sb.webhooksIdle();
    const resumed = await stream('freelancer', { 'last-event-id': seen.id ?? '' });
    await resumed.next(isTransfer(missedId));
    expect(resumed.events.some(isTransfer(seenId))).toBe(false);

    // A fresh page can resume with ?lastEventId= (EventSource cannot set the header).
    const byQuery = await openStream(`${h.base}/events?lastEventId=${seen.id ?? ''}`, {
      'x-test-user': 'freelancer',
    });
    streams.push(byQuery);
    await byQuery.next(isTransfer(missedId));
    expect(byQuery.events.some(isTransfer(seenId))).toBe(false);
    resumed.close();
    byQuery.close();
  });

  it('sends keep-alive comments at heartbeatMs', async () => {
    const router = await h.addRouter({ heartbeatMs: 200 });
    const quiet = await stream('freelancer', {}, router.base);
    const started = Date.now();
    await quiet.waitForComments(2, 2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    quiet.close();
  });

  it('closing the connection removes its bus subscription, once', async () => {
    const inner = createMemoryEventBus();
    let subscribers = 0;
    let unsubscribes = 0;
    const counting: EventBus = {
      publish: (topic, event) => inner.publish(topic, event),
      replay: (topics, afterId) => inner.replay(topics, afterId),
      subscribe(topics, listener) {
        subscribers += 1;
        const unsubscribe = inner.subscribe(topics, listener);
        return () => {
          unsubscribes += 1;
          subscribers -= 1;
          unsubscribe();
        };
      },
    };
    const router = await h.addRouter({ events: counting });
    const opened = await Promise.all(
      Array.from({ length: 5 }, () => stream('freelancer', {}, router.base)),
    );
    await until(() => subscribers === 5, 'five subscribers');
    for (const s of opened) s.close();
    await until(() => subscribers <= 0, 'no subscribers');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(unsubscribes).toBe(5);
    expect(subscribers).toBe(0);
  });

  it('no user: 401 as JSON, not a stream', async () => {
    const response = await fetch(`${h.base}/events`, { headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'unauthenticated',
    );
  });

  it('an unknown query parameter: 400 as JSON, not a stream', async () => {
    const response = await fetch(`${h.base}/events?padding=1`, {
      headers: { 'x-test-user': 'freelancer' },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe('padding');
  });
});

async function until(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
