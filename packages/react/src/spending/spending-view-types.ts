import type { HTMLAttributes, ReactNode, Ref } from 'react';
import type { SpendingChartView } from './prop-getters.js';
import type { SpendingData } from './use-spending.js';

export interface SpendingViewProps extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  /** What `useSpending()` returned (or your own `SpendingData`): shown, and its commands called. */
  spending: SpendingData;
  /** The card's title. @default 'Spending', in the provider's locale */
  heading?: ReactNode;
  /** The level of the card's heading (the merchants' list gets the next one). @default 3 */
  headingLevel?: 2 | 3;
  /** Show the chart or the table first (the user can switch). @default 'chart' */
  defaultView?: SpendingChartView;
  ref?: Ref<HTMLElement>;
}
