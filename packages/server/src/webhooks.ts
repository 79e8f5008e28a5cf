/**
 * `createWebhookHandler`: Stripe's webhooks turned into live updates. The signature and its
 * timestamp are checked on the raw body; each event id is handled once; the request is answered
 * at once and the event is then routed to the user it concerns (the FC account's holder, or the
 * connected account a Treasury object lives on) as a contract view. A transfer's status never
 * moves backwards, whatever order the events arrive in.
 */
import { PurseError, mergeTransferUpdate, type PurseEvent, type TopUp } from '@purse/core';
import { holderTopic } from '@purse/core';
import type { Request, Response } from 'express';
import type Stripe from 'stripe';
import type { EventBus } from './events/event-bus.js';
import { sharedEventBus } from './events/shared-event-bus.js';
import { consoleLogger, hasMethods, PurseConfigError, type PurseLogger } from './options.js';
import { financialAccountView, linkedAccountView, topUpView } from './views.js';

export interface WebhookHandlerOptions {
  /** The same stripe-node client the router uses (for looking up related objects). */
  stripe: Stripe;
  /** The endpoint's signing secret, `whsec_…`. */
  endpointSecret: string;
  /** The bus the router's event streams listen to. @default the process-wide default bus (the router's default too) */
  events?: EventBus;
  /** Oldest signature timestamp accepted, in seconds. @default 300 (Stripe's libraries' default) */
  toleranceSeconds?: number;
  /** Event ids remembered for de-duplication. @default 10000 */
  dedupeSize?: number;
  /** @default console, prefixed `[purse]` */
  logger?: PurseLogger;
}

type Handler = (req: Request, res: Response) => void;

class LruSet {
  private readonly items = new Map<string, true>();
  constructor(private readonly size: number) {}
  has(key: string): boolean {
    return this.items.has(key);
  }
  delete(key: string): void {
    this.items.delete(key);
  }
  add(key: string): void {
    this.items.delete(key);
    this.items.set(key, true);
    if (this.items.size > this.size) {
      const oldest = this.items.keys().next().value;
      if (oldest !== undefined) this.items.delete(oldest);
    }
  }
}

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

export function createWebhookHandler(options: WebhookHandlerOptions): Handler {
  if (typeof options !== 'object' || (options as unknown) === null) {
    throw new PurseConfigError(
      'ERR_PURSE_MISSING_OPTIONS',
      'createWebhookHandler needs an options object',
    );
  }
  const { stripe, endpointSecret } = options;
  if (typeof (stripe as Partial<Stripe> | undefined)?.webhooks?.constructEvent !== 'function') {
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
  const events = options.events ?? sharedEventBus();
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
  const logger = options.logger ?? consoleLogger;
  if (!hasMethods(logger, ['info', 'warn', 'error'])) {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_OPTION',
      '`logger` must have info, warn and error methods (ERR_PURSE_INVALID_OPTION)',
    );
  }
  const seen = new LruSet(count(options.dedupeSize, 'dedupeSize', 10_000, 1));
  const transfers = new Map<string, TopUp>();

  const publish = async (topic: string, event: PurseEvent): Promise<void> => {
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
    const object = event.data.object as { object?: string };
    const connected = event.account;
    if (object.object === 'financial_connections.account') {
      const account = event.data.object as Stripe.FinancialConnections.Account;
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
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(
        body,
        req.get('stripe-signature') ?? '',
        endpointSecret,
        tolerance,
      );
    } catch (cause) {
      const error = new PurseError({
        code: 'signature_invalid',
        message:
          cause instanceof Error ? cause.message : 'The Stripe-Signature header does not match.',
      });
      res.status(error.status).json(error.toBody());
      return;
    }
    if (seen.has(event.id)) {
      res.status(200).json({ received: true, duplicate: true });
      return;
    }
    // Route before answering: routing is a couple of reads at most, and if it fails Stripe must
    // send the event again (a 2xx would tell it not to), so the update is not lost.
    seen.add(event.id);
    route(event).then(
      () => {
        res.status(200).json({ received: true });
      },
      (error: unknown) => {
        seen.delete(event.id);
        logger.error('could not route a webhook event; Stripe will retry it', {
          event: event.id,
          type: event.type,
          error: String(error),
        });
        res.status(500).json({
          error: {
            type: 'api_error',
            code: 'internal_error',
            message: 'Could not process the event; retry later.',
          },
        });
      },
    );
  };
}
