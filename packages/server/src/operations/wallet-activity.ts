/**
 * Wallet activity: the Treasury transactions of the caller's own financial account (top-ups,
 * top-ups the bank took back, received credits and debits), newest first, one page at a time.
 * The account comes from `resolveUser` alone (never from the request), and each transaction is
 * reduced to safe fields: no account numbers, no billing details, no raw flow objects.
 */
import type { WalletActivityItem, WalletActivityPage } from '@purse/core';
import type Stripe from 'stripe';
import { withClientParam } from '../http/stripe-errors.js';
import { assertIdPrefix, parseInput } from '../http/validate.js';
import { cached, treasuryScope } from './cached.js';
import { treasuryRequestOptions, type OperationContext } from './context.js';
import { topUpQuery } from './input.js';
import { ownedFinancialAccountId } from './ownership.js';

const walletActivityQuery = topUpQuery.omit({ status: true });

/** @default page size when the query names none */
export const DEFAULT_WALLET_ACTIVITY_LIMIT = 20;

type FlowDetails = Stripe.Treasury.Transaction.FlowDetails;

/** The flow object behind a transaction, when `flow_details` was expanded. */
/** The fields read from a flow object (an InboundTransfer, ReceivedCredit, ReceivedDebit…). */
interface FlowFields {
  hosted_regulatory_receipt_url?: string | null;
  linked_flows?: unknown;
  description?: string | null;
}

function flowObject(details: FlowDetails | null | undefined): FlowFields | null {
  if (!details) return null;
  const flow: unknown = (details as unknown as Record<string, unknown>)[details.type];
  return typeof flow === 'object' && flow !== null ? flow : null;
}

function kindOf(
  transaction: Stripe.Treasury.Transaction,
  flow: ReturnType<typeof flowObject>,
): WalletActivityItem['kind'] {
  switch (transaction.flow_type) {
    case 'inbound_transfer':
      return transaction.amount < 0 ? 'top_up_returned' : 'top_up';
    case 'received_credit':
    case 'debit_reversal':
      return 'received_credit';
    case 'received_debit': {
      // A bank return of a top-up arrives as a ReceivedDebit linked to that InboundTransfer.
      const linked = flow?.linked_flows as { inbound_transfer?: string | null } | undefined;
      return linked?.inbound_transfer ? 'top_up_returned' : 'received_debit';
    }
    case 'outbound_payment':
    case 'outbound_transfer':
    case 'credit_reversal':
      return 'outbound';
    default:
      return 'other';
  }
}

const STATUSES: Readonly<Record<string, WalletActivityItem['status'] | undefined>> = {
  open: 'pending',
  posted: 'posted',
  void: 'void',
};

export function walletActivityItem(transaction: Stripe.Treasury.Transaction): WalletActivityItem {
  const flow = flowObject(transaction.flow_details);
  const kind = kindOf(transaction, flow);
  const receipt = flow?.hosted_regulatory_receipt_url;
  // Descriptions of top-ups are the user's own words (on the InboundTransfer); a return's is
  // Stripe's ("Return of ibt_…"), which the component replaces with its own words.
  const description =
    kind === 'top_up'
      ? (flow?.description ?? null)
      : kind === 'top_up_returned'
        ? null
        : transaction.description || null;
  return {
    id: transaction.id,
    kind,
    amount: transaction.amount,
    currency: transaction.currency,
    status: STATUSES[transaction.status] ?? 'pending',
    description,
    created: transaction.created,
    postedAt: transaction.status_transitions.posted_at ?? null,
    receiptUrl: typeof receipt === 'string' && /^https?:\/\//.test(receipt) ? receipt : null,
  };
}

export async function listWalletActivity(
  ctx: OperationContext,
  input: unknown = {},
): Promise<WalletActivityPage> {
  const query = parseInput(walletActivityQuery, input);
  if (query.cursor !== undefined) assertIdPrefix(query.cursor, 'trxn_', 'cursor');
  return cached(ctx, treasuryScope(ctx), `wallet-activity:${JSON.stringify(query)}`, async () => {
    const financialAccount = await ownedFinancialAccountId(ctx);
    const page = await ctx.config.stripe.treasury.transactions
      .list(
        {
          financial_account: financialAccount,
          limit: query.limit ?? DEFAULT_WALLET_ACTIVITY_LIMIT,
          expand: ['data.flow_details'],
          ...(query.cursor === undefined ? {} : { starting_after: query.cursor }),
        },
        treasuryRequestOptions(ctx),
      )
      .catch((error: unknown) => {
        throw withClientParam(error, { starting_after: 'cursor' });
      });
    const last = page.data.at(-1);
    return {
      data: page.data.map(walletActivityItem),
      hasMore: page.has_more,
      nextCursor: page.has_more && last ? last.id : null,
    };
  });
}
