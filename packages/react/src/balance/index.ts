export { BalanceCard } from './balance-card.js';
export type { BalanceCardProps } from './balance-card.js';
export { balanceFigures, useBalance } from './use-balance.js';
export type {
  BalanceFigures,
  BalanceRefreshState,
  BalanceState,
  NoBalanceReason,
  RefreshUnavailableReason,
  UseBalanceOptions,
  UseBalanceResult,
} from './use-balance.js';
