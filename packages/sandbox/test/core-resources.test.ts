/**
 * Customers, connected accounts and events: create, retrieve, update, delete and list, with the
 * events each change records.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { connectedAccount, stripeError, TUESDAY } from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sb.close();
});

describe('customers', () => {
  it('creates a customer with Stripe ids, defaults and the virtual creation time', async () => {
    const customer = await stripe.customers.create({
      email: 'jenny@example.com',
      name: 'Jenny Rosen',
      metadata: { plan: 'pro' },
    });
    expect(customer.id).toMatch(/^cus_[0-9A-Za-z]{24}$/);
    expect(customer).toMatchObject({
      object: 'customer',
      email: 'jenny@example.com',
      name: 'Jenny Rosen',
      metadata: { plan: 'pro' },
      livemode: false,
      balance: 0,
      created: sb.clock.now(),
    });
    const fetched = await stripe.customers.retrieve(customer.id);
    expect(fetched).toMatchObject({ id: customer.id, email: 'jenny@example.com' });
  });

  it('updates fields, removes a metadata key given an empty value, and records previous_attributes', async () => {
    const customer = await stripe.customers.create({
      email: 'old@example.com',
      metadata: { keep: '1', drop: '2' },
    });
    const updated = await stripe.customers.update(customer.id, {
      email: 'new@example.com',
      metadata: { drop: '' },
    });
    expect(updated.email).toBe('new@example.com');
    expect(updated.metadata).toEqual({ keep: '1' });

    const events = await stripe.events.list({ type: 'customer.updated', limit: 100 });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === customer.id);
    expect(event?.data.previous_attributes).toEqual({
      email: 'old@example.com',
      metadata: { keep: '1', drop: '2' },
    });
  });

  it('records no customer.updated event for an update that changes nothing', async () => {
    const customer = await stripe.customers.create({ email: 'same@example.com' });
    await stripe.customers.update(customer.id, { email: 'same@example.com' });
    const events = await stripe.events.list({ type: 'customer.updated', limit: 100 });
    expect(events.data.some((e) => (e.data.object as { id: string }).id === customer.id)).toBe(
      false,
    );
  });

  it('deletes a customer: retrieve shows deleted, update is a 404, lists leave it out', async () => {
    const customer = await stripe.customers.create({ email: 'gone@example.com' });
    const deleted = await stripe.customers.del(customer.id);
    expect(deleted).toMatchObject({ id: customer.id, object: 'customer', deleted: true });
    const fetched = await stripe.customers.retrieve(customer.id);
    expect(fetched.deleted).toBe(true);
    const update = await stripeError(stripe.customers.update(customer.id, { name: 'x' }));
    expect(update).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const again = await stripeError(stripe.customers.del(customer.id));
    expect(again.statusCode).toBe(404);
    const list = await stripe.customers.list({ email: 'gone@example.com' });
    expect(list.data).toEqual([]);
  });

  it('lists customers filtered by email', async () => {
    const a = await stripe.customers.create({ email: 'filter@example.com' });
    await stripe.customers.create({ email: 'other@example.com' });
    const b = await stripe.customers.create({ email: 'filter@example.com' });
    const list = await stripe.customers.list({ email: 'filter@example.com' });
    expect(list.data.map((c) => c.id)).toEqual([b.id, a.id]);
  });
});

describe('connected accounts', () => {
  it('creates an account whose requested capabilities are active', async () => {
    const account = await stripe.accounts.create({
      type: 'custom',
      country: 'us',
      email: 'biz@example.com',
      business_profile: { name: 'Biz', mcc: '5734' },
      capabilities: { treasury: { requested: true }, card_issuing: { requested: true } },
      metadata: { tier: 'gold' },
    });
    expect(account.id).toMatch(/^acct_/);
    expect(account).toMatchObject({
      object: 'account',
      type: 'custom',
      country: 'US',
      email: 'biz@example.com',
      capabilities: { treasury: 'active', card_issuing: 'active' },
      business_profile: { name: 'Biz', mcc: '5734' },
      metadata: { tier: 'gold' },
      charges_enabled: true,
    });
    const fetched = await stripe.accounts.retrieve(account.id);
    expect(fetched.capabilities).toEqual({ treasury: 'active', card_issuing: 'active' });
  });

  it('updates an account and sends account.updated to that account', async () => {
    const id = await connectedAccount(stripe, 'Updatable');
    const updated = await stripe.accounts.update(id, {
      email: 'changed@example.com',
      capabilities: { card_issuing: { requested: true } },
    });
    expect(updated.email).toBe('changed@example.com');
    expect(updated.capabilities?.card_issuing).toBe('active');

    const events = await stripe.events.list({ type: 'account.updated' }, { stripeAccount: id });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({ account: id, type: 'account.updated' });
    expect(events.data[0]?.data.previous_attributes).toMatchObject({ email: 'owner@example.com' });
  });

  it('deletes an account: it is then a 404 and leaves the list', async () => {
    const id = await connectedAccount(stripe, 'Doomed');
    const deleted = await stripe.accounts.del(id);
    expect(deleted).toEqual(
      expect.objectContaining({ id, object: 'account', deleted: true }) as unknown,
    );
    const error = await stripeError(stripe.accounts.retrieve(id));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const all = await stripe.accounts.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
    expect(all.some((a) => a.id === id)).toBe(false);
  });

  it('lists accounts newest first with a created range', async () => {
    const before = sb.clock.advance(100);
    const a = await connectedAccount(stripe, 'List A');
    sb.clock.advance(10);
    const b = await connectedAccount(stripe, 'List B');
    const list = await stripe.accounts.list({ created: { gte: before } });
    expect(list.data.map((x) => x.id)).toEqual([b, a]);
    expect(list.url).toBe('/v1/accounts');
  });
});

describe('events', () => {
  it('records the request id and idempotency key of the request that caused an event', async () => {
    const customer = await stripe.customers.create(
      { email: 'evt@example.com' },
      { idempotencyKey: 'evt-key' },
    );
    const events = await stripe.events.list({ type: 'customer.created', limit: 100 });
    const event = events.data.find((e) => (e.data.object as { id: string }).id === customer.id);
    expect(event).toMatchObject({
      object: 'event',
      api_version: expect.any(String) as unknown,
      livemode: false,
      pending_webhooks: 0,
      request: { id: customer.lastResponse.requestId, idempotency_key: 'evt-key' },
      data: { object: { id: customer.id, email: 'evt@example.com' } },
    });
    expect(event?.id).toMatch(/^evt_/);
    expect(event?.account).toBeUndefined();

    const fetched = await stripe.events.retrieve(event?.id ?? '');
    expect(fetched.id).toBe(event?.id);
  });

  it('keeps a snapshot in data.object that later changes do not touch', async () => {
    const customer = await stripe.customers.create({ name: 'Before' });
    await stripe.customers.update(customer.id, { name: 'After' });
    const created = (await stripe.events.list({ type: 'customer.created', limit: 100 })).data.find(
      (e) => (e.data.object as { id: string }).id === customer.id,
    );
    expect((created?.data.object as Stripe.Customer).name).toBe('Before');
  });

  it('filters by types with a wildcard and by created range', async () => {
    const start = sb.clock.advance(1000);
    const customer = await stripe.customers.create({ name: 'Filtered' });
    await stripe.customers.update(customer.id, { name: 'Filtered 2' });
    await stripe.customers.del(customer.id);
    const all = await stripe.events.list({ created: { gte: start }, types: ['customer.*'] });
    expect(all.data.map((e) => e.type)).toEqual([
      'customer.deleted',
      'customer.updated',
      'customer.created',
    ]);
    const two = await stripe.events.list({
      created: { gte: start },
      types: ['customer.created', 'customer.deleted'],
    });
    expect(two.data.map((e) => e.type)).toEqual(['customer.deleted', 'customer.created']);
  });

  it('keeps a connected account’s events out of the platform’s and says which account they are for', async () => {
    const account = await connectedAccount(stripe, 'Evented');
    const customer = await stripe.customers.create(
      { name: 'On account' },
      { stripeAccount: account },
    );
    const onAccount = await stripe.events.list(
      { type: 'customer.created' },
      { stripeAccount: account },
    );
    expect(onAccount.data).toHaveLength(1);
    expect(onAccount.data[0]?.account).toBe(account);
    const eventId = onAccount.data[0]?.id ?? '';
    const onPlatform = await stripeError(stripe.events.retrieve(eventId));
    expect(onPlatform).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    const platformList = await stripe.events.list({ limit: 100 });
    expect(
      platformList.data.some((e) => (e.data.object as { id: string }).id === customer.id),
    ).toBe(false);
  });

  it('answers 404 for an unknown event', async () => {
    const error = await stripeError(stripe.events.retrieve('evt_missing'));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', param: 'id' });
  });
});
