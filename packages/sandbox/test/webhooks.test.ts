/**
 * Signed webhook delivery to a real local endpoint: signatures stripe-node verifies, retries
 * with backoff while the endpoint fails, per-object order, giving up, and the delivery log.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../src/index.js';
import { startSandbox, type Sandbox } from '../src/index.js';
import { control, eventually, treasuryUser, TUESDAY } from './helpers.js';

interface Received {
  body: string;
  headers: IncomingHttpHeaders;
  at: number;
  status: number;
}

/** A webhook endpoint that records every request and answers with `respond`'s status. */
class Endpoint {
  readonly received: Received[] = [];
  respond: (body: string, attempt: number) => number = () => 200;
  private readonly attempts = new Map<string, number>();
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = (JSON.parse(body) as { id: string }).id;
        const attempt = (this.attempts.get(id) ?? 0) + 1;
        this.attempts.set(id, attempt);
        const status = this.respond(body, attempt);
        this.received.push({ body, headers: req.headers, at: performance.now(), status });
        res.writeHead(status).end();
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}/hooks`;
  }

  delivered(): Stripe.Event[] {
    return this.received
      .filter((r) => r.status < 300)
      .map((r) => JSON.parse(r.body) as Stripe.Event);
  }

  reset(): void {
    this.received.length = 0;
    this.attempts.clear();
    this.respond = () => 200;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let endpoint: Endpoint;
let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  endpoint = new Endpoint();
  await endpoint.listen();
  sb = await startSandbox({
    speed: 0,
    startAt: TUESDAY,
    webhooks: [{ url: endpoint.url }],
    webhookRetry: { initialDelayMs: 20, maxDelayMs: 50, attempts: 4 },
  });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

beforeEach(async () => {
  await sb.webhooksIdle();
  endpoint.reset();
});

afterAll(async () => {
  await sb.close();
  await endpoint.close();
});

describe('signing', () => {
  it('signs each delivery so stripe.webhooks.constructEvent verifies the raw body', async () => {
    const customer = await stripe.customers.create({ email: 'hook@example.com' });
    await sb.webhooksIdle();
    expect(endpoint.received).toHaveLength(1);
    const [delivery] = endpoint.received;
    const header = delivery?.headers['stripe-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(delivery?.headers['content-type']).toBe('application/json; charset=utf-8');

    const event = stripe.webhooks.constructEvent(delivery?.body ?? '', header, sb.webhookSecret);
    expect(event.type).toBe('customer.created');
    expect((event.data.object as Stripe.Customer).id).toBe(customer.id);
    expect(event.pending_webhooks).toBe(1);

    const stored = await stripe.events.retrieve(event.id);
    expect(stored.id).toBe(event.id);
    expect(stored.pending_webhooks).toBe(0);

    expect(() =>
      stripe.webhooks.constructEvent(delivery?.body ?? '', header, 'whsec_wrong_secret'),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    expect(() =>
      stripe.webhooks.constructEvent(`${delivery?.body ?? ''} `, header, sb.webhookSecret),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('marks connected-account events with their account', async () => {
    const user = await treasuryUser(stripe);
    await sb.webhooksIdle();
    const created = endpoint
      .delivered()
      .find((e) => e.type === 'treasury.financial_account.created');
    expect(created?.account).toBe(user.account);
  });
});

describe('retries', () => {
  it('retries a failing endpoint with growing delays until it answers 2xx', async () => {
    endpoint.respond = (_body, attempt) => (attempt < 3 ? 500 : 200);
    await stripe.customers.create({ name: 'Retry me' });
    await sb.webhooksIdle();
    expect(endpoint.received.map((r) => r.status)).toEqual([500, 500, 200]);
    const [first, second, third] = endpoint.received.map((r) => r.at);
    const gap1 = (second ?? 0) - (first ?? 0);
    const gap2 = (third ?? 0) - (second ?? 0);
    expect(gap1).toBeGreaterThanOrEqual(18);
    expect(gap2).toBeGreaterThanOrEqual(38);
    // Each retry is signed afresh and still verifies.
    for (const r of endpoint.received) {
      expect(() =>
        stripe.webhooks.constructEvent(
          r.body,
          r.headers['stripe-signature'] as string,
          sb.webhookSecret,
        ),
      ).not.toThrow();
    }

    const eventId = endpoint.delivered()[0]?.id ?? '';
    const log = await control<{ data: WebhookDelivery[] }>(
      sb,
      'GET',
      `/_sandbox/webhook_deliveries?event=${eventId}`,
    );
    expect(log.body.data).toHaveLength(1);
    expect(log.body.data[0]).toMatchObject({
      event: eventId,
      type: 'customer.created',
      url: endpoint.url,
      status: 'delivered',
      attempts: 3,
      last_response_status: 200,
      last_error: null,
    });
    expect(sb.webhookDeliveries().find((d) => d.event === eventId)?.attempts).toBe(3);
  });

  it('gives up after the configured attempts and leaves pending_webhooks at 1', async () => {
    endpoint.respond = () => 503;
    const customer = await stripe.customers.create({ name: 'Never delivered' });
    await sb.webhooksIdle();
    expect(endpoint.received).toHaveLength(4);
    const log = await control<{ data: WebhookDelivery[] }>(
      sb,
      'GET',
      '/_sandbox/webhook_deliveries?type=customer.created',
    );
    const delivery = log.body.data.find((d) => d.object === customer.id);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 4,
      last_response_status: 503,
      last_error: 'HTTP 503',
    });
    const events = await stripe.events.list({ type: 'customer.created', limit: 100 });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === customer.id);
    expect(event?.pending_webhooks).toBe(1);
    const undelivered = await stripe.events.list({ delivery_success: false, limit: 100 });
    expect(undelivered.data.map((e) => e.id)).toContain(event?.id);
  });

  it('keeps one object’s events in order while an earlier one is being retried', async () => {
    endpoint.respond = (body, attempt) =>
      (JSON.parse(body) as Stripe.Event).type === 'customer.created' && attempt < 3 ? 500 : 200;
    const customer = await stripe.customers.create({ name: 'v1' });
    await stripe.customers.update(customer.id, { name: 'v2' });
    await stripe.customers.update(customer.id, { name: 'v3' });
    await stripe.customers.del(customer.id);
    await sb.webhooksIdle();
    const forCustomer = endpoint
      .delivered()
      .filter((e) => (e.data.object as { id: string }).id === customer.id);
    expect(forCustomer.map((e) => e.type)).toEqual([
      'customer.created',
      'customer.updated',
      'customer.updated',
      'customer.deleted',
    ]);
    expect(forCustomer.map((e) => (e.data.object as Stripe.Customer).name)).toEqual([
      'v1',
      'v2',
      'v3',
      'v3',
    ]);
  });

  it('does not hold up other objects while one object’s event is retried', async () => {
    endpoint.respond = (body, attempt) => {
      const event = JSON.parse(body) as Stripe.Event;
      return (event.data.object as Stripe.Customer).name === 'Slow' && attempt < 4 ? 500 : 200;
    };
    await stripe.customers.create({ name: 'Slow' });
    await stripe.customers.create({ name: 'Fast' });
    await eventually(() => endpoint.delivered().length === 2);
    const names = endpoint.delivered().map((e) => (e.data.object as Stripe.Customer).name);
    expect(names).toEqual(['Fast', 'Slow']);
  });
});

describe('clock-driven events', () => {
  it('delivers the events of a transfer settling on the virtual clock, in order', async () => {
    const user = await treasuryUser(stripe);
    const ibt = await stripe.treasury.inboundTransfers.create(
      {
        amount: 1_000,
        currency: 'usd',
        financial_account: user.fa,
        origin_payment_method: 'pm_usBankAccount_dispute',
      },
      { stripeAccount: user.account },
    );
    await control(sb, 'POST', '/_sandbox/clock/advance', { business_days: 4 });
    await sb.webhooksIdle();
    const types = endpoint
      .delivered()
      .filter((e) => (e.data.object as { id: string }).id === ibt.id)
      .map((e) => e.type);
    expect(types).toEqual([
      'treasury.inbound_transfer.created',
      'treasury.inbound_transfer.succeeded',
    ]);
    const succeeded = endpoint
      .delivered()
      .find((e) => e.type === 'treasury.inbound_transfer.succeeded');
    expect(succeeded?.request).toEqual({ id: null, idempotency_key: null });
    expect(endpoint.delivered().some((e) => e.type === 'treasury.received_debit.created')).toBe(
      true,
    );
  });
});

describe('endpoints added at run time', () => {
  it('signs for an endpoint added with /_sandbox/webhooks using its own secret', async () => {
    const first = new Endpoint();
    const second = new Endpoint();
    await first.listen();
    await second.listen();
    const own = await startSandbox({ speed: 0, startAt: TUESDAY });
    try {
      const client = own.stripe({ maxNetworkRetries: 0 });
      const added = own.addWebhook({ url: first.url });
      expect(added).toMatch(/^we_/);
      const response = await control<{ id: string; url: string }>(
        own,
        'POST',
        '/_sandbox/webhooks',
        {
          url: second.url,
          secret: 'whsec_second_endpoint',
        },
      );
      expect(response.body).toEqual({
        id: expect.stringMatching(/^we_/) as unknown,
        url: second.url,
      });
      await client.customers.create({ name: 'Two endpoints' });
      await own.webhooksIdle();
      const [delivery] = second.received;
      const event = client.webhooks.constructEvent(
        delivery?.body ?? '',
        delivery?.headers['stripe-signature'] as string,
        'whsec_second_endpoint',
      );
      expect(event.type).toBe('customer.created');
      expect(event.pending_webhooks).toBe(2);
      const [viaDefault] = first.received;
      expect(
        client.webhooks.constructEvent(
          viaDefault?.body ?? '',
          viaDefault?.headers['stripe-signature'] as string,
          own.webhookSecret,
        ).id,
      ).toBe(event.id);
      const bad = await control(own, 'POST', '/_sandbox/webhooks', { url: 'not a url' });
      expect(bad.status).toBe(400);
    } finally {
      await own.close();
      await first.close();
      await second.close();
    }
  });
});
