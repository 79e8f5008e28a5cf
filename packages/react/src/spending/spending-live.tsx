/**
 * The live spending code, loaded lazily (`spending-live-loader.ts`): the store and rules from
 * `@purse/core/spending`, and the view. It imports nothing that `@purse/react`'s entry reaches
 * (see `spending-kit.ts`), so bundlers keep all of it out of an app's first load.
 */
export {
  accountsWithoutPermission,
  pendingElsewhere,
  spendingCurrency,
  spendingOf,
  spendingState,
  spendingSummary,
  SpendingStores,
} from '@purse/core/spending';
export { SpendingViewContent } from './spending-view.js';
