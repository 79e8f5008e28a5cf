/**
 * Treasury InboundTransfers: the magic test tokens, transfers from linked test banks, the
 * processing → succeeded | failed | canceled lifecycle on the ACH business-day calendar, returns,
 * the test helpers, platform review and risk refusals.
 */
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../src/index.js';
import {
  connectedAccount,
  control,
  financialAccount,
  FRIDAY,
  inboundPaymentMethod,
  linkBank,
  stripeError,
  treasuryUser,
  TUESDAY,
} from './helpers.js';

type InboundTransfer = Stripe.Treasury.InboundTransfer;

/** Unix seconds of an ISO instant. */
const unix = (iso: string): number => Date.parse(iso) / 1000;

// Tuesday 2026-03-10 11:00 New York (EDT, UTC-4) and the mornings that follow.
const WED_9AM = unix('2026-03-11T13:00:00Z');
const THU_9AM = unix('2026-03-12T13:00:00Z');
const FRI_9AM = unix('2026-03-13T13:00:00Z');

interface Env {
  sb: Sandbox;
  stripe: Stripe;
  close: () => Promise<void>;
}

async function open(startAt: Date): Promise<Env> {
  const sb = await startSandbox({ speed: 0, startAt });
  return { sb, stripe: sb.stripe({ maxNetworkRetries: 0 }), close: () => sb.close() };
}

function create(
  env: Env,
  user: { account: string; fa: string },
  origin: string,
  extra: Partial<Stripe.Treasury.InboundTransferCreateParams> = {},
): Promise<InboundTransfer> {
  return env.stripe.treasury.inboundTransfers.create(
    {
      amount: 10_000,
      currency: 'usd',
      financial_account: user.fa,
      origin_payment_method: origin,
      ...extra,
    },
    { stripeAccount: user.account },
  );
}

function get(env: Env, account: string, id: string): Promise<InboundTransfer> {
  return env.stripe.treasury.inboundTransfers.retrieve(id, {}, { stripeAccount: account });
}

async function transactionsOf(
  env: Env,
  user: { account: string; fa: string },
): Promise<Stripe.Treasury.Transaction[]> {
  return env.stripe.treasury.transactions
    .list({ financial_account: user.fa, limit: 100 }, { stripeAccount: user.account })
    .autoPagingToArray({ limit: 1000 });
}

async function cashBalance(env: Env, user: { account: string; fa: string }): Promise<number> {
  const fa = await env.stripe.treasury.financialAccounts.retrieve(
    user.fa,
    {},
    { stripeAccount: user.account },
  );
  return fa.balance.cash.usd ?? 0;
}

async function eventTypes(env: Env, account: string, id: string): Promise<string[]> {
  const events = await env.stripe.events
    .list({ limit: 100 }, { stripeAccount: account })
    .autoPagingToArray({ limit: 1000 });
  return events
    .filter((e) => (e.data.object as { id: string }).id === id)
    .map((e) => e.type)
    .reverse();
}

