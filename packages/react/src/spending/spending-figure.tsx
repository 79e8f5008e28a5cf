/**
 * The chart: bars drawn by a charting library loaded lazily, in the browser only (a placeholder
 * on the server and while it downloads), with a text alternative and a legend.
 */
import type { SpendingBucket, SpendingBucketSize, SpendingSummary } from '@purse/core';
import { Component, lazy, Suspense, useMemo, type ReactNode } from 'react';
import type { SpendingMessages } from './messages.js';
import type { SpendingBarDatum, SpendingBarsModule } from './spending-bars-loader.js';
import type { SpendingFormats } from './spending-formats.js';
import { useIsClient } from './use-is-client.js';

let SpendingBars: ReturnType<typeof lazy<SpendingBarsModule['default']>> | null = null;

/** The drawing, loaded on first use through the kit's `loadBars` (the spending-bars loader). */
function spendingBars(
  loadSpendingBars: () => Promise<SpendingBarsModule>,
): NonNullable<typeof SpendingBars> {
  SpendingBars ??= lazy(loadSpendingBars);
  return SpendingBars;
}

/**
 * If the chart's code cannot be loaded (a failed chunk download), show the table instead of
 * letting the error take the page down. Not `ui/lazy-boundary.tsx` (measured): imported here,
 * esbuild hoists it into a chunk TransferStatus's first load fetches (+0.12 kB); passed through
 * the kit, it joins the chart's own first load (+0.09 kB).
 */
class ChartBoundary extends Component<
  { onError: () => void; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(): void {
    this.props.onError();
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

function highestOf(summary: SpendingSummary): SpendingBucket | null {
  return summary.buckets.reduce<SpendingBucket | null>(
    (top, b) => (b.outPosted + b.outPending > (top ? top.outPosted + top.outPending : 0) ? b : top),
    null,
  );
}

export function SpendingFigure(props: {
  summary: SpendingSummary;
  bucket: SpendingBucketSize;
  includeInflow: boolean;
  formats: SpendingFormats;
  t: SpendingMessages;
  /** The drawing failed to load: show the table. */
  onUnavailable: () => void;
  loadBars: () => Promise<SpendingBarsModule>;
}): ReactNode {
  const { summary, bucket, includeInflow, formats, t } = props;
  const Bars = spendingBars(props.loadBars);
  const isClient = useIsClient();
  const bars = useMemo<SpendingBarDatum[]>(
    () =>
      summary.buckets.map((b) => ({
        key: b.start,
        tick: formats.tick(b, bucket),
        period: formats.period(b),
        outPosted: b.outPosted,
        outPending: b.outPending,
        inPosted: b.inPosted,
        inPending: b.inPending,
      })),
    [summary, bucket, formats],
  );
  const highest = highestOf(summary);
  const placeholder = <span className="purse-Skeleton" data-slot="plot-loading" />;
  return (
    <figure data-slot="chart">
      <div data-slot="plot" aria-hidden="true">
        {isClient ? (
          <ChartBoundary onError={props.onUnavailable}>
            <Suspense fallback={placeholder}>
              <Bars
                data={bars}
                includeInflow={includeInflow}
                formatAxis={formats.axis}
                formatExact={formats.money}
                labels={{
                  posted: t.legendPosted,
                  pending: t.legendPending,
                  inflow: t.legendInflow,
                  inflowPending: t.legendInflowPending,
                }}
              />
            </Suspense>
          </ChartBoundary>
        ) : (
          placeholder
        )}
      </div>
      <figcaption className="purse-VisuallyHidden">
        {t.chartSummary({
          bucket,
          bars: summary.buckets.length,
          highest: highest
            ? {
                period: formats.period(highest),
                amount: formats.money(highest.outPosted + highest.outPending),
              }
            : null,
        })}
      </figcaption>
      <ul data-slot="legend">
        <li data-series="posted">
          <span data-slot="swatch" aria-hidden="true" />
          {t.legendPosted}
        </li>
        <li data-series="pending">
          <span data-slot="swatch" aria-hidden="true" />
          {t.legendPending}
        </li>
        {includeInflow ? (
          <li data-series="inflow">
            <span data-slot="swatch" aria-hidden="true" />
            {t.legendInflow}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
