/**
 * `pnpm bench:scale`: Purse on 1 and on 3 instances (separate processes, one Redis, a
 * round-robin proxy in front), measuring read throughput through the proxy and live-update
 * delivery latency: a signed webhook posted to the first instance → the event out of a stream
 * held on the last one (on one instance, the same one). Prints figures; asserts nothing.
 *
 *   --seconds N    length of each throughput run (default 5)
 *   --callers N    concurrent callers (default 16)
 *   --events N     webhooks timed for latency (default 100)
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { openStream } from '../../packages/server/test/sse.js';
import { eventOf, postSigned } from '../../packages/server/test/webhook-servers.js';
import { startCluster, type MountKind } from '../scale/cluster.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    callers: { type: 'string', default: '16' },
    events: { type: 'string', default: '100' },
  },
});
const seconds = Number(values.seconds);
const callers = Number(values.callers);
const events = Number(values.events);

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function measure(kinds: readonly MountKind[]): Promise<string> {
  const cluster = await startCluster(kinds);
  try {
    const get = (path: string) =>
      fetch(`${cluster.base}${path}`, { headers: { 'x-test-user': 'freelancer' } });
    // Warm the cache on every instance, then read for a while.
    for (let index = 0; index < kinds.length * 2; index += 1) await (await get('/accounts')).text();
    let done = 0;
    let failed = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: callers }, async () => {
        while (Date.now() < until) {
          const response = await get('/accounts');
          await response.text();
          if (response.ok) done += 1;
          else failed += 1;
        }
      }),
    );

    const first = cluster.instances[0];
    const last = cluster.instances.at(-1);
    if (!first || !last) throw new Error('no instance');
    const stream = await openStream(`${last.base}/events`, { 'x-test-user': 'freelancer' });
    const stripe = cluster.sb.stripe();
    const account = cluster.users.freelancer.accountId ?? '';
    const fa = await stripe.treasury.financialAccounts.retrieve(
      cluster.users.freelancer.financialAccountId ?? '',
      {},
      { stripeAccount: account },
    );
    const latencies: number[] = [];
    for (let index = 0; index < events; index += 1) {
      const marker = `bench ${randomUUID().slice(0, 8)}`;
      const event = eventOf(
        'treasury.financial_account.features_status_updated',
        { ...fa, nickname: marker },
        account,
      );
      const sent = performance.now();
      const arrived = stream.next(
        (e) => e.event === 'financial_account.updated' && e.data.nickname === marker,
        10_000,
      );
      await postSigned(stripe, cluster.sb.webhookSecret, first.webhookUrl, event);
      await arrived;
      latencies.push(performance.now() - sent);
    }
    stream.close();
    latencies.sort((a, b) => a - b);
    return [
      `${String(kinds.length)} instance${kinds.length > 1 ? 's' : ''} (${kinds.join(', ')})`,
      `  GET /accounts through the proxy: ${(done / seconds).toFixed(0)} req/s (${String(callers)} callers, ${String(failed)} failed)`,
      `  webhook in → live event out${kinds.length > 1 ? ' on another instance' : ''}: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms (${String(events)} events)`,
    ].join('\n');
  } finally {
    await cluster.close();
  }
}

const results = [await measure(['express5']), await measure(['express5', 'web', 'express4'])];
console.log(`\nPurse on Redis, this machine\n\n${results.join('\n\n')}\n`);
