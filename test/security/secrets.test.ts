/**
 * What the browser receives never carries the server's secrets (the API key, the webhook
 * signing secret), full account numbers, or the Stripe ids of who holds what. Every route is
 * exercised, successes and failures alike, plus the live event stream, and everything that came
 * back (status, headers, bodies, events) is searched.
 */
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeInSandbox,
  startHarness,
  type CallOptions,
  type Harness,
} from '../../packages/server/test/harness.js';
import { openStream, type SseStream } from '../../packages/server/test/sse.js';

let h: Harness;
const seen: string[] = [];
let stream: SseStream;
let accountNumbers: string[] = [];

async function record(user: string | null, method: string, path: string, options?: CallOptions) {
  const res = await h.call(user, method, path, options);
  const headers: string[] = [];
  res.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
  seen.push(
    `${method} ${path} ${String(res.status)} ${headers.join('; ')} ${JSON.stringify(res.body)}`,
  );
  return res;
}

beforeAll(async () => {
  h = await startHarness();
  accountNumbers = await Promise.all(
    Object.values(h.personas).map(async (p) => {
      const fa = await h.stripe.treasury.financialAccounts.retrieve(
        p.financialAccountId,
        { expand: ['financial_addresses.aba.account_number'] },
        { stripeAccount: p.accountId },
      );
      return fa.financial_addresses[0]?.aba?.account_number ?? '';
    }),
  );
  stream = await openStream(`${h.base}/events`, { 'x-test-user': 'freelancer' });

  // Every route, as the signed-in owner.
  const accounts = await record('freelancer', 'GET', '/accounts');
  const fca = (accounts.body.data as { id: string }[])[0]?.id ?? '';
  await record('freelancer', 'GET', `/accounts/${fca}`);
  await record('freelancer', 'GET', `/accounts/${fca}/transactions?limit=50`);
  await record('freelancer', 'POST', `/accounts/${fca}/balance-refresh`);
  h.sb.clock.advance(120);
  await record('freelancer', 'POST', `/accounts/${fca}/balance-refresh`);
  await record('freelancer', 'POST', `/accounts/${fca}/transactions-refresh`);
  await record('freelancer', 'PUT', `/accounts/${fca}/transactions-subscription`);
  await record('freelancer', 'DELETE', `/accounts/${fca}/transactions-subscription`);
  await record('freelancer', 'GET', '/financial-account');
  await record('freelancer', 'GET', '/financial-account?reveal=account_number');
  await record('freelancer', 'PATCH', '/financial-account', { body: { nickname: 'Savings pot' } });
  const sources = await record('freelancer', 'GET', '/top-up-sources');
  const sourceId = (sources.body.data as { id: string }[])[0]?.id;
  const created = await record('freelancer', 'POST', '/top-ups', {
    body: { sourceId, amount: 15_00, currency: 'usd', description: 'Secrets check' },
    headers: { 'idempotency-key': randomUUID() },
  });
  const ibt = created.body.id as string;
  await record('freelancer', 'GET', '/top-ups');
  await record('freelancer', 'GET', `/top-ups/${ibt}`);
  const cancelable = await record('freelancer', 'POST', '/top-ups', {
    body: { sourceId, amount: 2_00, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  await record('freelancer', 'POST', `/top-ups/${String(cancelable.body.id)}/cancel`);
  await h.stripe.testHelpers.treasury.inboundTransfers.succeed(
    ibt,
    {},
    { stripeAccount: h.personas.freelancer.accountId },
  );

  // Linking, for a new user.
  const session = await record('new_user', 'POST', '/link-sessions');
  await completeInSandbox(
    h,
    h.personas.new_user.accountId,
    session.body.id as string,
    'fcinst_stripebank',
    ['checking'],
  );
  const linked = await record(
    'new_user',
    'POST',
    `/link-sessions/${String(session.body.id)}/complete`,
  );
  const newFca = (linked.body.accounts as { id: string }[])[0]?.id ?? '';
  await record('new_user', 'POST', `/accounts/${newFca}/disconnect`);

  // Failures.
  await record(null, 'GET', '/accounts');
  await record('short_of_funds', 'GET', `/accounts/${fca}`);
  await record('freelancer', 'GET', '/top-ups/ibt_unknown000');
  await record('freelancer', 'POST', '/top-ups', {
    rawBody: '{oops',
    headers: { 'content-type': 'application/json' },
  });
  await record('freelancer', 'POST', '/top-ups', {
    body: { sourceId, amount: 1, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  const broken = await h.addRouter({
    stripe: new Stripe(`${h.sb.secretKey}_revoked`, {
      host: '127.0.0.1',
      port: h.sb.port,
      protocol: 'http',
      maxNetworkRetries: 0,
    }),
  });
  const failed = await broken.call('freelancer', 'GET', '/accounts');
  seen.push(`broken ${String(failed.status)} ${JSON.stringify(failed.body)}`);
  const webhook = await fetch(h.webhookUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=forged' },
    body: '{"id":"evt_forged"}',
  });
  seen.push(`webhook ${String(webhook.status)} ${await webhook.text()}`);

  await stream.next((e) => e.event === 'transfer.updated' && e.data.status === 'succeeded');
  await h.sb.webhooksIdle();
  seen.push(`events ${JSON.stringify(stream.events)}`);
});

afterAll(async () => {
  stream.close();
  await h.close();
});

describe('everything the browser received', () => {
  it('covers every route, successes and failures, and the event stream', () => {
    const text = seen.join('\n');
    expect(seen.length).toBeGreaterThan(25);
    expect(text).toMatch(/ 200 /);
    expect(text).toMatch(/ 201 /);
    expect(text).toMatch(/ 401 /);
    expect(text).toMatch(/ 404 /);
    expect(stream.events.length).toBeGreaterThan(2);
  });

  it('never contains the API key or the webhook signing secret', () => {
    const text = seen.join('\n');
    expect(text).not.toContain(h.sb.secretKey);
    expect(text).not.toContain(h.sb.webhookSecret);
    expect(text).not.toMatch(/sk_(test|live)_|rk_(test|live)_|whsec_/);
  });

  it('never contains a full account number', () => {
    const text = seen.join('\n');
    expect(accountNumbers.every((n) => /^\d{6,}$/.test(n))).toBe(true);
    for (const number of accountNumbers) expect(text).not.toContain(number);
    expect(text).not.toMatch(/"accountNumber"|account_number"/);
  });

  it('never names the connected account or Customer that holds anything', () => {
    const text = seen.join('\n');
    for (const persona of Object.values(h.personas)) {
      expect(text).not.toContain(persona.accountId);
      expect(text).not.toContain(persona.customerId);
    }
    expect(text).not.toMatch(/acct_|cus_/);
  });
});
