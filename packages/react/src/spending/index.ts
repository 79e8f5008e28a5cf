export { useSpending } from './use-spending.js';
export type {
  SpendingState,
  SpendingStatus,
  UseSpendingOptions,
  UseSpendingResult,
} from './use-spending.js';
export { SpendingChart } from './spending-chart.js';
export type { SpendingChartProps, SpendingChartView } from './spending-chart.js';
export { preloadSpendingChart } from './spending-bars-loader.js';
