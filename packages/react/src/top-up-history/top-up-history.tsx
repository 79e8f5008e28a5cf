import { formatDate, formatMoney, transferPhase, type TopUp, type TopUpStatus } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { headingTag, type HeadingLevel } from '../history-list/heading-level.js';
import { HistoryListBody, HistoryRow, HistoryTime } from '../history-list/history-list.js';
import { useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { transferStatusText } from '../transfer-status/messages.js';
import { TransferPhaseBadge, topUpSourceName } from '../transfer-status/transfer-status.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { topUpHistoryText, type TopUpHistoryMessages } from './messages.js';
import {
  useTopUpHistory,
  type UseTopUpHistoryOptions,
  type UseTopUpHistoryResult,
} from './use-top-up-history.js';

const FILTERS: readonly TopUpStatus[] = [
  'processing',
  'succeeded',
  'failed',
  'canceled',
  'requires_confirmation',
];

export interface TopUpHistoryProps
  extends UseTopUpHistoryOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSelect'> {
  ref?: Ref<HTMLDivElement>;
  /** Makes each row a button; called with the top-up chosen (to show its `<TransferStatus>`). */
  onSelect?: ((topUp: TopUp) => void) | undefined;
  /**
   * Shows a status filter above the list (starting from `status`).
   * @default false
   */
  showStatusFilter?: boolean | undefined;
  /**
   * The level of the card's heading, to fit the page's outline: one below the heading of the
   * section it sits in (2 under the page's `<h1>`).
   * @default 2
   */
  headingLevel?: HeadingLevel | undefined;
}

const SOURCE = 'TopUpHistory';

/**
 * The person's top-ups, newest first: amount, date, bank and a status badge for each, 20 at a
 * time with "Load more", kept current by live updates. `data-state`: `loading | empty | ready | error`.
 */
function TopUpHistoryRender(props: TopUpHistoryProps): ReactNode {
  const {
    status,
    pageSize,
    onSelect,
    showStatusFilter = false,
    headingLevel,
    className,
    ref,
    ...rest
  } = props;
  const m = useMessages(topUpHistoryText, SOURCE);
  const history = useTopUpHistory({ status, pageSize });
  const Heading = headingTag(headingLevel);
  const row = (topUp: TopUp): ReactNode => (
    <TopUpRow key={topUp.id} topUp={topUp} m={m} onSelect={onSelect} />
  );
  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-Card purse-HistoryList purse-TopUpHistory', className)}
      data-state={history.state.status}
    >
      <div data-slot="header">
        <Heading className="purse-Heading" {...history.getHeadingProps()}>
          {m.title}
        </Heading>
        {showStatusFilter ? <StatusFilter history={history} m={m} /> : null}
      </div>
      <HistoryListBody
        list={history}
        text={history.filter ? { ...m, emptyTitle: m.emptyFiltered, emptyBody: null } : m}
        renderRow={row}
        source={SOURCE}
      />
      <div className="purse-VisuallyHidden" data-slot="live" {...history.getLiveRegionProps()}>
        {history.loadedCount === null ? '' : m.showing(history.loadedCount)}
      </div>
    </div>
  );
}

function StatusFilter(props: { history: UseTopUpHistoryResult; m: TopUpHistoryMessages }) {
  const { history, m } = props;
  return (
    <div className="purse-Field" data-slot="filter">
      <label {...history.getFilterLabelProps()}>{m.filterLabel}</label>
      <select {...history.getFilterSelectProps()}>
        <option value="">{m.filterAll}</option>
        {FILTERS.map((value) => (
          <option key={value} value={value}>
            {m.filters[value]}
          </option>
        ))}
      </select>
    </div>
  );
}

interface TopUpRowProps {
  topUp: TopUp;
  m: TopUpHistoryMessages;
  onSelect: ((topUp: TopUp) => void) | undefined;
}

/** One top-up: amount, date and bank, description; same-day and phase badges. */
function TopUpRow({ topUp, m, onSelect }: TopUpRowProps): ReactNode {
  const { locale } = usePurseContext(SOURCE);
  const statusText = useMessages(transferStatusText, SOURCE);
  const phase = transferPhase(topUp);
  return (
    <HistoryRow
      data={{ 'data-phase': phase }}
      onSelect={onSelect ? () => onSelect(topUp) : undefined}
      main={
        <>
          <span className="purse-Amount" data-slot="row-amount">
            {formatMoney(topUp.amount, { currency: topUp.currency, locale })}
          </span>
          <span className="purse-Muted" data-slot="row-meta">
            <HistoryTime at={topUp.created}>{formatDate(topUp.created, { locale })}</HistoryTime>
            {' · '}
            {m.fromSource(topUpSourceName(topUp, statusText))}
          </span>
          {topUp.description ? <span data-slot="row-description">{topUp.description}</span> : null}
        </>
      }
      side={
        <>
          {topUp.sameDay ? (
            <span className="purse-Badge" data-slot="same-day">
              {m.sameDay}
            </span>
          ) : null}
          <TransferPhaseBadge phase={phase} />
        </>
      }
    />
  );
}

/** TopUpHistory; accepts a `ref` to its root element on React 18 and 19. */
export const TopUpHistory = /* @__PURE__ */ withForwardedRef<HTMLDivElement, TopUpHistoryProps>(
  TopUpHistoryRender,
  'TopUpHistory',
);
