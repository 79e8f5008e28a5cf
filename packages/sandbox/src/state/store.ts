/**
 * The sandbox's data, partitioned by `Stripe-Account` the way Stripe partitions it: an object
 * created on `acct_A` exists only in `acct_A`'s partition, so it is a 404 on `acct_B` and on
 * the platform. The platform's own partition is keyed `platform`.
 */
import { Collection } from './collection.js';
import type { FcTransactionRecord } from './records.js';
import type {
  AccountRecord,
  CustomerRecord,
  EventRecord,
  FcAccountRecord,
  FinancialAccountRecord,
  InboundTransferRecord,
  MandateRecord,
  OwnershipRecord,
  PaymentMethodRecord,
  ReceivedCreditRecord,
  ReceivedDebitRecord,
  Rec,
  SessionRecord,
  SetupIntentRecord,
  TreasuryTransactionRecord,
} from './records.js';

export const PLATFORM = 'platform';

function byCreated<R extends Rec<{ id: string; created: number }>>(): Collection<R> {
  return new Collection<R>({ id: (r) => r.api.id, sortKey: (r) => r.api.created });
}

function grouped<R extends Rec<{ id: string; created: number }>>(
  group: (r: R) => string | undefined,
): Collection<R> {
  return new Collection<R>({ id: (r) => r.api.id, sortKey: (r) => r.api.created, groupBy: group });
}

export class Partition {
  readonly customers = byCreated<CustomerRecord>();
  readonly accounts = new Collection<AccountRecord>({
    id: (r) => r.api.id,
    sortKey: (r) => r.api.created ?? 0,
  });
  readonly fcSessions = new Collection<SessionRecord>({
    id: (r) => r.api.id,
    sortKey: (r) => r.createdAt,
  });
  readonly fcAccounts = byCreated<FcAccountRecord>();
  /** Ordered by `transacted_at` (what a statement is ordered by), grouped per account. */
  readonly fcTransactions = new Collection<FcTransactionRecord>({
    id: (r) => r.id,
    sortKey: (r) => r.bank.transactedAt,
    groupBy: (r) => r.account,
  });
  readonly ownerships = new Collection<OwnershipRecord>({
    id: (r) => r.api.id,
    sortKey: (r) => r.api.created,
  });
  readonly paymentMethods = byCreated<PaymentMethodRecord>();
  readonly setupIntents = byCreated<SetupIntentRecord>();
  readonly mandates = new Collection<MandateRecord>({ id: (r) => r.api.id, sortKey: () => 0 });
  readonly financialAccounts = byCreated<FinancialAccountRecord>();
  readonly inboundTransfers = grouped<InboundTransferRecord>((r) => r.api.financial_account);
  readonly treasuryTransactions = grouped<TreasuryTransactionRecord>(
    (r) => r.api.financial_account,
  );
  readonly receivedCredits = grouped<ReceivedCreditRecord>(
    (r) => r.api.financial_account ?? undefined,
  );
  readonly receivedDebits = grouped<ReceivedDebitRecord>(
    (r) => r.api.financial_account ?? undefined,
  );
  readonly events = byCreated<EventRecord>();

  constructor(readonly scope: string) {}

  /** The connected account id this partition belongs to, or null for the platform. */
  get account(): string | null {
    return this.scope === PLATFORM ? null : this.scope;
  }
}

export class Store {
  private readonly partitions = new Map<string, Partition>();

  /** The partition for a `Stripe-Account` value (null or absent: the platform). */
  partition(account: string | null | undefined): Partition {
    const scope = account ?? PLATFORM;
    let partition = this.partitions.get(scope);
    if (!partition) {
      partition = new Partition(scope);
      this.partitions.set(scope, partition);
    }
    return partition;
  }

  all(): Partition[] {
    return [...this.partitions.values()];
  }

  clear(): void {
    this.partitions.clear();
  }
}
