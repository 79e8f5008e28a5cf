/**
 * The HTTP contract between @purse/react and @purse/server: JSON in and out, mounted by the
 * host app (for example at `/api/purse`). Amounts are integer minor units (cents), timestamps
 * unix seconds, dates `YYYY-MM-DD`. Ids are Stripe's; the server proves each belongs to the
 * caller before using it.
 */

// ---------------------------------------------------------------------------------------------
// Linked bank accounts (Stripe Financial Connections)

export type AccountCategory = 'cash' | 'credit' | 'investment' | 'other';
export type AccountSubcategory =
  'checking' | 'savings' | 'credit_card' | 'line_of_credit' | 'mortgage' | 'other';
export type AccountStatus = 'active' | 'inactive' | 'disconnected';
export type AccountPermission = 'balances' | 'ownership' | 'payment_method' | 'transactions';
export type RefreshStatus = 'pending' | 'succeeded' | 'failed';

/** A cash balance: what is there (`current`) and what can be spent (`available`). */
export interface CashBalance {
  type: 'cash';
  currency: string;
  current: number;
  /** Current minus pending outflows plus pending inflows; null when the bank gives only `current`. */
  available: number | null;
  /** When the bank computed it (not when we fetched it). */
  asOf: number;
}

/** A credit balance. Negative amounts are owed by the account holder. */
export interface CreditBalance {
  type: 'credit';
  currency: string;
  current: number;
  used: number | null;
  asOf: number;
}

export type AccountBalance = CashBalance | CreditBalance;

/** The state of the latest refresh of one kind of data. */
export interface RefreshState {
  status: RefreshStatus;
  lastAttemptedAt: number;
  /** When the next refresh may start; null while one is pending or the account is inactive. */
  nextRefreshAvailableAt: number | null;
}

export interface TransactionRefreshState extends RefreshState {
  /** Pass as `after` to fetch only what this refresh (and later ones) created or changed. */
  id: string;
}

/** A linked bank account as the browser may see it (no account numbers, no holder ids). */
export interface LinkedAccount {
  id: string;
  institution: string;
  displayName: string | null;
  last4: string | null;
  category: AccountCategory;
  subcategory: AccountSubcategory;
  status: AccountStatus;
  permissions: AccountPermission[];
  /** `['transactions']` while subscribed to daily transaction refreshes. */
  subscriptions: 'transactions'[];
  /** Null until a balance refresh succeeds, when the bank gives none, or after a disconnect. */
  balance: AccountBalance | null;
  balanceRefresh: RefreshState | null;
  transactionRefresh: TransactionRefreshState | null;
  /** Whether it can fund top-ups (a cash account that granted `payment_method`). */
  canFundTopUps: boolean;
  created: number;
}

export interface AccountList {
  data: LinkedAccount[];
}

/** `POST /link-sessions` */
export interface LinkSession {
  id: string;
  /** For `stripe.collectFinancialConnectionsAccounts({ clientSecret })`. */
  clientSecret: string;
}

/** `POST /link-sessions/:id/complete` */
export interface LinkResult {
  /** The accounts the user linked in this session (empty if they left the flow). */
  accounts: LinkedAccount[];
  /** Top-up sources set up for them (PaymentMethod ids), when top-ups are on. */
  topUpSources: string[];
}

// ---------------------------------------------------------------------------------------------
// Bank transactions

export type TransactionStatus = 'pending' | 'posted' | 'void';

export interface BankTransaction {
  id: string;
  accountId: string;
  /** Negative is money out. */
  amount: number;
  currency: string;
  description: string;
  status: TransactionStatus;
  transactedAt: number;
  postedAt: number | null;
  voidAt: number | null;
  /** When a refresh last changed it. */
  updated: number;
}

/** `GET /accounts/:id/transactions` query. */
export interface TransactionQuery {
  /** From a previous page's `nextCursor`. */
  cursor?: string | undefined;
  /** 1–100. @default 100 */
  limit?: number | undefined;
  /** Only transactions at or after this time (unix seconds). */
  from?: number | undefined;
  /** Only transactions before this time (unix seconds). */
  to?: number | undefined;
  /** A transaction refresh id: only what later refreshes created or changed. */
  after?: string | undefined;
}

