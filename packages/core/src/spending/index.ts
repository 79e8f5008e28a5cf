/**
 * `@purse/core/spending`: the spending rules and the spending store. Its own entry so that an
 * app bundles them only where a chart is drawn (a lazily loaded chunk), not in its first load.
 */
// Only what `@purse/core`'s main entry does not export (`formatSpendingTick` is there): a file
// both entries reach is hoisted by esbuild into every app's first load.
export {
  aggregateSpending,
  spendingWindowStart,
  SPENDING_BUCKET_SIZES,
  SPENDING_RANGES,
} from './aggregate-spending.js';
export type {
  AggregateSpendingOptions,
  SpendingAmounts,
  SpendingBucket,
  SpendingBucketSize,
  SpendingMerchant,
  SpendingRange,
  SpendingSummary,
  SpendingWindowOptions,
} from './aggregate-spending.js';
export { normalizeMerchant } from './normalize-merchant.js';
export { classifyTransaction } from './classify-transaction.js';
export type { TransactionKind } from './classify-transaction.js';
export {
  accountsWithoutPermission,
  spendingCurrency,
  spendingState,
  spendingOf,
  spendingSummary,
} from './spending-state.js';
export { pendingElsewhere } from './pending-elsewhere.js';
export type { PendingElsewhere } from './pending-elsewhere.js';
export type {
  SpendingSlotPhase,
  SpendingSlotSnapshot,
  SpendingState,
  SpendingStatus,
  SpendingStoreSnapshot,
  SpendingViewChoices,
} from './spending-state.js';
export { SpendingStore, SpendingStores } from '../client/stores/spending-store.js';
export type { SpendingStoreKey, SpendingStoreOptions } from '../client/stores/spending-store.js';
