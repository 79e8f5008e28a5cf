export { useSpending } from './use-spending.js';
export type {
  SpendingState,
  SpendingStatus,
  UseSpendingOptions,
  UseSpendingResult,
} from './use-spending.js';
export { SpendingChart, SpendingView } from './spending-chart.js';
export type { SpendingChartProps, SpendingChartView, SpendingViewProps } from './spending-chart.js';
export { preloadSpendingChart } from './spending-bars-loader.js';
