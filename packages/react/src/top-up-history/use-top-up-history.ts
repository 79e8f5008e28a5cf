import {
  isTerminal,
  mergeTransferUpdate,
  type PurseError,
  type TopUp,
  type TopUpStatus,
  toPurseError,
} from '@purse/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';

/** The server's page size for top-ups. */
export const DEFAULT_TOP_UP_PAGE_SIZE = 20;

export interface UseTopUpHistoryOptions {
  /** Only top-ups with this status. @default all */
  status?: TopUpStatus | undefined;
  /**
   * Top-ups per page (1–100).
   * @default 20
   */
  pageSize?: number | undefined;
}

/** Whether there are older top-ups to load, and how that is going. */
export type TopUpHistoryMore =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: PurseError }
  | { status: 'complete' };

export type TopUpHistoryState =
  | { status: 'loading' }
  | { status: 'empty' }
  | {
      status: 'ready';
      /** Newest first. */
      topUps: TopUp[];
      more: TopUpHistoryMore;
    }
  | { status: 'error'; error: PurseError };

export interface UseTopUpHistoryResult {
  state: TopUpHistoryState;
  /** Loads the next (older) page; does nothing while one is loading or when there is none. */
  loadMore: () => void;
  /** Loads the first page again (after an error). */
  retry: () => void;
}

function newestFirst(a: TopUp, b: TopUp): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** `incoming` merged into `list` (an update never moves a top-up backwards), newest first. */
function upsert(
  list: readonly TopUp[],
  incoming: TopUp,
  filter: TopUpStatus | undefined,
  olderPagesPending: boolean,
): readonly TopUp[] {
  const at = list.findIndex((t) => t.id === incoming.id);
  if (at !== -1) {
    const existing = list[at];
    const merged = mergeTransferUpdate(existing, incoming);
    if (merged === existing) return list;
    const next = list.filter((t) => t.id !== incoming.id);
    if (filter && merged.status !== filter) return next;
    return [...next, merged].sort(newestFirst);
  }
  if (filter && incoming.status !== filter) return list;
  // Older than everything shown while older pages are still to come: that page will bring it.
  const oldest = list.at(-1);
  if (olderPagesPending && oldest && newestFirst(oldest, incoming) < 0) return list;
  return [...list, incoming].sort(newestFirst);
}

/**
 * The person's top-ups, newest first, a page at a time, kept current by live `transfer.updated`
 * events (and by refetching the first page while any shown top-up can still change and the live
 * connection has fallen back to polling).
 */
export function useTopUpHistory(options: UseTopUpHistoryOptions = {}): UseTopUpHistoryResult {
  const ctx = usePurseContext('useTopUpHistory');
  const { client, live } = ctx;
  const { status } = options;
  const pageSize = options.pageSize ?? DEFAULT_TOP_UP_PAGE_SIZE;
  const reportError = useLatest(ctx.reportError);

  const [state, setState] = useState<TopUpHistoryState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const cursor = useRef<string | null>(null);
  const loadingMore = useRef(false);
  // Answers to an older query (another filter, an unmounted StrictMode pass) are dropped.
  const generation = useRef(0);

  useEffect(() => {
    const current = ++generation.current;
    cursor.current = null;
    loadingMore.current = false;
    setState({ status: 'loading' });
    client.listTopUps({ ...(status ? { status } : {}), limit: pageSize }).then(
      (page) => {
        if (current !== generation.current) return;
        cursor.current = page.hasMore ? page.nextCursor : null;
        const topUps = [...page.data].sort(newestFirst);
        setState(
          topUps.length === 0
            ? { status: 'empty' }
            : {
                status: 'ready',
                topUps,
                more: { status: cursor.current ? 'idle' : 'complete' },
              },
        );
      },
      (reason: unknown) => {
        if (current !== generation.current) return;
        const error = toPurseError(reason);
        reportError.current(error, 'TopUpHistory');
        setState({ status: 'error', error });
      },
    );
    return () => {
      generation.current += 1;
    };
  }, [client, status, pageSize, attempt, reportError]);

  const loadMore = useCallback(() => {
    const next = cursor.current;
    if (loadingMore.current || !next) return;
    loadingMore.current = true;
    const current = generation.current;
    setState((s) => (s.status === 'ready' ? { ...s, more: { status: 'loading' } } : s));
    client.listTopUps({ ...(status ? { status } : {}), cursor: next, limit: pageSize }).then(
      (page) => {
        if (current !== generation.current) return;
        loadingMore.current = false;
        cursor.current = page.hasMore ? page.nextCursor : null;
        setState((s) => {
          if (s.status !== 'ready') return s;
          let topUps: readonly TopUp[] = s.topUps;
          for (const topUp of page.data) topUps = upsert(topUps, topUp, status, false);
          return {
            status: 'ready',
            topUps: [...topUps],
            more: { status: cursor.current ? 'idle' : 'complete' },
          };
        });
      },
      (reason: unknown) => {
        if (current !== generation.current) return;
        loadingMore.current = false;
        const error = toPurseError(reason);
        reportError.current(error, 'TopUpHistory');
        setState((s) => (s.status === 'ready' ? { ...s, more: { status: 'error', error } } : s));
      },
    );
  }, [client, status, pageSize, reportError]);

  const receive = useCallback(
    (incoming: readonly TopUp[]) => {
      setState((s) => {
        if (s.status === 'loading' || s.status === 'error') return s;
        const before = s.status === 'ready' ? s.topUps : [];
        let topUps: readonly TopUp[] = before;
        for (const topUp of incoming)
          topUps = upsert(topUps, topUp, status, cursor.current !== null);
        if (topUps === before) return s;
        if (topUps.length === 0) return { status: 'empty' };
        return {
          status: 'ready',
          topUps: [...topUps],
          more: s.status === 'ready' ? s.more : { status: 'complete' },
        };
      });
    },
    [status],
  );

  useEffect(
    () =>
      live.subscribe('transfer.updated', (event) => {
        receive([event.data]);
      }),
    [live, receive],
  );

  const changing = state.status === 'ready' && state.topUps.some((t) => !isTerminal(t));
  useEffect(() => {
    if (!changing) return;
    return live.onPoll(() => {
      const current = generation.current;
      client.listTopUps({ ...(status ? { status } : {}), limit: pageSize }).then(
        (page) => {
          if (current === generation.current) receive(page.data);
        },
        // A failed background refresh keeps what is shown; the next poll tries again.
        () => undefined,
      );
    });
  }, [changing, live, client, status, pageSize, receive]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, loadMore, retry };
}
