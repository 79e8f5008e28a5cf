/**
 * `tsx --expose-gc --conditions=@purse/source bench/sse-stalled.ts [bounded|unbounded]`: the
 * memory a server holds for live-update clients that stop reading (issue: 10 stalled streams ×
 * 1,500 events grew RSS from 121 to 367 MB). Opens 10 raw connections to `GET /events` that
 * never read, publishes 1,500 events of about 8 KB to their user, and prints RSS growth and how
 * many streams were dropped, with the default per-stream bound or with it lifted. Without an
 * argument it runs both, each in a fresh process. Prints figures only.
 */
import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { PurseEvent } from '@purse/core';
import express from 'express';
import Stripe from 'stripe';
import { createMemoryEventBus, createPurseRouter } from '../src/index.js';

const STREAMS = 10;
const EVENTS = 1500;
const EVENT_BYTES = 8000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const rssMb = (): number => Math.round(process.memoryUsage().rss / 1e5) / 10;

async function run(streamBufferBytes: number | undefined): Promise<void> {
  let dropped = 0;
  const bus = createMemoryEventBus({ bufferPerTopic: 100 });
  const app = express();
  app.use(
    '/api/purse',
    createPurseRouter({
      stripe: new Stripe('sk_test_bench'),
      resolveUser: () => ({ accountId: 'acct_bench' }),
      events: bus,
      heartbeatMs: 0,
      maxStreamsPerUser: STREAMS,
      logger: { info: () => undefined, warn: () => (dropped += 1), error: () => undefined },
      ...(streamBufferBytes === undefined ? {} : { streamBufferBytes }),
    }),
  );
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const sockets: Socket[] = [];
  for (let i = 0; i < STREAMS; i += 1) {
    const socket = connect(port, '127.0.0.1');
    socket.pause(); // never reads: a stalled client
    socket.write(`GET /api/purse/events HTTP/1.1\r\nHost: x\r\n\r\n`);
    sockets.push(socket);
  }
  await sleep(200);
  gc();
  const before = rssMb();
  const padding = 'x'.repeat(EVENT_BYTES);
  for (let i = 0; i < EVENTS; i += 1) {
    void bus.publish('account:acct_bench', {
      type: 'account.updated',
      data: { id: `fca_${String(i)}`, padding },
    } as unknown as PurseEvent);
    if (i % 50 === 0) await sleep(1);
  }
  await sleep(500);
  gc();
  const after = rssMb();
  const label = streamBufferBytes === undefined ? 'default bound (64 KiB)' : 'bound lifted';
  console.log(
    `${label}: ${String(STREAMS)} stalled streams × ${String(EVENTS)} events of ~${String(EVENT_BYTES / 1000)} KB: RSS ${String(before)} → ${String(after)} MB (+${(after - before).toFixed(1)} MB), ${String(dropped)} streams dropped`,
  );
  for (const socket of sockets) socket.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

const mode = process.argv[2];
if (mode === 'bounded') await run(undefined);
else if (mode === 'unbounded') await run(1e12);
else {
  const { execFileSync } = await import('node:child_process');
  for (const each of ['bounded', 'unbounded']) {
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1] ?? '', each]);
    process.stdout.write(out);
  }
}
