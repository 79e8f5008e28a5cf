/**
 * The live-update stream's bounds, on every mount: a user holds at most `maxStreamsPerUser`
 * streams (one more is a 429 in the envelope; closing one frees its slot), and a client that
 * stops reading is dropped once `streamBufferBytes` are queued for it, instead of the server
 * buffering without end; it resumes from `Last-Event-ID`.
 */
import { connect, type Socket } from 'node:net';
import type { PurseEvent } from '@purse/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { MOUNTS } from './mounts.js';
import { openStream, type SseStream } from './sse.js';

let h: Harness;
const cleanup: (() => void)[] = [];

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
});
afterAll(async () => {
  for (const close of cleanup) close();
  await h.close();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A large account event for the freelancer, published straight onto the bus. */
function bigEvent(n: number): PurseEvent {
  return {
    type: 'account.updated',
    data: { id: `fca_padding${String(n)}`, padding: 'x'.repeat(8 * 1024) },
  } as unknown as PurseEvent;
}

describe.each(MOUNTS)('live-update limits on %s', (mount) => {
  it('caps the streams per user: the extra one is a 429, a closed one frees its slot', async () => {
    const { base } = await h.addRouter({ maxStreamsPerUser: 2 }, mount);
    const open = async (user: string): Promise<SseStream> => {
      const stream = await openStream(`${base}/events`, { 'x-test-user': user });
      cleanup.push(stream.close);
      return stream;
    };
    const first = await open('freelancer');
    const second = await open('freelancer');
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await fetch(`${base}/events`, { headers: { 'x-test-user': 'freelancer' } });
    expect(third.status).toBe(429);
    expect(((await third.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another user is not affected by Maya's streams.
    expect((await open('short_of_funds')).status).toBe(200);
    first.close();
    let reopened = 0;
    await until(async () => {
      // openStream reads what arrives, so this stream is never a slow client itself.
      const attempt = await open('freelancer');
      reopened = attempt.status;
      if (attempt.status !== 200) attempt.close();
      return attempt.status === 200;
    }, 'the closed stream’s slot');
    expect(reopened).toBe(200);
  });

  it('drops a client that stops reading once its buffer is full; it resumes with Last-Event-ID', async () => {
    const warnings: string[] = [];
    const logger = {
      info: () => undefined,
      warn: (message: string) => warnings.push(message),
      error: () => undefined,
    };
    const { base } = await h.addRouter(
      { streamBufferBytes: 32 * 1024, maxStreamsPerUser: 1, logger },
      mount,
    );
    const url = new URL(`${base}/events`);
    // A client that sends its request and never reads a byte of the answer.
    const stalled: Socket = connect(Number(url.port), url.hostname);
    cleanup.push(() => stalled.destroy());
    await new Promise<void>((resolve) => stalled.once('connect', resolve));
    stalled.pause();
    let closedByServer = false;
    stalled.once('close', () => (closedByServer = true));
    stalled.write(
      `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nx-test-user: freelancer\r\naccept: text/event-stream\r\n\r\n`,
    );
    await sleep(100);
    const topic = `account:${h.personas.freelancer.accountId}`;
    let published = 0;
    let firstId = '';
    // Publish in small batches, letting the server write between them, until it gives up.
    await until(async () => {
      for (let i = 0; i < 20; i += 1) {
        const message = await h.bus.publish(topic, bigEvent(published));
        firstId ||= message.id;
        published += 1;
      }
      await sleep(5);
      return warnings.some((w) => w.includes('fell behind')) || published > 20_000;
    }, 'the slow client to be dropped');
    expect(warnings.some((w) => w.includes('fell behind'))).toBe(true);
    // The slot is free again (maxStreamsPerUser is 1), and resuming replays what is buffered.
    const resumed = await until(async () => {
      const attempt = await fetch(`${base}/events`, {
        headers: { 'x-test-user': 'freelancer', 'last-event-id': firstId },
      });
      const ok = attempt.status === 200;
      await attempt.body?.cancel();
      return ok;
    }, 'the dropped stream’s slot').then(() => true);
    expect(resumed).toBe(true);
    const stream = await openStream(`${base}/events`, {
      'x-test-user': 'short_of_funds',
    });
    cleanup.push(stream.close);
    expect(stream.status).toBe(200);
    stalled.resume();
    await until(() => closedByServer, 'the server to close the stalled connection');
  });
});
