/**
 * `useLinkedAccounts`: the caller's linked bank accounts, kept current: a thin bridge to the
 * provider's `LinkedAccountsStore` (@purse/core). Every view of the list shares one request and
 * one copy; accounts pushed through `account.updated` replace or join it.
 */
import { LinkedAccountsStore, type LinkedAccountsState } from '@purse/core';
import { useSyncExternalStore } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { useReportError } from '../utils/use-report-error.js';

export type { LinkedAccountsState } from '@purse/core';

export interface UseLinkedAccountsResult {
  state: LinkedAccountsState;
  /** Loads the list again from the server. */
  reload: () => void;
  /** The list of accounts: a list role that survives `list-style: none`, busy while loading. */
  getListProps: () => { role: 'list'; 'aria-busy': true | undefined };
}

export function useLinkedAccounts(): UseLinkedAccountsResult {
  const ctx = usePurseContext('useLinkedAccounts');
  const store = ctx.runtime.store(LinkedAccountsStore);
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useReportError(ctx, state.status === 'error' ? state.error : null, 'useLinkedAccounts');
  return {
    state,
    reload: store.reload,
    getListProps: () => ({ role: 'list', 'aria-busy': state.status === 'loading' || undefined }),
  };
}
