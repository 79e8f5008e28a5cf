/**
 * `<SpendingChart>`: money out per day, week or month for the last 30, 90 or 180 days, pending
 * drawn apart from posted, with the top merchants and a table that carries the same figures for
 * screen readers (and for anyone who prefers numbers). Transfers between the user's own
 * accounts and card payments are not spending, and are said to be left out.
 *
 * What ships in an app's first load is only a placeholder card: the store, the rules and the
 * view come in a chunk fetched when the chart first mounts (`preloadSpendingChart()` fetches it
 * earlier), and the charting library in another, once there is data to draw.
 */
import type { ReactNode } from 'react';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { useSpendingPropGetters } from './prop-getters.js';
import { useSpendingKit } from './spending-kit.js';
import { useSpendingLive } from './spending-live-loader.js';
import { SpendingPlaceholder } from './spending-placeholder.js';
import type { SpendingViewProps } from './spending-view-types.js';
import { useSpending, type UseSpendingOptions, type UseSpendingResult } from './use-spending.js';

export type { SpendingChartView } from './prop-getters.js';

export interface SpendingChartProps
  extends Omit<UseSpendingOptions, 'defaultView'>, Omit<SpendingViewProps, 'spending'> {}

// `rootRef`, not `ref`: React 18 keeps `ref` from function components that are not forwardRef.
type LiveViewProps = Omit<SpendingViewProps, 'spending' | 'defaultView' | 'ref'> & {
  spending: UseSpendingResult;
  rootRef: SpendingViewProps['ref'];
};

/** The live view once its code is in; the placeholder card until then (and on the server). */
function LiveView(props: LiveViewProps): ReactNode {
  const live = useSpendingLive();
  const kit = useSpendingKit(props.spending.currency);
  const { rootRef, ...rest } = props;
  if (!live) {
    const { heading, headingLevel, className, style } = props;
    return <SpendingPlaceholder {...{ heading, headingLevel, className, style, rootRef }} />;
  }
  return <live.SpendingViewContent {...rest} rootRef={rootRef} kit={kit} />;
}

type ChartViewProps = Omit<LiveViewProps, 'spending' | 'rootRef'>;

/**
 * Which of the chart's props are `useSpending`'s (the rest go to the card). A record, not a
 * list: an option added to `UseSpendingOptions` and not here fails to typecheck.
 */
const HOOK_OPTIONS: Record<keyof UseSpendingOptions, true> = {
  accountId: true,
  accountIds: true,
  otherAccountIds: true,
  range: true,
  defaultRange: true,
  onRangeChange: true,
  bucket: true,
  defaultBucket: true,
  onBucketChange: true,
  includeInflow: true,
  defaultIncludeInflow: true,
  onIncludeInflowChange: true,
  topMerchants: true,
  timeZone: true,
  currency: true,
  defaultView: true,
};

/**
 * Spending for one linked account (or several): totals, a bar chart per day, week or month,
 * top merchants, and a table with the same figures. See `useSpending` for the data behaviour.
 */
function SpendingChartRender(props: SpendingChartProps): ReactNode {
  const { ref, ...rest } = props;
  const options: Record<string, unknown> = {};
  const viewProps: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    (Object.hasOwn(HOOK_OPTIONS, key) ? options : viewProps)[key] = value;
  }
  const spending = useSpending(options);
  return <LiveView spending={spending} rootRef={ref} {...(viewProps as ChartViewProps)} />;
}

/** SpendingChart; accepts a `ref` to its root element on React 18 and 19. */
export const SpendingChart = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingChartProps>(
  SpendingChartRender,
  'SpendingChart',
);

/**
 * The view alone, for a custom data flow: it draws the `useSpending()` result (or your own
 * `SpendingData`) given as `spending`, with its own prop getters. Its code loads with the
 * chart's (a placeholder card until then; await `preloadSpendingChart()` to render data on a
 * server).
 */
function SpendingViewRender(props: SpendingViewProps): ReactNode {
  const { spending: data, defaultView, ref, ...viewProps } = props;
  const getters = useSpendingPropGetters(data, { defaultView });
  return <LiveView spending={{ ...data, ...getters }} rootRef={ref} {...viewProps} />;
}

export const SpendingView = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingViewProps>(
  SpendingViewRender,
  'SpendingView',
);
