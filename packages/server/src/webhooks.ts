/**
 * Stripe's webhooks turned into live updates. `createPurseWebhookHandler` is the web-standard
 * form (`(request: Request) => Promise<Response>`, for Next.js route handlers and any fetch-style
 * server); `createWebhookHandler` adapts it to Express 4.21+ and 5. The signature and its
 * timestamp (within the tolerance, in the past and in the future) are checked on the raw body;
 * each event id is handled once; the event is routed to the user it concerns (the FC account's
 * holder, or the connected account a Treasury object lives on) as a contract view before the
 * answer. A transfer's status never moves backwards, whatever order the events arrive in.
 */
import {
  PurseError,
  mergeTransferUpdate,
  type PurseErrorBody,
  type PurseEvent,
  type TopUp,
} from '@purse/core';
import { holderTopic } from '@purse/core';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import type Stripe from 'stripe';
import type { EventBus } from './events/event-bus.js';
import { sharedStore } from './store/shared-store.js';
import type { PurseStore } from './store/store.js';
import { consoleLogger, hasMethods, PurseConfigError, type PurseLogger } from './options.js';
import { financialAccountView, linkedAccountView, topUpView } from './views.js';

export interface WebhookHandlerOptions {
  /** The same stripe-node client the router uses (for looking up related objects). */
  stripe: Stripe;
  /** The endpoint's signing secret, `whsec_…`. */
  endpointSecret: string;
  /**
   * The store the handlers use: event ids are claimed there (one delivery per event across every
   * instance), and each event drops the cached reads of the user it is about before its live
   * update goes out. @default the process-wide in-memory store (the handlers' default too)
   */
  store?: PurseStore;
  /** The bus the handlers' event streams listen to. @default `store.events` */
  events?: EventBus;
  /**
   * How far a signature's timestamp may be from now, in seconds, either way (Stripe's libraries
   * check only the past; a timestamp in the future is refused too, so a captured request cannot
   * be held back and replayed later). @default 300 (Stripe's libraries' default)
   */
  toleranceSeconds?: number;
  /** Largest body read, in bytes (Stripe's events are a few KB). @default 1048576 (1 MiB) */
  maxBodyBytes?: number;
  /** How long an event id is remembered for de-duplication (Stripe retries for up to 3 days). @default 259200000 */
  dedupeTtlMs?: number;
  /** @default console, prefixed `[purse]` */
  logger?: PurseLogger;
}

/** The web-standard handler: mount it on `POST`; other methods answer 405. */
export type PurseWebhookHandler = (request: Request) => Promise<Response>;

type ExpressHandler = (req: ExpressRequest, res: ExpressResponse) => void;

function topicForHolder(
  holder: Stripe.FinancialConnections.Account['account_holder'],
): string | null {
  if (!holder) return null;
  const id = holder.type === 'account' ? holder.account : holder.customer;
  const value = typeof id === 'string' ? id : id?.id;
  return value
    ? holderTopic({ type: holder.type === 'account' ? 'account' : 'customer', id: value })
    : null;
}

