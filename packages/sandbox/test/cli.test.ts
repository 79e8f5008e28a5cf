/**
 * The `purse-sandbox` command: it prints where it listens and its keys, serves stripe-node,
 * and stops cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

function waitFor(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 10);
  });
}

describe('purse-sandbox CLI', () => {
  it('prints its URL and keys, serves stripe-node, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@purse/source',
        'packages/sandbox/src/cli.ts',
        '--port',
        '0',
        '--seed',
        'empty',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await waitFor(() => stdout.includes('Press Ctrl+C to stop.'), 'the banner');
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1] ?? '';
      const secretKey = /STRIPE_SECRET_KEY=(\S+)/.exec(stdout)?.[1] ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(secretKey).toMatch(/^sk_test_/);
      expect(stdout).toMatch(/STRIPE_PUBLISHABLE_KEY=pk_test_\S+/);
      expect(stdout).toMatch(/STRIPE_WEBHOOK_SECRET=whsec_\S+/);
      expect(stdout).not.toContain('persona');

      const { port } = new URL(url);
      const stripe = new Stripe(secretKey, {
        host: '127.0.0.1',
        port: Number(port),
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      const customer = await stripe.customers.create({ email: 'cli@example.com' });
      expect(customer.id).toMatch(/^cus_/);
      expect((await stripe.customers.list()).data.map((c) => c.id)).toEqual([customer.id]);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toContain('Received SIGTERM, stopping the sandbox');
      expect(stderr).toBe('');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20_000);

  it('exits 1 with a message for a bad option', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@purse/source',
        'packages/sandbox/src/cli.ts',
        '--seed',
        'huge',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('--seed must be demo or empty, got huge');
  }, 20_000);

  it('starts the virtual clock at --start', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@purse/source',
        'packages/sandbox/src/cli.ts',
        '--port',
        '0',
        '--seed',
        'empty',
        '--speed',
        '0',
        '--start',
        '2026-12-03T13:45:00Z',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await waitFor(() => stdout.includes('Press Ctrl+C to stop.'), 'the banner');
      expect(stdout).toContain('from 2026-12-03T13:45:00.000Z');
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1] ?? '';
      const secretKey = /STRIPE_SECRET_KEY=(\S+)/.exec(stdout)?.[1] ?? '';
      const stripe = new Stripe(secretKey, {
        host: '127.0.0.1',
        port: Number(new URL(url).port),
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      const customer = await stripe.customers.create({ email: 'start@example.com' });
      expect(customer.created).toBe(Date.parse('2026-12-03T13:45:00Z') / 1000);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20_000);

  it('exits 1 for a --start without a zone', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@purse/source',
        'packages/sandbox/src/cli.ts',
        '--start',
        '2026-12-03T13:45',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('--start must be an ISO date-time with a zone');
  }, 20_000);

  it('delivers webhooks disorderly with --webhook-chaos', async () => {
    const received: string[] = [];
    const hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string }).id);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${String((hook.address() as AddressInfo).port)}/hooks`;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@purse/source',
        'packages/sandbox/src/cli.ts',
        '--port',
        '0',
        '--seed',
        'empty',
        '--webhook',
        hookUrl,
        '--webhook-chaos',
        '--webhook-chaos-seed',
        '7',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    try {
      await waitFor(() => stdout.includes('Press Ctrl+C to stop.'), 'the banner');
      expect(stdout).toContain('webhook chaos: on (seed 7)');
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1] ?? '';
      const secretKey = /STRIPE_SECRET_KEY=(\S+)/.exec(stdout)?.[1] ?? '';
      const stripe = new Stripe(secretKey, {
        host: '127.0.0.1',
        port: Number(new URL(url).port),
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      for (let i = 0; i < 20; i += 1)
        await stripe.customers.create({ email: `c${String(i)}@x.io` });
      await waitFor(() => new Set(received).size === 20, 'every event');
      const deliveries = await fetch(`${url}/_sandbox/webhook_deliveries`, {
        headers: { authorization: `Bearer ${secretKey}` },
      });
      const log = (await deliveries.json()) as {
        data: { duplicate?: boolean; attempts: number }[];
      };
      expect(log.data.some((d) => d.duplicate === true)).toBe(true);
      expect(log.data.some((d) => d.attempts > 1)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      hook.closeAllConnections();
      hook.close();
    }
  }, 20_000);
});
