/**
 * A real stack for server tests: a started sandbox, stripe-node pointed at it, Purse mounted
 * one of three ways (Express 5, Express 4, the web-standard handler; see mounts.ts) and an
 * Express app with the webhook handler, each listening on a random port, and the sandbox's
 * webhooks pointed at it. Tests talk to it over HTTP with `fetch`. A `x-test-user` header names
 * the demo persona the request comes from, standing in for the host app's login.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { startSandbox, type Sandbox, type SeedPersona } from '@purse/sandbox';
import type Stripe from 'stripe';
import {
  createMemoryEventBus,
  createWebhookHandler,
  type EventBus,
  type PurseCoreOptions,
  type PurseUser,
} from '../src/index.js';
import { defaultMount, mountPurse, type Mount } from './mounts.js';

/** Tuesday 10:00 in New York: business days ahead, no holiday near. */
export const START = new Date('2026-03-10T15:00:00Z');

export interface Harness {
  sb: Sandbox;
  stripe: Stripe;
  bus: EventBus;
  /** Base URL of the mounted router, e.g. http://127.0.0.1:1234/api/purse */
  base: string;
  /** Where the webhook handler listens (POST, raw body). */
  webhookUrl: string;
  personas: Record<'freelancer' | 'short_of_funds' | 'new_user', SeedPersona>;
  users: Record<string, PurseUser>;
  call: (
    user: string | null,
    method: string,
    path: string,
    options?: CallOptions,
  ) => Promise<CallResult>;
  /**
   * Mounts another Purse router (same stripe-node client, same users, the harness's options
   * overridden by `router`; the harness's mount unless told another) on its own port; closed
   * with the harness.
   */
  addRouter: (router: Partial<PurseCoreOptions>, mount?: Mount) => Promise<ExtraRouter>;
  /** How Purse is mounted in this harness. */
  mount: Mount;
  /** Requests the sandbox received (its `/_sandbox/requests` log). */
  stripeRequests: () => Promise<StripeRequest[]>;
  close: () => Promise<void>;
}

/** One entry of the sandbox's request log. */
export interface StripeRequest {
  method: string;
  path: string;
  account: string | null;
  params: Record<string, unknown>;
  status: number;
  idempotency_key: string | null;
  replayed: boolean;
}

export interface ExtraRouter {
  base: string;
  call: Harness['call'];
}

export type Caller = Harness['call'];

export interface CallOptions {
  body?: unknown;
  /** Sent as is (not JSON-encoded) when a string. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked field by field
  body: any;
  headers: Headers;
}

export interface HarnessOptions {
  router?: Partial<PurseCoreOptions>;
  /** @default the suite's mount (Express 5 unless a `./mount/*.js` module chose another) */
  mount?: Mount;
  webhooks?: boolean;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sb = await startSandbox({
    seed: 'demo',
    speed: 0,
    startAt: START,
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 100, attempts: 5 },
  });
  const stripe = sb.stripe({ maxNetworkRetries: 2 });
  const bus = createMemoryEventBus();
  const find = (key: string): SeedPersona => {
    const persona = sb.seed.personas.find((p) => p.key === key);
    if (!persona) throw new Error(`no persona ${key}`);
    return persona;
  };
  const personas = {
    freelancer: find('freelancer'),
    short_of_funds: find('short_of_funds'),
    new_user: find('new_user'),
  };
  const users: Record<string, PurseUser> = Object.fromEntries(
    Object.entries(personas).map(([key, p]) => [
      key,
      {
        customerId: p.customerId,
        accountId: p.accountId,
        financialAccountId: p.financialAccountId,
        name: p.name,
        email: p.email,
      },
    ]),
  );
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const mount = options.mount ?? defaultMount();
  const routerOptions = (overrides: Partial<PurseCoreOptions> = {}): PurseCoreOptions => ({
    stripe,
    events: bus,
    now: () => sb.clock.now(),
    logger: silent,
    topUps: { balanceRefreshWaitMs: 0 },
    ...options.router,
    ...overrides,
  });
  const app = express();
  app.post(
    '/webhooks',
    express.raw({ type: 'application/json' }),
    createWebhookHandler({
      stripe,
      endpointSecret: sb.webhookSecret,
      events: bus,
      logger: silent,
    }),
  );
  const servers: Server[] = [];
  const { origin } = await listen(app, servers);
  if (options.webhooks !== false) sb.addWebhook({ url: `${origin}/webhooks` });
  const base = await mountPurse(mount, routerOptions(), users, servers);
  const call = makeCaller(base);

  const addRouter = async (
    overrides: Partial<PurseCoreOptions>,
    extraMount: Mount = mount,
  ): Promise<ExtraRouter> => {
    const extraBase = await mountPurse(extraMount, routerOptions(overrides), users, servers);
    return { base: extraBase, call: makeCaller(extraBase) };
  };

  const stripeRequests: Harness['stripeRequests'] = async () => {
    const response = await fetch(`${sb.url}/_sandbox/requests`, {
      headers: { authorization: `Bearer ${sb.secretKey}` },
    });
    const json = (await response.json()) as { data: StripeRequest[] };
    return json.data;
  };

  return {
    sb,
    stripe,
    bus,
    base,
    webhookUrl: `${origin}/webhooks`,
    personas,
    users,
    call,
    addRouter,
    mount,
    stripeRequests,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
      await sb.close();
    },
  };
}

async function listen(app: express.Express, servers: Server[]): Promise<{ origin: string }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  return { origin: `http://127.0.0.1:${String(port)}` };
}

/** `fetch` against a mounted router as a persona (`x-test-user`), JSON-decoding the answer. */
export function makeCaller(base: string): Caller {
  return async (user, method, path, callOptions = {}) => {
    // Like @purse/react's client: writes carry the header that proves they are not cross-site.
    const headers: Record<string, string> = {
      ...(method === 'GET' ? {} : { 'purse-request': '1' }),
      ...callOptions.headers,
    };
    if (user) headers['x-test-user'] = user;
    let body: string | undefined;
    if (callOptions.rawBody !== undefined) body = callOptions.rawBody;
    else if (callOptions.body !== undefined) {
      body = JSON.stringify(callOptions.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
}

/** Completes a link session in the sandbox as if the user chose these accounts in the modal. */
export async function completeInSandbox(
  h: Harness,
  account: string,
  sessionId: string,
  institution: string,
  accounts: string[],
): Promise<void> {
  const response = await fetch(
    `${h.sb.url}/_sandbox/financial_connections/sessions/${sessionId}/complete`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${h.sb.secretKey}`,
        'content-type': 'application/json',
        'stripe-account': account,
      },
      body: JSON.stringify({ institution, accounts }),
    },
  );
  if (!response.ok) throw new Error(`complete failed: ${await response.text()}`);
}

/** Calls a `/_sandbox` control endpoint. */
export async function control(
  h: Harness,
  path: string,
  body: unknown = {},
  account?: string,
): Promise<unknown> {
  const response = await fetch(`${h.sb.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${h.sb.secretKey}`,
      'content-type': 'application/json',
      ...(account ? { 'stripe-account': account } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} failed: ${await response.text()}`);
  return response.json();
}

/** Removes every injected fault. */
export async function clearFaults(h: Harness): Promise<void> {
  const response = await fetch(`${h.sb.url}/_sandbox/faults`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${h.sb.secretKey}` },
  });
  if (!response.ok) throw new Error(`clearing faults failed: ${await response.text()}`);
}
