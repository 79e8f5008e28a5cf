/**
 * `useWalletActivity`: the wallet's Treasury transactions (top-ups, returns, money received or
 * taken), newest first, a page at a time: a bridge to a `HistoryStore` (@purse/core), which
 * refetches the first page on a live `transfer.updated` or `financial_account.updated` and, while
 * an entry is pending and the stream is down, on every poll.
 */
import {
  DEFAULT_HISTORY_PAGE_SIZE,
  walletActivityStore,
  type HistoryMore,
  type HistoryState,
  type WalletActivityItem,
} from '@purse/core';
import { useMemo } from 'react';
import { useHistoryList, type HistoryListResult } from '../history-list/use-history-list.js';
import { usePurseContext } from '../provider/purse-context.js';

/** The server's page size for wallet activity. */
export const DEFAULT_WALLET_ACTIVITY_PAGE_SIZE = DEFAULT_HISTORY_PAGE_SIZE;

export interface UseWalletActivityOptions {
  /**
   * Entries per page (1–100).
   * @default 20
   */
  pageSize?: number | undefined;
}

/** Whether there are older entries to load, and how that is going. */
export type WalletActivityMore = HistoryMore;

/** `loading | empty | ready | error`; `ready` holds `items` (newest first) and `more`. */
export type WalletActivityState = HistoryState<WalletActivityItem>;

export type UseWalletActivityResult = HistoryListResult<WalletActivityItem>;

export function useWalletActivity(options: UseWalletActivityOptions = {}): UseWalletActivityResult {
  const ctx = usePurseContext('useWalletActivity');
  const { runtime } = ctx;
  const { pageSize } = options;
  const store = useMemo(() => walletActivityStore(runtime, { pageSize }), [runtime, pageSize]);
  return useHistoryList(ctx, store, 'WalletActivity');
}
