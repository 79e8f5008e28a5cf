/**
 * Stripe objects turned into the contract's safe views: only the fields a browser needs, with
 * no account numbers, holder ids or metadata. Every response and live update goes through here.
 */
import { achSubmissionDate, expectedArrivalWindow, toIsoDate } from '@purse/core/top-up-form';
import {
  TOP_UP_FAILURE_CODES,
  type AccountBalance,
  type AccountPermission,
  type BankTransaction,
  type FinancialAccountView,
  type LinkedAccount,
  type RefreshState,
  type TopUp,
  type TopUpFailureCode,
  type TopUpStatus,
  type TransactionRefreshState,
} from '@purse/core';
import type Stripe from 'stripe';
import { failureMessage } from './failure-messages.js';

type FcAccount = Stripe.FinancialConnections.Account;

function primaryAmount(
  map: Record<string, number> | null | undefined,
): { currency: string; amount: number } | null {
  if (!map) return null;
  const entries = Object.entries(map);
  const usd = entries.find(([currency]) => currency === 'usd');
  const [currency, amount] = usd ?? entries[0] ?? [];
  return currency === undefined || amount === undefined ? null : { currency, amount };
}

export function balanceView(balance: FcAccount['balance']): AccountBalance | null {
  if (!balance) return null;
  const current = primaryAmount(balance.current);
  if (!current) return null;
  if (balance.type === 'credit') {
    return {
      type: 'credit',
      currency: current.currency,
      current: current.amount,
      used: balance.credit?.used?.[current.currency] ?? null,
      asOf: balance.as_of,
    };
  }
  return {
    type: 'cash',
    currency: current.currency,
    current: current.amount,
    available: balance.cash?.available?.[current.currency] ?? null,
    asOf: balance.as_of,
  };
}

function refreshView(
  refresh: {
    status: string;
    last_attempted_at: number;
    next_refresh_available_at: number | null;
  } | null,
): RefreshState | null {
  if (!refresh) return null;
  const status =
    refresh.status === 'pending' || refresh.status === 'succeeded' ? refresh.status : 'failed';
  return {
    status,
    lastAttemptedAt: refresh.last_attempted_at,
    nextRefreshAvailableAt: refresh.next_refresh_available_at,
  };
}

const PERMISSIONS: readonly AccountPermission[] = [
  'balances',
  'ownership',
  'payment_method',
  'transactions',
];

export function linkedAccountView(account: FcAccount): LinkedAccount {
  const permissions = (account.permissions ?? []).filter((p): p is AccountPermission =>
    (PERMISSIONS as readonly string[]).includes(p),
  );
  const transactionRefresh = refreshView(account.transaction_refresh);
  const status: LinkedAccount['status'] =
    account.status === 'inactive'
      ? 'inactive'
      : account.status === 'disconnected'
        ? 'disconnected'
        : 'active';
  const subcategory = account.subcategory;
  return {
    id: account.id,
    institution: account.institution_name,
    displayName: account.display_name,
    last4: account.last4,
    category:
      (['cash', 'credit', 'investment'] as const).find((c) => c === account.category) ?? 'other',
    subcategory:
      (['checking', 'savings', 'credit_card', 'line_of_credit', 'mortgage'] as const).find(
        (c) => c === subcategory,
      ) ?? 'other',
    status,
    permissions,
    subscriptions: account.subscriptions?.includes('transactions') ? ['transactions'] : [],
    balance: status === 'disconnected' ? null : balanceView(account.balance),
    balanceRefresh: refreshView(account.balance_refresh),
    transactionRefresh:
      transactionRefresh && account.transaction_refresh
        ? ({
            ...transactionRefresh,
            id: account.transaction_refresh.id,
          } satisfies TransactionRefreshState)
        : null,
    canFundTopUps: canFundTopUps(account),
    created: account.created,
  };
}

/** A cash account that granted `payment_method` can back an inbound-capable PaymentMethod. */
export function canFundTopUps(account: FcAccount): boolean {
  return (
    account.category === 'cash' &&
    account.status === 'active' &&
    (account.permissions ?? []).includes('payment_method') &&
    account.supported_payment_method_types.includes('us_bank_account')
  );
}

