/**
 * `<SpendingChart>`: money out per day, week or month for the last 30, 90 or 180 days, pending
 * drawn apart from posted, with the top merchants and a table that carries the same figures for
 * screen readers (and for anyone who prefers numbers). Transfers between the user's own
 * accounts and card payments are not spending, and are said to be left out. The drawing code
 * (a charting library) is loaded lazily, in the browser only.
 */
import type { ReactNode } from 'react';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { useSpending, type UseSpendingOptions } from './use-spending.js';
import { SpendingView, type SpendingViewProps } from './spending-view.js';

export { SpendingView } from './spending-view.js';
export type { SpendingViewProps } from './spending-view.js';
export type { SpendingChartView } from './prop-getters.js';

export interface SpendingChartProps
  extends Omit<UseSpendingOptions, 'defaultView'>, Omit<SpendingViewProps, 'spending'> {}

/**
 * Spending for one linked account (or several): totals, a bar chart per day, week or month,
 * top merchants, and a table with the same figures. See `useSpending` for the data behaviour.
 */
function SpendingChartRender(props: SpendingChartProps): ReactNode {
  const {
    accountId,
    accountIds,
    range,
    defaultRange,
    onRangeChange,
    bucket,
    defaultBucket,
    onBucketChange,
    includeInflow,
    defaultIncludeInflow,
    onIncludeInflowChange,
    topMerchants,
    timeZone,
    currency,
    ...viewProps
  } = props;
  const spending = useSpending({
    accountId,
    accountIds,
    range,
    defaultRange,
    onRangeChange,
    bucket,
    defaultBucket,
    onBucketChange,
    includeInflow,
    defaultIncludeInflow,
    onIncludeInflowChange,
    topMerchants,
    timeZone,
    currency,
  });
  return <SpendingView spending={spending} {...viewProps} />;
}

/** SpendingChart; accepts a `ref` to its root element on React 18 and 19. */
export const SpendingChart = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingChartProps>(
  SpendingChartRender,
  'SpendingChart',
);