describe('magic test tokens', () => {
  let env: Env;
  let user: { account: string; fa: string };
  const made = new Map<string, InboundTransfer>();
  const TOKENS = [
    'pm_usBankAccount',
    'pm_usBankAccount_processing',
    'pm_usBankAccount_internalFailure',
    'pm_usBankAccount_noAccount',
    'pm_usBankAccount_accountClosed',
    'pm_usBankAccount_invalidAccountNumber',
    'pm_usBankAccount_insufficientFunds',
    'pm_usBankAccount_debitNotAuthorized',
    'pm_usBankAccount_dispute',
    'pm_usBankAccount_sameDayACHIneligible',
  ];

  beforeAll(async () => {
    env = await open(TUESDAY);
    user = await treasuryUser(env.stripe);
    for (const [i, token] of TOKENS.entries()) {
      made.set(token, await create(env, user, token, { amount: 1_000 + i * 100 }));
    }
    await control(env.sb, 'POST', '/_sandbox/clock/advance', { to: FRI_9AM + 3 * 3600 });
  });

  afterAll(() => env.close());

  const final = (token: string): Promise<InboundTransfer> =>
    get(env, user.account, made.get(token)?.id ?? '');

  it('starts every transfer processing and cancelable, with the token as origin', () => {
    for (const token of TOKENS) {
      const ibt = made.get(token);
      expect(ibt?.id).toMatch(/^ibt_/);
      expect(ibt).toMatchObject({
        object: 'treasury.inbound_transfer',
        status: 'processing',
        cancelable: true,
        origin_payment_method: token,
        currency: 'usd',
        financial_account: user.fa,
        statement_descriptor: 'transfer',
        returned: false,
        transaction: null,
        failure_details: null,
        linked_flows: { received_debit: null },
        origin_payment_method_details: {
          type: 'us_bank_account',
          us_bank_account: { bank_name: 'STRIPE TEST BANK', last4: '6789', network: 'ach' },
        },
      });
    }
  });

  it('pm_usBankAccount succeeds two business days later with a posted transaction', async () => {
    const ibt = await final('pm_usBankAccount');
    expect(ibt).toMatchObject({
      status: 'succeeded',
      cancelable: false,
      status_transitions: { succeeded_at: THU_9AM, failed_at: null, canceled_at: null },
    });
    const transaction = await env.stripe.treasury.transactions.retrieve(
      ibt.transaction as string,
      {},
      { stripeAccount: user.account },
    );
    expect(transaction).toMatchObject({
      object: 'treasury.transaction',
      amount: 1_000,
      flow: ibt.id,
      flow_type: 'inbound_transfer',
      status: 'posted',
      balance_impact: { cash: 1_000, inbound_pending: 0, outbound_pending: 0 },
    });
    expect(await eventTypes(env, user.account, ibt.id)).toEqual([
      'treasury.inbound_transfer.created',
      'treasury.inbound_transfer.succeeded',
    ]);
  });

  it('pm_usBankAccount_processing stays processing, no longer cancelable once submitted', async () => {
    const ibt = await final('pm_usBankAccount_processing');
    expect(ibt).toMatchObject({ status: 'processing', cancelable: false, transaction: null });
  });

  it.each([
    ['pm_usBankAccount_internalFailure', 'other'],
    ['pm_usBankAccount_noAccount', 'no_account'],
    ['pm_usBankAccount_accountClosed', 'account_closed'],
    ['pm_usBankAccount_invalidAccountNumber', 'invalid_account_number'],
    ['pm_usBankAccount_insufficientFunds', 'insufficient_funds'],
    ['pm_usBankAccount_debitNotAuthorized', 'debit_not_authorized'],
  ])('%s fails the next business day with failure code %s', async (token, code) => {
    const ibt = await final(token);
    expect(ibt).toMatchObject({
      status: 'failed',
      cancelable: false,
      failure_details: { code },
      transaction: null,
      status_transitions: { failed_at: WED_9AM, succeeded_at: null },
    });
    expect(await eventTypes(env, user.account, ibt.id)).toEqual([
      'treasury.inbound_transfer.created',
      'treasury.inbound_transfer.failed',
    ]);
  });

  it('pm_usBankAccount_dispute succeeds, then is returned with a linked ReceivedDebit', async () => {
    const ibt = await final('pm_usBankAccount_dispute');
    expect(ibt.status).toBe('succeeded');
    expect(ibt.returned).toBe(true);
    const rd = ibt.linked_flows.received_debit ?? '';
    expect(rd).toMatch(/^rd_/);
    const debit = await env.stripe.treasury.receivedDebits.retrieve(
      rd,
      {},
      { stripeAccount: user.account },
    );
    expect(debit).toMatchObject({
      amount: ibt.amount,
      status: 'succeeded',
      network: 'ach',
      financial_account: user.fa,
      linked_flows: { inbound_transfer: ibt.id },
      created: FRI_9AM,
    });
  });

  it('pm_usBankAccount_sameDayACHIneligible succeeds with standard submission', async () => {
    const ibt = await final('pm_usBankAccount_sameDayACHIneligible');
    expect(ibt.status).toBe('succeeded');
  });

  it('keeps the balance equal to the sum of the account’s transactions', async () => {
    const transactions = await transactionsOf(env, user);
    const sum = transactions.reduce((total, t) => total + t.balance_impact.cash, 0);
    const succeeded = [0, 8, 9].map((i) => 1_000 + i * 100);
    const disputed = 1_000 + 8 * 100;
    expect(sum).toBe(succeeded.reduce((a, b) => a + b, 0) - disputed);
    expect(await cashBalance(env, user)).toBe(sum);
    const flows = transactions.map((t) => t.flow_type).sort();
    expect(flows).toEqual([
      'inbound_transfer',
      'inbound_transfer',
      'inbound_transfer',
      'received_debit',
    ]);
  });
});