export function transactionView(
  transaction: Stripe.FinancialConnections.Transaction,
): BankTransaction {
  const status: BankTransaction['status'] =
    transaction.status === 'posted' ? 'posted' : transaction.status === 'void' ? 'void' : 'pending';
  return {
    id: transaction.id,
    accountId: transaction.account,
    amount: transaction.amount,
    currency: transaction.currency,
    description: transaction.description,
    status,
    transactedAt: transaction.transacted_at,
    postedAt: transaction.status_transitions.posted_at,
    voidAt: transaction.status_transitions.void_at,
    updated: transaction.updated,
  };
}

export function financialAccountView(
  fa: Stripe.Treasury.FinancialAccount,
  accountNumber?: string,
): FinancialAccountView {
  const aba = fa.financial_addresses.find((address) => address.aba)?.aba;
  return {
    id: fa.id,
    status: fa.status === 'closed' ? 'closed' : 'open',
    nickname: fa.nickname ?? null,
    balance: {
      currency: 'usd',
      cash: fa.balance.cash.usd ?? 0,
      inboundPending: fa.balance.inbound_pending.usd ?? 0,
      outboundPending: fa.balance.outbound_pending.usd ?? 0,
    },
    features: {
      active: [...(fa.active_features ?? [])],
      pending: [...(fa.pending_features ?? [])],
      restricted: [...(fa.restricted_features ?? [])],
    },
    address: aba
      ? {
          bankName: aba.bank_name,
          routingNumber: aba.routing_number,
          accountNumberLast4: aba.account_number_last4,
          ...(accountNumber === undefined ? {} : { accountNumber }),
        }
      : null,
  };
}

/** Standard ACH: 2–4 business days after submission; same-day ACH: the submission day. */
function arrival(created: number, sameDay: boolean): { earliest: string; latest: string } {
  if (sameDay) {
    const day = toIsoDate(achSubmissionDate(created));
    return { earliest: day, latest: day };
  }
  const window = expectedArrivalWindow(created);
  return { earliest: toIsoDate(window.earliest), latest: toIsoDate(window.latest) };
}

const STATUSES: readonly TopUpStatus[] = [
  'requires_confirmation',
  'processing',
  'succeeded',
  'failed',
  'canceled',
];

function failureCode(code: string | undefined): TopUpFailureCode {
  return (TOP_UP_FAILURE_CODES as readonly string[]).includes(code ?? '')
    ? (code as TopUpFailureCode)
    : 'other';
}

export interface TopUpViewExtras {
  balanceWarning?: TopUp['balanceWarning'];
  sameDay?: boolean;
}

export function topUpView(
  transfer: Stripe.Treasury.InboundTransfer,
  extras: TopUpViewExtras = {},
): TopUp {
  const status = STATUSES.find((s) => s === transfer.status) ?? 'processing';
  const code = transfer.failure_details ? failureCode(transfer.failure_details.code) : null;
  const sameDay = extras.sameDay ?? transfer.metadata.purse_same_day === 'true';
  const waiting = status === 'processing' || status === 'requires_confirmation';
  return {
    id: transfer.id,
    amount: transfer.amount,
    currency: transfer.currency,
    status,
    returned: transfer.returned === true,
    cancelable: transfer.cancelable,
    description: transfer.description,
    statementDescriptor: transfer.statement_descriptor,
    failure: code ? { code, message: failureMessage(code) } : null,
    source: transfer.origin_payment_method_details?.us_bank_account
      ? {
          bankName: transfer.origin_payment_method_details.us_bank_account.bank_name,
          last4: transfer.origin_payment_method_details.us_bank_account.last4,
        }
      : null,
    created: transfer.created,
    statusTransitions: {
      succeededAt: transfer.status_transitions.succeeded_at,
      failedAt: transfer.status_transitions.failed_at,
      canceledAt: transfer.status_transitions.canceled_at ?? null,
    },
    expectedArrival: waiting ? arrival(transfer.created, sameDay) : null,
    receiptUrl: transfer.hosted_regulatory_receipt_url,
    balanceWarning: extras.balanceWarning ?? null,
    sameDay,
  };
}
