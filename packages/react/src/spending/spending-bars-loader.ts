/**
 * The one door to the chart drawing (`spending-bars.tsx`, the only module that imports
 * the charting library). It is reached through a dynamic `import()`, so bundlers put that library in a chunk of
 * its own that is downloaded only when a chart is first drawn in the browser.
 */
import type { ComponentType } from 'react';
import { loadSpendingLive } from './spending-live-loader.js';

/** One bar group: a bucket's amounts (positive minor units) and its labels. */
export interface SpendingBarDatum {
  /** The bucket's first day, `YYYY-MM-DD` (unique). */
  key: string;
  /** Short label for the axis. */
  tick: string;
  /** The bucket's days in words, for the tooltip. */
  period: string;
  outPosted: number;
  outPending: number;
  inPosted: number;
  inPending: number;
}

export interface SpendingBarsProps {
  data: readonly SpendingBarDatum[];
  includeInflow: boolean;
  /** `$1.2K`, for the amount axis. */
  formatAxis: (amountMinor: number) => string;
  /** `$1,234.56`, for the tooltip. */
  formatExact: (amountMinor: number) => string;
  labels: { posted: string; pending: string; inflow: string; inflowPending: string };
}

export interface SpendingBarsModule {
  default: ComponentType<SpendingBarsProps>;
}

let loading: Promise<SpendingBarsModule> | null = null;

/** Starts (once) downloading the chart drawing code; resolves with its module. */
export function loadSpendingBars(): Promise<SpendingBarsModule> {
  loading ??= import('./spending-bars.js');
  return loading;
}

/**
 * Downloads the spending chart's code (its store, rules and view, and the charting library) ahead
 * of time, for example when the user hovers the link to the page that shows it. Rendering
 * `<SpendingChart>` does it anyway. Returns when the store and view are in (await it on the
 * server to render data rather than a placeholder).
 */
export function preloadSpendingChart(): Promise<void> {
  const live = loadSpendingLive().then(() => undefined);
  void loadSpendingBars().catch(() => {
    // A failed preload is retried by rendering; React.lazy reports that failure.
    loading = null;
  });
  return live;
}

/** Whether the drawing code was asked for (tests: server rendering must never ask). */
export function spendingBarsRequested(): boolean {
  return loading !== null;
}