describe('same-day ACH (preview)', () => {
  let env: Env;
  let user: { account: string; fa: string };

  beforeAll(async () => {
    env = await open(TUESDAY);
    user = await treasuryUser(env.stripe);
  });

  afterAll(() => env.close());

  const sameDay = {
    origin_payment_method_options: { us_bank_account: { ach: { submission: 'same_day' } } },
  } as Partial<Stripe.Treasury.InboundTransferCreateParams>;

  it('refuses same-day submission for pm_usBankAccount_sameDayACHIneligible with its message_code', async () => {
    const error = await stripeError(
      create(env, user, 'pm_usBankAccount_sameDayACHIneligible', sameDay),
    );
    // Exactly the guide's body: type, message_code and message; no code, no param.
    expect(error).toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
      code: undefined,
      param: undefined,
    });
    expect(error.raw.message_code).toBe('inbound_transfer_not_same_day_eligible');
    expect(error.message).toContain('Please try again with `standard` ACH submission');
    const list = await env.stripe.treasury.inboundTransfers.list(
      { financial_account: user.fa },
      { stripeAccount: user.account },
    );
    expect(list.data).toEqual([]);
  });

  it('accepts the same token again with standard submission', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount_sameDayACHIneligible', {
      origin_payment_method_options: { us_bank_account: { ach: { submission: 'standard' } } },
    } as Partial<Stripe.Treasury.InboundTransferCreateParams>);
    expect(ibt.status).toBe('processing');
  });

  it('settles an eligible same-day transfer on its submission day', async () => {
    const now = env.sb.clock.now();
    const ibt = await create(env, user, 'pm_usBankAccount', sameDay);
    env.sb.clock.advance(1801);
    const settled = await get(env, user.account, ibt.id);
    expect(settled.status).toBe('succeeded');
    expect(settled.status_transitions.succeeded_at).toBe(now + 1801);
  });
});

