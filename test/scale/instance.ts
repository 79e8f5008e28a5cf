/**
 * One instance of a platform's server for the multi-instance suite, run in its own process:
 * Purse mounted as `PURSE_MOUNT` says (Express 5, Express 4 or the web-standard handler) and the
 * webhook handler, both on the shared Redis store. Prints one line, `READY <purse base URL>
 * <webhook URL>`, when it listens. The `x-test-user` header names the signed-in test user.
 */
import type { Server } from 'node:http';
import Stripe from 'stripe';
import type { PurseUser } from '../../packages/server/src/index.js';
import { createRedisStore } from '../../packages/server/src/redis/index.js';
import { mountPurse, type Mount } from '../../packages/server/test/mounts.js';
import { mountWebhooks } from '../../packages/server/test/webhook-servers.js';

const env = process.env;
const required = (name: string): string => {
  const value = env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const stripe = new Stripe(required('SANDBOX_SECRET_KEY'), {
  host: '127.0.0.1',
  port: Number(required('SANDBOX_PORT')),
  protocol: 'http',
  maxNetworkRetries: 2,
});
const store = createRedisStore({ url: required('REDIS_URL'), onError: () => undefined });
const users = JSON.parse(required('PURSE_USERS')) as Record<string, PurseUser>;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const servers: Server[] = [];

const base = await mountPurse(
  required('PURSE_MOUNT') as Mount,
  {
    stripe,
    store,
    logger: silent,
    topUps: { balanceRefreshWaitMs: 0 },
    // Twenty identical retries of one top-up are one top-up, not twenty.
    rateLimits: { topUps: { limit: 1000, windowMs: 60_000 } },
  },
  users,
  servers,
);
const webhooks = await mountWebhooks('express5', {
  stripe,
  store,
  endpointSecret: required('WEBHOOK_SECRET'),
  logger: silent,
});
console.log(`READY ${base} ${webhooks.url}`);

const stop = (): void => {
  void store.close();
  for (const server of servers) server.close();
  void webhooks.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
