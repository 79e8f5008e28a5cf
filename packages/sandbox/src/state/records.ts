/**
 * What the sandbox stores. Each record holds the Stripe object exactly as the API returns it
 * (`api`, typed as stripe-node's newest types) plus whatever private state the simulation
 * needs and Stripe does not show.
 */
import type Stripe from 'stripe';
import type { Scheduled } from './clock.js';

export interface Rec<T extends { id: string }> {
  api: T;
}

export interface CustomerRecord extends Rec<Stripe.Customer> {
  deleted?: boolean;
}
export interface AccountRecord extends Rec<Stripe.Account> {
  deleted?: boolean;
}

export type SessionState = 'open' | 'completed' | 'cancelled';

export interface SessionRecord extends Rec<Stripe.FinancialConnections.Session> {
  state: SessionState;
  /** Sessions have no `created` field; kept for ordering. */
  createdAt: number;
  /** `filters[require_payment_method_support]`: which chosen accounts must support payments. */
  paymentMethodSupport: 'all' | 'at_least_one' | 'none';
  /** Virtual time after which the client secret can no longer launch the flow. */
  expiresAt: number;
  accountIds: string[];
}

/** One transaction on a bank's own timeline, before any refresh has shown it to Stripe. */
export interface BankTransaction {
  amount: number;
  description: string;
  transactedAt: number;
  /** When it posts; null if it never does (it is voided instead). */
  postedAt: number | null;
  voidAt: number | null;
  /**
   * The Stripe id once a transaction refresh has revealed it. Set up front (as undefined) by
   * the generators, so revealing does not grow the object's shape.
   */
  revealedAs?: string | undefined;
}

export type RefreshFeature = 'balance' | 'ownership' | 'transactions';

export interface FcAccountRecord extends Rec<Stripe.FinancialConnections.Account> {
  institutionId: string;
  templateId: string;
  /** The bank's own ledger, sorted by `transactedAt`. Refreshes reveal it to the API. */
  timeline: BankTransaction[];
  /** Index into `timeline` of the first transaction not yet revealed. */
  revealedUpTo: number;
  /** Revealed transactions that may still change (pending ones). */
  unsettled: Set<BankTransaction>;
  /** Order of this account's transaction refreshes, for `transaction_refresh[after]`. */
  refreshOrder: Map<string, number>;
  /** The daily refresh while subscribed to transactions. */
  dailyRefresh: Scheduled | null;
  /** The current balance before the first timeline transaction. */
  openingBalance: number;
  /** Outcomes forced through `/_sandbox` for the next refresh of a feature. */
  forcedOutcome: Partial<Record<RefreshFeature, 'failed'>>;
  pendingRefresh: Partial<Record<RefreshFeature, Scheduled>>;
  ownershipRecord: string | null;
  /** Account and routing number the bank holds (account numbers are never in the API object). */
  accountNumber: string;
  routingNumber: string;
}

/**
 * A revealed FC transaction, stored compactly: an account can hold 100,000 of them, so the
 * record keeps only what changes (status, the refresh that last touched it, when) and points at
 * the bank's entry for the rest. `api` builds the Stripe object when it is read; change the
 * record through `update`, never through `api`.
 */
export class FcTransactionRecord implements Rec<Stripe.FinancialConnections.Transaction> {
  constructor(
    readonly id: string,
    readonly account: string,
    readonly bank: BankTransaction,
    public status: Stripe.FinancialConnections.Transaction.Status,
    public transactionRefresh: string,
    public updated: number,
  ) {}

  get api(): Stripe.FinancialConnections.Transaction {
    const bank = this.bank;
    return {
      id: this.id,
      object: 'financial_connections.transaction',
      account: this.account,
      amount: bank.amount,
      currency: 'usd',
      description: bank.description,
      livemode: false,
      status: this.status,
      status_transitions: {
        posted_at: this.status === 'posted' ? bank.postedAt : null,
        void_at: this.status === 'void' ? bank.voidAt : null,
      },
      transacted_at: bank.transactedAt,
      transaction_refresh: this.transactionRefresh,
      updated: this.updated,
    };
  }

  /** A refresh saw the bank entry in a new state. */
  update(
    status: Stripe.FinancialConnections.Transaction.Status,
    transactionRefresh: string,
    now: number,
  ): void {
    this.status = status;
    this.transactionRefresh = transactionRefresh;
    this.updated = now;
  }
}

export interface OwnershipRecord extends Rec<Stripe.FinancialConnections.AccountOwnership> {
  /** The FC account this snapshot belongs to. */
  account: string;
  owners: Stripe.FinancialConnections.AccountOwner[];
}

export interface PaymentMethodRecord extends Rec<Stripe.PaymentMethod> {
  /** Flow directions this PM was set up for on its own account (`attach_to_self`). */
  flowDirections: Set<'inbound' | 'outbound'>;
  /** The FC account it was made from, in the platform's scope. */
  fcAccount: { scope: string; id: string } | null;
  /** A magic test token's behaviour (`pm_usBankAccount_insufficientFunds` and so on). */
  magic: MagicBehaviour | null;
}

export type MagicBehaviour =
  | 'success'
  | 'processing'
  | 'internalFailure'
  | 'noAccount'
  | 'accountClosed'
  | 'invalidAccountNumber'
  | 'insufficientFunds'
  | 'debitNotAuthorized'
  | 'dispute'
  | 'sameDayACHIneligible';

export type SetupIntentRecord = Rec<Stripe.SetupIntent>;
export type MandateRecord = Rec<Stripe.Mandate>;

export interface FinancialAccountRecord extends Rec<Stripe.Treasury.FinancialAccount> {
  features: Stripe.Treasury.FinancialAccountFeatures;
  accountNumber: string;
  /** Inbound transfers need platform review (they start `requires_confirmation`). */
  platformReview: boolean;
}

export interface InboundTransferRecord extends Rec<Stripe.Treasury.InboundTransfer> {
  /** What will happen to it, decided at creation. */
  plan: TransferPlan;
  timers: Scheduled[];
  /** The origin bank's timeline entry for this debit, when it came from a linked FC account. */
  bankEntry: { scope: string; account: string; entry: BankTransaction } | null;
  fundsAvailableAt: number | null;
}

export type TransferPlan =
  | { kind: 'succeed' }
  | { kind: 'fail'; code: Stripe.Treasury.InboundTransfer.FailureDetails.Code }
  | { kind: 'stay' }
  | { kind: 'dispute' }
  /** Decide at settlement from the origin bank's available balance. */
  | { kind: 'balance' };

export type TreasuryTransactionRecord = Rec<Stripe.Treasury.Transaction>;
export type ReceivedCreditRecord = Rec<Stripe.Treasury.ReceivedCredit>;
export type ReceivedDebitRecord = Rec<Stripe.Treasury.ReceivedDebit>;
export type EventRecord = Rec<Stripe.Event>;