describe('transfers from linked test banks', () => {
  let env: Env;
  let user: { account: string; fa: string };

  beforeAll(async () => {
    env = await open(TUESDAY);
    user = await treasuryUser(env.stripe);
  });

  afterAll(() => env.close());

  async function sourceAt(institution: string): Promise<{ fc: string; pm: string }> {
    const [fc] = await linkBank(env.sb, env.stripe, {
      account: user.account,
      institution,
      accounts: ['checking'],
    });
    const fcId = fc?.id ?? '';
    return { fc: fcId, pm: await inboundPaymentMethod(env.stripe, user.account, fcId) };
  }

  it('fails a large transfer from the short-of-funds bank with insufficient_funds', async () => {
    const { pm } = await sourceAt('fcinst_thinfunds');
    const ibt = await create(env, user, pm, { amount: 500_00 });
    expect(ibt.status).toBe('processing');
    expect(ibt.origin_payment_method_details?.us_bank_account).toMatchObject({
      bank_name: 'THIN FUNDS CREDIT UNION',
      last4: '0002',
    });
    await control(env.sb, 'POST', '/_sandbox/clock/advance', { business_days: 1 });
    const failed = await get(env, user.account, ibt.id);
    expect(failed).toMatchObject({
      status: 'failed',
      failure_details: { code: 'insufficient_funds' },
    });
  });

  it('settles a transfer from StripeBank checking, and the bank then shows the ACH debit', async () => {
    const { fc, pm } = await sourceAt('fcinst_stripebank');
    const ibt = await create(env, user, pm, { amount: 100_00, statement_descriptor: 'PURSE' });
    await control(env.sb, 'POST', '/_sandbox/clock/advance', { business_days: 3 });
    const settled = await get(env, user.account, ibt.id);
    expect(settled.status).toBe('succeeded');

    await env.stripe.financialConnections.accounts.refresh(
      fc,
      { features: ['transactions'] },
      { stripeAccount: user.account },
    );
    env.sb.clock.advance(2);
    const bank = await env.stripe.financialConnections.transactions
      .list({ account: fc, limit: 100 }, { stripeAccount: user.account })
      .autoPagingToArray({ limit: 2000 });
    const debit = bank.find((t) => t.description === 'ACH DEBIT PURSE PPD');
    expect(debit).toMatchObject({ amount: -100_00, status: 'posted' });
  });

  it('refuses a PaymentMethod that was not set up for inbound flows', async () => {
    const [fc] = await linkBank(env.sb, env.stripe, {
      account: user.account,
      institution: 'fcinst_stripebank',
      accounts: ['savings'],
    });
    const pm = await env.stripe.paymentMethods.create(
      {
        type: 'us_bank_account',
        us_bank_account: { financial_connections_account: fc?.id ?? '' },
        billing_details: { name: 'Jenny Rosen' },
      },
      { stripeAccount: user.account },
    );
    const error = await stripeError(create(env, user, pm.id));
    expect(error).toMatchObject({
      statusCode: 400,
      code: undefined,
      param: 'origin_payment_method',
    });
    expect(error.message).toContain('not set up for inbound flows');
  });

  it('answers 400 resource_missing naming origin_payment_method for an unknown PaymentMethod', async () => {
    const error = await stripeError(create(env, user, 'pm_unknown'));
    expect(error.message).toBe("No such PaymentMethod: 'pm_unknown'");
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'origin_payment_method',
    });
  });
});

describe('lifecycle on the business-day calendar', () => {
  it('settles at 09:00 New York two business days after a Tuesday submission, not before', async () => {
    const env = await open(TUESDAY);
    try {
      const user = await treasuryUser(env.stripe);
      const ibt = await create(env, user, 'pm_usBankAccount', { amount: 2_500 });
      env.sb.clock.advance(THU_9AM - 1 - env.sb.clock.now());
      expect((await get(env, user.account, ibt.id)).status).toBe('processing');
      expect(await cashBalance(env, user)).toBe(0);
      env.sb.clock.advance(1);
      const settled = await get(env, user.account, ibt.id);
      expect(settled.status).toBe('succeeded');
      expect(settled.status_transitions.succeeded_at).toBe(THU_9AM);
      expect(await cashBalance(env, user)).toBe(2_500);
      const events = await env.stripe.events.list(
        { type: 'treasury.inbound_transfer.succeeded' },
        { stripeAccount: user.account },
      );
      // Stripe sends previous_attributes only on `*.updated` events.
      expect(events.data[0]?.data).not.toHaveProperty('previous_attributes');
    } finally {
      await env.close();
    }
  });

  it('skips the weekend: a Friday transfer settles on Tuesday', async () => {
    const env = await open(FRIDAY);
    try {
      const user = await treasuryUser(env.stripe);
      const ibt = await create(env, user, 'pm_usBankAccount');
      const monday = unix('2026-03-16T16:00:00Z');
      env.sb.clock.advance(monday - env.sb.clock.now());
      expect((await get(env, user.account, ibt.id)).status).toBe('processing');
      env.sb.clock.advance(86_400);
      const settled = await get(env, user.account, ibt.id);
      expect(settled.status).toBe('succeeded');
      expect(settled.status_transitions.succeeded_at).toBe(unix('2026-03-17T13:00:00Z'));
    } finally {
      await env.close();
    }
  });

  it('moves the clock by business days through /_sandbox/clock/advance', async () => {
    const env = await open(FRIDAY);
    try {
      const user = await treasuryUser(env.stripe);
      const ibt = await create(env, user, 'pm_usBankAccount');
      const monday = await control<{ now: number }>(env.sb, 'POST', '/_sandbox/clock/advance', {
        business_days: 1,
      });
      // The close of business (17:00 New York, 21:00Z in March) of the next business day.
      expect(monday.body.now).toBe(unix('2026-03-16T21:00:00Z'));
      expect((await get(env, user.account, ibt.id)).status).toBe('processing');
      await control(env.sb, 'POST', '/_sandbox/clock/advance', { business_days: 1 });
      expect((await get(env, user.account, ibt.id)).status).toBe('succeeded');
    } finally {
      await env.close();
    }
  });
});

