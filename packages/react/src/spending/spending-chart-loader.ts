/**
 * The one door to the live spending chart (`spending-chart-live.tsx`: the store, the rules and
 * the view). `<SpendingChart>`'s first load is only a placeholder card; this chunk is fetched
 * when it first renders (or earlier, with `preloadSpendingChart()`), then the data.
 */
import type { ComponentType } from 'react';
import type { SpendingChartProps } from './spending-chart.js';

interface SpendingChartLiveModule {
  default: ComponentType<SpendingChartProps>;
}

let loading: Promise<SpendingChartLiveModule> | null = null;

/** Starts (once) downloading the live chart; resolves with its module. */
export function loadSpendingChartLive(): Promise<SpendingChartLiveModule> {
  loading ??= import('./spending-chart-live.js').catch((error: unknown) => {
    // A failed download is tried again on the next render.
    loading = null;
    throw error;
  });
  return loading;
}