export interface Page<T> {
  data: T[];
  hasMore: boolean;
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export type TransactionPage = Page<BankTransaction>;

// ---------------------------------------------------------------------------------------------
// The user's Treasury financial account

export interface FinancialAccountBalance {
  currency: string;
  cash: number;
  inboundPending: number;
  outboundPending: number;
}

export interface FinancialAccountView {
  id: string;
  status: 'open' | 'closed';
  nickname: string | null;
  balance: FinancialAccountBalance;
  features: { active: string[]; pending: string[]; restricted: string[] };
  /** ABA details once `financial_addresses.aba` is active; null while it is pending. */
  address: {
    bankName: string;
    routingNumber: string;
    accountNumberLast4: string;
    /** Only from `GET /financial-account?reveal=account_number` when the server allows it. */
    accountNumber?: string;
  } | null;
}

/** `PATCH /financial-account` */
export interface FinancialAccountUpdate {
  /** 1–249 characters. */
  nickname: string;
}

// ---------------------------------------------------------------------------------------------
// Top-ups (Treasury InboundTransfers)

/** A bank account that can fund a top-up. */
export interface TopUpSource {
  /** The PaymentMethod id, used as `sourceId`. */
  id: string;
  bankName: string | null;
  /** The linked account's own name, as the person knows it ("Everyday Checking"), when known. */
  accountName: string | null;
  last4: string | null;
  accountType: 'checking' | 'savings' | null;
  /** The linked account it came from, when known. */
  linkedAccountId: string | null;
  /** The linked account's latest balance, when known. */
  balance: AccountBalance | null;
}

export interface TopUpSourceList {
  data: TopUpSource[];
}

/** `POST /top-ups` body; send an `Idempotency-Key` header, one per attempt. */
export interface TopUpRequest {
  sourceId: string;
  /** In minor units. */
  amount: number;
  currency: 'usd';
  description?: string | undefined;
  /** Up to 10 of A–Z a–z 0–9 space - # . $ & *. */
  statementDescriptor?: string | undefined;
  /** Ask for same-day ACH (falls back to standard when the server allows it). */
  sameDay?: boolean | undefined;
}

export type TopUpStatus =
  'requires_confirmation' | 'processing' | 'succeeded' | 'failed' | 'canceled';

/** The 13 reasons Stripe gives for a failed InboundTransfer. */
export const TOP_UP_FAILURE_CODES = [
  'account_closed',
  'account_frozen',
  'bank_account_restricted',
  'bank_ownership_changed',
  'debit_not_authorized',
  'incorrect_account_holder_address',
  'incorrect_account_holder_name',
  'incorrect_account_holder_tax_id',
  'insufficient_funds',
  'invalid_account_number',
  'invalid_currency',
  'no_account',
  'other',
] as const;

export type TopUpFailureCode = (typeof TOP_UP_FAILURE_CODES)[number];

export interface TopUp {
  id: string;
  amount: number;
  currency: string;
  status: TopUpStatus;
  /** Funds came back after success (an ACH return or dispute). */
  returned: boolean;
  cancelable: boolean;
  description: string | null;
  statementDescriptor: string;
  failure: { code: TopUpFailureCode; message: string } | null;
  source: { bankName: string | null; last4: string | null } | null;
  created: number;
  statusTransitions: {
    succeededAt: number | null;
    failedAt: number | null;
    canceledAt: number | null;
  };
  /** Standard ACH arrives 2–4 business days after submission (weekends, US holidays skipped). */
  expectedArrival: { earliest: string; latest: string } | null;
  receiptUrl: string | null;
  /** Set on creation when the amount exceeded the source's known available balance. */
  balanceWarning: { available: number; currency: string } | null;
  /** Whether it went as same-day ACH. */
  sameDay: boolean;
}

/** `GET /top-ups` query. */
export interface TopUpQuery {
  status?: TopUpStatus | undefined;
  cursor?: string | undefined;
  /** 1–100. @default 20 */
  limit?: number | undefined;
}

export type TopUpPage = Page<TopUp>;

// ---------------------------------------------------------------------------------------------
// Wallet activity: the financial account's Treasury transactions

/**
 * What moved money in or out of the wallet: a top-up, a top-up the bank took back, money
 * received by bank transfer, a debit a bank pulled, money sent out, or anything else.
 */
export type WalletActivityKind =
  'top_up' | 'top_up_returned' | 'received_credit' | 'received_debit' | 'outbound' | 'other';

/** One Treasury transaction of the caller's financial account, in safe fields only. */
export interface WalletActivityItem {
  /** The Treasury transaction id (`trxn_…`). */
  id: string;
  kind: WalletActivityKind;
  /** Signed, in minor units: positive into the wallet, negative out of it. */
  amount: number;
  currency: string;
  /** `pending` until the money posts; `void` when it never will (a failed or canceled flow). */
  status: 'pending' | 'posted' | 'void';
  description: string | null;
  /** Unix seconds. */
  created: number;
  /** Unix seconds; null until posted. */
  postedAt: number | null;
  /** Stripe's hosted regulatory receipt for the flow behind it, where Stripe gives one. */
  receiptUrl: string | null;
}

/** `GET /wallet-activity` query. */
export interface WalletActivityQuery {
  cursor?: string | undefined;
  /** 1–100. @default 20 */
  limit?: number | undefined;
}

export type WalletActivityPage = Page<WalletActivityItem>;

// ---------------------------------------------------------------------------------------------
// Live updates (`GET /events`, Server-Sent Events)

export type PurseEvent =
  | { type: 'transfer.updated'; data: TopUp }
  | { type: 'account.updated'; data: LinkedAccount }
  | { type: 'financial_account.updated'; data: FinancialAccountView };

export type PurseEventType = PurseEvent['type'];

export const PURSE_EVENT_TYPES: readonly PurseEventType[] = [
  'transfer.updated',
  'account.updated',
  'financial_account.updated',
];

// ---------------------------------------------------------------------------------------------
// Routes

/** The paths the server mounts, relative to its base URL. */
export const PURSE_ROUTES = {
  linkSessions: '/link-sessions',
  completeLinkSession: (id: string): string => `/link-sessions/${encodeURIComponent(id)}/complete`,
  accounts: '/accounts',
  account: (id: string): string => `/accounts/${encodeURIComponent(id)}`,
  balanceRefresh: (id: string): string => `/accounts/${encodeURIComponent(id)}/balance-refresh`,
  transactions: (id: string): string => `/accounts/${encodeURIComponent(id)}/transactions`,
  transactionsRefresh: (id: string): string =>
    `/accounts/${encodeURIComponent(id)}/transactions-refresh`,
  transactionsSubscription: (id: string): string =>
    `/accounts/${encodeURIComponent(id)}/transactions-subscription`,
  disconnect: (id: string): string => `/accounts/${encodeURIComponent(id)}/disconnect`,
  financialAccount: '/financial-account',
  topUpSources: '/top-up-sources',
  topUps: '/top-ups',
  topUp: (id: string): string => `/top-ups/${encodeURIComponent(id)}`,
  cancelTopUp: (id: string): string => `/top-ups/${encodeURIComponent(id)}/cancel`,
  events: '/events',
  walletActivity: '/wallet-activity',
} as const;