describe('cancel, test helpers and returns', () => {
  let env: Env;
  let user: { account: string; fa: string };

  beforeAll(async () => {
    env = await open(TUESDAY);
    user = await treasuryUser(env.stripe);
  });

  afterAll(() => env.close());

  const cancel = (id: string): Promise<InboundTransfer> =>
    env.stripe.treasury.inboundTransfers.cancel(id, {}, { stripeAccount: user.account });
  const helpers = () => env.stripe.testHelpers.treasury.inboundTransfers;

  it('cancels a transfer that has not been submitted yet, and only once', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount');
    const canceled = await cancel(ibt.id);
    expect(canceled).toMatchObject({
      status: 'canceled',
      cancelable: false,
      status_transitions: { canceled_at: env.sb.clock.now() },
    });
    const again = await stripeError(cancel(ibt.id));
    expect(again).toMatchObject({ statusCode: 400, code: 'status_transition_invalid' });
    expect(again.message).toContain('already been canceled');
    expect(await eventTypes(env, user.account, ibt.id)).toEqual([
      'treasury.inbound_transfer.created',
      'treasury.inbound_transfer.canceled',
    ]);
    env.sb.clock.advance(5 * 86_400);
    expect((await get(env, user.account, ibt.id)).status).toBe('canceled');
  });

  it('stops being cancelable once submitted to ACH, thirty minutes after creation', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount');
    env.sb.clock.advance(1799);
    expect((await get(env, user.account, ibt.id)).cancelable).toBe(true);
    env.sb.clock.advance(1);
    expect((await get(env, user.account, ibt.id)).cancelable).toBe(false);
    const error = await stripeError(cancel(ibt.id));
    expect(error).toMatchObject({ statusCode: 400, code: 'status_transition_invalid' });
    expect(error.message).toContain('submitted');
  });

  it('succeeds on demand with the succeed helper, which refuses a transfer that is not processing', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount_processing', { amount: 4_000 });
    const before = await cashBalance(env, user);
    const done = await helpers().succeed(ibt.id, {}, { stripeAccount: user.account });
    expect(done.status).toBe('succeeded');
    expect(done.transaction).toMatch(/^trxn_/);
    expect(await cashBalance(env, user)).toBe(before + 4_000);
    const twice = await stripeError(helpers().succeed(ibt.id, {}, { stripeAccount: user.account }));
    expect(twice).toMatchObject({ statusCode: 400, code: 'status_transition_invalid' });
    const fail = await stripeError(helpers().fail(ibt.id, {}, { stripeAccount: user.account }));
    expect(fail.code).toBe('status_transition_invalid');
    const cancelIt = await stripeError(cancel(ibt.id));
    expect(cancelIt.code).toBe('status_transition_invalid');
  });

  it('fails on demand with the default code other, or the code given', async () => {
    const a = await create(env, user, 'pm_usBankAccount_processing');
    const b = await create(env, user, 'pm_usBankAccount_processing');
    const failedA = await helpers().fail(a.id, {}, { stripeAccount: user.account });
    expect(failedA).toMatchObject({ status: 'failed', failure_details: { code: 'other' } });
    const failedB = await helpers().fail(
      b.id,
      { failure_details: { code: 'account_frozen' } },
      { stripeAccount: user.account },
    );
    expect(failedB.failure_details?.code).toBe('account_frozen');
    const bad = await stripeError(
      helpers().fail(
        b.id,
        { failure_details: { code: 'could_not_process' } },
        { stripeAccount: user.account },
      ),
    );
    expect(bad).toMatchObject({ statusCode: 400, param: 'failure_details[code]' });
  });

  it('returns a succeeded transfer: ReceivedDebit, negative transaction, balance back down', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount_processing', { amount: 7_000 });
    const early = await stripeError(
      helpers().returnInboundTransfer(ibt.id, {}, { stripeAccount: user.account }),
    );
    expect(early).toMatchObject({ statusCode: 400, code: 'status_transition_invalid' });

    await helpers().succeed(ibt.id, {}, { stripeAccount: user.account });
    const before = await cashBalance(env, user);
    const returned = await helpers().returnInboundTransfer(
      ibt.id,
      {},
      { stripeAccount: user.account },
    );
    expect(returned).toMatchObject({ status: 'succeeded', returned: true });
    const rdId = returned.linked_flows.received_debit ?? '';
    expect(rdId).toMatch(/^rd_/);
    expect(await cashBalance(env, user)).toBe(before - 7_000);

    const debit = await env.stripe.treasury.receivedDebits.retrieve(
      rdId,
      {},
      { stripeAccount: user.account },
    );
    const transaction = await env.stripe.treasury.transactions.retrieve(
      debit.transaction as string,
      {},
      { stripeAccount: user.account },
    );
    expect(transaction).toMatchObject({
      amount: -7_000,
      flow_type: 'received_debit',
      flow: rdId,
      balance_impact: { cash: -7_000 },
    });
    const list = await env.stripe.treasury.receivedDebits.list(
      { financial_account: user.fa },
      { stripeAccount: user.account },
    );
    expect(list.data.map((d) => d.id)).toContain(rdId);
    const events = await env.stripe.events.list(
      { type: 'treasury.received_debit.created' },
      { stripeAccount: user.account },
    );
    expect(events.data.map((e) => (e.data.object as { id: string }).id)).toContain(rdId);

    const again = await stripeError(
      helpers().returnInboundTransfer(ibt.id, {}, { stripeAccount: user.account }),
    );
    expect(again.message).toContain('already been returned');
  });

  it('answers 404 from the helpers for a transfer of another account', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount_processing');
    const error = await stripeError(helpers().succeed(ibt.id));
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});

