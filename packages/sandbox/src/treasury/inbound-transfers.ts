/**
 * InboundTransfers: pulling money from a linked bank into a FinancialAccount over ACH.
 *
 * A transfer starts `processing` and `cancelable`; it is submitted to ACH 30 virtual minutes
 * later (no longer cancelable); it settles two business days after its submission day
 * (weekends and US bank holidays skipped), or fails one business day after with its failure
 * code. What happens is decided at creation from the origin PaymentMethod: a magic test token,
 * Stripe's ACH test account numbers, or, for a PaymentMethod made from a linked test bank, that
 * bank's available balance at the time the debit is presented. A success posts a Treasury
 * Transaction; a later return creates a ReceivedDebit and a negative Transaction.
 */
import {
  achSubmissionDate,
  addBusinessDays,
  addCalendarDays,
  calendarDateOf,
  unixAt,
} from '@purse/core/top-up-form';
import { TOP_UP_FAILURE_CODES } from '@purse/core';
import type Stripe from 'stripe';
import {
  StripeApiError,
  invalidParam,
  invalidState,
  resourceMissing,
} from '../http/stripe-error.js';
import { addBankEntry, availableNow } from '../fc/accounts.js';
import { awaitingMicrodeposits } from '../resources/payment-methods.js';
import type { Engine } from '../state/engine.js';
import { newId } from '../state/ids.js';
import type {
  FinancialAccountRecord,
  InboundTransferRecord,
  MagicBehaviour,
  PaymentMethodRecord,
  TransferPlan,
} from '../state/records.js';
import type { Partition } from '../state/store.js';
import { featureActive } from './financial-accounts.js';
import { postTransaction, receiptUrl } from './ledger.js';

type FailureCode = Stripe.Treasury.InboundTransfer.FailureDetails.Code;

/** Magic test PaymentMethod tokens for `origin_payment_method` (Stripe's test mode). */
export const MAGIC_TOKENS: Record<string, MagicBehaviour> = {
  pm_usBankAccount: 'success',
  pm_usBankAccount_processing: 'processing',
  pm_usBankAccount_internalFailure: 'internalFailure',
  pm_usBankAccount_noAccount: 'noAccount',
  pm_usBankAccount_accountClosed: 'accountClosed',
  pm_usBankAccount_invalidAccountNumber: 'invalidAccountNumber',
  pm_usBankAccount_insufficientFunds: 'insufficientFunds',
  pm_usBankAccount_debitNotAuthorized: 'debitNotAuthorized',
  pm_usBankAccount_dispute: 'dispute',
  pm_usBankAccount_sameDayACHIneligible: 'sameDayACHIneligible',
};

export const FAILURE_CODES: readonly FailureCode[] = TOP_UP_FAILURE_CODES;

function planFor(magic: MagicBehaviour | null, fromLinkedBank: boolean): TransferPlan {
  switch (magic) {
    case null:
      return fromLinkedBank ? { kind: 'balance' } : { kind: 'succeed' };
    case 'success':
    case 'sameDayACHIneligible':
      return { kind: 'succeed' };
    case 'processing':
      return { kind: 'stay' };
    case 'internalFailure':
      return { kind: 'fail', code: 'other' };
    case 'noAccount':
      return { kind: 'fail', code: 'no_account' };
    case 'accountClosed':
      return { kind: 'fail', code: 'account_closed' };
    case 'invalidAccountNumber':
      return { kind: 'fail', code: 'invalid_account_number' };
    case 'insufficientFunds':
      return { kind: 'fail', code: 'insufficient_funds' };
    case 'debitNotAuthorized':
      return { kind: 'fail', code: 'debit_not_authorized' };
    case 'dispute':
      return { kind: 'dispute' };
    default:
      magic satisfies never;
      return { kind: 'succeed' };
  }
}

const MAGIC_DETAILS: Stripe.Treasury.InboundTransfer.OriginPaymentMethodDetails = {
  billing_details: {
    address: {
      city: null,
      country: null,
      line1: null,
      line2: null,
      postal_code: null,
      state: null,
    },
    email: null,
    name: 'Jenny Rosen',
  },
  type: 'us_bank_account',
  us_bank_account: {
    account_holder_type: 'individual',
    account_type: 'checking',
    bank_name: 'STRIPE TEST BANK',
    fingerprint: 'Q3wZ8sDjhAq1HkS9',
    last4: '6789',
    network: 'ach',
    routing_number: '110000000',
  },
};

