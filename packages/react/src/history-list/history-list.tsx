/**
 * The pieces `TopUpHistory` and `WalletActivity` share: the body of a paginated list in each of
 * its states (placeholder rows, an empty state, a failure with retry, the rows with a "load
 * more" footer) and one row's frame. Built only from `useHistoryList`'s prop getters.
 */
import type { HistoryItem } from '@purse/core';
import type { ReactNode } from 'react';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { ErrorNotice } from '../ui/error-notice.js';
import type { HistoryListResult } from './use-history-list.js';

/** The words of a list's states, from the component's own catalog. */
export interface HistoryListText {
  emptyTitle: string;
  /** A second line under the empty title. @default none */
  emptyBody?: string | null | undefined;
  loadErrorTitle: string;
  loadMore: string;
  loadingMore: string;
  loadMoreError: string;
}

export interface HistoryListBodyProps<T extends HistoryItem> {
  list: HistoryListResult<T>;
  text: HistoryListText;
  /** One `<HistoryRow>` per item. */
  renderRow: (item: T) => ReactNode;
  /** The component's name, for the provider's error messages. */
  source: string;
}

const SKELETON_PARTS = ['title', 'meta', 'amount'] as const;

/** The list in its current state: `loading | empty | error | ready`. */
export function HistoryListBody<T extends HistoryItem>(props: HistoryListBodyProps<T>): ReactNode {
  const { list, text, renderRow, source } = props;
  const common = useMessages(commonText, source);
  const { state } = list;
  switch (state.status) {
    case 'loading':
      return (
        <div data-slot="skeleton" aria-busy="true">
          <span className="purse-VisuallyHidden">{common.loading}</span>
          {[0, 1, 2].map((row) => (
            <div key={row} data-slot="skeleton-row" aria-hidden="true">
              {SKELETON_PARTS.map((part) => (
                <span key={part} className="purse-Skeleton" data-slot={`skeleton-${part}`} />
              ))}
            </div>
          ))}
        </div>
      );
    case 'empty':
      return (
        <div data-slot="empty">
          <p data-slot="empty-title">{text.emptyTitle}</p>
          {text.emptyBody ? <p className="purse-Muted">{text.emptyBody}</p> : null}
        </div>
      );
    case 'error':
      return (
        <ErrorNotice
          title={text.loadErrorTitle}
          message={describeError(state.error, common)}
          retryLabel={common.retry}
          onRetry={list.retry}
        />
      );
    case 'ready': {
      const { more } = state;
      return (
        <>
          <ul data-slot="list" {...list.getListProps()}>
            {state.items.map(renderRow)}
          </ul>
          {more.status === 'error' ? (
            <p className="purse-Alert" data-tone="danger" role="alert" data-slot="more-error">
              {text.loadMoreError} {describeError(more.error, common)}
            </p>
          ) : null}
          {more.status === 'complete' ? null : (
            <div data-slot="footer">
              <button
                className="purse-Button"
                data-variant="secondary"
                data-slot="load-more"
                {...list.getLoadMoreButtonProps()}
              >
                {more.status === 'loading' ? (
                  <>
                    <span className="purse-Spinner" aria-hidden="true" />
                    {text.loadingMore}
                  </>
                ) : (
                  text.loadMore
                )}
              </button>
            </div>
          )}
        </>
      );
    }
    default:
      state satisfies never;
      return null;
  }
}

export interface HistoryRowProps {
  /** The row's left part: what it was, when, and details. */
  main: ReactNode;
  /** The row's right part: the amount and status badges. */
  side: ReactNode;
  /** Makes the row a button. */
  onSelect?: (() => void) | undefined;
  /** `data-*` attributes for styling (`data-phase`, `data-status`…). */
  data?: Record<`data-${string}`, string> | undefined;
}

/** One list item: a `<li>` holding the two parts, in a button when it can be chosen. */
export function HistoryRow({ main, side, onSelect, data }: HistoryRowProps): ReactNode {
  const content = (
    <>
      <span data-slot="row-main">{main}</span>
      <span data-slot="row-side">{side}</span>
    </>
  );
  return (
    <li data-slot="row" {...data}>
      {onSelect ? (
        <button type="button" data-slot="row-button" onClick={onSelect}>
          {content}
        </button>
      ) : (
        <div data-slot="row-content">{content}</div>
      )}
    </li>
  );
}

/** A `<time>` for a unix-seconds instant, showing `children`. */
export function HistoryTime({ at, children }: { at: number; children: ReactNode }): ReactNode {
  return <time dateTime={new Date(at * 1000).toISOString()}>{children}</time>;
}