describe('platform review (preview)', () => {
  let env: Env;
  let user: { account: string; fa: string };

  beforeAll(async () => {
    env = await open(TUESDAY);
    user = await treasuryUser(env.stripe, { platformReview: true });
  });

  afterAll(() => env.close());

  const confirm = (id: string, params: Record<string, unknown> = {}): Promise<unknown> =>
    env.stripe.rawRequest('POST', `/v1/treasury/inbound_transfers/${id}/confirm`, params, {
      stripeAccount: user.account,
    });

  it('starts transfers in requires_confirmation; confirm moves one on to processing and settlement', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount');
    expect(ibt).toMatchObject({ status: 'requires_confirmation', cancelable: true });
    const succeed = await stripeError(
      env.stripe.testHelpers.treasury.inboundTransfers.succeed(
        ibt.id,
        {},
        { stripeAccount: user.account },
      ),
    );
    expect(succeed.code).toBe('status_transition_invalid');

    const confirmed = (await confirm(ibt.id)) as InboundTransfer;
    expect(confirmed).toMatchObject({ id: ibt.id, status: 'processing' });
    const twice = await stripeError(confirm(ibt.id));
    expect(twice).toMatchObject({ statusCode: 400, code: 'status_transition_invalid' });

    env.sb.clock.advance(THU_9AM - env.sb.clock.now());
    expect((await get(env, user.account, ibt.id)).status).toBe('succeeded');
  });

  it('confirms over plain HTTP with a funds availability delay', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount');
    const response = await fetch(`${env.sb.url}/v1/treasury/inbound_transfers/${ibt.id}/confirm`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${env.sb.secretKey}`,
        'Stripe-Account': user.account,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'funds_availability_delay=1',
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as InboundTransfer).status).toBe('processing');
    // Confirmed on Thursday: settles three business days later, on Tuesday.
    env.sb.clock.advance(unix('2026-03-16T23:00:00Z') - env.sb.clock.now());
    expect((await get(env, user.account, ibt.id)).status).toBe('processing');
    env.sb.clock.advance(unix('2026-03-17T13:00:00Z') - env.sb.clock.now());
    expect((await get(env, user.account, ibt.id)).status).toBe('succeeded');
  });

  it('cancels a transfer left unreviewed for five business days, skipping the weekend', async () => {
    const friday = await open(FRIDAY);
    try {
      const reviewer = await treasuryUser(friday.stripe, { platformReview: true });
      const ibt = await create(friday, reviewer, 'pm_usBankAccount');
      // Friday 11:00 plus five business days is the next Friday, 09:00 New York.
      const nextFriday9am = unix('2026-03-20T13:00:00Z');
      friday.sb.clock.advance(nextFriday9am - 1 - friday.sb.clock.now());
      expect((await get(friday, reviewer.account, ibt.id)).status).toBe('requires_confirmation');
      friday.sb.clock.advance(1);
      const expired = await get(friday, reviewer.account, ibt.id);
      expect(expired).toMatchObject({
        status: 'canceled',
        cancelable: false,
        status_transitions: { canceled_at: nextFriday9am },
      });
      expect(await eventTypes(friday, reviewer.account, ibt.id)).toEqual([
        'treasury.inbound_transfer.created',
        'treasury.inbound_transfer.canceled',
      ]);
    } finally {
      await friday.close();
    }
  });

  it('lets the platform cancel a transfer awaiting review', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount');
    const canceled = await env.stripe.treasury.inboundTransfers.cancel(
      ibt.id,
      {},
      { stripeAccount: user.account },
    );
    expect(canceled.status).toBe('canceled');
  });
});

describe('risk refusals', () => {
  let env: Env;

  beforeAll(async () => {
    env = await open(TUESDAY);
  });

  afterAll(() => env.close());

  it('answers the next transfer on the armed account with a 402 and creates nothing', async () => {
    const user = await treasuryUser(env.stripe);
    const other = await treasuryUser(env.stripe);
    const armed = await control(
      env.sb,
      'POST',
      '/_sandbox/treasury/risk_refusals',
      {},
      user.account,
    );
    expect(armed.body).toEqual({ armed: 1 });

    const unaffected = await create(env, other, 'pm_usBankAccount');
    expect(unaffected.status).toBe('processing');

    const error = await stripeError(create(env, user, 'pm_usBankAccount'));
    expect(error).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: undefined,
    });
    const list = await env.stripe.treasury.inboundTransfers.list(
      { financial_account: user.fa },
      { stripeAccount: user.account },
    );
    expect(list.data).toEqual([]);
    const next = await create(env, user, 'pm_usBankAccount');
    expect(next.status).toBe('processing');
  });

  it('refuses the next transfer anywhere with any_account', async () => {
    const user = await treasuryUser(env.stripe);
    await control(env.sb, 'POST', '/_sandbox/treasury/risk_refusals', { any_account: true });
    const error = await stripeError(create(env, user, 'pm_usBankAccount'));
    expect(error.statusCode).toBe(402);
  });
});

describe('validation and listing', () => {
  let env: Env;
  let user: { account: string; fa: string };

  beforeAll(async () => {
    env = await open(TUESDAY);
    user = await treasuryUser(env.stripe);
  });

  afterAll(() => env.close());

  it('refuses a non-positive amount and a currency other than usd', async () => {
    const zero = await stripeError(create(env, user, 'pm_usBankAccount', { amount: 0 }));
    expect(zero).toMatchObject({ statusCode: 400, param: 'amount' });
    const eur = await stripeError(create(env, user, 'pm_usBankAccount', { currency: 'eur' }));
    expect(eur).toMatchObject({ statusCode: 400, param: 'currency' });
  });

  it('checks statement_descriptor: at most 10 characters from Stripe’s set', async () => {
    const long = await stripeError(
      create(env, user, 'pm_usBankAccount', { statement_descriptor: 'ELEVEN CHAR' }),
    );
    expect(long).toMatchObject({ statusCode: 400, param: 'statement_descriptor' });
    const chars = await stripeError(
      create(env, user, 'pm_usBankAccount', { statement_descriptor: 'TOP-UP!' }),
    );
    expect(chars).toMatchObject({ statusCode: 400, param: 'statement_descriptor' });
    const ok = await create(env, user, 'pm_usBankAccount', {
      statement_descriptor: 'TOP-UP #1',
      description: 'First top-up',
      metadata: { order: '42' },
    });
    expect(ok).toMatchObject({
      statement_descriptor: 'TOP-UP #1',
      description: 'First top-up',
      metadata: { order: '42' },
    });
  });

  it('answers 404 for a financial account of another account', async () => {
    const other = await treasuryUser(env.stripe);
    const error = await stripeError(
      env.stripe.treasury.inboundTransfers.create(
        {
          amount: 100,
          currency: 'usd',
          financial_account: other.fa,
          origin_payment_method: 'pm_usBankAccount',
        },
        { stripeAccount: user.account },
      ),
    );
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'financial_account',
    });
  });

  it('refuses a financial account without the inbound_transfers.ach feature or with inbound flows restricted', async () => {
    const account = await connectedAccount(env.stripe, 'No inbound');
    const bare = await env.stripe.treasury.financialAccounts.create(
      { supported_currencies: ['usd'] },
      { stripeAccount: account },
    );
    const noFeature = await stripeError(create(env, { account, fa: bare.id }, 'pm_usBankAccount'));
    expect(noFeature).toMatchObject({
      statusCode: 400,
      code: undefined,
      param: 'financial_account',
    });
    expect(noFeature.message).toContain('inbound_transfers.ach');

    const restricted = await financialAccount(env.stripe, account);
    await env.stripe.treasury.financialAccounts.update(
      restricted.id,
      { platform_restrictions: { inbound_flows: 'restricted' } },
      { stripeAccount: account },
    );
    const blocked = await stripeError(
      create(env, { account, fa: restricted.id }, 'pm_usBankAccount'),
    );
    expect(blocked).toMatchObject({ statusCode: 400, code: undefined, param: 'financial_account' });
    expect(blocked.message).toContain('restricted');
  });

  it('lists by financial account (required), filters by status and expands data.transaction', async () => {
    const a = await create(env, user, 'pm_usBankAccount_processing');
    const b = await create(env, user, 'pm_usBankAccount_processing');
    await env.stripe.testHelpers.treasury.inboundTransfers.succeed(
      b.id,
      {},
      { stripeAccount: user.account },
    );
    const missing = await stripeError(
      env.stripe.treasury.inboundTransfers.list({} as Stripe.Treasury.InboundTransferListParams, {
        stripeAccount: user.account,
      }),
    );
    expect(missing).toMatchObject({ code: 'parameter_missing', param: 'financial_account' });

    const succeeded = await env.stripe.treasury.inboundTransfers.list(
      { financial_account: user.fa, status: 'succeeded', expand: ['data.transaction'] },
      { stripeAccount: user.account },
    );
    expect(succeeded.data.map((t) => t.id)).toEqual([b.id]);
    expect(succeeded.data[0]?.transaction).toMatchObject({
      object: 'treasury.transaction',
      flow: b.id,
    });
    const processing = await env.stripe.treasury.inboundTransfers.list(
      { financial_account: user.fa, status: 'processing' },
      { stripeAccount: user.account },
    );
    expect(processing.data.map((t) => t.id)).toContain(a.id);
    expect(processing.data.map((t) => t.id)).not.toContain(b.id);
    const unknown = await stripeError(
      env.stripe.treasury.inboundTransfers.retrieve(
        'ibt_missing',
        {},
        {
          stripeAccount: user.account,
        },
      ),
    );
    expect(unknown).toMatchObject({ statusCode: 404, param: 'id' });
  });

  it('serves the regulatory receipt at hosted_regulatory_receipt_url without a key', async () => {
    const ibt = await create(env, user, 'pm_usBankAccount', { amount: 12_345 });
    const url = ibt.hosted_regulatory_receipt_url ?? '';
    expect(url.startsWith(`${env.sb.url}/_sandbox/receipts/${ibt.id}`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain(ibt.id);
    expect(html).toContain('$123.45');
    const missing = await fetch(`${env.sb.url}/_sandbox/receipts/ibt_missing`);
    expect(missing.status).toBe(404);
  });
});