function originDetails(
  pm: PaymentMethodRecord,
): Stripe.Treasury.InboundTransfer.OriginPaymentMethodDetails {
  const bank = pm.api.us_bank_account;
  return {
    billing_details: {
      address: pm.api.billing_details.address ?? MAGIC_DETAILS.billing_details.address,
      email: pm.api.billing_details.email,
      name: pm.api.billing_details.name,
    },
    type: 'us_bank_account',
    us_bank_account: {
      account_holder_type: bank?.account_holder_type ?? null,
      account_type: bank?.account_type ?? null,
      bank_name: bank?.bank_name ?? null,
      fingerprint: bank?.fingerprint ?? null,
      last4: bank?.last4 ?? null,
      network: 'ach',
      routing_number: bank?.routing_number ?? null,
    },
  };
}

export interface CreateTransferInput {
  amount: number;
  currency: string;
  financial_account: string;
  origin_payment_method: string;
  description?: string;
  metadata?: Record<string, string>;
  statement_descriptor?: string;
  submission?: 'same_day' | 'standard';
}

/** Virtual time of a business day's morning (when ACH files settle). */
function morningOf(date: ReturnType<typeof calendarDateOf>): number {
  return unixAt(date, { hour: 9 });
}

export function createInboundTransfer(
  engine: Engine,
  partition: Partition,
  fa: FinancialAccountRecord,
  input: CreateTransferInput,
): InboundTransferRecord {
  if (input.currency !== 'usd') {
    throw invalidParam(
      'currency',
      'parameter_invalid_enum',
      `Invalid currency: ${input.currency}. usd is the only supported currency for InboundTransfers.`,
    );
  }
  // Stripe's error-code list has no code for these refusals: message and param only.
  if (fa.api.status !== 'open')
    throw invalidState(
      `The FinancialAccount ${fa.api.id} is closed.`,
      undefined,
      'financial_account',
    );
  if (!featureActive(fa, 'inbound_transfers.ach')) {
    throw invalidState(
      `The FinancialAccount ${fa.api.id} does not have the inbound_transfers.ach feature active.`,
      undefined,
      'financial_account',
    );
  }
  if (fa.api.platform_restrictions?.inbound_flows === 'restricted') {
    throw invalidState(
      `Inbound flows are restricted on the FinancialAccount ${fa.api.id}.`,
      undefined,
      'financial_account',
    );
  }

  const token = MAGIC_TOKENS[input.origin_payment_method];
  let pm: PaymentMethodRecord | undefined;
  let magic: MagicBehaviour | null = token ?? null;
  if (!token) {
    pm = partition.paymentMethods.get(input.origin_payment_method);
    if (!pm)
      throw resourceMissing('PaymentMethod', input.origin_payment_method, {
        param: 'origin_payment_method',
      });
    if (pm.api.type !== 'us_bank_account') {
      throw invalidParam(
        'origin_payment_method',
        'payment_method_unsupported_type',
        `The PaymentMethod ${pm.api.id} has type ${pm.api.type}; InboundTransfers need a us_bank_account PaymentMethod.`,
      );
    }
    if (awaitingMicrodeposits({ partition }, pm.api.id)) {
      throw invalidState(
        `The PaymentMethod ${pm.api.id} has not been verified yet: its SetupIntent awaits microdeposit verification (POST /v1/setup_intents/:id/verify_microdeposits).`,
        'bank_account_declined',
        'origin_payment_method',
      );
    }
    if (!pm.flowDirections.has('inbound')) {
      throw invalidParam(
        'origin_payment_method',
        undefined,
        `The PaymentMethod ${pm.api.id} is not set up for inbound flows. Set it up with a SetupIntent using attach_to_self=true and flow_directions[]=inbound.`,
      );
    }
    magic = pm.magic;
  }

  const refusal = engine.riskRefusals.findIndex(
    (scope) => scope === null || scope === partition.scope,
  );
  if (refusal >= 0) {
    engine.riskRefusals.splice(refusal, 1);
    // The guide gives a 402 whose message carries the details, and no code.
    throw new StripeApiError(402, {
      type: 'invalid_request_error',
      message:
        'This InboundTransfer was declined by Stripe’s risk checks: the origin bank account has too short a history with this account. Try a smaller amount or another bank account.',
    });
  }
  if (input.submission === 'same_day' && magic === 'sameDayACHIneligible') {
    // Exactly what the same-day ACH guide shows: `type`, `message_code` and `message`; no `code`.
    throw new StripeApiError(400, {
      type: 'invalid_request_error',
      message_code: 'inbound_transfer_not_same_day_eligible',
      message:
        'This transaction is not eligible for same-day availability at this time. Please try again with `standard` ACH submission.',
    });
  }

  const now = engine.now();
  const id = newId('ibt');
  const review = fa.platformReview;
  const api: Stripe.Treasury.InboundTransfer = {
    id,
    object: 'treasury.inbound_transfer',
    amount: input.amount,
    cancelable: true,
    created: now,
    currency: 'usd',
    description: input.description ?? null,
    failure_details: null,
    financial_account: fa.api.id,
    hosted_regulatory_receipt_url: receiptUrl(engine, id),
    linked_flows: { received_debit: null },
    livemode: false,
    metadata: input.metadata ?? {},
    origin_payment_method: input.origin_payment_method,
    origin_payment_method_details: pm ? originDetails(pm) : structuredClone(MAGIC_DETAILS),
    returned: false,
    statement_descriptor: input.statement_descriptor ?? 'transfer',
    status: review ? 'requires_confirmation' : 'processing',
    status_transitions: { canceled_at: null, failed_at: null, succeeded_at: null },
    transaction: null,
  };

  let bankEntry: InboundTransferRecord['bankEntry'] = null;
  const linked = pm?.fcAccount
    ? engine.store
        .partition(pm.fcAccount.scope === 'platform' ? null : pm.fcAccount.scope)
        .fcAccounts.get(pm.fcAccount.id)
    : undefined;
  if (linked && pm?.fcAccount) {
    const entry = addBankEntry(linked, {
      amount: -input.amount,
      description: `ACH DEBIT ${api.statement_descriptor.toUpperCase()} PPD`,
      transactedAt: now,
      postedAt: null,
      voidAt: null,
    });
    bankEntry = { scope: pm.fcAccount.scope, account: linked.api.id, entry };
  }

  const record: InboundTransferRecord = {
    api,
    plan: planFor(magic, linked !== undefined),
    timers: [],
    bankEntry,
    fundsAvailableAt: null,
  };
  partition.inboundTransfers.insert(record);
  engine.emit(partition, 'treasury.inbound_transfer.created', api);
  if (review) scheduleReviewExpiry(engine, partition, record);
  // Same-day ACH (a preview) settles on its submission day instead of two business days later.
  else
    schedule(
      engine,
      partition,
      record,
      input.submission === 'same_day' ? 0 : engine.timings.transferSettleBusinessDays,
    );
  return record;
}

