/**
 * `<SpendingView>`: the card for a `useSpending()` result (or any `SpendingData`), built only
 * from the hook's prop getters and small views per state, so a custom view can do what it does.
 */
import type { HTMLAttributes, ReactNode, Ref } from 'react';
import { useRef } from 'react';
import { commonText, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { spendingText } from './messages.js';
import { useSpendingPropGetters, type SpendingChartView } from './prop-getters.js';
import { SpendingControls } from './spending-controls.js';
import { SpendingFigure } from './spending-figure.js';
import { useSpendingFormats } from './spending-formats.js';
import { SpendingHeader } from './spending-header.js';
import { SpendingStateBody } from './spending-state-body.js';
import { spendingStatusLine } from './spending-status.js';
import { SpendingTable } from './spending-table.js';
import { TopMerchants } from './top-merchants.js';
import type { SpendingData, UseSpendingResult } from './use-spending.js';

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

function SpendingViewRender(props: SpendingViewProps): ReactNode {
  const { spending: data, heading, headingLevel = 3, defaultView, className, ref, ...rest } = props;
  const { locale } = usePurseContext('SpendingChart');
  const t = useMessages(spendingText, 'SpendingChart');
  const common = useMessages(commonText, 'SpendingChart');
  const getters = useSpendingPropGetters(data, { defaultView });
  const spending: UseSpendingResult = { ...data, ...getters };
  const formats = useSpendingFormats(data.currency, locale);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { state, range, bucket, includeInflow, view } = spending;
  const summary =
    state.status === 'ready' || state.status === 'empty' || state.status === 'loading'
      ? state.summary
      : null;
  const status = spendingStatusLine(state, { range, includeInflow, count: formats.count }, t);
  const showData = summary !== null && state.status !== 'empty';
  const retry = (): void => {
    spending.retry();
    // The alert and its button go away: keep focus in the card.
    headingRef.current?.focus();
  };

  return (
    <section
      ref={ref}
      className={cx('purse-Card purse-SpendingChart', className)}
      data-state={state.status}
      data-view={showData ? view : undefined}
      {...spending.getCardProps()}
      {...rest}
    >
      <SpendingHeader
        spending={spending}
        summary={summary}
        heading={heading ?? t.title}
        headingLevel={headingLevel}
        headingRef={headingRef}
        showToggle={showData}
        formats={formats}
        t={t}
      />
      {summary !== null || state.status === 'loading' ? (
        <SpendingControls spending={spending} t={t} />
      ) : null}
      <p
        data-slot="status"
        aria-live="polite"
        className={status.visible ? 'purse-Muted' : 'purse-VisuallyHidden'}
      >
        {status.visible && status.busy ? (
          <span className="purse-Spinner" aria-hidden="true" />
        ) : null}
        {status.text}
      </p>
      {spending.accountsWithoutPermission.length > 0 && state.status !== 'permission_missing' ? (
        <p className="purse-Muted" data-slot="note">
          {t.permissionSome(spending.accountsWithoutPermission.length)}
        </p>
      ) : null}
      <SpendingStateBody
        state={state}
        range={range}
        includeInflow={includeInflow}
        t={t}
        common={common}
        retry={retry}
      />
      {showData ? (
        <div data-slot="data">
          {view === 'chart' ? (
            <SpendingFigure
              summary={summary}
              bucket={bucket}
              includeInflow={includeInflow}
              formats={formats}
              t={t}
              onUnavailable={() => spending.setView('table')}
            />
          ) : null}
          <SpendingTable
            tableProps={spending.getTableProps()}
            summary={summary}
            hidden={view === 'chart'}
            includeInflow={includeInflow}
            range={range}
            bucket={bucket}
            formats={formats}
            t={t}
          />
          <TopMerchants
            level={headingLevel === 2 ? 3 : 4}
            summary={summary}
            money={formats.money}
            t={t}
          />
        </div>
      ) : null}
    </section>
  );
}

/** The view alone, for a custom hook setup; it takes the `useSpending` result as `spending`. */
export const SpendingView = /* @__PURE__ */ withForwardedRef<HTMLElement, SpendingViewProps>(
  SpendingViewRender,
  'SpendingView',
);
