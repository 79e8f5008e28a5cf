/**
 * The webhook handler and live updates under webhook chaos (issue 11, item 7): the sandbox sends
 * events as Stripe may (shuffled, delayed, duplicated, delivered only after dropped attempts,
 * connected accounts' events to a Connect endpoint and the platform's to another), and every
 * user's stream still ends with the right state of each top-up and of the wallet balance.
 * The harness is used with its own webhook off; this file points the chaos endpoints at it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { openStream, type SseEvent, type SseStream } from './sse.js';

const DAY = 86_400;
let h: Harness;
const streams: SseStream[] = [];
const sources: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const chaos = { seed: 'purse-server', windowMs: 150, maxDelayMs: 60 };
  h.sb.addWebhook({ url: h.webhookUrl, connect: true, chaos });
  h.sb.addWebhook({ url: h.webhookUrl, connect: false, chaos });
  for (const user of ['freelancer', 'short_of_funds']) {
    const res = await h.call(user, 'GET', '/top-up-sources');
    sources[user] = (res.body.data as { id: string }[])[0]?.id ?? '';
  }
});

afterAll(async () => {
  for (const stream of streams) stream.close();
  await h.close();
});

async function stream(user: string): Promise<SseStream> {
  const opened = await openStream(`${h.base}/events`, { 'x-test-user': user });
  streams.push(opened);
  expect(opened.status).toBe(200);
  return opened;
}

async function topUp(user: string, amount: number): Promise<string> {
  const res = await h.call(user, 'POST', '/top-ups', {
    body: { sourceId: sources[user], amount, currency: 'usd' },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** The last state of a transfer a stream carried. */
function lastTransfer(events: SseEvent[], id: string) {
  return events.filter((e) => e.event === 'transfer.updated' && e.data.id === id).at(-1)?.data;
}

function lastBalance(events: SseEvent[]): number | undefined {
  return events.filter((e) => e.event === 'financial_account.updated').at(-1)?.data.balance.cash;
}

describe('live updates under webhook chaos', () => {
  it('ends every client on the right transfers and balance', async () => {
    // Two tabs for Maya, one for Sam: each must converge on its own.
    const mayaTabs = [await stream('freelancer'), await stream('freelancer')];
    const sam = await stream('short_of_funds');
    const maya = { stripeAccount: h.personas.freelancer.accountId };

    const settled = await topUp('freelancer', 21_00);
    const failed = await topUp('freelancer', 7_00);
    const returned = await topUp('freelancer', 9_99);
    const short = await topUp('short_of_funds', 200_00);
    const helpers = h.stripe.testHelpers.treasury.inboundTransfers;
    await helpers.succeed(settled, {}, maya);
    await helpers.fail(failed, { failure_details: { code: 'account_closed' } }, maya);
    await helpers.succeed(returned, {}, maya);
    await helpers.returnInboundTransfer(returned, {}, maya);
    // Sam's bank cannot cover $200: the ACH debit comes back insufficient_funds.
    h.sb.clock.advance(8 * DAY);

    const expected = {
      [settled]: { status: 'succeeded', returned: false },
      [failed]: { status: 'failed' },
      [returned]: { status: 'succeeded', returned: true },
      [short]: { status: 'failed' },
    };
    for (const [id, state] of Object.entries(expected)) {
      const account = id === short ? 'short_of_funds' : 'freelancer';
      const truth = await h.call(account, 'GET', `/top-ups/${id}`);
      expect(truth.body).toMatchObject(state);
    }
    const mayaBalance = (await h.call('freelancer', 'GET', '/financial-account')).body.balance
      .cash as number;

    await h.sb.webhooksIdle();
    const deliveries = h.sb.webhookDeliveries();
    // The chaos really happened: retried drops and duplicate deliveries.
    expect(deliveries.some((d) => d.attempts > 1 && d.status === 'delivered')).toBe(true);
    expect(deliveries.some((d) => d.duplicate === true)).toBe(true);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);

    for (const tab of mayaTabs) {
      await tab.next(
        (e) => e.event === 'financial_account.updated' && e.data.balance.cash === mayaBalance,
      );
      for (const id of [settled, failed, returned]) {
        await tab.next(
          (e) =>
            e.event === 'transfer.updated' &&
            e.data.id === id &&
            e.data.status === expected[id]?.status,
        );
      }
      await tab.next(
        (e) => e.event === 'transfer.updated' && e.data.id === returned && e.data.returned === true,
      );
      for (const id of [settled, failed, returned]) {
        expect(lastTransfer(tab.events, id)).toMatchObject(expected[id] ?? {});
      }
      expect(lastBalance(tab.events)).toBe(mayaBalance);
      expect(JSON.stringify(tab.events)).not.toContain(short);
    }
    await sam.next(
      (e) => e.event === 'transfer.updated' && e.data.id === short && e.data.status === 'failed',
    );
    expect(lastTransfer(sam.events, short)).toMatchObject({
      status: 'failed',
      failure: expect.objectContaining({ code: 'insufficient_funds' }),
    });
    for (const id of [settled, failed, returned])
      expect(JSON.stringify(sam.events)).not.toContain(id);
    // A client that connects only now reads the same end state.
    const list = await h.call('freelancer', 'GET', '/top-ups?limit=100');
    for (const id of [settled, failed, returned]) {
      const row = (list.body.data as { id: string }[]).find((t) => t.id === id);
      expect(row).toMatchObject(expected[id] ?? {});
    }
  });
});

describe('linked accounts under webhook chaos', () => {
  it('ends every client on the latest balance after refreshes whose events arrive in any order', async () => {
    const tabs = [await stream('freelancer'), await stream('freelancer')];
    const checking = h.personas.freelancer.linkedAccountIds[0] ?? '';
    for (let i = 0; i < 3; i += 1) {
      const res = await h.call('freelancer', 'POST', `/accounts/${checking}/balance-refresh`, {
        body: {},
      });
      expect(res.status).toBe(202);
      h.sb.clock.advance(3);
      h.sb.clock.advance(DAY); // the bank's balance moves on between refreshes
    }
    await h.sb.webhooksIdle();
    const truth = (await h.call('freelancer', 'GET', `/accounts/${checking}`)).body;
    expect(truth.balance).toBeTruthy();
    for (const tab of tabs) {
      await tab.next(
        (e) =>
          e.event === 'account.updated' &&
          e.data.id === checking &&
          JSON.stringify(e.data.balance) === JSON.stringify(truth.balance),
      );
      const last = tab.events
        .filter((e) => e.event === 'account.updated' && e.data.id === checking)
        .at(-1)?.data;
      expect(last?.balance).toEqual(truth.balance);
    }
  });
});
