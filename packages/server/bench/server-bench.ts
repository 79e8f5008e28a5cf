/**
 * `pnpm bench:server`: what the Purse router costs on top of calling Stripe directly.
 *
 * The built sandbox runs in a process of its own (as Stripe is elsewhere in production), the
 * Express app with the router in this process, and the load comes from a third process with 16
 * concurrent callers, so neither the load generator nor the sandbox's work is charged to the
 * router's thread. Four cases, one after the other, in one run:
 *
 *   router GET /accounts/:id        vs  direct  financialConnections.accounts.retrieve
 *   (reference: a bare Express route making the same stripe-node call and sending its result,
 *    no Purse: the cost of any HTTP hop in front of Stripe, which the router cannot avoid)
 *   router GET /top-ups/:id         vs  direct  the calls the router makes for it, in parallel as it
 *                                       makes them (treasury.financialAccounts.retrieve and
 *                                       treasury.inboundTransfers.retrieve)
 *
 * The cases take turns a second at a time, so load from elsewhere on the machine weighs on all
 * of them alike. Prints the memory held by 1,000 idle SSE connections (RSS before and after, measured first, on
 * a quiet heap), then req/s, p50 and p99 for each case, the router/direct throughput ratio and
 * the p50 the router adds.
 *
 * Both processes turn off the source-map support tsx installs: the published package runs as
 * plain JavaScript, and with source maps on, the stack trace stripe-node captures for every
 * request costs several times more, which would be charged to the router's process only.
 *
 * Aims: router ≥ 0.8× direct throughput, ≤ 1 ms added at p50; 1,000 idle streams < 100 MB.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import express from 'express';
import Stripe from 'stripe';
import type { SeedManifest } from '@purse/sandbox';
import { createMemoryEventBus, createPurseRouter, type EventBus } from '../src/index.js';

const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = 1;
/** A modest Stripe API round trip, added by the sandbox for the "real-world" rows. */
const STRIPE_LATENCY_MS = 40;
const STREAMS = 1000;
const USER_HEADER = 'x-bench-user';

type CaseName =
  'router-account' | 'direct-account' | 'express-account' | 'router-top-up' | 'direct-top-up';

interface Target {
  routerBase: string;
  sandboxPort: number;
  secretKey: string;
  accountId: string;
  financialAccountId: string;
  fcAccountId: string;
  topUpId: string;
}

type Command =
  | {
      type: 'load';
      target: Target;
      name: CaseName;
      seconds: number;
      concurrency: number;
      warmup: boolean;
    }
  | { type: 'open-streams'; target: Target; count: number }
  | { type: 'close-streams' };

interface LoadResult {
  count: number;
  errors: number;
  seconds: number;
  latencies: number[];
}

// ---------------------------------------------------------------------------------------------
// The load generator (child process)

