import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { Engine, type SimulationTimings, type SandboxKeys } from './state/engine.js';
import type {
  RetryPolicy,
  WebhookChaosOptions,
  WebhookDelivery,
  WebhookEndpointConfig,
} from './state/webhooks.js';
import { createHttpServer } from './http/server.js';
import { createRouteTable } from './routes.js';
import { applySeed, type SeedManifest, type SeedName } from './seed.js';

/** Keys the sandbox accepts unless told otherwise. They only work against a sandbox. */
export const DEFAULT_KEYS: SandboxKeys = {
  secretKey: 'sk_test_purse_sandbox_secret_key_0000',
  publishableKey: 'pk_test_purse_sandbox_publishable_0000',
  webhookSecret: 'whsec_purse_sandbox_webhook_secret_0000',
};

export interface StartSandboxOptions {
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. @default '127.0.0.1' */
  host?: string;
  /**
   * Webhook endpoints to sign and send events to; `connect: true` / `false` splits connected
   * accounts' events from the platform's as Stripe does. @default []
   */
  webhooks?: WebhookEndpointConfig[];
  /**
   * Disorderly webhook delivery for every endpoint that does not set its own `chaos`: shuffled
   * within a window, delayed, duplicated, first attempts dropped, all from a seed. @default off
   */
  webhookChaos?: WebhookChaosOptions | boolean;
  /** `demo` creates the demo personas; `empty` only the test banks. @default 'empty' */
  seed?: SeedName;
  /** Virtual seconds per real second; 0 freezes time between `clock.advance` calls. @default 1 */
  speed?: number;
  /** Virtual time at start. @default now */
  startAt?: Date | number;
  /** Override the API keys and webhook secret. @default DEFAULT_KEYS */
  keys?: Partial<SandboxKeys>;
  /** Timings of simulated work (refresh delay, cooldown, settlement days…). */
  timings?: Partial<SimulationTimings>;
  /** Webhook retry policy. @default 8 attempts, 0.5 s doubling to 30 s */
  webhookRetry?: Partial<RetryPolicy>;
}

export interface SandboxClock {
  /** Virtual now, in unix seconds. */
  now(): number;
  /** Moves virtual time forward, running everything that falls due; returns the new now. */
  advance(seconds: number): number;
}

export interface Sandbox {
  /** Base URL, such as `http://127.0.0.1:12111`. */
  url: string;
  port: number;
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
  /** The seed's personas (empty for the `empty` seed). */
  seed: SeedManifest;
  /** A stripe-node client pointed at this sandbox. */
  stripe(options?: Stripe.StripeConfig): Stripe;
  clock: SandboxClock;
  /** Adds a webhook endpoint at run time; returns its id. */
  addWebhook(endpoint: WebhookEndpointConfig): string;
  /** Webhook deliveries so far. */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves when every queued webhook has been delivered or given up. */
  webhooksIdle(): Promise<void>;
  /** Forgets all state and seeds again. */
  reset(seed?: SeedName): SeedManifest;
  close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
  const keys: SandboxKeys = { ...DEFAULT_KEYS, ...options.keys };
  const startAt =
    options.startAt instanceof Date ? options.startAt.getTime() / 1000 : options.startAt;
  const engine = new Engine({
    keys,
    clock: {
      ...(startAt === undefined ? {} : { start: startAt }),
      ...(options.speed === undefined ? {} : { speed: options.speed }),
    },
    ...(options.timings ? { timings: options.timings } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
    ...(options.webhookRetry ? { webhookRetry: options.webhookRetry } : {}),
    ...(options.webhookChaos === undefined ? {} : { webhookChaos: options.webhookChaos }),
  });
  let manifest: SeedManifest = { seed: 'empty', personas: [] };
  const reset = (seed: SeedName | undefined): SeedManifest => {
    engine.reset();
    manifest = applySeed(engine, routes, seed ?? options.seed ?? 'empty');
    return manifest;
  };
  const routes = createRouteTable({ reset, manifest: () => manifest });
  const { server } = createHttpServer(engine, routes);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${String(port)}`;
  engine.publicUrl = url;
  manifest = applySeed(engine, routes, options.seed ?? 'empty');

  return {
    url,
    port,
    secretKey: keys.secretKey,
    publishableKey: keys.publishableKey,
    webhookSecret: keys.webhookSecret,
    get seed() {
      return manifest;
    },
    stripe: (config = {}) =>
      new Stripe(keys.secretKey, {
        host: host === '0.0.0.0' ? '127.0.0.1' : host,
        port,
        protocol: 'http',
        ...config,
      }),
    clock: {
      now: () => engine.now(),
      advance: (seconds) => engine.clock.advance(seconds),
    },
    addWebhook: (endpoint) => engine.webhooks.add(endpoint),
    webhookDeliveries: () => engine.webhooks.deliveries(),
    webhooksIdle: () => engine.webhooks.idle(),
    reset,
    close: async () => {
      engine.clock.stop();
      engine.webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
