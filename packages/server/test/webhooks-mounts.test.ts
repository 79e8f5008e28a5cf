/**
 * The webhook handler as each stack mounts it (the web-standard handler, Express 4, Express 5),
 * and the inputs that must neither be accepted nor retried forever: a signature dated in the
 * future, a signed event without data, an event naming another account's financial account.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../src/index.js';
import { startHarness, type Harness } from './harness.js';
import {
  MOUNTS,
  eventOf,
  mountWebhooks,
  postSigned,
  type Mounted,
  type Posted,
} from './webhook-servers.js';

let h: Harness;
let acct: string;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  acct = h.personas.freelancer.accountId;
});
afterAll(async () => {
  await h.close();
});

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 100));

describe.each(MOUNTS)('mounted as %s', (mount) => {
  let server: Mounted;
  let logged: { level: string; message: string; detail: unknown }[];
  let messages: BusMessage[];
  let stop: () => void;

  beforeAll(async () => {
    const record =
      (level: string) =>
      (message: string, detail?: unknown): void => {
        logged.push({ level, message, detail });
      };
    server = await mountWebhooks(mount, {
      stripe: h.stripe,
      endpointSecret: h.sb.webhookSecret,
      events: h.bus,
      logger: { info: record('info'), warn: record('warn'), error: record('error') },
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const listen = (): void => {
    logged = [];
    messages = [];
    stop = h.bus.subscribe(
      [`account:${acct}`, `account:${h.personas.short_of_funds.accountId}`],
      (message) => messages.push(message),
    );
  };
  afterEach(() => {
    stop();
  });
  const post = (event: unknown, timestamp?: number): Promise<Posted> =>
    postSigned(h.stripe, h.sb.webhookSecret, server.url, event, timestamp);
  const ownAccount = () =>
    h.stripe.treasury.financialAccounts.retrieve(
      h.personas.freelancer.financialAccountId,
      {},
      { stripeAccount: acct },
    );

  it('a signed event is verified on the raw body, answered 200 and published to its owner', async () => {
    listen();
    const fa = await ownAccount();
    const res = await post(eventOf('treasury.financial_account.features_status_updated', fa, acct));
    expect(res).toEqual({ status: 200, body: { received: true } });
    expect(messages.map((m) => [m.topic, m.event.type, m.event.data.id])).toEqual([
      [`account:${acct}`, 'financial_account.updated', fa.id],
    ]);
  });

  it('a forged signature: 400 signature_invalid, nothing published', async () => {
    listen();
    const fa = await ownAccount();
    const res = await postSigned(
      h.stripe,
      'whsec_someone_else',
      server.url,
      eventOf('treasury.financial_account.features_status_updated', fa, acct),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('signature_invalid');
    await settle();
    expect(messages).toEqual([]);
  });

  it('a signature dated a day (or 301 s) in the future is refused; 200 s ahead is accepted', async () => {
    listen();
    const fa = await ownAccount();
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [86_400, 301]) {
      const res = await post(
        eventOf('treasury.financial_account.features_status_updated', fa, acct),
        now + ahead,
      );
      expect([ahead, res.status, res.body.error?.code]).toEqual([ahead, 400, 'signature_invalid']);
    }
    await settle();
    expect(messages).toEqual([]);
    const near = await post(
      eventOf('treasury.financial_account.features_status_updated', fa, acct),
      now + 200,
    );
    expect(near.status).toBe(200);
    expect(messages).toHaveLength(1);
  });

  it.each([
    ['without data', { data: undefined }],
    ['with data: null', { data: null }],
    ['with data but no object', { data: {} }],
  ])(
    'a signed event %s: 2xx and logged, not 500 (Stripe would retry it for days)',
    async (_name, extra) => {
      listen();
      const event = eventOf('treasury.received_credit.succeeded', { id: 'rc_1' }, acct, extra);
      const res = await post(event);
      expect(res).toEqual({ status: 200, body: { received: true } });
      expect(logged.map((l) => l.level)).toEqual(['warn']);
      expect(JSON.stringify(logged[0]?.detail)).toContain(event.id as string);
      // The same event again is a duplicate, not a second log line.
      expect((await post(event)).body).toEqual({ received: true, duplicate: true });
      expect(logged).toHaveLength(1);
      expect(messages).toEqual([]);
    },
  );

  it("an event naming another account's financial account: 2xx and logged, nothing published", async () => {
    listen();
    const foreign = h.personas.short_of_funds.financialAccountId;
    for (const [type, object] of [
      [
        'treasury.received_credit.succeeded',
        { id: 'rc_foreign', object: 'treasury.received_credit', financial_account: foreign },
      ],
      [
        'treasury.received_debit.created',
        {
          id: 'rd_foreign',
          object: 'treasury.received_debit',
          financial_account: foreign,
          linked_flows: { inbound_transfer: null },
        },
      ],
    ] as const) {
      const res = await post(eventOf(type, object, acct));
      expect([type, res.status, res.body]).toEqual([type, 200, { received: true }]);
    }
    expect(logged.map((l) => l.level)).toEqual(['warn', 'warn']);
    await settle();
    expect(messages).toEqual([]);
  });
});

describe('the web-standard handler', () => {
  it('answers other methods 405 with Allow: POST', async () => {
    const server = await mountWebhooks('web', {
      stripe: h.stripe,
      endpointSecret: h.sb.webhookSecret,
      events: h.bus,
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    try {
      const response = await fetch(server.url);
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    } finally {
      await server.close();
    }
  });
});