function loadGenerator(): void {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const streams: http.ClientRequest[] = [];
  let stripe: Stripe | undefined;

  const get = (url: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const request = http.get(url, { agent, headers: { [USER_HEADER]: 'bench' } }, (res) => {
        res.resume();
        res.once('end', () => {
          if (res.statusCode === 200) resolve();
          else reject(new Error(`status ${String(res.statusCode)}`));
        });
      });
      request.once('error', reject);
    });

  const operation = (target: Target, name: CaseName): (() => Promise<unknown>) => {
    stripe ??= new Stripe(target.secretKey, {
      host: '127.0.0.1',
      port: target.sandboxPort,
      protocol: 'http',
      maxNetworkRetries: 0,
    });
    const client = stripe;
    const options = { stripeAccount: target.accountId };
    switch (name) {
      case 'router-account':
        return () => get(`${target.routerBase}/accounts/${target.fcAccountId}`);
      case 'express-account':
        return () => get(`${target.routerBase.replace(/\/api\/purse$/, '')}/bare/account`);
      case 'router-top-up':
        return () => get(`${target.routerBase}/top-ups/${target.topUpId}`);
      case 'direct-account':
        return () => client.financialConnections.accounts.retrieve(target.fcAccountId, {}, options);
      case 'direct-top-up':
        return () =>
          Promise.all([
            client.treasury.financialAccounts.retrieve(target.financialAccountId, {}, options),
            client.treasury.inboundTransfers.retrieve(target.topUpId, {}, options),
          ]);
      default:
        name satisfies never;
        throw new Error('unknown case');
    }
  };

  const run = async (
    run: () => Promise<unknown>,
    seconds: number,
    concurrency = CONCURRENCY,
  ): Promise<LoadResult> => {
    const latencies: number[] = [];
    let errors = 0;
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const caller = async (): Promise<void> => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await run();
          latencies.push(performance.now() - t0);
        } catch {
          errors += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, caller));
    return {
      count: latencies.length,
      errors,
      seconds: (performance.now() - started) / 1000,
      latencies,
    };
  };

  const openStreams = async (target: Target, count: number): Promise<number> => {
    let open = 0;
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve) => {
            // One socket each, like 1,000 browser tabs.
            const request = http.get(
              `${target.routerBase}/events`,
              { agent: false, headers: { [USER_HEADER]: 'bench', accept: 'text/event-stream' } },
              (res) => {
                if (res.statusCode === 200) open += 1;
                res.resume();
                resolve();
              },
            );
            request.once('error', () => {
              resolve();
            });
            streams.push(request);
          }),
      ),
    );
    return open;
  };

  process.on('message', (command: Command) => {
    void (async () => {
      if (command.type === 'load') {
        const work = operation(command.target, command.name);
        if (command.warmup) await run(work, WARMUP_SECONDS);
        process.send?.(await run(work, command.seconds, command.concurrency));
      } else if (command.type === 'open-streams') {
        process.send?.({ open: await openStreams(command.target, command.count) });
      } else {
        for (const request of streams.splice(0)) request.destroy();
        process.send?.({ closed: true });
      }
    })();
  });
}

// ---------------------------------------------------------------------------------------------
// The server side (this process)

function ask<T>(child: ChildProcess, command: Command): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => {
      resolve(answer as T);
    });
    child.send(command);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

interface Row {
  name: CaseName;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function summarise(name: CaseName, result: LoadResult): Row {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  return {
    name,
    rps: result.count / result.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors: result.errors,
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The built sandbox, seeded with the demo personas, in a process of its own. */
function startSandboxProcess(): Promise<{
  port: number;
  secretKey: string;
  seed: SeedManifest;
  stop: () => Promise<void>;
}> {
  const child = fork(
    fileURLToPath(new URL('../../sandbox/bench/sandbox-process.mjs', import.meta.url)),
    ['--seed=demo'],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on(
      'message',
      (message: { ready?: { port: number; secretKey: string; seed: SeedManifest } }) => {
        if (!message.ready) return;
        const { port, secretKey, seed } = message.ready;
        resolve({
          port,
          secretKey,
          seed,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => done());
              child.send('stop');
            }),
        });
      },
    );
  });
}

