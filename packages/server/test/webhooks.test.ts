import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookHandler, type BusMessage } from '../src/index.js';
import { completeInSandbox, startHarness, type Harness } from './harness.js';

let h: Harness;
let source: string;
let acct: string;
const opts = (): Stripe.RequestOptions => ({ stripeAccount: acct });

beforeAll(async () => {
  // The sandbox does not deliver its own events here: each test signs and posts the ones it needs.
  h = await startHarness({ webhooks: false });
  acct = h.personas.freelancer.accountId;
  const sources = await h.call('freelancer', 'GET', '/top-up-sources');
  source = (sources.body.data as { id: string }[])[0]?.id ?? '';
});
afterAll(async () => {
  await h.close();
});

function eventOf(
  type: string,
  object: { id: string },
  account: string | null = acct,
  created = Math.floor(Date.now() / 1000),
): Record<string, unknown> {
  return {
    id: `evt_${randomUUID().replaceAll('-', '')}`,
    object: 'event',
    ...(account ? { account } : {}),
    api_version: '2025-01-01',
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
}

interface Posted {
  status: number;
  body: { received?: boolean; duplicate?: boolean; error?: { code: string; message: string } };
}

async function post(
  event: unknown,
  sign: { secret?: string; timestamp?: number; payload?: string } = {},
  url = h.webhookUrl,
): Promise<Posted> {
  const payload = JSON.stringify(event);
  const header = h.stripe.webhooks.generateTestHeaderString({
    payload: sign.payload ?? payload,
    secret: sign.secret ?? h.sb.webhookSecret,
    ...(sign.timestamp === undefined ? {} : { timestamp: sign.timestamp }),
  });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as Posted['body'] };
}

/** Records what the bus publishes on `topics`. */
function listen(topics: string[]): { messages: BusMessage[]; stop: () => void } {
  const messages: BusMessage[] = [];
  const stop = h.bus.subscribe(topics, (message) => messages.push(message));
  return { messages, stop };
}

async function until(check: () => boolean, what: string, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lets the handler finish anything it started after answering. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 150));

