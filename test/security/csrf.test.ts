/**
 * CSRF: every state-changing route, called with the user's real ids the ways a page on another
 * site can call it without a CORS preflight (an HTML form with or without fields, a `no-cors`
 * fetch with text/plain, a multipart form), is refused with 403 `csrf_check_failed` on every
 * mount; nothing reaches Stripe and nothing changes. The same request with the client's
 * `Purse-Request: 1` header goes through.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../packages/server/test/harness.js';
import { MOUNTS, type Mount } from '../../packages/server/test/mounts.js';

let h: Harness;
const bases = {} as Record<Mount, string>;
let fca = '';
let ibt = '';
let fcsess = '';
let pm = '';

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  for (const mount of MOUNTS) bases[mount] = (await h.addRouter({}, mount)).base;
  fca =
    ((await h.call('freelancer', 'GET', '/accounts')).body.data as { id: string }[])[0]?.id ?? '';
  pm =
    ((await h.call('freelancer', 'GET', '/top-up-sources')).body.data as { id: string }[])[0]?.id ??
    '';
  const topUp = await h.call('freelancer', 'POST', '/top-ups', {
    body: { sourceId: pm, amount: 4_00, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  ibt = topUp.body.id as string;
  fcsess = (await h.call('freelancer', 'POST', '/link-sessions', { body: {} })).body.id as string;
  expect([fca, pm, ibt, fcsess]).toEqual([
    expect.stringMatching(/^fca_/),
    expect.stringMatching(/^pm_/),
    expect.stringMatching(/^ibt_/),
    expect.stringMatching(/^fcsess_/),
  ]);
});
afterAll(async () => {
  await h.close();
});

/** Every state-changing route of the contract, with the caller's own ids. */
const writes = (): [string, string][] => [
  ['POST', '/link-sessions'],
  ['POST', `/link-sessions/${fcsess}/complete`],
  ['POST', `/accounts/${fca}/balance-refresh`],
  ['POST', `/accounts/${fca}/transactions-refresh`],
  ['PUT', `/accounts/${fca}/transactions-subscription`],
  ['DELETE', `/accounts/${fca}/transactions-subscription`],
  ['POST', `/accounts/${fca}/disconnect`],
  ['PATCH', '/financial-account'],
  ['POST', '/top-ups'],
  ['POST', `/top-ups/${ibt}/cancel`],
];

/** What another site can send without a preflight. */
const FORGED: [string, Record<string, string>, string | undefined][] = [
  ['an empty form', { 'content-type': 'application/x-www-form-urlencoded' }, undefined],
  ['a form with fields', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'],
  ['no-cors text/plain', { 'content-type': 'text/plain;charset=UTF-8' }, '{"nickname":"pwned"}'],
  ['multipart', { 'content-type': 'multipart/form-data; boundary=b' }, '--b--\r\n'],
  ['no body, no content type', {}, undefined],
];

describe.each(MOUNTS)('CSRF on %s', (mount) => {
  it('refuses every forged write with 403 csrf_check_failed; Stripe sees nothing', async () => {
    const since = (await h.stripeRequests()).length;
    let refused = 0;
    for (const [method, path] of writes()) {
      for (const [name, headers, body] of FORGED) {
        const res = await fetch(`${bases[mount]}${path}`, {
          method,
          headers: { 'x-test-user': 'freelancer', 'idempotency-key': randomUUID(), ...headers },
          ...(body === undefined ? {} : { body }),
        });
        const json = (await res.json()) as { error?: { code: string } };
        expect([method, path, name, res.status, json.error?.code]).toEqual([
          method,
          path,
          name,
          403,
          'csrf_check_failed',
        ]);
        refused += 1;
      }
    }
    expect(refused).toBe(writes().length * FORGED.length);
    expect((await h.stripeRequests()).slice(since)).toEqual([]);
    // Nothing changed: the account is still active, the top-up still cancelable.
    const account = await h.call('freelancer', 'GET', `/accounts/${fca}`);
    expect(account.body.status).toBe('active');
    const topUp = await h.call('freelancer', 'GET', `/top-ups/${ibt}`);
    expect(topUp.body.cancelable).toBe(true);
  });

  it('the client’s Purse-Request header (no body) passes the check', async () => {
    const res = await fetch(`${bases[mount]}/accounts/${fca}/transactions-subscription`, {
      method: 'DELETE',
      headers: { 'x-test-user': 'freelancer', 'purse-request': '1' },
    });
    expect(res.status).toBe(200);
  });
});
