import { formatDate, formatMoney, transferPhase, type TopUp, type TopUpStatus } from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { transferStatusText } from '../transfer-status/messages.js';
import { TransferPhaseBadge, topUpSourceName } from '../transfer-status/transfer-status.js';
import { cx } from '../utils/cx.js';
import { topUpHistoryText } from './messages.js';
import { useTopUpHistory, type UseTopUpHistoryOptions } from './use-top-up-history.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { ErrorNotice } from '../ui/error-notice.js';

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
   * The level of the card's heading, to fit the page's outline.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4 | undefined;
}

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
    headingLevel = 2,
    className,
    ref,
    ...rest
  } = props;
  const { locale } = usePurseContext('TopUpHistory');
  const m = useMessages(topUpHistoryText, 'TopUpHistory');
  const statusText = useMessages(transferStatusText, 'TopUpHistory');
  const common = useMessages(commonText, 'TopUpHistory');
  const [filter, setFilter] = useState<TopUpStatus | undefined>(status);
  useEffect(() => setFilter(status), [status]);
  const { state, loadMore, retry } = useTopUpHistory({ status: filter, pageSize });
  const Heading = `h${String(headingLevel)}` as 'h2' | 'h3' | 'h4';
  const id = useId();
  const headingId = `${id}-title`;
  const filterId = `${id}-filter`;

  const listRef = useRef<HTMLUListElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // After "Load more", focus the first new row (or the list, once the button is gone) and say
  // how many rows there are now.
  const shownBefore = useRef<number | null>(null);
  const count = state.status === 'ready' ? state.topUps.length : 0;
  const more = state.status === 'ready' ? state.more.status : null;
  useEffect(() => {
    const before = shownBefore.current;
    if (before === null || more === 'loading') return;
    shownBefore.current = null;
    if (more === 'error') return;
    setAnnouncement(m.showing(count));
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-slot="row-button"]');
    const firstNew = rows?.[before];
    if (firstNew) firstNew.focus();
    else if (more === 'complete') listRef.current?.focus();
  }, [more, count, m]);

  const onLoadMore = (): void => {
    shownBefore.current = count;
    loadMore();
  };

  let body: ReactNode;
  switch (state.status) {
    case 'loading': {
      body = (
        <div data-slot="skeleton" aria-busy="true">
          <span className="purse-VisuallyHidden">{common.loading}</span>
          {[0, 1, 2].map((row) => (
            <div key={row} data-slot="skeleton-row">
              <span className="purse-Skeleton" data-slot="skeleton-amount" />
              <span className="purse-Skeleton" data-slot="skeleton-meta" />
              <span className="purse-Skeleton" data-slot="skeleton-badge" />
            </div>
          ))}
        </div>
      );
      break;
    }
    case 'empty': {
      body = (
        <div data-slot="empty">
          <p data-slot="empty-title">{filter ? m.emptyFiltered : m.emptyTitle}</p>
          {filter ? null : <p className="purse-Muted">{m.emptyBody}</p>}
        </div>
      );
      break;
    }
    case 'error': {
      body = (
        <ErrorNotice
          title={m.loadErrorTitle}
          message={describeError(state.error, common)}
          retryLabel={common.retry}
          onRetry={retry}
        />
      );
      break;
    }
    case 'ready': {
      const loadingMore = state.more.status === 'loading';
      body = (
        <>
          <ul data-slot="list" aria-labelledby={headingId} ref={listRef} tabIndex={-1}>
            {state.topUps.map((topUp) => {
              const phase = transferPhase(topUp);
              const content = (
                <>
                  <span data-slot="row-main">
                    <span className="purse-Amount" data-slot="row-amount">
                      {formatMoney(topUp.amount, { currency: topUp.currency, locale })}
                    </span>
                    <span className="purse-Muted" data-slot="row-meta">
                      <time dateTime={new Date(topUp.created * 1000).toISOString()}>
                        {formatDate(topUp.created, { locale })}
                      </time>
                      {' · '}
                      {m.fromSource(topUpSourceName(topUp, statusText))}
                    </span>
                    {topUp.description ? (
                      <span data-slot="row-description">{topUp.description}</span>
                    ) : null}
                  </span>
                  <span data-slot="row-status">
                    {topUp.sameDay ? (
                      <span className="purse-Badge" data-slot="same-day">
                        {m.sameDay}
                      </span>
                    ) : null}
                    <TransferPhaseBadge phase={phase} />
                  </span>
                </>
              );
              return (
                <li key={topUp.id} data-slot="row" data-phase={phase}>
                  {onSelect ? (
                    <button type="button" data-slot="row-button" onClick={() => onSelect(topUp)}>
                      {content}
                    </button>
                  ) : (
                    <div data-slot="row-content">{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
          {state.more.status === 'error' ? (
            <p className="purse-Alert" data-tone="danger" role="alert" data-slot="more-error">
              {m.loadMoreError} {describeError(state.more.error, common)}
            </p>
          ) : null}
          {state.more.status === 'complete' ? null : (
            <div data-slot="footer">
              <button
                type="button"
                className="purse-Button"
                data-variant="secondary"
                data-slot="load-more"
                aria-disabled={loadingMore || undefined}
                onClick={loadingMore ? undefined : onLoadMore}
              >
                {loadingMore ? <span className="purse-Spinner" aria-hidden="true" /> : null}
                {loadingMore ? m.loadingMore : m.loadMore}
              </button>
            </div>
          )}
        </>
      );
      break;
    }
    default: {
      state satisfies never;
      body = null;
    }
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-Card purse-TopUpHistory', className)}
      data-state={state.status}
    >
      <div data-slot="header">
        <Heading className="purse-Heading" id={headingId}>
          {m.title}
        </Heading>
        {showStatusFilter ? (
          <div className="purse-Field" data-slot="filter">
            <label htmlFor={filterId}>{m.filterLabel}</label>
            <select
              id={filterId}
              value={filter ?? ''}
              onChange={(event) =>
                setFilter(
                  event.target.value === '' ? undefined : (event.target.value as TopUpStatus),
                )
              }
            >
              <option value="">{m.filterAll}</option>
              {FILTERS.map((value) => (
                <option key={value} value={value}>
                  {m.filters[value]}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      {body}
      <div className="purse-VisuallyHidden" aria-live="polite" aria-atomic="true" data-slot="live">
        {announcement}
      </div>
    </div>
  );
}

/** TopUpHistory; accepts a `ref` to its root element on React 18 and 19. */
export const TopUpHistory = /* @__PURE__ */ withForwardedRef<HTMLDivElement, TopUpHistoryProps>(
  TopUpHistoryRender,
  'TopUpHistory',
);
