/**
 * Webhooks as Stripe sends them rather than neater (issue 11, item 7): Connect endpoints get
 * only connected accounts' events and other endpoints only the platform's, and an endpoint in
 * chaos mode gets events shuffled, delayed, duplicated and after dropped attempts, the same
 * way every time for the same seed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type WebhookDelivery } from '../src/index.js';
import { connectedAccount, eventually, financialAccount, TUESDAY } from './helpers.js';

/** A local endpoint that verifies each request's signature and keeps the events in arrival order. */
class Receiver {
  readonly events: Stripe.Event[] = [];
  readonly rejected: string[] = [];
  private readonly server: Server;
  url = '';

  constructor(private readonly secret: string) {
    const verifier = new Stripe('sk_test_unused');
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          const event = verifier.webhooks.constructEvent(
            Buffer.concat(chunks),
            req.headers['stripe-signature'] ?? '',
            this.secret,
          );
          this.events.push(event);
          res.writeHead(200).end();
        } catch (error) {
          this.rejected.push(String(error));
          res.writeHead(400).end();
        }
      });
    });
  }

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}/hooks`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function receiver(secret: string): Promise<Receiver> {
  const r = await new Receiver(secret).listen();
  cleanup.push(() => r.close());
  return r;
}

async function sandbox(options: Parameters<typeof startSandbox>[0]): Promise<Sandbox> {
  const sb = await startSandbox({
    speed: 0,
    startAt: TUESDAY,
    webhookRetry: { initialDelayMs: 10, maxDelayMs: 40, attempts: 5 },
    ...options,
  });
  cleanup.push(() => sb.close());
  return sb;
}

describe('Connect and platform endpoints', () => {
  it('sends connected accounts’ events only to connect endpoints and the platform’s only to the others', async () => {
    const secret = 'whsec_connect_split';
    const platform = await receiver(secret);
    const connect = await receiver(secret);
    const everything = await receiver(secret);
    const sb = await sandbox({
      keys: { webhookSecret: secret },
      webhooks: [
        { url: platform.url, connect: false },
        { url: connect.url, connect: true },
        { url: everything.url },
      ],
    });
    const stripe = sb.stripe({ maxNetworkRetries: 0 });
    const customer = await stripe.customers.create({ email: 'split@example.com' });
    const account = await connectedAccount(stripe);
    const fa = await financialAccount(stripe, account);
    await sb.webhooksIdle();

    expect(platform.events.map((e) => e.account ?? null).every((a) => a === null)).toBe(true);
    expect(platform.events.map((e) => (e.data.object as { id: string }).id)).toContain(customer.id);
    expect(connect.events.length).toBeGreaterThan(0);
    expect(connect.events.every((e) => e.account === account)).toBe(true);
    expect(connect.events.map((e) => (e.data.object as { id: string }).id)).toContain(fa.id);
    expect(everything.events).toHaveLength(platform.events.length + connect.events.length);

    // pending_webhooks counts the endpoints that receive the event (and are still owed it).
    const created = await stripe.events.list({ type: 'customer.created' });
    const event = created.data.find((e) => (e.data.object as { id: string }).id === customer.id);
    expect(event?.pending_webhooks).toBe(0);
    const deliveries = sb.webhookDeliveries().filter((d) => d.event === event?.id);
    expect(deliveries.map((d) => d.url).sort()).toEqual([everything.url, platform.url].sort());
  });
});

/** Thirty customers, each created then renamed: sixty events on thirty objects. */
async function burst(sb: Sandbox): Promise<string[]> {
  const stripe = sb.stripe({ maxNetworkRetries: 0 });
  const ids: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const customer = await stripe.customers.create({ email: `c${String(i)}@example.com` });
    await stripe.customers.update(customer.id, { name: `Customer ${String(i)}` });
    ids.push(customer.id);
  }
  return ids;
}

/** What chaos did to each event, in creation order: attempts of the first delivery, copies. */
function plan(deliveries: WebhookDelivery[], eventIds: string[]): string[] {
  return eventIds.map((id) => {
    const mine = deliveries.filter((d) => d.event === id);
    const first = mine.find((d) => d.duplicate === false);
    return `${String(first?.attempts)}:${String(mine.length)}`;
  });
}

describe('chaos mode', () => {
  it('shuffles, delays, duplicates and drops, yet every event arrives signed, at least once', async () => {
    const secret = 'whsec_chaos';
    const r = await receiver(secret);
    const sb = await sandbox({
      keys: { webhookSecret: secret },
      webhooks: [{ url: r.url, chaos: { seed: 'purse', windowMs: 200 } }],
    });
    await burst(sb);
    const stripe = sb.stripe({ maxNetworkRetries: 0 });
    const events = (await stripe.events.list({ limit: 100 })).data.reverse(); // oldest first
    expect(events).toHaveLength(60);
    await sb.webhooksIdle();
    await eventually(() => new Set(r.events.map((e) => e.id)).size === 60);

    expect(r.rejected).toEqual([]);
    const arrived = r.events.map((e) => e.id);
    expect(new Set(arrived)).toEqual(new Set(events.map((e) => e.id)));
    expect(arrived.length).toBeGreaterThan(60); // duplicates
    const firstArrival = [...new Set(arrived)];
    expect(firstArrival).not.toEqual(events.map((e) => e.id)); // out of order
    const deliveries = sb.webhookDeliveries();
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    expect(deliveries.some((d) => d.attempts > 1)).toBe(true); // dropped, then retried
    expect(deliveries.some((d) => d.duplicate === true)).toBe(true);
    // Some object's update arrives before its creation.
    const inverted = events
      .filter((e) => e.type === 'customer.updated')
      .some((updated) => {
        const id = (updated.data.object as { id: string }).id;
        const created = events.find(
          (e) => e.type === 'customer.created' && (e.data.object as { id: string }).id === id,
        );
        return firstArrival.indexOf(updated.id) < firstArrival.indexOf(created?.id ?? '');
      });
    expect(inverted).toBe(true);
    // Every event is finally delivered, so none is still owed.
    const stored = (await stripe.events.list({ limit: 100 })).data;
    expect(stored.every((e) => e.pending_webhooks === 0)).toBe(true);
  });

  it('does the same to the same events for the same seed, and otherwise for another', async () => {
    const run = async (seed: string): Promise<string[]> => {
      const r = await receiver('whsec_replay');
      const sb = await sandbox({
        keys: { webhookSecret: 'whsec_replay' },
        webhooks: [{ url: r.url }],
        webhookChaos: { seed, windowMs: 100 },
      });
      await burst(sb);
      const events = (await sb.stripe().events.list({ limit: 100 })).data.reverse();
      await sb.webhooksIdle();
      return plan(
        sb.webhookDeliveries(),
        events.map((e) => e.id),
      );
    };
    const first = await run('replay');
    const again = await run('replay');
    const other = await run('another');
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });
});
