import {
  PurseError,
  toPurseError,
  type WalletActivityItem,
  type WalletActivityPage,
} from '@purse/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';

/** The server's page size for wallet activity. */
export const DEFAULT_WALLET_ACTIVITY_PAGE_SIZE = 20;

export interface UseWalletActivityOptions {
  /**
   * Entries per page (1–100).
   * @default 20
   */
  pageSize?: number | undefined;
}

/** Whether there are older entries to load, and how that is going. */
export type WalletActivityMore =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: PurseError }
  | { status: 'complete' };

export type WalletActivityState =
  | { status: 'loading' }
  | { status: 'empty' }
  | {
      status: 'ready';
      /** Newest first. */
      items: WalletActivityItem[];
      more: WalletActivityMore;
    }
  | { status: 'error'; error: PurseError };

export interface UseWalletActivityResult {
  state: WalletActivityState;
  /** Loads the next (older) page; does nothing while one is loading or when there is none. */
  loadMore: () => void;
  /** Loads the first page again (after an error). */
  retry: () => void;
}

function newestFirst(a: WalletActivityItem, b: WalletActivityItem): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** A fresh first page merged over what is shown: newer versions win, older pages are kept. */
function mergeFirstPage(
  shown: readonly WalletActivityItem[],
  page: readonly WalletActivityItem[],
): WalletActivityItem[] {
  const byId = new Map(shown.map((item) => [item.id, item]));
  for (const item of page) byId.set(item.id, item);
  return [...byId.values()].sort(newestFirst);
}

const unsupported = (): PurseError =>
  new PurseError({
    code: 'feature_disabled',
    message: 'This PurseClient has no listWalletActivity.',
  });

/**
 * The wallet's Treasury transactions (top-ups, returns, money received or taken), newest first,
 * a page at a time. Kept current: a live `transfer.updated` or `financial_account.updated`
 * refetches the first page, and while any entry is pending it is refetched on every poll when
 * the live connection has fallen back to polling.
 */
export function useWalletActivity(options: UseWalletActivityOptions = {}): UseWalletActivityResult {
  const ctx = usePurseContext('useWalletActivity');
  const { client, live } = ctx;
  const pageSize = options.pageSize ?? DEFAULT_WALLET_ACTIVITY_PAGE_SIZE;
  const reportError = useLatest(ctx.reportError);

  const [state, setState] = useState<WalletActivityState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const cursor = useRef<string | null>(null);
  const loadingMore = useRef(false);
  // Answers to an older query (an unmounted StrictMode pass, a retry) are dropped.
  const generation = useRef(0);

  const list = useCallback(
    (query: { cursor?: string; limit: number }): Promise<WalletActivityPage> =>
      client.listWalletActivity ? client.listWalletActivity(query) : Promise.reject(unsupported()),
    [client],
  );

  useEffect(() => {
    const current = ++generation.current;
    cursor.current = null;
    loadingMore.current = false;
    setState({ status: 'loading' });
    list({ limit: pageSize }).then(
      (page) => {
        if (current !== generation.current) return;
        cursor.current = page.hasMore ? page.nextCursor : null;
        const items = [...page.data].sort(newestFirst);
        setState(
          items.length === 0
            ? { status: 'empty' }
            : { status: 'ready', items, more: { status: cursor.current ? 'idle' : 'complete' } },
        );
      },
      (reason: unknown) => {
        if (current !== generation.current) return;
        const error = toPurseError(reason);
        reportError.current(error, 'WalletActivity');
        setState({ status: 'error', error });
      },
    );
    return () => {
      generation.current += 1;
    };
  }, [list, pageSize, attempt, reportError]);

  /** Refetches the first page quietly and merges it in (no loading state, errors ignored). */
  const refresh = useCallback(() => {
    const current = generation.current;
    list({ limit: pageSize }).then(
      (page) => {
        if (current !== generation.current) return;
        setState((s) => {
          if (s.status === 'ready') return { ...s, items: mergeFirstPage(s.items, page.data) };
          if (s.status !== 'empty' || page.data.length === 0) return s;
          cursor.current = page.hasMore ? page.nextCursor : null;
          return {
            status: 'ready',
            items: [...page.data].sort(newestFirst),
            more: { status: cursor.current ? 'idle' : 'complete' },
          };
        });
      },
      () => undefined,
    );
  }, [list, pageSize]);

  useEffect(() => {
    const offTransfer = live.subscribe('transfer.updated', refresh);
    const offAccount = live.subscribe('financial_account.updated', refresh);
    return () => {
      offTransfer();
      offAccount();
    };
  }, [live, refresh]);

  const anyPending = state.status === 'ready' && state.items.some((i) => i.status === 'pending');
  useEffect(() => {
    if (!anyPending) return undefined;
    return live.onPoll(refresh);
  }, [anyPending, live, refresh]);

  const loadMore = useCallback(() => {
    const next = cursor.current;
    if (loadingMore.current || !next) return;
    loadingMore.current = true;
    const current = generation.current;
    setState((s) => (s.status === 'ready' ? { ...s, more: { status: 'loading' } } : s));
    list({ cursor: next, limit: pageSize }).then(
      (page) => {
        if (current !== generation.current) return;
        loadingMore.current = false;
        cursor.current = page.hasMore ? page.nextCursor : null;
        setState((s) =>
          s.status === 'ready'
            ? {
                status: 'ready',
                items: mergeFirstPage(s.items, page.data),
                more: { status: cursor.current ? 'idle' : 'complete' },
              }
            : s,
        );
      },
      (reason: unknown) => {
        if (current !== generation.current) return;
        loadingMore.current = false;
        const error = toPurseError(reason);
        reportError.current(error, 'WalletActivity');
        setState((s) => (s.status === 'ready' ? { ...s, more: { status: 'error', error } } : s));
      },
    );
  }, [list, pageSize, reportError]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, loadMore, retry };
}
