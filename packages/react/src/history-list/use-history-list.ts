/**
 * The React bridge to a `HistoryStore` (@purse/core) shared by `useTopUpHistory` and
 * `useWalletActivity`: its state and commands, plus what a view spreads to stay accessible
 * (react-aria and downshift style): the list labelled by its heading, a "load more" button that
 * controls it, a polite live region, and focus moved to the first new row after more arrive.
 */
import type { HistoryItem, HistoryState } from '@purse/core';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { PurseContextValue } from '../provider/purse-context.js';
import { useReportError } from '../utils/use-report-error.js';
import type { LiveRegionProps } from '../ui/live-region.js';

/** Element ids, for a custom view's labels and `aria-*` references. */
export interface HistoryListIds {
  heading: string;
  list: string;
  filter: string;
}

export interface HistoryListResult<T extends HistoryItem> {
  /** `loading | empty | ready | error`; `ready` holds `items` (newest first) and `more`. */
  state: HistoryState<T>;
  /** Loads the next (older) page; does nothing while one is loading or when there is none. */
  loadMore: () => void;
  /** Asks again for the page that failed (the first one or the next one). */
  retry: () => void;
  ids: HistoryListIds;
  /** How many rows there are after the last "load more", for the live region (null before). */
  loadedCount: number | null;
  getHeadingProps: () => { id: string };
  getListProps: () => {
    id: string;
    'aria-labelledby': string;
    ref: (element: HTMLUListElement | null) => void;
    tabIndex: -1;
  };
  /** The "load more" button: `aria-disabled` (still focusable) while a page loads. */
  getLoadMoreButtonProps: () => {
    type: 'button';
    'aria-controls': string;
    'aria-disabled': true | undefined;
    onClick: (() => void) | undefined;
  };
  /** A visually hidden element that announces `loadedCount` (the view words it). */
  getLiveRegionProps: () => Omit<LiveRegionProps, 'id'>;
}

/** The part of a `HistoryStore` the bridge uses (whatever its filter type). */
export interface HistoryListSource<T extends HistoryItem> {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => HistoryState<T>;
  loadMore: () => void;
  retry: () => void;
}

/**
 * Subscribes to `store` and hands out its state, commands and prop getters. Errors are reported
 * to the provider's `onError` once, as `source`.
 */
export function useHistoryList<T extends HistoryItem>(
  ctx: Pick<PurseContextValue, 'reportError'>,
  store: HistoryListSource<T>,
  source: string,
): HistoryListResult<T> {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const error =
    state.status === 'error'
      ? state.error
      : state.status === 'ready' && state.more.status === 'error'
        ? state.more.error
        : null;
  useReportError(ctx, error, source);

  const id = useId();
  const ids: HistoryListIds = {
    heading: `${id}-title`,
    list: `${id}-list`,
    filter: `${id}-filter`,
  };
  const list = useRef<HTMLUListElement | null>(null);
  const setList = useCallback((element: HTMLUListElement | null) => {
    list.current = element;
  }, []);
  const [loadedCount, setLoadedCount] = useState<number | null>(null);

  // After "load more": focus the first new row's button where rows are buttons, else the list
  // once the button is gone (else focus stays on the button), and announce the count.
  const shownBefore = useRef<number | null>(null);
  const count = state.status === 'ready' ? state.items.length : 0;
  const more = state.status === 'ready' ? state.more.status : null;
  useEffect(() => {
    const before = shownBefore.current;
    if (before === null || more === 'loading') return;
    shownBefore.current = null;
    if (more === 'error') return;
    setLoadedCount(count);
    const firstNew = list.current?.querySelectorAll<HTMLElement>('[data-slot="row-button"]')[
      before
    ];
    if (firstNew) firstNew.focus();
    else if (more === 'complete') list.current?.focus();
  }, [more, count]);

  const { loadMore, retry } = store;
  const loadingMore = more === 'loading';
  return {
    state,
    loadMore,
    retry,
    ids,
    loadedCount,
    getHeadingProps: () => ({ id: ids.heading }),
    getListProps: () => ({
      id: ids.list,
      'aria-labelledby': ids.heading,
      ref: setList,
      tabIndex: -1,
    }),
    getLoadMoreButtonProps: () => ({
      type: 'button',
      'aria-controls': ids.list,
      'aria-disabled': loadingMore || undefined,
      onClick: loadingMore
        ? undefined
        : () => {
            shownBefore.current = count;
            // After a failed page this asks for that page again.
            loadMore();
          },
    }),
    getLiveRegionProps: () => ({ role: 'status', 'aria-live': 'polite', 'aria-atomic': true }),
  };
}
