/**
 * The ACH mandate's record of acceptance. Behind a proxy the host trusts (`trust proxy`),
 * Express takes the caller's IP from `X-Forwarded-For`, which a browser can write: anything
 * that is not an IP address is refused before a mandate is made, and the user agent is bounded.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPurseRouter } from '../src/index.js';
import {
  completeInSandbox,
  makeCaller,
  startHarness,
  type Caller,
  type Harness,
} from './harness.js';

let h: Harness;
let server: Server;
let call: Caller;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  // As a host behind a load balancer sets it up (here trusting every hop, the unsafe extreme).
  const app = express();
  app.set('trust proxy', true);
  app.use(
    '/api/purse',
    createPurseRouter({
      stripe: h.stripe,
      resolveUser: (req) => h.users[req.get('x-test-user') ?? ''] ?? null,
      events: h.bus,
      now: () => h.sb.clock.now(),
      logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
      topUps: { balanceRefreshWaitMs: 0 },
    }),
  );
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  call = makeCaller(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/api/purse`);
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await h.close();
});

async function linkedSession(): Promise<string> {
  const created = await call('new_user', 'POST', '/link-sessions');
  const id = created.body.id as string;
  await completeInSandbox(h, h.personas.new_user.accountId, id, 'fcinst_stripebank', ['checking']);
  return id;
}

async function setupIntentPosts(): Promise<number> {
  return (await h.stripeRequests()).filter(
    (r) => r.method === 'POST' && r.path === '/v1/setup_intents',
  ).length;
}

describe('the mandate’s IP and user agent', () => {
  it.each(['not-an-ip', "1.2.3.4' OR 1=1 --", '999.1.1.1', '<script>'])(
    'X-Forwarded-For %j: 400 parameter_invalid, no SetupIntent made',
    async (forwarded) => {
      const session = await linkedSession();
      const before = await setupIntentPosts();
      const res = await call('new_user', 'POST', `/link-sessions/${session}/complete`, {
        headers: { 'x-forwarded-for': forwarded },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('parameter_invalid');
      expect(JSON.stringify(res.body)).not.toContain(forwarded);
      expect(await setupIntentPosts()).toBe(before);
    },
  );

  it('a real forwarded IP is recorded; a 5,000-character user agent is cut to 500, control characters removed', async () => {
    const session = await linkedSession();
    const res = await call('new_user', 'POST', `/link-sessions/${session}/complete`, {
      headers: {
        'x-forwarded-for': '2001:db8::7, 10.0.0.1',
        'user-agent': `Mozilla/5.0\tTest ${'x'.repeat(5000)}`,
      },
    });
    expect(res.status).toBe(200);
    const pm = res.body.topUpSources[0] as string;
    const stripeAccount = h.personas.new_user.accountId;
    const intents = await h.stripe.setupIntents.list({ payment_method: pm }, { stripeAccount });
    const intent = await h.stripe.setupIntents.retrieve(
      intents.data[0]?.id ?? '',
      { expand: ['mandate'] },
      { stripeAccount },
    );
    const online =
      typeof intent.mandate === 'object' ? intent.mandate?.customer_acceptance.online : undefined;
    expect(online?.ip_address).toBe('2001:db8::7');
    expect(online?.user_agent).toHaveLength(500);
    expect(online?.user_agent?.startsWith('Mozilla/5.0Test xxx')).toBe(true);
  });
});