function bankEntryOf(engine: Engine, record: InboundTransferRecord) {
  const ref = record.bankEntry;
  if (!ref) return undefined;
  const account = engine.store
    .partition(ref.scope === 'platform' ? null : ref.scope)
    .fcAccounts.get(ref.account);
  const entry = account ? ref.entry : undefined;
  return account && entry ? { account, entry } : undefined;
}

/** Submission, then settlement or failure, as timers on the virtual clock. */
function schedule(
  engine: Engine,
  partition: Partition,
  record: InboundTransferRecord,
  settleBusinessDays: number,
): void {
  const { timings } = engine;
  const now = engine.now();
  record.timers.push(
    engine.at(now + timings.transferSubmitSeconds, `submit ${record.api.id}`, () => {
      if (record.api.status !== 'processing') return;
      record.api.cancelable = false;
    }),
  );
  const submitted = achSubmissionDate(now + timings.transferSubmitSeconds);
  const settleAt = Math.max(
    morningOf(addBusinessDays(submitted, settleBusinessDays)),
    now + timings.transferSubmitSeconds + 1,
  );
  const failAt = Math.max(
    morningOf(addBusinessDays(submitted, timings.transferFailBusinessDays)),
    now + timings.transferSubmitSeconds + 1,
  );
  const bank = bankEntryOf(engine, record);
  if (bank) bank.entry.postedAt = settleAt;
  const plan = record.plan;
  switch (plan.kind) {
    case 'stay':
      return;
    case 'fail':
      record.timers.push(
        engine.at(failAt, `fail ${record.api.id}`, () =>
          fail(engine, partition, record, plan.code),
        ),
      );
      return;
    case 'balance':
      // The bank presents the debit: if it is not covered, it is returned for insufficient funds.
      record.timers.push(
        engine.at(failAt, `present ${record.api.id}`, () => {
          const current = bankEntryOf(engine, record);
          if (
            record.api.status === 'processing' &&
            current &&
            availableNow(current.account, engine.now()) < 0
          ) {
            fail(engine, partition, record, 'insufficient_funds');
          }
        }),
      );
      record.timers.push(
        engine.at(settleAt, `settle ${record.api.id}`, () => succeed(engine, partition, record)),
      );
      return;
    case 'succeed':
      record.timers.push(
        engine.at(settleAt, `settle ${record.api.id}`, () => succeed(engine, partition, record)),
      );
      return;
    case 'dispute':
      record.timers.push(
        engine.at(settleAt, `settle ${record.api.id}`, () => {
          succeed(engine, partition, record);
          const disputeAt = morningOf(
            addBusinessDays(addCalendarDays(calendarDateOf(engine.now()), 1), 0),
          );
          record.timers.push(
            engine.at(disputeAt, `dispute ${record.api.id}`, () =>
              returnTransfer(engine, partition, record),
            ),
          );
        }),
      );
      return;
    default:
      plan satisfies never;
  }
}

