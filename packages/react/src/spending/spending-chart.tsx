/**
 * `<SpendingChart>`: money out per day, week or month for the last 30, 90 or 180 days, pending
 * drawn apart from posted, with the top merchants and a table that carries the same figures for
 * screen readers (and for anyone who prefers numbers). Transfers between the user's own
 * accounts and card payments are not spending, and are said to be left out.
 *
 * What ships in an app's first load is only this placeholder card: the store, the rules and the
 * view come in a chunk fetched when the chart first renders (`preloadSpendingChart()` fetches
 * it earlier), and the charting library in another, once there is data to draw.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { commonText, useMessages } from '../i18n/use-messages.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { GhostBars } from './ghost-bars.js';
import { spendingText } from './messages.js';
import { loadSpendingChartLive } from './spending-chart-loader.js';
import { useIsClient } from './use-is-client.js';
import type { UseSpendingOptions } from './use-spending.js';
import type { SpendingViewProps } from './spending-view.js';

export type { SpendingViewProps } from './spending-view.js';
export type { SpendingChartView } from './prop-getters.js';

export interface SpendingChartProps
  extends Omit<UseSpendingOptions, 'defaultView'>, Omit<SpendingViewProps, 'spending'> {}

const SpendingChartLive = lazy(loadSpendingChartLive);

/** The card while its code downloads: the heading and a skeleton, as on the first data load. */
function SpendingChartPlaceholder(props: SpendingChartProps): ReactNode {
  const t = useMessages(spendingText, 'SpendingChart');
  const common = useMessages(commonText, 'SpendingChart');
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      ref={props.ref}
      className={cx('purse-Card purse-SpendingChart', props.className)}
      style={props.style}
      data-state="loading"
    >
      <div data-slot="header">
        <div data-slot="title-row">
          <Heading className="purse-Heading">{props.heading ?? t.title}</Heading>
        </div>
      </div>
      <div data-slot="skeleton" aria-busy="true">
        <span className="purse-VisuallyHidden">{common.loading}</span>
        <span className="purse-Skeleton" data-slot="skeleton-total" aria-hidden="true" />
        <GhostBars />
      </div>
    </section>
  );
}

/**
 * Spending for one linked account (or several): totals, a bar chart per day, week or month,
 * top merchants, and a table with the same figures. See `useSpending` for the data behaviour.
 */
function SpendingChartRender(props: SpendingChartProps): ReactNode {
  // The server renders the placeholder (no data is fetched there), and hydration matches it.
  if (!useIsClient()) return <SpendingChartPlaceholder {...props} />;
  return (
    <Suspense fallback={<SpendingChartPlaceholder {...props} />}>
      <SpendingChartLive {...props} />
    </Suspense>
  );
}

/** SpendingChart; accepts a `ref` to its root element on React 18 and 19. */
export const SpendingChart = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingChartProps>(
  SpendingChartRender,
  'SpendingChart',
);
