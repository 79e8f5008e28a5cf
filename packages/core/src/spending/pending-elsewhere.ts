/**
 * Pending money out on the accounts a chart does not show. A person who looks at the spending
 * of their default account (the checking account) and paid by card yesterday expects to see
 * that payment somewhere: the chart keeps the account the person knows (it does not jump to
 * whichever account happens to have something pending, which changes day by day) and says
 * where the rest is, "$42.10 pending on Rewards Credit Card ••1881".
 */
import type { LinkedAccount } from '../contract/types.js';
import {
  spendingSummary,
  type SpendingStoreSnapshot,
  type SpendingViewChoices,
} from './spending-state.js';

export interface PendingElsewhere {
  accountId: string;
  /** The account as last read (for its name); null if it was never read. */
  account: LinkedAccount | null;
  /** Pending money out in the range, positive minor units (same rules as the chart's). */
  amount: number;
  /** How many pending payments make it up. */
  count: number;
}

/**
 * For each loaded account of `snapshot` not in `shownAccountIds`: its pending spending in the
 * chart's range, counted by the chart's rules (own transfers and card payments are not
 * spending, only `currency`). Accounts with nothing pending, or still loading their first
 * listing, are left out; largest amount first (ties by account id).
 */
export function pendingElsewhere(
  snapshot: SpendingStoreSnapshot,
  shownAccountIds: readonly string[],
  choices: SpendingViewChoices & { currency: string },
): PendingElsewhere[] {
  const shown = new Set(shownAccountIds);
  const found: PendingElsewhere[] = [];
  for (const slot of snapshot.slots) {
    if (shown.has(slot.accountId) || slot.phase !== 'ready') continue;
    const transactions = snapshot.transactions.filter(
      (t) => t.accountId === slot.accountId && t.status === 'pending' && t.amount < 0,
    );
    if (transactions.length === 0) continue;
    // Money in is never pending spending; merchants are not listed here.
    const summary = spendingSummary(
      { transactions, hasData: true },
      { ...choices, includeInflow: false, topMerchants: 0 },
    );
    if (!summary || summary.totals.outPending === 0) continue;
    found.push({
      accountId: slot.accountId,
      account: slot.account,
      amount: summary.totals.outPending,
      count: summary.pendingCount,
    });
  }
  return found.sort(
    (a, b) =>
      b.amount - a.amount || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
  );
}
