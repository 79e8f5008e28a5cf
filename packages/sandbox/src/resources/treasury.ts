import { STATEMENT_DESCRIPTOR_CHARSET as STATEMENT_DESCRIPTOR } from '@purse/core';
import type Stripe from 'stripe';
import { registerExpander } from '../http/expand.js';
import { p, listParams } from '../http/params.js';
import { route, type Route, type RouteContext } from '../http/route.js';
import { invalidParam, invalidState } from '../http/stripe-error.js';
import { newId } from '../state/ids.js';
import type { InboundTransferRecord } from '../state/records.js';
import { financialAccount } from '../treasury/financial-accounts.js';
import {
  FAILURE_CODES,
  cancel,
  confirm,
  createInboundTransfer,
  fail,
  returnTransfer,
  succeed,
} from '../treasury/inbound-transfers.js';
import { postTransaction, receiptUrl } from '../treasury/ledger.js';
import { listOf, mustFind } from './common.js';

function transfer(ctx: RouteContext, id: string): InboundTransferRecord {
  return mustFind(ctx.partition.inboundTransfers, id, 'inbound_transfer', 'path');
}

const expandTransaction = (value: unknown, { ctx }: { ctx: RouteContext }): unknown =>
  typeof value === 'string' ? (ctx.partition.treasuryTransactions.get(value)?.api ?? value) : value;

registerExpander('treasury.inbound_transfer', 'transaction', expandTransaction);
registerExpander('treasury.received_credit', 'transaction', expandTransaction);
registerExpander('treasury.received_debit', 'transaction', expandTransaction);
registerExpander('treasury.transaction', 'flow_details', (_value, { root, ctx }) => {
  const flow = typeof root.flow === 'string' ? root.flow : '';
  const type = root.flow_type;
  if (type === 'inbound_transfer')
    return { type, inbound_transfer: ctx.partition.inboundTransfers.get(flow)?.api ?? null };
  if (type === 'received_credit')
    return { type, received_credit: ctx.partition.receivedCredits.get(flow)?.api ?? null };
  if (type === 'received_debit')
    return { type, received_debit: ctx.partition.receivedDebits.get(flow)?.api ?? null };
  return { type };
});

const financialAccountList = {
  ...listParams,
  financial_account: p.string().required(),
};

const initiatingDetailsParam = p.object({
  type: p.enum(['us_bank_account']).required(),
  us_bank_account: p.object({
    account_holder_name: p.string({ maxLength: 5000 }),
    account_number: p.string({ maxLength: 5000 }),
    routing_number: p.string({ maxLength: 5000 }),
  }),
});

