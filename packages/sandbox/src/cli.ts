#!/usr/bin/env node
/**
 * `purse-sandbox`: run the sandbox from a shell.
 *
 *   purse-sandbox [--port 12111] [--webhook URL]... [--seed demo|empty] [--speed N] [--start ISO] [--webhook-chaos]
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './start-sandbox.js';

const HELP = `Usage: purse-sandbox [options]

  --port N          port to listen on (default 12111, stripe-mock's)
  --host H          interface to listen on (default 127.0.0.1)
  --webhook URL     send signed webhooks to URL (repeatable)
  --seed NAME       demo (personas with linked banks) or empty (default demo)
  --speed N         virtual seconds per real second (default 1; 0 freezes the clock)
  --start ISO       virtual start time, such as 2026-12-03T13:45:00Z (default now)
  --webhook-chaos   deliver webhooks as disorderly as Stripe may: shuffled, delayed,
                    duplicated, first attempts dropped (seeded; see --webhook-chaos-seed)
  --webhook-chaos-seed S
                    the chaos seed: the same seed replays the same disorder (default 1)
  -h, --help        show this help
`;

/** An ISO 8601 date-time with an explicit zone (`Z` or `±hh:mm`), so the start is unambiguous. */
function parseStart(text: string): Date {
  const date = new Date(text);
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(text) || Number.isNaN(date.getTime()))
    throw new Error(
      `--start must be an ISO date-time with a zone, such as 2026-12-03T13:45:00Z, got ${text}`,
    );
  return date;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '12111' },
      host: { type: 'string', default: '127.0.0.1' },
      webhook: { type: 'string', multiple: true, default: [] },
      seed: { type: 'string', default: 'demo' },
      speed: { type: 'string', default: '1' },
      start: { type: 'string' },
      'webhook-chaos': { type: 'boolean', default: false },
      'webhook-chaos-seed': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port);
  const speed = Number(values.speed);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number, got ${values.port}`);
  if (!Number.isFinite(speed) || speed < 0)
    throw new Error(`--speed must be a non-negative number, got ${values.speed}`);
  const startAt = values.start === undefined ? undefined : parseStart(values.start);
  if (values.seed !== 'demo' && values.seed !== 'empty')
    throw new Error(`--seed must be demo or empty, got ${values.seed}`);

  const sandbox = await startSandbox({
    port,
    host: values.host,
    seed: values.seed,
    speed,
    ...(startAt === undefined ? {} : { startAt }),
    ...(values['webhook-chaos']
      ? { webhookChaos: { seed: values['webhook-chaos-seed'] ?? 1 } }
      : {}),
    webhooks: values.webhook.map((url) => ({ url })),
  });
  const lines = [
    `Purse sandbox listening on ${sandbox.url}`,
    '',
    `  STRIPE_SECRET_KEY=${sandbox.secretKey}`,
    `  STRIPE_PUBLISHABLE_KEY=${sandbox.publishableKey}`,
    `  STRIPE_WEBHOOK_SECRET=${sandbox.webhookSecret}`,
    '',
    `  stripe-node: new Stripe(key, { host: '127.0.0.1', port: ${String(sandbox.port)}, protocol: 'http' })`,
    values.webhook.length > 0
      ? `  webhooks → ${values.webhook.join(', ')}`
      : '  webhooks: none (--webhook URL to add)',
    ...(values['webhook-chaos']
      ? [`  webhook chaos: on (seed ${values['webhook-chaos-seed'] ?? '1'})`]
      : []),
    `  clock: ${String(speed)}× real time from ${new Date(sandbox.clock.now() * 1000).toISOString()} (POST /_sandbox/clock/advance to jump ahead)`,
  ];
  for (const persona of sandbox.seed.personas) {
    lines.push(
      `  persona ${persona.key}: ${persona.name} customer=${persona.customerId} account=${persona.accountId} fa=${persona.financialAccountId}`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);

  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stdout.write(`\nReceived ${signal}, stopping the sandbox…\n`);
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `purse-sandbox: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