function scheduleReviewExpiry(
  engine: Engine,
  partition: Partition,
  record: InboundTransferRecord,
): void {
  const expiresAt = morningOf(
    addBusinessDays(calendarDateOf(engine.now()), engine.timings.reviewExpiryBusinessDays),
  );
  record.timers.push(
    engine.at(expiresAt, `review expiry ${record.api.id}`, () => {
      if (record.api.status === 'requires_confirmation') cancel(engine, partition, record);
    }),
  );
}

function clearTimers(record: InboundTransferRecord): void {
  for (const timer of record.timers) timer.cancel();
  record.timers = [];
}

function financialAccountOf(
  partition: Partition,
  record: InboundTransferRecord,
): FinancialAccountRecord {
  const fa = partition.financialAccounts.get(record.api.financial_account);
  if (!fa) throw new Error(`financial account ${record.api.financial_account} vanished`);
  return fa;
}

function transitionError(
  record: InboundTransferRecord,
  action: string,
  required: string,
): StripeApiError {
  return invalidState(
    `This InboundTransfer cannot be ${action} because it has a status of ${String(record.api.status)}${record.api.returned ? ' and was returned' : ''}; it must be ${required}.`,
    'status_transition_invalid',
  );
}

export function succeed(engine: Engine, partition: Partition, record: InboundTransferRecord): void {
  if (record.api.status !== 'processing') throw transitionError(record, 'succeeded', 'processing');
  clearTimers(record);
  const now = engine.now();
  const api = record.api;
  const fa = financialAccountOf(partition, record);
  const transaction = postTransaction(engine, partition, fa, {
    amount: api.amount,
    description: api.description ?? 'Inbound transfer',
    flow: api.id,
    flowType: 'inbound_transfer',
  });
  api.status = 'succeeded';
  api.cancelable = false;
  api.status_transitions.succeeded_at = now;
  api.transaction = transaction.api.id;
  const bank = bankEntryOf(engine, record);
  if (bank) {
    bank.entry.postedAt = now;
    bank.entry.voidAt = null;
  }
  engine.emit(partition, 'treasury.inbound_transfer.succeeded', api);
}

export function fail(
  engine: Engine,
  partition: Partition,
  record: InboundTransferRecord,
  code: FailureCode,
): void {
  if (record.api.status !== 'processing') throw transitionError(record, 'failed', 'processing');
  clearTimers(record);
  const now = engine.now();
  const api = record.api;
  api.status = 'failed';
  api.cancelable = false;
  api.failure_details = { code };
  api.status_transitions.failed_at = now;
  const bank = bankEntryOf(engine, record);
  if (bank) {
    bank.entry.postedAt = null;
    bank.entry.voidAt = now;
  }
  engine.emit(partition, 'treasury.inbound_transfer.failed', api);
}