export const treasuryRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/treasury/inbound_transfers',
    params: {
      amount: p.integer().required(),
      currency: p.string({ maxLength: 3 }).required(),
      financial_account: p.string().required(),
      origin_payment_method: p.string().required(),
      description: p.string({ maxLength: 5000 }),
      metadata: p.metadata(),
      statement_descriptor: p.string({
        maxLength: 10,
        pattern: {
          regex: STATEMENT_DESCRIPTOR,
          message:
            'Invalid statement_descriptor: it can only include -#.$&*, spaces, and alphanumeric characters.',
        },
      }),
      // Preview: same-day ACH submission.
      origin_payment_method_options: p.object({
        us_bank_account: p.object({
          ach: p.object({ submission: p.enum(['same_day', 'standard']) }),
        }),
      }),
    },
    handle(ctx, params) {
      if (params.amount <= 0) {
        throw invalidParam(
          'amount',
          'parameter_invalid_integer',
          'Invalid amount: must be a positive integer (in cents).',
        );
      }
      const fa = financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      const submission = params.origin_payment_method_options?.us_bank_account?.ach?.submission;
      return createInboundTransfer(ctx.engine, ctx.partition, fa, {
        amount: params.amount,
        currency: params.currency.toLowerCase(),
        financial_account: params.financial_account,
        origin_payment_method: params.origin_payment_method,
        ...(params.description === undefined ? {} : { description: params.description }),
        ...(params.metadata === undefined ? {} : { metadata: params.metadata }),
        ...(params.statement_descriptor === undefined
          ? {}
          : { statement_descriptor: params.statement_descriptor }),
        ...(submission === undefined ? {} : { submission }),
      }).api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/inbound_transfers',
    params: {
      ...financialAccountList,
      status: p.enum(['canceled', 'failed', 'processing', 'succeeded', 'requires_confirmation']),
    },
    handle(ctx, params) {
      financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      return listOf(ctx.partition.inboundTransfers, '/v1/treasury/inbound_transfers', params, {
        group: params.financial_account,
        ...(params.status ? { where: (r) => r.api.status === params.status } : {}),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/inbound_transfers/:id',
    params: {},
    handle(ctx, _params, path) {
      return transfer(ctx, path.id ?? '').api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/treasury/inbound_transfers/:inbound_transfer/cancel',
    params: {},
    handle(ctx, _params, path) {
      const record = transfer(ctx, path.inbound_transfer ?? '');
      cancel(ctx.engine, ctx.partition, record);
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/treasury/inbound_transfers/:inbound_transfer/confirm',
    params: { funds_availability_delay: p.integer({ min: 0, max: 5 }) },
    handle(ctx, params, path) {
      const record = transfer(ctx, path.inbound_transfer ?? '');
      confirm(ctx.engine, ctx.partition, record, params.funds_availability_delay ?? 0);
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/test_helpers/treasury/inbound_transfers/:id/succeed',
    params: {},
    handle(ctx, _params, path) {
      const record = transfer(ctx, path.id ?? '');
      succeed(ctx.engine, ctx.partition, record);
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/test_helpers/treasury/inbound_transfers/:id/fail',
    params: { failure_details: p.object({ code: p.enum(FAILURE_CODES) }) },
    handle(ctx, params, path) {
      const record = transfer(ctx, path.id ?? '');
      // Stripe's guide says the default is `could_not_process`, but that code is not in the
      // API's enum; the API's catch-all is `other`.
      fail(ctx.engine, ctx.partition, record, params.failure_details?.code ?? 'other');
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/test_helpers/treasury/inbound_transfers/:id/return',
    params: {},
    handle(ctx, _params, path) {
      const record = transfer(ctx, path.id ?? '');
      returnTransfer(ctx.engine, ctx.partition, record);
      return record.api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/transactions',
    params: {
      ...financialAccountList,
      created: p.range(),
      status: p.enum(['open', 'posted', 'void']),
      order_by: p.enum(['created', 'posted_at']),
    },
    handle(ctx, params) {
      financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      return listOf(ctx.partition.treasuryTransactions, '/v1/treasury/transactions', params, {
        group: params.financial_account,
        ...(params.created ? { sortRange: params.created } : {}),
        ...(params.status ? { where: (r) => r.api.status === params.status } : {}),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/transactions/:id',
    params: {},
    handle(ctx, _params, path) {
      return mustFind(ctx.partition.treasuryTransactions, path.id ?? '', 'transaction', 'path').api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/received_credits',
    params: { ...financialAccountList, status: p.enum(['failed', 'succeeded']) },
    handle(ctx, params) {
      financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      return listOf(ctx.partition.receivedCredits, '/v1/treasury/received_credits', params, {
        group: params.financial_account,
        ...(params.status ? { where: (r) => r.api.status === params.status } : {}),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/received_credits/:id',
    params: {},
    handle(ctx, _params, path) {
      return mustFind(ctx.partition.receivedCredits, path.id ?? '', 'received_credit', 'path').api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/received_debits',
    params: { ...financialAccountList, status: p.enum(['failed', 'succeeded']) },
    handle(ctx, params) {
      financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      return listOf(ctx.partition.receivedDebits, '/v1/treasury/received_debits', params, {
        group: params.financial_account,
        ...(params.status ? { where: (r) => r.api.status === params.status } : {}),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/received_debits/:id',
    params: {},
    handle(ctx, _params, path) {
      return mustFind(ctx.partition.receivedDebits, path.id ?? '', 'received_debit', 'path').api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/test_helpers/treasury/received_credits',
    params: {
      amount: p.integer({ min: 1 }).required(),
      currency: p.string({ maxLength: 3 }).required(),
      financial_account: p.string().required(),
      network: p.enum(['ach', 'us_domestic_wire']).required(),
      description: p.string({ maxLength: 5000 }),
      initiating_payment_method_details: initiatingDetailsParam,
    },
    handle(ctx, params) {
      const fa = financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      if (params.currency !== 'usd')
        throw invalidParam(
          'currency',
          'parameter_invalid_enum',
          'usd is the only supported currency.',
        );
      if (fa.api.status !== 'open')
        throw invalidState(`The FinancialAccount ${fa.api.id} is closed.`, undefined);
      const now = ctx.engine.now();
      const id = newId('rc');
      const transaction = postTransaction(ctx.engine, ctx.partition, fa, {
        amount: params.amount,
        description: params.description ?? 'Received credit',
        flow: id,
        flowType: 'received_credit',
      });
      const bank = params.initiating_payment_method_details?.us_bank_account;
      const api: Stripe.Treasury.ReceivedCredit = {
        id,
        object: 'treasury.received_credit',
        amount: params.amount,
        created: now,
        currency: 'usd',
        description: params.description ?? 'Received credit',
        failure_code: null,
        financial_account: fa.api.id,
        hosted_regulatory_receipt_url: receiptUrl(ctx.engine, id),
        initiating_payment_method_details: {
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
            name: bank?.account_holder_name ?? 'Jane Austen',
          },
          type: 'us_bank_account',
          us_bank_account: {
            bank_name: 'STRIPE TEST BANK',
            last4: (bank?.account_number ?? '000123456789').slice(-4),
            routing_number: bank?.routing_number ?? '110000000',
          },
        },
        linked_flows: {
          credit_reversal: null,
          issuing_authorization: null,
          issuing_transaction: null,
          source_flow: null,
          source_flow_type: null,
        },
        livemode: false,
        network: params.network,
        reversal_details: { deadline: now + 5 * 86_400, restricted_reason: null },
        status: 'succeeded',
        transaction: transaction.api.id,
      };
      ctx.partition.receivedCredits.insert({ api });
      ctx.engine.emit(ctx.partition, 'treasury.received_credit.created', api);
      ctx.engine.emit(ctx.partition, 'treasury.received_credit.succeeded', api);
      return api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/test_helpers/treasury/received_debits',
    params: {
      amount: p.integer({ min: 1 }).required(),
      currency: p.string({ maxLength: 3 }).required(),
      financial_account: p.string().required(),
      network: p.enum(['ach']).required(),
      description: p.string({ maxLength: 5000 }),
      initiating_payment_method_details: initiatingDetailsParam,
    },
    handle(ctx, params) {
      const fa = financialAccount(ctx, params.financial_account, { param: 'financial_account' });
      if (params.currency !== 'usd')
        throw invalidParam(
          'currency',
          'parameter_invalid_enum',
          'usd is the only supported currency.',
        );
      const now = ctx.engine.now();
      const id = newId('rd');
      const covered = (fa.api.balance.cash.usd ?? 0) >= params.amount && fa.api.status === 'open';
      const transaction = covered
        ? postTransaction(ctx.engine, ctx.partition, fa, {
            amount: -params.amount,
            description: params.description ?? 'Received debit',
            flow: id,
            flowType: 'received_debit',
          })
        : undefined;
      const bank = params.initiating_payment_method_details?.us_bank_account;
      const api: Stripe.Treasury.ReceivedDebit = {
        id,
        object: 'treasury.received_debit',
        amount: params.amount,
        created: now,
        currency: 'usd',
        description: params.description ?? 'Received debit',
        failure_code: covered
          ? null
          : fa.api.status === 'open'
            ? 'insufficient_funds'
            : 'account_closed',
        financial_account: fa.api.id,
        hosted_regulatory_receipt_url: receiptUrl(ctx.engine, id),
        initiating_payment_method_details: {
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
            name: bank?.account_holder_name ?? 'Jane Austen',
          },
          type: 'us_bank_account',
          us_bank_account: {
            bank_name: 'STRIPE TEST BANK',
            last4: (bank?.account_number ?? '000123456789').slice(-4),
            routing_number: bank?.routing_number ?? '110000000',
          },
        },
        linked_flows: {
          debit_reversal: null,
          inbound_transfer: null,
          issuing_authorization: null,
          issuing_transaction: null,
          payout: null,
          topup: null,
        },
        livemode: false,
        network: 'ach',
        reversal_details: null,
        status: covered ? 'succeeded' : 'failed',
        transaction: transaction?.api.id ?? null,
      };
      ctx.partition.receivedDebits.insert({ api });
      ctx.engine.emit(ctx.partition, 'treasury.received_debit.created', api);
      return api;
    },
  }),
];