async function main(): Promise<void> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const wallStart = performance.now();

  const sb = await startSandboxProcess();
  const persona = sb.seed.personas.find((p) => p.key === 'freelancer');
  if (!persona) throw new Error('the demo seed has no freelancer');
  const stripe = new Stripe(sb.secretKey, {
    host: '127.0.0.1',
    port: sb.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });

  // Counts live subscriptions, to know when every stream is really open on the server.
  const inner = createMemoryEventBus();
  let subscribers = 0;
  const events: EventBus = {
    publish: (topic, event) => inner.publish(topic, event),
    replay: (topics, afterId) => inner.replay(topics, afterId),
    subscribe(topics, listener) {
      subscribers += 1;
      const unsubscribe = inner.subscribe(topics, listener);
      return () => {
        subscribers -= 1;
        unsubscribe();
      };
    },
  };
  const user = {
    customerId: persona.customerId,
    accountId: persona.accountId,
    financialAccountId: persona.financialAccountId,
    name: persona.name,
  };
  const app = express();
  app.use(
    '/api/purse',
    createPurseRouter({
      stripe,
      resolveUser: (req) => (req.get(USER_HEADER) === 'bench' ? user : null),
      events,
      // The idle-stream case opens 1,000 streams as one user: lift the per-user cap (default 5).
      maxStreamsPerUser: 1000,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    }),
  );
  // The reference: the same stripe-node call behind a bare Express route, no Purse.
  let bareAccountId = '';
  app.get('/bare/account', async (_req, res) => {
    res.json(
      await stripe.financialConnections.accounts.retrieve(
        bareAccountId,
        {},
        { stripeAccount: persona.accountId },
      ),
    );
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const routerBase = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api/purse`;

  // A top-up to read, made through the router like a user would.
  const sources = (await (
    await fetch(`${routerBase}/top-up-sources`, { headers: { [USER_HEADER]: 'bench' } })
  ).json()) as { data: { id: string; linkedAccountId: string }[] };
  const source = sources.data[0];
  if (!source) throw new Error('the freelancer has no top-up source');
  const created = (await (
    await fetch(`${routerBase}/top-ups`, {
      method: 'POST',
      headers: {
        [USER_HEADER]: 'bench',
        'content-type': 'application/json',
        'idempotency-key': 'bench-top-up',
      },
      body: JSON.stringify({ sourceId: source.id, amount: 25_00, currency: 'usd' }),
    })
  ).json()) as { id: string };

  bareAccountId = source.linkedAccountId;
  const target: Target = {
    routerBase,
    sandboxPort: sb.port,
    secretKey: sb.secretKey,
    accountId: persona.accountId,
    financialAccountId: persona.financialAccountId,
    fcAccountId: source.linkedAccountId,
    topUpId: created.id,
  };

  // The child runs this same TypeScript file, so it needs tsx's loader too.
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx', '--conditions=@purse/source'],
    env: { ...process.env, PURSE_BENCH_ROLE: 'load' },
  });

  // Idle SSE connections: the server's memory with 1,000 streams open.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const before = process.memoryUsage().rss;
  const opened = await ask<{ open: number }>(child, {
    type: 'open-streams',
    target,
    count: STREAMS,
  });
  const deadline = Date.now() + 10_000;
  while (subscribers < STREAMS && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const after = process.memoryUsage().rss;
  const held = subscribers;
  await ask(child, { type: 'close-streams' });
  const closeDeadline = Date.now() + 10_000;
  while (subscribers > 0 && Date.now() < closeDeadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const sseReport = [
    `\n${String(STREAMS)} idle SSE connections (measured before the load, on a quiet heap): ${String(opened.open)} opened, ${String(held)} subscribed on the server`,
    `  server RSS before ${mb(before)}, after ${mb(after)}: +${mb(after - before)} (${((after - before) / 1024 / held).toFixed(1)} KB per stream; aim < 100 MB)`,
    `  after closing them: ${String(subscribers)} subscriptions left`,
  ];

  // The cases take turns, one second at a time, so that whatever else the machine is doing
  // weighs on all of them alike.
  const measure = async (names: CaseName[], concurrency: number, rounds: number) => {
    const totals = new Map<CaseName, LoadResult>(
      names.map((name) => [name, { count: 0, errors: 0, seconds: 0, latencies: [] }]),
    );
    for (let round = 0; round < rounds; round += 1) {
      for (const name of names) {
        const result = await ask<LoadResult>(child, {
          type: 'load',
          target,
          name,
          seconds: 1,
          concurrency,
          warmup: round === 0 && concurrency === CONCURRENCY,
        });
        const total = totals.get(name);
        if (!total) continue;
        total.count += result.count;
        total.errors += result.errors;
        total.seconds += result.seconds;
        total.latencies.push(...result.latencies);
      }
    }
    return Object.fromEntries(
      names.map((name) => [
        name,
        summarise(name, totals.get(name) ?? { count: 0, errors: 0, seconds: 1, latencies: [] }),
      ]),
    ) as Record<CaseName, Row>;
  };
  const names: CaseName[] = [
    'direct-account',
    'router-account',
    'express-account',
    'direct-top-up',
    'router-top-up',
  ];
  const byName = await measure(names, CONCURRENCY, SECONDS);
  const rows = names.map((name) => byName[name]);
  // Latency without queueing: one caller at a time.
  const single = await measure(
    ['direct-account', 'router-account', 'direct-top-up', 'router-top-up'],
    1,
    2,
  );

  console.log(
    `\nPurse router vs direct stripe-node, against the sandbox (${String(CONCURRENCY)} concurrent callers in a child process, ${String(SECONDS)} s each, interleaved)\n`,
  );
  console.log('case              req/s     p50 ms   p99 ms   errors');
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(16)} ${row.rps.toFixed(0).padStart(6)}   ${row.p50.toFixed(2).padStart(6)}   ${row.p99.toFixed(2).padStart(6)}   ${String(row.errors).padStart(6)}`,
    );
  }
  console.log('');
  for (const [label, router, direct] of [
    ['GET /accounts/:id', byName['router-account'], byName['direct-account']],
    ['GET /top-ups/:id ', byName['router-top-up'], byName['direct-top-up']],
  ] as const) {
    const ratio = router.rps / direct.rps;
    const added = router.p50 - direct.p50;
    console.log(
      `${label}  router/direct throughput ${ratio.toFixed(2)}x (aim >= 0.8x)   added p50 ${added.toFixed(2)} ms (aim <= 1 ms)`,
    );
  }
  for (const [label, router, direct] of [
    ['GET /accounts/:id', single['router-account'], single['direct-account']],
    ['GET /top-ups/:id ', single['router-top-up'], single['direct-top-up']],
  ] as const) {
    console.log(
      `${label}  one caller at a time (no queueing): p50 ${direct.p50.toFixed(2)} ms direct, ${router.p50.toFixed(2)} ms router: added ${(router.p50 - direct.p50).toFixed(2)} ms`,
    );
  }
  // With a Stripe-like round trip: real Stripe answers in tens to hundreds of milliseconds, so
  // the router's own cost is measured against that, not against a sandbox on the same machine.
  await fetch(`http://127.0.0.1:${String(sb.port)}/_sandbox/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sb.secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      rules: [{ action: 'latency', path: '/v1/', latency_ms: STRIPE_LATENCY_MS }],
    }),
  });
  const slow = await measure(
    ['direct-account', 'router-account', 'direct-top-up', 'router-top-up'],
    CONCURRENCY,
    3,
  );
  await fetch(`http://127.0.0.1:${String(sb.port)}/_sandbox/faults`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${sb.secretKey}` },
  });
  for (const [label, routerRow, direct] of [
    ['GET /accounts/:id', slow['router-account'], slow['direct-account']],
    ['GET /top-ups/:id ', slow['router-top-up'], slow['direct-top-up']],
  ] as const) {
    console.log(
      `${label}  with ${String(STRIPE_LATENCY_MS)} ms Stripe-like latency: ${direct.rps.toFixed(0)} req/s direct, ${routerRow.rps.toFixed(0)} router: ${(routerRow.rps / direct.rps).toFixed(2)}x, added p50 ${(routerRow.p50 - direct.p50).toFixed(2)} ms`,
    );
  }

  const bare = byName['express-account'];
  const router = byName['router-account'];
  console.log(
    `GET /accounts/:id  router vs a bare Express route making the same call: throughput ${(router.rps / bare.rps).toFixed(2)}x, p50 ${(router.p50 - bare.p50 >= 0 ? '+' : '') + (router.p50 - bare.p50).toFixed(2)} ms`,
  );

  for (const line of sseReport) console.log(line);
  console.log(`\ntotal ${((performance.now() - wallStart) / 1000).toFixed(1)} s`);

  child.kill();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sb.stop();
}

process.setSourceMapsEnabled(false);
if (process.env.PURSE_BENCH_ROLE === 'load') loadGenerator();
else await main();
