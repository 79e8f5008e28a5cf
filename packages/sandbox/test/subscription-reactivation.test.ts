/**
 * A transactions subscription survives deactivation (issue 11, item 9): no refreshes while the
 * account is inactive, and the daily refreshes resume once it is reactivated.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import { connectedAccount, control, DAY, linkBank, TUESDAY } from './helpers.js';

let sb: Sandbox;
let stripe: Stripe;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0, startAt: TUESDAY });
  stripe = sb.stripe({ maxNetworkRetries: 0 });
});

afterAll(async () => {
  await sb.close();
});

describe('daily refreshes across deactivation', () => {
  it('stop while inactive and resume after reactivation', async () => {
    const holder = await connectedAccount(stripe);
    const [fc] = await linkBank(sb, stripe, {
      account: holder,
      institution: 'fcinst_stripebank',
      accounts: ['checking'],
    });
    const id = fc?.id ?? '';
    await stripe.financialConnections.accounts.subscribe(
      id,
      { features: ['transactions'] },
      { stripeAccount: holder },
    );
    const refreshes = async (): Promise<number> => {
      const events = await stripe.events.list(
        { type: 'financial_connections.account.refreshed_transactions', limit: 100 },
        { stripeAccount: holder },
      );
      return events.data.filter((e) => (e.data.object as { id: string }).id === id).length;
    };
    sb.clock.advance(2);
    expect(await refreshes()).toBe(1);

    const status = (value: 'active' | 'inactive') =>
      control(
        sb,
        'POST',
        `/_sandbox/financial_connections/accounts/${id}/status`,
        { status: value },
        holder,
      );
    expect((await status('inactive')).status).toBe(200);
    sb.clock.advance(3 * DAY);
    expect(await refreshes()).toBe(1);

    expect((await status('active')).status).toBe(200);
    const account = await stripe.financialConnections.accounts.retrieve(
      id,
      {},
      { stripeAccount: holder },
    );
    expect(account.subscriptions).toEqual(['transactions']);
    sb.clock.advance(DAY + 2);
    expect(await refreshes()).toBe(2);
    sb.clock.advance(DAY);
    expect(await refreshes()).toBe(3);
    const latest = await stripe.financialConnections.accounts.retrieve(
      id,
      {},
      { stripeAccount: holder },
    );
    expect(latest.transaction_refresh?.status).toBe('succeeded');
  });
});
