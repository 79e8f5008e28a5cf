export { useSpending } from './use-spending.js';
export type {
  SpendingData,
  SpendingState,
  SpendingStatus,
  UseSpendingOptions,
  UseSpendingResult,
} from './use-spending.js';
export { useSpendingPropGetters } from './prop-getters.js';
export type {
  RadioProps as SpendingRadioProps,
  SpendingChoices,
  SpendingIds,
  SpendingPropGetters,
  SpendingPropGettersOptions,
} from './prop-getters.js';
export { SpendingChart, SpendingView } from './spending-chart.js';
export type { SpendingChartProps, SpendingChartView } from './spending-chart.js';
export type { SpendingViewProps } from './spending-view-types.js';
export { preloadSpendingChart } from './spending-bars-loader.js';
