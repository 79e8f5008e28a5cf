/**
 * One pass through every operation in the OpenAPI subset against a demo-seeded sandbox, through
 * stripe-node, including expanded responses and a range of error answers. The recording client
 * captures what crosses the wire; the contract tests validate it.
 */
import type { Sandbox } from '@purse/sandbox';
import type Stripe from 'stripe';

async function control(
  sb: Sandbox,
  path: string,
  body: Record<string, unknown>,
  account?: string,
): Promise<unknown> {
  const response = await fetch(`${sb.url}${path}`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${sb.secretKey}`,
      'Content-Type': 'application/json',
      ...(account ? { 'Stripe-Account': account } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${String(response.status)}`);
  return response.json();
}

/** Runs `call`, which must fail; its error response is recorded all the same. */
async function failing(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch {
    return;
  }
  throw new Error('expected the request to fail');
}

const MANDATE = {
  customer_acceptance: {
    type: 'online' as const,
    online: { ip_address: '203.0.113.9', user_agent: 'contract-suite' },
  },
};

export async function exercise(sb: Sandbox, stripe: Stripe): Promise<void> {
  const persona = sb.seed.personas.find((p) => p.key === 'freelancer');
  if (!persona) throw new Error('the demo seed has no freelancer');
  const acct = { stripeAccount: persona.accountId };

  // Customers.
  const customer = await stripe.customers.create({
    email: 'contract@example.com',
    name: 'Contract Suite',
    metadata: { suite: 'contract' },
  });
  await stripe.customers.retrieve(customer.id);
  await stripe.customers.update(customer.id, { phone: '+14155550100' });
  await stripe.customers.list({ limit: 3 });
  const doomed = await stripe.customers.create({ name: 'Deleted later' });
  await stripe.customers.del(doomed.id);
  await stripe.customers.retrieve(doomed.id);

  // Connected accounts.
  const account = await stripe.accounts.create({
    type: 'custom',
    country: 'US',
    email: 'contract-acct@example.com',
    business_type: 'company',
    business_profile: { name: 'Contract Co', mcc: '5734' },
    capabilities: {
      treasury: { requested: true },
      us_bank_account_ach_payments: { requested: true },
      card_issuing: { requested: true },
    },
  });
  await stripe.accounts.retrieve(account.id);
  await stripe.accounts.update(account.id, { metadata: { tier: 'gold' } });
  await stripe.accounts.list({ limit: 5 });
  const throwaway = await stripe.accounts.create({ type: 'custom' });
  await stripe.accounts.del(throwaway.id);

  // Financial Connections: sessions, accounts, refreshes, transactions, owners.
  const session = await stripe.financialConnections.sessions.create(
    {
      account_holder: { type: 'account', account: persona.accountId },
      permissions: ['balances', 'ownership', 'payment_method', 'transactions'],
      prefetch: ['balances', 'ownership', 'transactions'],
      filters: { account_subcategories: ['checking', 'savings'] },
    },
    acct,
  );
  await control(
    sb,
    `/_sandbox/financial_connections/sessions/${session.id}/complete`,
    { institution: 'fcinst_stripebank', accounts: ['high_balance'] },
    persona.accountId,
  );
  await stripe.financialConnections.sessions.retrieve(session.id, {}, acct);
  const customerSession = await stripe.financialConnections.sessions.create({
    account_holder: { type: 'customer', customer: customer.id },
    permissions: ['balances', 'payment_method'],
  });
  await control(sb, `/_sandbox/financial_connections/sessions/${customerSession.id}/complete`, {
    institution: 'fcinst_thinfunds',
    accounts: ['checking', 'current_only'],
  });
  await stripe.financialConnections.sessions.retrieve(customerSession.id, {
    expand: ['accounts.data.account_holder.customer'],
  });
  await stripe.financialConnections.accounts.list({ session: customerSession.id });
  await stripe.financialConnections.accounts.list(
    { account_holder: { account: persona.accountId }, limit: 10 },
    acct,
  );
  await stripe.financialConnections.accounts.list({ account_holder: { customer: customer.id } });
  sb.clock.advance(120);

  const [checkingId, , creditId] = persona.linkedAccountIds;
  if (!checkingId || !creditId) throw new Error('the freelancer has no linked accounts');
  const checking = await stripe.financialConnections.accounts.retrieve(checkingId, {}, acct);
  await stripe.financialConnections.accounts.retrieve(creditId, {}, acct);
  await stripe.financialConnections.accounts.refresh(
    checkingId,
    { features: ['balance', 'ownership', 'transactions'] },
    acct,
  );
  await stripe.financialConnections.accounts.subscribe(
    checkingId,
    { features: ['transactions'] },
    acct,
  );
  sb.clock.advance(5);
  const refreshed = await stripe.financialConnections.accounts.retrieve(
    checkingId,
    { expand: ['ownership'] },
    acct,
  );
  const ownership = refreshed.ownership;
  if (!ownership || typeof ownership === 'string') throw new Error('ownership did not expand');
  await stripe.financialConnections.accounts.listOwners(
    checkingId,
    { ownership: ownership.id, limit: 5 },
    acct,
  );
  await stripe.financialConnections.accounts.unsubscribe(
    checkingId,
    { features: ['transactions'] },
    acct,
  );
  const firstRefresh = checking.transaction_refresh?.id ?? '';
  const transactions = await stripe.financialConnections.transactions.list(
    { account: checkingId, limit: 100 },
    acct,
  );
  await stripe.financialConnections.transactions.list(
    { account: checkingId, transaction_refresh: { after: firstRefresh } },
    acct,
  );
  await stripe.financialConnections.transactions.list(
    { account: checkingId, transacted_at: { gte: sb.clock.now() - 7 * 86_400 } },
    acct,
  );
  const posted = transactions.data.find((t) => t.status === 'posted');
  const pending = transactions.data.find((t) => t.status === 'pending');
  for (const t of [posted, pending]) {
    if (t) await stripe.financialConnections.transactions.retrieve(t.id, {}, acct);
  }
  const quiet = await stripe.financialConnections.sessions.create(
    { account_holder: { type: 'account', account: persona.accountId }, permissions: ['balances'] },
    acct,
  );
  const linked = (await control(
    sb,
    `/_sandbox/financial_connections/sessions/${quiet.id}/complete`,
    { institution: 'fcinst_downbank', accounts: ['checking'] },
    persona.accountId,
  )) as { accounts: { data: { id: string }[] } };
  const downId = linked.accounts.data[0]?.id ?? '';
  await stripe.financialConnections.accounts.refresh(downId, { features: ['balance'] }, acct);
  sb.clock.advance(5);
  await stripe.financialConnections.accounts.retrieve(downId, {}, acct);
  await stripe.financialConnections.accounts.disconnect(downId, {}, acct);

  // PaymentMethods and SetupIntents.
  const pm = await stripe.paymentMethods.create({
    type: 'us_bank_account',
    us_bank_account: {
      routing_number: '110000000',
      account_number: '000123456789',
      account_holder_type: 'individual',
    },
    billing_details: { name: 'Jenny Rosen', email: 'jenny@example.com' },
  });
  await stripe.paymentMethods.retrieve(pm.id);
  await stripe.paymentMethods.update(pm.id, { metadata: { from: 'contract' } });
  await stripe.paymentMethods.attach(pm.id, { customer: customer.id });
  await stripe.paymentMethods.list({ customer: customer.id, type: 'us_bank_account' });
  await stripe.paymentMethods.retrieve(pm.id, { expand: ['customer'] });

  const si = await stripe.setupIntents.create(
    { attach_to_self: true, flow_directions: ['inbound'], metadata: { step: '1' } },
    acct,
  );
  const fcPm = await stripe.paymentMethods.create(
    {
      type: 'us_bank_account',
      us_bank_account: { financial_connections_account: checkingId },
      billing_details: { name: 'Maya Chen' },
    },
    acct,
  );
  await stripe.setupIntents.update(si.id, { payment_method: fcPm.id }, acct);
  await stripe.setupIntents.retrieve(si.id, {}, acct);
  await stripe.setupIntents.confirm(si.id, { mandate_data: MANDATE }, acct);
  await stripe.setupIntents.retrieve(si.id, { expand: ['payment_method', 'mandate'] }, acct);
  await stripe.setupIntents.list({ attach_to_self: true, limit: 5 }, acct);
  await stripe.setupIntents.create({ customer: customer.id, payment_method: pm.id });
  await stripe.customers.listPaymentMethods(customer.id, { type: 'us_bank_account' });
  // Numbers typed by hand: microdeposits, then verification.
  const typed = await stripe.setupIntents.create({
    payment_method: pm.id,
    customer: customer.id,
    confirm: true,
    mandate_data: MANDATE,
  });
  await stripe.setupIntents.verifyMicrodeposits(typed.id, { amounts: [32, 45] });
  const abandoned = await stripe.setupIntents.create({ customer: customer.id });
  await stripe.setupIntents.cancel(abandoned.id, { cancellation_reason: 'abandoned' });
  await stripe.paymentMethods.detach(pm.id);

  // Treasury: financial accounts and features.
  const fa = persona.financialAccountId;
  await stripe.treasury.financialAccounts.retrieve(fa, {}, acct);
  await stripe.treasury.financialAccounts.retrieve(
    fa,
    { expand: ['financial_addresses.aba.account_number'] },
    acct,
  );
  await stripe.treasury.financialAccounts.list({ status: 'open' }, acct);
  await stripe.treasury.financialAccounts.update(fa, { metadata: { contract: 'yes' } }, acct);
  await stripe.treasury.financialAccounts.retrieveFeatures(fa, {}, acct);
  const accountAcct = { stripeAccount: account.id };
  const fresh = await stripe.treasury.financialAccounts.create(
    {
      supported_currencies: ['usd'],
      features: {
        inbound_transfers: { ach: { requested: true } },
        financial_addresses: { aba: { requested: true } },
        card_issuing: { requested: true },
      },
    },
    accountAcct,
  );
  await stripe.treasury.financialAccounts.updateFeatures(
    fresh.id,
    { intra_stripe_flows: { requested: true }, outbound_payments: { ach: { requested: true } } },
    accountAcct,
  );
  await stripe.treasury.financialAccounts.retrieve(fresh.id, { expand: ['features'] }, accountAcct);
  sb.clock.advance(61);
  await stripe.treasury.financialAccounts.retrieve(fresh.id, {}, accountAcct);
  await stripe.treasury.financialAccounts.close(fresh.id, {}, accountAcct);
  await stripe.treasury.financialAccounts.retrieveFeatures(fresh.id, {}, accountAcct);

  // Treasury: money in and out.
  const rc = await stripe.testHelpers.treasury.receivedCredits.create(
    {
      amount: 50_000,
      currency: 'usd',
      financial_account: fa,
      network: 'ach',
      description: 'Contract funding',
      initiating_payment_method_details: {
        type: 'us_bank_account',
        us_bank_account: { account_holder_name: 'Maya Chen', routing_number: '110000000' },
      },
    },
    acct,
  );
  await stripe.treasury.receivedCredits.retrieve(rc.id, {}, acct);
  await stripe.treasury.receivedCredits.list({ financial_account: fa, limit: 5 }, acct);
  const rd = await stripe.testHelpers.treasury.receivedDebits.create(
    { amount: 1_500, currency: 'usd', financial_account: fa, network: 'ach' },
    acct,
  );
  await stripe.testHelpers.treasury.receivedDebits.create(
    { amount: 99_999_999, currency: 'usd', financial_account: fa, network: 'ach' },
    acct,
  );
  await stripe.treasury.receivedDebits.retrieve(rd.id, { expand: ['transaction'] }, acct);
  await stripe.treasury.receivedDebits.list({ financial_account: fa }, acct);

  const sourcePm = await stripe.setupIntents
    .list({ attach_to_self: true, limit: 100 }, acct)
    .then((list) => list.data.find((s) => s.status === 'succeeded')?.payment_method as string);
  const create = (origin: string, amount: number): Promise<Stripe.Treasury.InboundTransfer> =>
    stripe.treasury.inboundTransfers.create(
      {
        amount,
        currency: 'usd',
        financial_account: fa,
        origin_payment_method: origin,
        description: 'Contract top-up',
        statement_descriptor: 'CONTRACT',
        metadata: { suite: 'contract' },
      },
      acct,
    );
  const toCancel = await create('pm_usBankAccount', 1_000);
  await stripe.treasury.inboundTransfers.cancel(toCancel.id, {}, acct);
  const toSucceed = await create('pm_usBankAccount_processing', 2_000);
  await stripe.testHelpers.treasury.inboundTransfers.succeed(toSucceed.id, {}, acct);
  await stripe.testHelpers.treasury.inboundTransfers.returnInboundTransfer(toSucceed.id, {}, acct);
  const toFail = await create('pm_usBankAccount_processing', 3_000);
  await stripe.testHelpers.treasury.inboundTransfers.fail(
    toFail.id,
    { failure_details: { code: 'account_closed' } },
    acct,
  );
  const fromBank = await create(sourcePm, 4_000);
  await create('pm_usBankAccount_dispute', 5_000);
  await control(sb, '/_sandbox/clock/advance', { business_days: 4 });
  await stripe.treasury.inboundTransfers.retrieve(fromBank.id, {}, acct);
  await stripe.treasury.inboundTransfers.retrieve(toSucceed.id, { expand: ['transaction'] }, acct);
  await stripe.treasury.inboundTransfers.list({ financial_account: fa, limit: 20 }, acct);
  await stripe.treasury.inboundTransfers.list(
    { financial_account: fa, status: 'succeeded', expand: ['data.transaction'] },
    acct,
  );

  // Platform review (preview) and its confirm endpoint.
  const reviewed = await stripe.treasury.financialAccounts.create(
    {
      supported_currencies: ['usd'],
      features: {
        inbound_transfers: { ach: { requested: true, platform_review: { requested: true } } },
      } as Stripe.Treasury.FinancialAccountCreateParams.Features,
    },
    accountAcct,
  );
  const awaiting = await stripe.treasury.inboundTransfers.create(
    {
      amount: 700,
      currency: 'usd',
      financial_account: reviewed.id,
      origin_payment_method: 'pm_usBankAccount',
    },
    accountAcct,
  );
  await stripe.rawRequest(
    'POST',
    `/v1/treasury/inbound_transfers/${awaiting.id}/confirm`,
    {},
    accountAcct,
  );

  const txns = await stripe.treasury.transactions.list({ financial_account: fa, limit: 50 }, acct);
  await stripe.treasury.transactions.list(
    { financial_account: fa, created: { gte: sb.clock.now() - 30 * 86_400 }, status: 'posted' },
    acct,
  );
  for (const type of ['inbound_transfer', 'received_credit', 'received_debit'] as const) {
    const t = txns.data.find((x) => x.flow_type === type);
    if (t) await stripe.treasury.transactions.retrieve(t.id, { expand: ['flow_details'] }, acct);
  }

  // Events, including ones from connected accounts and from the virtual clock.
  const events = await stripe.events.list({ limit: 100 }, acct);
  await stripe.events.list({ limit: 100 });
  await stripe.events.list({ types: ['treasury.*', 'financial_connections.*'], limit: 100 }, acct);
  const seenTypes = new Set<string>();
  for (const event of events.data) {
    if (seenTypes.has(event.type)) continue;
    seenTypes.add(event.type);
    await stripe.events.retrieve(event.id, {}, acct);
  }

  // Errors of every kind, each validated against the `error` schema.
  await failing(stripe.customers.retrieve('cus_missing'));
  await failing(stripe.customers.create({ email: 'x'.repeat(600) }));
  await failing(stripe.customers.list({ limit: 101 }));
  await failing(
    stripe.treasury.inboundTransfers.create(
      {
        amount: 100,
        currency: 'usd',
        financial_account: fa,
      } as Stripe.Treasury.InboundTransferCreateParams,
      acct,
    ),
  );
  await failing(stripe.treasury.inboundTransfers.cancel(toFail.id, {}, acct));
  await failing(stripe.accounts.retrieve(account.id, {}, acct));
  await failing(
    stripe.treasury.inboundTransfers.create(
      {
        amount: 100,
        currency: 'usd',
        financial_account: fa,
        origin_payment_method: 'pm_usBankAccount_sameDayACHIneligible',
        origin_payment_method_options: { us_bank_account: { ach: { submission: 'same_day' } } },
      } as Stripe.Treasury.InboundTransferCreateParams,
      acct,
    ),
  );
  await control(sb, '/_sandbox/treasury/risk_refusals', {}, persona.accountId);
  await failing(create('pm_usBankAccount', 100));
  await stripe.customers.create({ name: 'Idem' }, { idempotencyKey: 'contract-idem' });
  await failing(stripe.customers.create({ name: 'Other' }, { idempotencyKey: 'contract-idem' }));
  await failing(stripe.rawRequest('GET', '/v1/charges'));
  await failing(
    stripe.financialConnections.accounts.refresh(downId, { features: ['balance'] }, acct),
  );
  await failing(stripe.financialConnections.sessions.retrieve('fcsess_missing'));
  const wrongKey = stripe.customers.list({}, { apiKey: 'sk_test_wrong_key_000000000' });
  await failing(wrongKey);
}
