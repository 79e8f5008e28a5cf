/**
 * `useTopUpHistory`: the person's top-ups, newest first, a page at a time, kept current by live
 * `transfer.updated` events: a bridge to a `HistoryStore` (@purse/core) with prop getters for a
 * custom view, including a status filter.
 */
import {
  DEFAULT_HISTORY_PAGE_SIZE,
  topUpHistoryStore,
  type HistoryMore,
  type HistoryState,
  type TopUp,
  type TopUpStatus,
} from '@purse/core';
import { useEffect, useMemo, type ChangeEvent } from 'react';
import { useHistoryList, type HistoryListResult } from '../history-list/use-history-list.js';
import { usePurseContext } from '../provider/purse-context.js';

/** The server's page size for top-ups. */
export const DEFAULT_TOP_UP_PAGE_SIZE = DEFAULT_HISTORY_PAGE_SIZE;

export interface UseTopUpHistoryOptions {
  /** Only top-ups with this status (the filter control starts there). @default all */
  status?: TopUpStatus | undefined;
  /**
   * Top-ups per page (1–100).
   * @default 20
   */
  pageSize?: number | undefined;
}

/** Whether there are older top-ups to load, and how that is going. */
export type TopUpHistoryMore = HistoryMore;

/** `loading | empty | ready | error`; `ready` holds `items` (top-ups, newest first) and `more`. */
export type TopUpHistoryState = HistoryState<TopUp>;

export interface UseTopUpHistoryResult extends HistoryListResult<TopUp> {
  /** The status shown, or undefined for all. */
  filter: TopUpStatus | undefined;
  /** Shows only top-ups with `status` (undefined: all), from the first page. */
  setFilter: (status: TopUpStatus | undefined) => void;
  /** A `<select>` of statuses; its `<option value="">` means all. */
  getFilterSelectProps: () => {
    id: string;
    value: string;
    onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
  };
  /** The filter's `<label>`. */
  getFilterLabelProps: () => { htmlFor: string };
}

export function useTopUpHistory(options: UseTopUpHistoryOptions = {}): UseTopUpHistoryResult {
  const ctx = usePurseContext('useTopUpHistory');
  const { runtime } = ctx;
  const { status, pageSize } = options;
  // The filter is the store's from here on: `status` only sets where it starts and resets it.
  const store = useMemo(
    () => topUpHistoryStore(runtime, { status, pageSize }),
    [runtime, pageSize],
  );
  useEffect(() => store.setFilter(status), [store, status]);
  const list = useHistoryList(ctx, store, 'TopUpHistory');
  const { filter, setFilter } = store;
  return {
    ...list,
    filter,
    setFilter,
    getFilterSelectProps: () => ({
      id: list.ids.filter,
      value: filter ?? '',
      onChange: (event) =>
        setFilter(event.target.value === '' ? undefined : (event.target.value as TopUpStatus)),
    }),
    getFilterLabelProps: () => ({ htmlFor: list.ids.filter }),
  };
}