async function newTransfer(amount: number): Promise<Stripe.Treasury.InboundTransfer> {
  const res = await h.call('freelancer', 'POST', '/top-ups', {
    body: { sourceId: source, amount, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  return h.stripe.treasury.inboundTransfers.retrieve(res.body.id as string, {}, opts());
}

const transferUpdates = (messages: BusMessage[], id: string) =>
  messages.flatMap((m) =>
    m.event.type === 'transfer.updated' && m.event.data.id === id ? [m.event.data] : [],
  );

describe('signature and timestamp', () => {
  it('a valid, signed event: 200, and its transfer is published to the owner’s topic', async () => {
    const transfer = await newTransfer(12_34);
    const bus = listen([`account:${acct}`]);
    const res = await post(eventOf('treasury.inbound_transfer.created', transfer));
    expect(res).toEqual({ status: 200, body: { received: true } });
    await until(() => transferUpdates(bus.messages, transfer.id).length === 1, 'the update');
    expect(transferUpdates(bus.messages, transfer.id)[0]).toMatchObject({
      id: transfer.id,
      amount: 12_34,
      status: 'processing',
    });
    bus.stop();
  });

  it.each<[string, { secret?: string; payload?: string; header?: string }]>([
    ['signed with another secret', { secret: 'whsec_forged_by_someone_else' }],
    ['signed over a different body', { payload: '{"id":"evt_other"}' }],
  ])('a forged event (%s): 400 signature_invalid, nothing published', async (_name, forge) => {
    const transfer = await newTransfer(5_55);
    const bus = listen([`account:${acct}`]);
    const res = await post(eventOf('treasury.inbound_transfer.created', transfer), forge);
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('signature_invalid');
    await settle();
    expect(bus.messages).toEqual([]);
    bus.stop();
  });

  it('a missing Stripe-Signature header: 400 signature_invalid', async () => {
    const response = await fetch(h.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(eventOf('treasury.inbound_transfer.created', { id: 'ibt_x' })),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Posted['body']).error?.code).toBe('signature_invalid');
  });

  it('a stale signature (older than 300 s) is refused; one within the tolerance is accepted', async () => {
    const transfer = await newTransfer(6_66);
    const bus = listen([`account:${acct}`]);
    const now = Math.floor(Date.now() / 1000);
    const stale = await post(eventOf('treasury.inbound_transfer.created', transfer), {
      timestamp: now - 301,
    });
    expect(stale.status).toBe(400);
    expect(stale.body.error?.code).toBe('signature_invalid');
    await settle();
    expect(bus.messages).toEqual([]);

    const recent = await post(eventOf('treasury.inbound_transfer.created', transfer), {
      timestamp: now - 200,
    });
    expect(recent.status).toBe(200);
    await until(() => bus.messages.length === 1, 'the update');
    bus.stop();
  });
});

describe('duplicates and order', () => {
  it('a replayed event id: 200 duplicate, published once', async () => {
    const transfer = await newTransfer(7_77);
    const bus = listen([`account:${acct}`]);
    const event = eventOf('treasury.inbound_transfer.created', transfer);
    expect((await post(event)).body).toEqual({ received: true });
    expect((await post(event)).body).toEqual({ received: true, duplicate: true });
    // Re-signed later with a fresh timestamp: still the same event.
    expect((await post(event, { timestamp: Math.floor(Date.now() / 1000) + 1 })).body).toEqual({
      received: true,
      duplicate: true,
    });
    await settle();
    expect(transferUpdates(bus.messages, transfer.id)).toHaveLength(1);
    bus.stop();
  });

  it('out of order: after succeeded, an older created never publishes processing again', async () => {
    const processing = await newTransfer(8_88);
    await h.stripe.testHelpers.treasury.inboundTransfers.succeed(processing.id, {}, opts());
    const succeeded = await h.stripe.treasury.inboundTransfers.retrieve(processing.id, {}, opts());
    expect([processing.status, succeeded.status]).toEqual(['processing', 'succeeded']);
    const bus = listen([`account:${acct}`]);
    const now = Math.floor(Date.now() / 1000);
    expect(
      (await post(eventOf('treasury.inbound_transfer.succeeded', succeeded, acct, now))).status,
    ).toBe(200);
    expect(
      (await post(eventOf('treasury.inbound_transfer.created', processing, acct, now - 60))).status,
    ).toBe(200);
    await until(
      () => bus.messages.some((m) => m.event.type === 'financial_account.updated'),
      'the balance update',
    );
    await settle();
    expect(transferUpdates(bus.messages, processing.id).map((t) => t.status)).toEqual([
      'succeeded',
    ]);
    bus.stop();
  });

  it('a return (received_debit with linked_flows.inbound_transfer) publishes the transfer as returned and the lower balance', async () => {
    const transfer = await newTransfer(9_99);
    await h.stripe.testHelpers.treasury.inboundTransfers.succeed(transfer.id, {}, opts());
    const fa = h.personas.freelancer.financialAccountId;
    const balanceBefore = (await h.stripe.treasury.financialAccounts.retrieve(fa, {}, opts()))
      .balance.cash.usd;
    await h.stripe.testHelpers.treasury.inboundTransfers.returnInboundTransfer(
      transfer.id,
      {},
      opts(),
    );
    const debits = await h.stripe.treasury.receivedDebits.list(
      { financial_account: fa, limit: 100 },
      opts(),
    );
    const debit = debits.data.find((d) => d.linked_flows.inbound_transfer === transfer.id);
    expect(debit).toBeDefined();
    const bus = listen([`account:${acct}`]);
    expect(
      (await post(eventOf('treasury.received_debit.created', debit ?? { id: '' }))).status,
    ).toBe(200);
    await until(
      () =>
        transferUpdates(bus.messages, transfer.id).length === 1 &&
        bus.messages.some((m) => m.event.type === 'financial_account.updated'),
      'the return and the balance',
    );
    expect(transferUpdates(bus.messages, transfer.id)[0]).toMatchObject({
      status: 'succeeded',
      returned: true,
    });
    const balance = bus.messages.find((m) => m.event.type === 'financial_account.updated');
    expect(balance?.event.data).toMatchObject({
      id: fa,
      balance: { cash: (balanceBefore ?? 0) - 9_99 },
    });
    bus.stop();
  });
});

describe('routing', () => {
  it('an FC account held by a connected account goes to `account:`; one held by a customer to `customer:`', async () => {
    const customer = h.personas.freelancer.customerId;
    const session = await h.stripe.financialConnections.sessions.create({
      account_holder: { type: 'customer', customer },
      permissions: ['balances'],
    });
    await completeInSandbox(h, '', session.id, 'fcinst_stripebank', ['savings']);
    const held = await h.stripe.financialConnections.accounts.list({ session: session.id });
    const customerHeld = held.data[0];
    const accounts = await h.call('freelancer', 'GET', '/accounts');
    const accountHeld = await h.stripe.financialConnections.accounts.retrieve(
      (accounts.body.data as { id: string }[])[0]?.id ?? '',
      {},
      opts(),
    );
    expect(customerHeld?.account_holder?.type).toBe('customer');
    expect(accountHeld.account_holder?.type).toBe('account');

    const mine = listen([`account:${acct}`]);
    const asCustomer = listen([`customer:${customer}`]);
    const others = listen([
      `account:${h.personas.short_of_funds.accountId}`,
      `customer:${h.personas.short_of_funds.customerId}`,
    ]);
    await post(eventOf('financial_connections.account.refreshed_balance', accountHeld, acct));
    await post(
      eventOf('financial_connections.account.refreshed_balance', customerHeld ?? { id: '' }, null),
    );
    await until(
      () => mine.messages.length === 1 && asCustomer.messages.length === 1,
      'both updates',
    );
    expect(mine.messages[0]?.event).toMatchObject({
      type: 'account.updated',
      data: { id: accountHeld.id },
    });
    expect(asCustomer.messages[0]?.event).toMatchObject({
      type: 'account.updated',
      data: { id: customerHeld?.id },
    });
    expect(
      JSON.stringify([...mine.messages, ...asCustomer.messages].map((m) => m.event)),
    ).not.toMatch(/acct_|cus_/);
    await settle();
    expect(others.messages).toEqual([]);
    for (const l of [mine, asCustomer, others]) l.stop();
  });

  it('events for the platform’s own Treasury objects and unknown types are accepted and ignored', async () => {
    const transfer = await newTransfer(4_44);
    const everyone = listen([
      `account:${acct}`,
      `account:${h.personas.short_of_funds.accountId}`,
      `customer:${h.personas.freelancer.customerId}`,
    ]);
    expect((await post(eventOf('treasury.inbound_transfer.created', transfer, null))).status).toBe(
      200,
    );
    expect((await post(eventOf('customer.created', { id: 'cus_new' }))).status).toBe(200);
    await settle();
    expect(everyone.messages).toEqual([]);
    everyone.stop();
  });
});

describe('mounting mistakes', () => {
  it('express.json() mounted before the handler: a clear 400, not a crash', async () => {
    const errors: string[] = [];
    const app = express();
    app.post(
      '/webhooks',
      express.json(),
      createWebhookHandler({
        stripe: h.stripe,
        endpointSecret: h.sb.webhookSecret,
        events: h.bus,
        logger: { info: () => undefined, warn: () => undefined, error: (m) => errors.push(m) },
      }),
    );
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/webhooks`;
      const transfer = await newTransfer(3_33);
      const res = await post(eventOf('treasury.inbound_transfer.created', transfer), {}, url);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('body_invalid');
      expect(res.body.error?.message).toMatch(/express\.raw/);
      expect(errors.join('\n')).toMatch(/express\.raw/);
      // Still serving.
      expect((await post({ id: 'evt_x' }, {}, url)).status).toBe(400);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
