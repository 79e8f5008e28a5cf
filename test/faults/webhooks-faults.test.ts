/**
 * The webhook handler's two kinds of failure: one that may pass (Stripe answering 503 while the
 * handler reads the balance an event points to) answers 500 so Stripe sends the event again,
 * and the retry is then handled; one that never will (the object is not on that account, the
 * event has no data) answers 2xx at once, logged, so Stripe does not retry it for days.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BusMessage } from '../../packages/server/src/index.js';
import {
  clearFaults,
  control,
  startHarness,
  type Harness,
} from '../../packages/server/test/harness.js';
import {
  eventOf,
  mountWebhooks,
  postSigned,
  type Mounted,
} from '../../packages/server/test/webhook-servers.js';

let h: Harness;
let server: Mounted;
const logged: { level: string; message: string }[] = [];

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const record = (level: string) => (message: string) => {
    logged.push({ level, message });
  };
  server = await mountWebhooks('web', {
    stripe: h.stripe,
    endpointSecret: h.sb.webhookSecret,
    events: h.bus,
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
  });
});
afterEach(async () => {
  await clearFaults(h);
  logged.length = 0;
});
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('webhooks while Stripe misbehaves', () => {
  it('Stripe down while routing: 500 (Stripe retries); the retry of the same event is handled once Stripe is back', async () => {
    const acct = h.personas.freelancer.accountId;
    const fa = h.personas.freelancer.financialAccountId;
    const messages: BusMessage[] = [];
    const stop = h.bus.subscribe([`account:${acct}`], (m) => messages.push(m));
    const event = eventOf(
      'treasury.received_credit.succeeded',
      { id: 'rc_fault', object: 'treasury.received_credit', financial_account: fa },
      acct,
    );
    await control(h, '/_sandbox/faults', {
      rules: [{ action: 'error', status: 503, path: '/v1/treasury/financial_accounts' }],
    });
    const down = await postSigned(h.stripe, h.sb.webhookSecret, server.url, event);
    expect(down.status).toBe(500);
    expect(logged.map((l) => l.level)).toEqual(['error']);
    expect(messages).toEqual([]);

    await clearFaults(h);
    const back = await postSigned(h.stripe, h.sb.webhookSecret, server.url, event);
    expect(back).toEqual({ status: 200, body: { received: true } });
    expect(messages.map((m) => [m.event.type, m.event.data.id])).toEqual([
      ['financial_account.updated', fa],
    ]);
    stop();
  });

  it('Stripe refusing the lookup (404 on that account) is not retried: 2xx and a warning', async () => {
    const acct = h.personas.freelancer.accountId;
    const event = eventOf(
      'treasury.received_credit.succeeded',
      {
        id: 'rc_elsewhere',
        object: 'treasury.received_credit',
        financial_account: h.personas.short_of_funds.financialAccountId,
      },
      acct,
    );
    const res = await postSigned(h.stripe, h.sb.webhookSecret, server.url, event);
    expect(res).toEqual({ status: 200, body: { received: true } });
    expect(logged.map((l) => l.level)).toEqual(['warn']);
  });
});
