/**
 * A financial account's ledger. Every balance change is a Treasury Transaction, and the
 * account's `balance` is always recomputed from them, so it equals the sum of its transactions'
 * balance impacts by construction.
 */
import type Stripe from 'stripe';
import type { Engine } from '../state/engine.js';
import { newId, randomToken } from '../state/ids.js';
import type { FinancialAccountRecord, TreasuryTransactionRecord } from '../state/records.js';
import type { Partition } from '../state/store.js';

export interface LedgerEntry {
  amount: number;
  description: string;
  flow: string;
  flowType: Stripe.Treasury.Transaction.FlowType;
}

/** Posts a transaction to the account and updates its balance. */
export function postTransaction(
  engine: Engine,
  partition: Partition,
  fa: FinancialAccountRecord,
  entry: LedgerEntry,
): TreasuryTransactionRecord {
  const now = engine.now();
  const api: Stripe.Treasury.Transaction = {
    id: newId('trxn'),
    object: 'treasury.transaction',
    amount: entry.amount,
    balance_impact: { cash: entry.amount, inbound_pending: 0, outbound_pending: 0 },
    created: now,
    currency: 'usd',
    description: entry.description,
    financial_account: fa.api.id,
    flow: entry.flow,
    flow_type: entry.flowType,
    livemode: false,
    status: 'posted',
    status_transitions: { posted_at: now, void_at: null },
  };
  const record: TreasuryTransactionRecord = { api };
  partition.treasuryTransactions.insert(record);
  recomputeBalance(partition, fa);
  return record;
}

/** Sets `balance` to the sum of the account's non-void transactions. */
export function recomputeBalance(partition: Partition, fa: FinancialAccountRecord): void {
  let cash = 0;
  let inboundPending = 0;
  let outboundPending = 0;
  for (const { api } of partition.treasuryTransactions.groupValues(fa.api.id)) {
    if (api.status === 'void') continue;
    cash += api.balance_impact.cash;
    inboundPending += api.balance_impact.inbound_pending;
    outboundPending += api.balance_impact.outbound_pending;
  }
  fa.api.balance = {
    cash: { usd: cash },
    inbound_pending: { usd: inboundPending },
    outbound_pending: { usd: outboundPending },
  };
}

/** A regulatory receipt URL served by the sandbox (`/_sandbox/receipts/...`). */
export function receiptUrl(engine: Engine, objectId: string): string {
  return `${engine.publicUrl}/_sandbox/receipts/${objectId}?token=${randomToken(16)}`;
}
