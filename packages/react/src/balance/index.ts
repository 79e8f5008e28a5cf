export { BalanceCard } from './balance-card.js';
export type { BalanceCardProps } from './balance-card.js';
export { balanceFigures, useBalance } from './use-balance.js';
export type {
  BalanceFigures,
  BalanceIds,
  BalanceRefreshState,
  BalanceState,
  NoBalanceReason,
  RefreshOutcome,
  RefreshUnavailableReason,
  UseBalanceOptions,
  UseBalanceResult,
} from './use-balance.js';
