/**
 * Several Purse instances on one Redis and one sandbox, behind a round-robin proxy: the stack a
 * platform runs when it outgrows one machine. The sandbox's webhooks go to one instance only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '@purse/sandbox';
import type { PurseUser } from '../../packages/server/src/index.js';
import { startRedisServer, type RedisServer } from '../../packages/server/test/redis-server.js';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

/** Tuesday 10:00 in New York: business days ahead, no holiday near. */
export const START = new Date('2026-03-10T15:00:00Z');

export type MountKind = 'express5' | 'express4' | 'web';

export interface Instance {
  kind: MountKind;
  /** Purse's base URL on this instance, e.g. http://127.0.0.1:1234/api/purse */
  base: string;
  webhookUrl: string;
  process: ChildProcess;
}

export interface Cluster {
  sb: Sandbox;
  redis: RedisServer;
  instances: Instance[];
  proxy: RoundRobinProxy;
  /** Purse's base URL through the proxy. */
  base: string;
  users: Record<'freelancer' | 'short_of_funds' | 'new_user', PurseUser>;
  close: () => Promise<void>;
}

function startInstance(kind: MountKind, env: Record<string, string>): Promise<Instance> {
  const child = spawn(
    join(root, 'node_modules/.bin/tsx'),
    ['--conditions=@purse/source', join(here, 'instance.ts')],
    {
      cwd: root,
      env: { ...process.env, ...env, PURSE_MOUNT: kind },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`instance ${kind} did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const ready = /READY (\S+) (\S+)/.exec(output);
      if (ready?.[1] && ready[2]) {
        clearTimeout(timer);
        resolve({ kind, base: ready[1], webhookUrl: ready[2], process: child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`instance ${kind} exited with ${String(code)}:\n${output}`));
    });
  });
}

export async function startCluster(kinds: readonly MountKind[]): Promise<Cluster> {
  const redis = await startRedisServer();
  const sb = await startSandbox({
    seed: 'demo',
    speed: 0,
    startAt: START,
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 100, attempts: 5 },
  });
  const personas = Object.fromEntries(sb.seed.personas.map((p) => [p.key, p]));
  const user = (key: string): PurseUser => {
    const persona = personas[key];
    if (!persona) throw new Error(`no persona ${key}`);
    return {
      customerId: persona.customerId,
      accountId: persona.accountId,
      financialAccountId: persona.financialAccountId,
      name: persona.name,
      email: persona.email,
    };
  };
  const users = {
    freelancer: user('freelancer'),
    short_of_funds: user('short_of_funds'),
    new_user: user('new_user'),
  };
  const env = {
    REDIS_URL: redis.url,
    SANDBOX_SECRET_KEY: sb.secretKey,
    SANDBOX_PORT: String(sb.port),
    WEBHOOK_SECRET: sb.webhookSecret,
    PURSE_USERS: JSON.stringify(users),
  };
  const instances = await Promise.all(kinds.map((kind) => startInstance(kind, env)));
  const first = instances[0];
  if (!first) throw new Error('a cluster needs an instance');
  sb.addWebhook({ url: first.webhookUrl });
  const origins = instances.map((instance) => new URL(instance.base).origin);
  const proxy = await startRoundRobinProxy(origins);
  return {
    sb,
    redis,
    instances,
    proxy,
    base: `${proxy.url}${new URL(first.base).pathname}`,
    users,
    async close() {
      await proxy.close();
      for (const instance of instances) instance.process.kill('SIGTERM');
      await sb.close();
      await redis.stop();
    },
  };
}
