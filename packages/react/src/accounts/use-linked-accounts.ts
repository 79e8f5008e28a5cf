/**
 * `useLinkedAccounts`: the caller's linked bank accounts, kept current. Accounts pushed through
 * `account.updated` (a refresh finished, an account was just linked or went inactive) replace
 * or join the list, including ones that arrive while it is still loading.
 */
import { isPurseError, PurseError, type LinkedAccount } from '@purse/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePurseContext } from '../provider/purse-context.js';

export type LinkedAccountsState =
  /** `accounts` keeps what was shown before a `reload()` (empty on the first load). */
  | { status: 'loading'; accounts: LinkedAccount[] }
  | { status: 'ready'; accounts: LinkedAccount[] }
  /** `accounts` keeps what was shown before the failed load (usually empty). */
  | { status: 'error'; accounts: LinkedAccount[]; error: PurseError };

export type UseLinkedAccountsResult = LinkedAccountsState & {
  /** Loads the list again. */
  reload: () => void;
};

const SOURCE = 'useLinkedAccounts';

function upsert(accounts: LinkedAccount[], account: LinkedAccount): LinkedAccount[] {
  const index = accounts.findIndex((a) => a.id === account.id);
  if (index === -1) return [...accounts, account];
  return accounts.map((a, i) => (i === index ? account : a));
}

export function useLinkedAccounts(): UseLinkedAccountsResult {
  const { client, live, reportError } = usePurseContext('useLinkedAccounts');
  const [state, setState] = useState<LinkedAccountsState>({ status: 'loading', accounts: [] });
  const [generation, setGeneration] = useState(0);
  // Accounts pushed since the current load started: the list response may predate them.
  const sinceLoad = useRef(new Map<string, LinkedAccount>());

  useEffect(
    () =>
      live.subscribe('account.updated', (event) => {
        sinceLoad.current.set(event.data.id, event.data);
        setState((previous) => ({ ...previous, accounts: upsert(previous.accounts, event.data) }));
      }),
    [live],
  );

  useEffect(() => {
    let active = true;
    sinceLoad.current = new Map();
    client.listAccounts().then(
      (list) => {
        if (!active) return;
        let accounts = list.data;
        for (const account of sinceLoad.current.values()) accounts = upsert(accounts, account);
        setState({ status: 'ready', accounts });
      },
      (error: unknown) => {
        if (!active) return;
        const purseError = isPurseError(error)
          ? error
          : new PurseError({
              code: 'internal_error',
              message: error instanceof Error ? error.message : String(error),
              cause: error,
            });
        reportError(purseError, SOURCE);
        setState((previous) => ({
          status: 'error',
          accounts: previous.accounts,
          error: purseError,
        }));
      },
    );
    return () => {
      active = false;
    };
  }, [client, reportError, generation]);

  const reload = useCallback(() => {
    setState((previous) => ({ status: 'loading', accounts: previous.accounts }));
    setGeneration((g) => g + 1);
  }, []);

  return { ...state, reload };
}
