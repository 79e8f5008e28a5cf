/**
 * The spending card for a `useSpending()` result (or any `SpendingData`), built only from the
 * hook's prop getters and small views per state, so a custom view can do what it does.
 */
import type { ReactNode } from 'react';
import { useRef } from 'react';
import { SpendingControls } from './spending-controls.js';
import { SpendingFigure } from './spending-figure.js';
import { SpendingHeader } from './spending-header.js';
import { SpendingStateBody } from './spending-state-body.js';
import { spendingStatusLine } from './spending-status.js';
import { SpendingTable } from './spending-table.js';
import { TopMerchants } from './top-merchants.js';
import type { SpendingViewProps } from './spending-view-types.js';
import type { SpendingViewKit } from './spending-kit.js';
import type { UseSpendingResult } from './use-spending.js';

/** The view's markup (loaded lazily; `SpendingView` is its public wrapper). */
export function SpendingViewContent(
  props: Omit<SpendingViewProps, 'spending' | 'defaultView' | 'ref'> & {
    spending: UseSpendingResult;
    kit: SpendingViewKit;
    rootRef: SpendingViewProps['ref'];
  },
): ReactNode {
  const { spending, kit, heading, headingLevel = 3, className, rootRef, ...rest } = props;
  const { t, formats } = kit;
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
      ref={rootRef}
      className={
        className ? `purse-Card purse-SpendingChart ${className}` : 'purse-Card purse-SpendingChart'
      }
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
        <SpendingControls spending={spending} kit={kit} />
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
        kit={kit}
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
              loadBars={kit.loadBars}
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
