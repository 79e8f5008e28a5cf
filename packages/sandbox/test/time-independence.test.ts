/**
 * The demo personas' stories hold on any start date (issue 11, item 1): the short-of-funds
 * persona's $200 top-up fails with insufficient_funds and the healthy persona's succeeds,
 * whatever day of the week, month or year the sandbox starts on.
 */
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { DAY } from './helpers.js';

/** Start dates that once gave different outcomes, plus a month end, a Friday evening in New York and both DST switches. */
const START_DATES = [
  '2026-11-22T15:00:00Z',
  '2026-12-03T13:45:00Z', // a Thursday: the next business day was a payday
  '2026-12-15T15:00:00Z',
  '2027-01-04T15:00:00Z',
  '2027-02-26T15:00:00Z',
  '2027-03-31T15:00:00Z',
  '2026-12-31T23:30:00Z', // a month and year end (18:30 in New York)
  '2026-12-04T23:30:00Z', // a Friday evening in New York (18:30 EST)
  '2027-03-14T06:30:00Z', // the spring DST switch in New York (01:30 EST, just before)
  '2026-11-01T05:30:00Z', // the autumn DST switch in New York (01:30 EDT, the first one)
];

async function topUp(
  sb: Sandbox,
  personaKey: string,
  amount: number,
): Promise<Stripe.Treasury.InboundTransfer> {
  const stripe = sb.stripe();
  const persona = sb.seed.personas.find((p) => p.key === personaKey);
  if (!persona) throw new Error(`no persona ${personaKey}`);
  const methods = await stripe.paymentMethods.list(
    { type: 'us_bank_account' },
    { stripeAccount: persona.accountId },
  );
  const pm = methods.data[0];
  if (!pm) throw new Error('no payment method');
  return stripe.treasury.inboundTransfers.create(
    {
      financial_account: persona.financialAccountId,
      amount,
      currency: 'usd',
      origin_payment_method: pm.id,
    },
    { stripeAccount: persona.accountId },
  );
}

function persona(sb: Sandbox, key: string) {
  const found = sb.seed.personas.find((p) => p.key === key);
  if (!found) throw new Error(`no persona ${key}`);
  return found;
}

describe.each(START_DATES)('demo personas starting at %s', (startAt) => {
  it('tell their stories: Sam’s $200 top-up fails insufficient_funds, Maya’s succeeds, Alex has nothing linked', async () => {
    const sb = await startSandbox({ seed: 'demo', speed: 0, startAt: new Date(startAt) });
    try {
      const stripe = sb.stripe();
      const sam = persona(sb, 'short_of_funds');
      const maya = persona(sb, 'freelancer');
      const alex = persona(sb, 'new_user');
      // What the demo shows on opening: the balances its README and seed promise.
      const linkedBalance = async (who: typeof sam) =>
        (
          await stripe.financialConnections.accounts.retrieve(
            who.linkedAccountIds[0] ?? '',
            {},
            { stripeAccount: who.accountId },
          )
        ).balance?.cash?.available?.usd;
      expect(await linkedBalance(sam)).toBe(23_17);
      expect(await linkedBalance(maya)).toBe(4_218_37);
      expect(alex.linkedAccountIds).toEqual([]);
      const wallet = async (who: typeof sam) =>
        (
          await stripe.treasury.financialAccounts.retrieve(
            who.financialAccountId,
            {},
            { stripeAccount: who.accountId },
          )
        ).balance.cash.usd ?? 0;
      const samBefore = await wallet(sam);
      const mayaBefore = await wallet(maya);
      expect(await wallet(alex)).toBe(0);

      const short = await topUp(sb, 'short_of_funds', 200_00);
      const healthy = await topUp(sb, 'freelancer', 200_00);
      sb.clock.advance(8 * DAY);
      const shortAfter = await stripe.treasury.inboundTransfers.retrieve(
        short.id,
        {},
        { stripeAccount: sam.accountId },
      );
      const healthyAfter = await stripe.treasury.inboundTransfers.retrieve(
        healthy.id,
        {},
        { stripeAccount: maya.accountId },
      );
      expect(shortAfter.status).toBe('failed');
      expect(shortAfter.failure_details?.code).toBe('insufficient_funds');
      expect(healthyAfter.status).toBe('succeeded');
      expect(await wallet(sam)).toBe(samBefore);
      expect(await wallet(maya)).toBe(mayaBefore + 200_00);
    } finally {
      await sb.close();
    }
  });

  it('keeps the short-of-funds account under $60 available and the healthy one well funded, every day for five weeks', async () => {
    const sb = await startSandbox({ seed: 'demo', speed: 0, startAt: new Date(startAt) });
    try {
      const stripe = sb.stripe();
      const accountOf = (key: string) => {
        const persona = sb.seed.personas.find((p) => p.key === key);
        if (!persona) throw new Error(`no persona ${key}`);
        return { account: persona.accountId, fca: persona.linkedAccountIds[0] ?? '' };
      };
      const short = accountOf('short_of_funds');
      const healthy = accountOf('freelancer');
      const availableOf = async (who: { account: string; fca: string }) => {
        await stripe.financialConnections.accounts.refresh(
          who.fca,
          { features: ['balance'] },
          { stripeAccount: who.account },
        );
        sb.clock.advance(3);
        const fca = await stripe.financialConnections.accounts.retrieve(
          who.fca,
          {},
          { stripeAccount: who.account },
        );
        return fca.balance?.cash?.available?.usd ?? Number.NaN;
      };
      expect(await availableOf(short)).toBe(23_17);
      for (let day = 0; day < 35; day += 1) {
        // Twice a day: the morning after the payroll and the evening.
        for (const hours of [10, 14]) {
          sb.clock.advance(hours * 3600);
          const thin = await availableOf(short);
          expect(thin).toBeGreaterThanOrEqual(0);
          expect(thin).toBeLessThanOrEqual(60_00);
          expect(await availableOf(healthy)).toBeGreaterThan(1_000_00);
        }
      }
    } finally {
      await sb.close();
    }
  });
});