export function cancel(engine: Engine, partition: Partition, record: InboundTransferRecord): void {
  const api = record.api;
  if (!api.cancelable || (api.status !== 'processing' && api.status !== 'requires_confirmation')) {
    throw invalidState(
      api.status === 'canceled'
        ? 'This InboundTransfer has already been canceled.'
        : `This InboundTransfer cannot be canceled: it has a status of ${String(api.status)}${api.status === 'processing' ? ' and has already been submitted to the bank' : ''}.`,
      'status_transition_invalid',
    );
  }
  clearTimers(record);
  const now = engine.now();
  api.status = 'canceled';
  api.cancelable = false;
  api.status_transitions.canceled_at = now;
  const bank = bankEntryOf(engine, record);
  if (bank) {
    bank.entry.postedAt = null;
    bank.entry.voidAt = now;
  }
  engine.emit(partition, 'treasury.inbound_transfer.canceled', api);
}

/** A return after success: a ReceivedDebit takes the money back out of the account. */
export function returnTransfer(
  engine: Engine,
  partition: Partition,
  record: InboundTransferRecord,
): void {
  const api = record.api;
  if (api.status !== 'succeeded' || api.returned) {
    throw invalidState(
      api.returned
        ? 'This InboundTransfer has already been returned.'
        : `This InboundTransfer cannot be returned because it has a status of ${String(api.status)}; it must be succeeded.`,
      'status_transition_invalid',
    );
  }
  clearTimers(record);
  const now = engine.now();
  const fa = financialAccountOf(partition, record);
  const rdId = newId('rd');
  const transaction = postTransaction(engine, partition, fa, {
    amount: -api.amount,
    description: `Return of ${api.id}`,
    flow: rdId,
    flowType: 'received_debit',
  });
  const details = api.origin_payment_method_details;
  const debit: Stripe.Treasury.ReceivedDebit = {
    id: rdId,
    object: 'treasury.received_debit',
    amount: api.amount,
    created: now,
    currency: 'usd',
    description: `Return of InboundTransfer ${api.id}`,
    failure_code: null,
    financial_account: fa.api.id,
    hosted_regulatory_receipt_url: receiptUrl(engine, rdId),
    initiating_payment_method_details: {
      billing_details: {
        address: details?.billing_details.address ?? MAGIC_DETAILS.billing_details.address,
        email: details?.billing_details.email ?? null,
        name: details?.billing_details.name ?? null,
      },
      type: 'us_bank_account',
      us_bank_account: {
        bank_name: details?.us_bank_account?.bank_name ?? null,
        last4: details?.us_bank_account?.last4 ?? null,
        routing_number: details?.us_bank_account?.routing_number ?? null,
      },
    },
    linked_flows: {
      debit_reversal: null,
      inbound_transfer: api.id,
      issuing_authorization: null,
      issuing_transaction: null,
      payout: null,
      topup: null,
    },
    livemode: false,
    network: 'ach',
    reversal_details: null,
    status: 'succeeded',
    transaction: transaction.api.id,
  };
  partition.receivedDebits.insert({ api: debit });
  api.returned = true;
  api.linked_flows.received_debit = rdId;
  const bank = bankEntryOf(engine, record);
  if (bank) {
    addBankEntry(bank.account, {
      amount: api.amount,
      description: `ACH RETURN ${api.statement_descriptor.toUpperCase()}`,
      transactedAt: now,
      postedAt: now + 3600,
      voidAt: null,
    });
  }
  engine.emit(partition, 'treasury.received_debit.created', debit);
}

/** Platform review: a confirmed transfer goes on to `processing`. */
export function confirm(
  engine: Engine,
  partition: Partition,
  record: InboundTransferRecord,
  delayDays: number,
): void {
  if (record.api.status !== 'requires_confirmation')
    throw transitionError(record, 'confirmed', 'requires_confirmation');
  clearTimers(record);
  record.api.status = 'processing';
  record.fundsAvailableAt = null;
  schedule(engine, partition, record, engine.timings.transferSettleBusinessDays + delayDays);
}
