/**
 * `pnpm bench:sandbox`: how fast the sandbox answers stripe-node.
 *
 * The built sandbox runs in a process of its own (one JavaScript thread, so one core); the load comes
 * from this process (the other core): stripe-node with 16 concurrent callers. Prints retrieves/s and
 * lists/s with p50/p99 latency, list time for page 1 vs page 100 of an account with 100,000
 * transactions, and the process's memory with those transactions loaded.
 *
 * Targets: ≥ 3,000 retrieves/s, page 100 within 2× page 1, 100,000 transactions in < 150 MB RSS.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';

const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TRANSACTIONS = 100_000;

interface LoadRequest {
  port: number;
  secretKey: string;
  kind: 'retrieve' | 'list';
  customerId: string;
}

interface LoadResult {
  count: number;
  errors: number;
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const stripe = new Stripe(request.secretKey, {
    host: '127.0.0.1',
    port: request.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const caller = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        if (request.kind === 'retrieve') await stripe.customers.retrieve(request.customerId);
        else await stripe.customers.list({ limit: 10 });
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, caller));
  return { count: latencies.length, errors, latencies };
}

await main();

async function timeRequest(run: () => Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 50);
}

interface SandboxProcess {
  url: string;
  port: number;
  secretKey: string;
  memory: () => Promise<NodeJS.MemoryUsage>;
  stop: () => Promise<void>;
}

/** Starts the built sandbox in a process of its own (plain Node, no TypeScript loader). */
function startSandboxProcess(): Promise<SandboxProcess> {
  const child = fork(fileURLToPath(new URL('./sandbox-process.mjs', import.meta.url)), [], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>): void => {
        if (key in message) {
          child.off('message', onMessage);
          resolve(message[key] as T);
        }
      };
      child.on('message', onMessage);
      child.once('error', reject);
    });
  return next<{ url: string; port: number; secretKey: string }>('ready').then((ready) => ({
    ...ready,
    memory: () => {
      const reply = next<NodeJS.MemoryUsage>('memory');
      child.send('memory');
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  }));
}

async function main(): Promise<void> {
  const sb = await startSandboxProcess();
  const stripe = new Stripe(sb.secretKey, {
    host: '127.0.0.1',
    port: sb.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  const customer = await stripe.customers.create({ email: 'bench@example.com' });
  for (let i = 0; i < 50; i += 1)
    await stripe.customers.create({ email: `bench${String(i)}@example.com` });

  // An account with 100,000 transactions, and the sandbox process's memory before and after.
  const before = await sb.memory();
  const session = await stripe.financialConnections.sessions.create({
    account_holder: { type: 'customer', customer: customer.id },
    permissions: ['transactions'],
  });
  const control = async (path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${sb.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sb.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(await response.text());
    return response.json();
  };
  await control(`/_sandbox/financial_connections/sessions/${session.id}/complete`, {
    institution: 'fcinst_stripebank',
    accounts: ['checking'],
  });
  const account = (await stripe.financialConnections.accounts.list({ session: session.id }))
    .data[0];
  if (!account) throw new Error('no account');
  await control(`/_sandbox/financial_connections/accounts/${account.id}/generate_transactions`, {
    count: TRANSACTIONS,
  });
  const loadStarted = performance.now();
  await stripe.financialConnections.accounts.refresh(account.id, { features: ['transactions'] });
  await control('/_sandbox/clock/advance', { seconds: 5 });
  const revealSeconds = (performance.now() - loadStarted) / 1000;
  const after = await sb.memory();

  // The cursor for page 100 (limit 100): the last id of page 99.
  let cursor: string | undefined;
  for (let page = 1; page < 100; page += 1) {
    const list = await stripe.financialConnections.transactions.list({
      account: account.id,
      limit: 100,
      ...(cursor ? { starting_after: cursor } : {}),
    });
    cursor = list.data.at(-1)?.id;
  }
  const pageOne = await timeRequest(
    () => stripe.financialConnections.transactions.list({ account: account.id, limit: 100 }),
    50,
  );
  const pageHundred = await timeRequest(
    () =>
      stripe.financialConnections.transactions.list({
        account: account.id,
        limit: 100,
        starting_after: cursor ?? '',
      }),
    50,
  );

  const lines: string[] = [
    '',
    'Purse sandbox benchmark (the built sandbox in its own process: one JavaScript thread)',
    '',
  ];
  for (const kind of ['retrieve', 'list'] as const) {
    const result = await runLoad({
      port: sb.port,
      secretKey: sb.secretKey,
      kind,
      customerId: customer.id,
    });
    const sorted = result.latencies.sort((a, b) => a - b);
    lines.push(
      `  ${kind === 'retrieve' ? 'customers.retrieve' : 'customers.list   '}  ${(result.count / SECONDS).toFixed(0).padStart(6)} req/s   p50 ${percentile(sorted, 50).toFixed(2)} ms   p99 ${percentile(sorted, 99).toFixed(2)} ms   (${String(CONCURRENCY)} callers through stripe-node, ${String(SECONDS)} s, ${String(result.errors)} errors)`,
    );
  }
  const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  lines.push(
    '',
    `  ${TRANSACTIONS.toLocaleString('en-US')} transactions on one account (revealed by one refresh in ${revealSeconds.toFixed(2)} s)`,
    `  list page 1   (limit 100)  p50 ${pageOne.toFixed(2)} ms`,
    `  list page 100 (limit 100)  p50 ${pageHundred.toFixed(2)} ms   (${(pageHundred / pageOne).toFixed(2)}× page 1; target ≤ 2×)`,
    `  sandbox process RSS ${mb(before.rss)} before → ${mb(after.rss)} with the transactions (target < 150 MB); heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  await sb.stop();
}
