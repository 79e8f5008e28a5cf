/** `<SpendingChart>` once loaded: `useSpending` drawn by `<SpendingView>`. */
import type { ReactNode } from 'react';
import type { SpendingChartProps } from './spending-chart.js';
import { SpendingView } from './spending-view.js';
import { useSpending } from './use-spending.js';

export default function SpendingChartLive(props: SpendingChartProps): ReactNode {
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