export function createPurseWebhookHandler(options: WebhookHandlerOptions): PurseWebhookHandler {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new PurseConfigError(
      'ERR_PURSE_MISSING_OPTIONS',
      'createPurseWebhookHandler needs an options object',
    );
  }
  const { stripe, endpointSecret } = options;
  if (
    typeof (stripe as Partial<Stripe> | undefined)?.webhooks?.constructEventAsync !== 'function'
  ) {
    throw new PurseConfigError(
      'ERR_PURSE_MISSING_STRIPE',
      '`stripe` must be a stripe-node client (ERR_PURSE_MISSING_STRIPE)',
    );
  }
  if (typeof endpointSecret !== 'string' || !endpointSecret.startsWith('whsec_')) {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_WEBHOOK_SECRET',
      "`endpointSecret` must be the endpoint's signing secret, starting with whsec_ (ERR_PURSE_INVALID_WEBHOOK_SECRET)",
    );
  }
  const store = options.store ?? sharedStore();
  if (!hasMethods(store, ['claimOnce', 'unclaim']) || !hasMethods(store.cache, ['invalidate'])) {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_OPTION',
      '`store` must implement PurseStore (see createMemoryStore) (ERR_PURSE_INVALID_OPTION)',
    );
  }
  const events = options.events ?? store.events;
  if (!hasMethods(events, ['publish', 'subscribe', 'replay'])) {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_OPTION',
      '`events` must implement EventBus (publish, subscribe, replay) (ERR_PURSE_INVALID_OPTION)',
    );
  }
  const count = (value: number | undefined, name: string, fallback: number, min: number) => {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value < min) {
      throw new PurseConfigError(
        'ERR_PURSE_INVALID_OPTION',
        `\`${name}\` must be an integer of at least ${String(min)}, got ${JSON.stringify(value)} (ERR_PURSE_INVALID_OPTION)`,
      );
    }
    return value;
  };
  const tolerance = count(options.toleranceSeconds, 'toleranceSeconds', 300, 1);
  const maxBodyBytes = count(options.maxBodyBytes, 'maxBodyBytes', 1_048_576, 1);
  const logger = options.logger ?? consoleLogger;
  if (!hasMethods(logger, ['info', 'warn', 'error'])) {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_OPTION',
      '`logger` must have info, warn and error methods (ERR_PURSE_INVALID_OPTION)',
    );
  }
  const dedupeTtlMs = count(options.dedupeTtlMs, 'dedupeTtlMs', 259_200_000, 1);
  const transfers = new Map<string, TopUp>();

  // Cached reads go first, on every instance: a user who gets the live event and then reads
  // must see the new state, never the cached old one.
  const publish = async (topic: string, event: PurseEvent): Promise<void> => {
    await store.cache.invalidate([topic]);
    await events.publish(topic, event);
  };

  const publishTransfer = async (topic: string, incoming: TopUp): Promise<void> => {
    const current = transfers.get(incoming.id);
    const merged = mergeTransferUpdate(current, incoming);
    if (current && JSON.stringify(current) === JSON.stringify(merged)) return; // stale or repeated
    transfers.delete(incoming.id);
    transfers.set(incoming.id, merged);
    if (transfers.size > 10_000) {
      const oldest = transfers.keys().next().value;
      if (oldest !== undefined) transfers.delete(oldest);
    }
    await publish(topic, { type: 'transfer.updated', data: merged });
  };

  const publishFinancialAccount = async (
    topic: string,
    account: string,
    id: string,
  ): Promise<void> => {
    const fa = await stripe.treasury.financialAccounts.retrieve(id, {}, { stripeAccount: account });
    await publish(topic, { type: 'financial_account.updated', data: financialAccountView(fa) });
  };

  const route = async (event: Stripe.Event): Promise<void> => {
    const object = event.data.object as { object?: unknown };
    const connected = event.account;
    if (object.object === 'financial_connections.account') {
      // Stripe sends events in no set order, so an older snapshot can arrive last: publish the
      // account as it is now, not as the event saw it.
      const snapshot = event.data.object as Stripe.FinancialConnections.Account;
      const account = await stripe.financialConnections.accounts.retrieve(
        snapshot.id,
        {},
        connected ? { stripeAccount: connected } : {},
      );
      const topic = topicForHolder(account.account_holder);
      if (topic)
        await publish(topic, { type: 'account.updated', data: linkedAccountView(account) });
      return;
    }
    // Treasury objects of a user live on their connected account; the platform's own are nobody's.
    if (!connected) return;
    const topic = `account:${connected}`;
    if (object.object === 'treasury.inbound_transfer') {
      const transfer = event.data.object as Stripe.Treasury.InboundTransfer;
      await publishTransfer(topic, topUpView(transfer));
      if (event.type === 'treasury.inbound_transfer.succeeded')
        await publishFinancialAccount(topic, connected, transfer.financial_account);
      return;
    }
    if (object.object === 'treasury.received_debit') {
      const debit = event.data.object as Stripe.Treasury.ReceivedDebit;
      const transferId = debit.linked_flows.inbound_transfer;
      if (transferId) {
        // A return: there is no inbound_transfer event for it, so read the transfer now.
        const transfer = await stripe.treasury.inboundTransfers.retrieve(
          transferId,
          {},
          { stripeAccount: connected },
        );
        await publishTransfer(topic, topUpView(transfer));
      }
      if (debit.financial_account)
        await publishFinancialAccount(topic, connected, debit.financial_account);
      return;
    }
    if (object.object === 'treasury.received_credit') {
      const credit = event.data.object as Stripe.Treasury.ReceivedCredit;
      if (credit.financial_account && event.type === 'treasury.received_credit.succeeded') {
        await publishFinancialAccount(topic, connected, credit.financial_account);
      }
      return;
    }
    if (object.object === 'treasury.financial_account') {
      const fa = event.data.object as Stripe.Treasury.FinancialAccount;
      await publish(topic, { type: 'financial_account.updated', data: financialAccountView(fa) });
    }
  };

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
  const refuse = (error: PurseError): Response => answer(error.status, error.toBody());

  return async (request) => {
    if (request.method !== 'POST') {
      return new Response('Method Not Allowed', {
        status: 405,
        headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    const declared = Number(request.headers.get('content-length') ?? '0');
    if (declared > maxBodyBytes) return refuse(tooLarge());
    let raw: Buffer;
    try {
      raw = Buffer.from(await request.arrayBuffer());
    } catch {
      return refuse(
        new PurseError({ code: 'body_invalid', message: 'The body could not be read.' }),
      );
    }
    if (raw.length > maxBodyBytes) return refuse(tooLarge());
    const header = request.headers.get('stripe-signature') ?? '';
    let event: Stripe.Event;
    try {
      event = await stripe.webhooks.constructEventAsync(raw, header, endpointSecret, tolerance);
      // stripe-node checks only the past; an event signed for the future is refused the same way.
      const signedAt = signatureTimestamp(header);
      if (signedAt === null || signedAt - Math.floor(Date.now() / 1000) > tolerance) {
        throw new Error('Timestamp outside the tolerance zone');
      }
    } catch (cause) {
      // Signed but not JSON: say so without echoing the parser's message.
      if (cause instanceof SyntaxError) {
        return refuse(new PurseError({ code: 'body_invalid', message: 'The body is not JSON.' }));
      }
      return refuse(
        new PurseError({
          code: 'signature_invalid',
          message:
            cause instanceof Error ? cause.message : 'The Stripe-Signature header does not match.',
        }),
      );
    }
    if (!isRecord(event) || typeof event.id !== 'string') {
      // Signed, so from Stripe (or whoever holds the secret), but not an event: retrying cannot help.
      logger.warn('ignored a signed webhook body that is not an event');
      return answer(200, { received: true });
    }
    let first: boolean;
    try {
      first = await store.claimOnce(`webhook:${event.id}`, dedupeTtlMs);
    } catch (error) {
      // Without the store the event can be neither deduplicated nor published: Stripe retries.
      logger.error('could not claim a webhook event; Stripe will retry it', {
        event: event.id,
        error: String(error),
      });
      return answer(503, {
        error: { type: 'api_error', code: 'store_unavailable', message: 'Retry later.' },
      });
    }
    if (!first) return answer(200, { received: true, duplicate: true });
    // Route before answering: routing is a couple of reads at most, and if it fails for a reason
    // that may pass (Stripe or the bus unavailable) Stripe must send the event again, which a
    // 2xx would tell it not to. A failure that would recur on every retry (a signed event
    // without `data`, an object Stripe says does not exist on that account) is logged and
    // answered 2xx, as an unknown event is, so that Stripe does not retry it for days.
    if (!hasData(event)) {
      logger.warn('ignored a signed webhook event without data.object', {
        event: event.id,
        type: event.type,
      });
      return answer(200, { received: true });
    }
    try {
      await route(event);
      return answer(200, { received: true });
    } catch (error) {
      if (isPermanentFailure(error)) {
        logger.warn('ignored a webhook event that cannot be routed', {
          event: event.id,
          type: event.type,
          error: String(error),
        });
        return answer(200, { received: true });
      }
      await store.unclaim(`webhook:${event.id}`).catch(() => undefined);
      logger.error('could not route a webhook event; Stripe will retry it', {
        event: event.id,
        type: event.type,
        error: String(error),
      });
      return answer(500, {
        error: {
          type: 'api_error',
          code: 'internal_error',
          message: 'Could not process the event; retry later.',
        },
      });
    }
  };
}

function tooLarge(): PurseError {
  return new PurseError({ code: 'body_too_large', message: 'The webhook body is too large.' });
}

/** The `t=` of a Stripe-Signature header, read as stripe-node reads it (the last one wins). */
function signatureTimestamp(header: string): number | null {
  let timestamp: number | null = null;
  for (const item of header.split(',')) {
    const [key, value] = item.split('=');
    if (key === 't') {
      const parsed = Number.parseInt(value ?? '', 10);
      timestamp = Number.isSafeInteger(parsed) ? parsed : null;
    }
  }
  return timestamp;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasData(event: Stripe.Event): boolean {
  const data: unknown = (event as { data?: unknown }).data;
  return isRecord(data) && isRecord(data.object);
}

/**
 * Whether retrying could never help: Stripe refused a lookup (4xx other than a conflict or a
 * rate limit: the object is not on that account, or never existed), or the event's object lacks
 * a field its type always has. Checked by shape, not `instanceof`, since the app's stripe-node
 * may be another copy than Purse's.
 */
function isPermanentFailure(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (!isRecord(error)) return false;
  const { type, statusCode } = error;
  return (
    typeof type === 'string' &&
    type.startsWith('Stripe') &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500 &&
    statusCode !== 409 &&
    statusCode !== 429
  );
}

/**
 * The Express form (4.21+ and 5) of `createPurseWebhookHandler`. Mount it on the webhook path
 * with `express.raw({ type: 'application/json' })` before it: the signature is over the exact
 * bytes, so a body already parsed as JSON is refused with a clear 400.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): ExpressHandler {
  const handle = createPurseWebhookHandler(options);
  const logger = options.logger ?? consoleLogger;
  return (req, res) => {
    const body: unknown = req.body;
    if (!Buffer.isBuffer(body) && typeof body !== 'string') {
      logger.error(
        'webhook body was parsed before the handler: mount it with express.raw({ type: "application/json" })',
      );
      const error = new PurseError({
        code: 'body_invalid',
        message: 'The webhook body must arrive unparsed (mount express.raw).',
      });
      res.status(error.status).json(error.toBody());
      return;
    }
    const headers = new Headers();
    const signature = req.get('stripe-signature');
    if (signature !== undefined) headers.set('stripe-signature', signature);
    // The web handler reads only the method, the signature and the body; a fixed URL keeps an
    // odd request path from making the Request constructor throw.
    const request = new Request('http://localhost/webhooks', {
      method: req.method,
      headers,
      ...(req.method === 'GET' || req.method === 'HEAD'
        ? {}
        : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
    });
    // Never an unhandled rejection: whatever happens, the request gets an answer.
    handle(request)
      .then(async (response) => {
        res.status(response.status);
        response.headers.forEach((value, name) => res.setHeader(name, value));
        res.send(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        logger.error('webhook handler failed', { error: String(error) });
        if (!res.headersSent) {
          const failure: PurseErrorBody = {
            error: {
              type: 'api_error',
              code: 'internal_error',
              message: 'Could not process the event; retry later.',
            },
          };
          res.status(500).json(failure);
        }
      });
  };
}
