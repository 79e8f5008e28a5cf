/**
 * Purse on the server, once per process: the sandbox (offline, the default) or Stripe when
 * STRIPE_SECRET_KEY is set, the web-standard route handler, and the webhook handler. Kept on
 * globalThis so `next dev`'s module reloads reuse one sandbox instead of starting another.
 */
import { startSandbox } from '@purse/sandbox';
import { createPurseHandler, createPurseWebhookHandler, provisionUser } from '@purse/server';
import Stripe from 'stripe';

/** What the browser needs to link banks: the sandbox's stand-in, or Stripe.js. */
export type BrowserStripeConfig =
  | { mode: 'sandbox'; apiBase: string; publishableKey: string }
  | { mode: 'stripe'; publishableKey: string };

export interface PurseApp {
  handle: (request: Request) => Promise<Response>;
  handleWebhook: (request: Request) => Promise<Response>;
  browser: BrowserStripeConfig;
}

/** Where this app listens, for the sandbox's webhooks. */
const APP_URL = process.env.PURSE_APP_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

async function start(): Promise<PurseApp> {
  const secretKey = process.env.STRIPE_SECRET_KEY;
  const sandbox = secretKey
    ? null
    : await startSandbox({ seed: 'empty', port: Number(process.env.PURSE_SANDBOX_PORT ?? 0) });
  const stripe = sandbox ? sandbox.stripe() : new Stripe(secretKey ?? '');
  if (sandbox) sandbox.addWebhook({ url: `${APP_URL}/api/stripe/webhooks` });

  // Stands in for your sign-up: one user, provisioned when the server starts. Your app stores
  // these ids with its users and looks them up from its session in resolveUser.
  const user = await provisionUser({ stripe, email: 'jenny@example.com', name: 'Jenny Rosen' });

  return {
    handle: createPurseHandler({
      stripe,
      basePath: '/api/purse',
      resolveUser: () => user, // your session lookup: read the cookie from the Request
      ...(sandbox ? { now: () => sandbox.clock.now() } : {}),
    }),
    handleWebhook: createPurseWebhookHandler({
      stripe,
      endpointSecret: sandbox ? sandbox.webhookSecret : (process.env.STRIPE_WEBHOOK_SECRET ?? ''),
    }),
    browser: sandbox
      ? { mode: 'sandbox', apiBase: sandbox.url, publishableKey: sandbox.publishableKey }
      : { mode: 'stripe', publishableKey: process.env.STRIPE_PUBLISHABLE_KEY ?? '' },
  };
}

const holder = globalThis as typeof globalThis & { purseApp?: Promise<PurseApp> };

/** The process's Purse, started on first use. */
export function purse(): Promise<PurseApp> {
  holder.purseApp ??= start();
  return holder.purseApp;
}
