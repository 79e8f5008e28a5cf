/**
 * `useBalance`: one linked account's balance and its refresh lifecycle, headless. The refresh
 * sub-state follows Financial Connections' rules: a refresh is asynchronous (`pending` until the
 * bank answers), cannot start again before `nextRefreshAvailableAt` (a cooldown the server also
 * enforces with a 429 `refresh_not_available` and `retryAt`), and never starts on an inactive
 * or disconnected account or one that did not grant the `balances` permission.
 */
import { QUERY_KEYS, type PurseError, type LinkedAccount, toPurseError } from '@purse/core';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';
import { useNow } from '../utils/use-now.js';
import { useReportError } from '../utils/use-report-error.js';
import type { LiveRegionProps } from '../ui/live-region.js';

export interface UseBalanceOptions {
  /** The linked account (`fca_…`). */
  accountId: string;
  /**
   * The account, when you already have it (from `useLinkedAccounts`): used as the first state
   * instead of fetching it. Later changes arrive through live updates.
   */
  initialAccount?: LinkedAccount | undefined;
}

/** Why there is no balance to show. */
export type NoBalanceReason =
  /** No refresh has succeeded yet (none started, or one is pending or failed). */
  | 'not_yet'
  /** The last refresh succeeded but the bank gave no balance. */
  | 'not_shared'
  /** The account did not grant the `balances` permission. */
  | 'no_permission'
  /** The account was disconnected; Stripe drops its balance. */
  | 'disconnected';

/** Amounts are integer minor units, unformatted. */
export type BalanceFigures =
  | {
      type: 'cash';
      currency: string;
      /** What is in the account. */
      current: number;
      /** What can be spent; null when the bank gives only `current`. */
      available: number | null;
      /** When the bank computed it (unix seconds). */
      asOf: number;
    }
  | {
      type: 'credit';
      currency: string;
      /** As Stripe reports it: negative when the holder owes money. */
      current: number;
      used: number | null;
      /** `current` as an amount owed (positive when the holder owes money). */
      owed: number;
      /** `used` as an amount owed; null when the bank gives no `used`. */
      owedUsed: number | null;
      asOf: number;
    }
  | { type: 'none'; reason: NoBalanceReason };

export type RefreshUnavailableReason = 'inactive' | 'disconnected' | 'permission_missing';

export type BalanceRefreshState =
  /** A refresh can start now. */
  | { status: 'idle' }
  /** A refresh was asked for or is running at the bank. */
  | { status: 'pending' }
  /** The last refresh succeeded; the next may start at `retryAt` (unix seconds). */
  | { status: 'cooldown'; retryAt: number; secondsLeft: number }
  /**
   * The bank did not deliver the last refresh. It can be retried when `secondsLeft` is 0
   * (`retryAt` is null then).
   */
  | { status: 'failed'; retryAt: number | null; secondsLeft: number }
  /** Refreshing is not possible for this account; the reason says what the user can do. */
  | { status: 'unavailable'; reason: RefreshUnavailableReason }
  /** We could not ask the server to refresh (network, server error). */
  | { status: 'error'; error: PurseError };

export type BalanceState =
  | { status: 'loading' }
  /** The account could not be loaded. */
  | { status: 'error'; error: PurseError }
  | {
      status: 'ready';
      account: LinkedAccount;
      balance: BalanceFigures;
      refresh: BalanceRefreshState;
      /** Whether `refresh()` would start a refresh now. */
      canRefresh: boolean;
      /** The server's "now" (unix seconds) the state was computed at, for relative times. */
      now: number;
    };

/** How the last refresh this view watched ended, for its status region; null until one ends. */
export type RefreshOutcome = 'updated' | 'failed' | null;

/** Element ids a view gives its heading, its refresh notice and its status region. */
export interface BalanceIds {
  heading: string;
  notice: string;
  status: string;
}

export interface UseBalanceResult {
  state: BalanceState;
  /** Starts a balance refresh. Does nothing unless `state.canRefresh`. */
  refresh: () => void;
  /** Loads the account again (after an error). */
  reload: () => void;
  ids: BalanceIds;
  /** Set when a refresh this view watched ends; say it in the status region. */
  outcome: RefreshOutcome;
  /**
   * The refresh button: `aria-disabled` rather than `disabled` (it keeps focus while it waits),
   * busy while a refresh runs, described by the notice (`ids.notice`) after a failure.
   */
  getRefreshButtonProps: () => {
    type: 'button';
    'aria-disabled': true | undefined;
    'aria-busy': true | undefined;
    'aria-describedby': string | undefined;
    onClick: () => void;
  };
  /** The polite live region that says how a refresh ended (see `outcome`). */
  getLiveRegionProps: () => LiveRegionProps;
}

const SOURCE = 'BalanceCard';
/** How often "as of 2 minutes ago" is recomputed when no countdown is running, in ms. */
const RELATIVE_TICK_MS = 30_000;

interface Local {
  forId: string;
  /** The refresh request is in flight. */
  requesting: boolean;
  /** From a 429 `refresh_not_available`. */
  cooldownUntil: number | null;
  /** From a refusal (inactive, disconnected, permission) until the account says otherwise. */
  blocked: RefreshUnavailableReason | null;
  error: PurseError | null;
}

/** The server's refusals of a refresh, and what each says about the account. */
const REFUSALS: Partial<Record<string, RefreshUnavailableReason>> = {
  account_inactive: 'inactive',
  account_disconnected: 'disconnected',
  permission_missing: 'permission_missing',
};

function freshLocal(forId: string): Local {
  return { forId, requesting: false, cooldownUntil: null, blocked: null, error: null };
}

/** The balance as figures, or why there is none. */
export function balanceFigures(account: LinkedAccount): BalanceFigures {
  const { balance } = account;
  if (balance?.type === 'cash') return { ...balance };
  if (balance?.type === 'credit') {
    return {
      ...balance,
      // `+ 0` keeps a zero balance from showing as "-$0.00".
      owed: -balance.current + 0,
      owedUsed: balance.used === null ? null : -balance.used + 0,
    };
  }
  if (account.status === 'disconnected') return { type: 'none', reason: 'disconnected' };
  if (!account.permissions.includes('balances')) return { type: 'none', reason: 'no_permission' };
  if (account.balanceRefresh?.status === 'succeeded') return { type: 'none', reason: 'not_shared' };
  return { type: 'none', reason: 'not_yet' };
}

function unavailableReason(account: LinkedAccount, local: Local): RefreshUnavailableReason | null {
  // The server's latest refusal first: it knows more than the account we last read.
  if (local.blocked) return local.blocked;
  if (account.status !== 'active') return account.status;
  return account.permissions.includes('balances') ? null : 'permission_missing';
}

/** When the next refresh may start, or null if nothing says it must wait. */
function retryTarget(account: LinkedAccount, local: Local): number | null {
  const target = Math.max(
    account.balanceRefresh?.nextRefreshAvailableAt ?? 0,
    local.cooldownUntil ?? 0,
  );
  return target > 0 ? target : null;
}

function refreshState(account: LinkedAccount, local: Local, now: number): BalanceRefreshState {
  const reason = unavailableReason(account, local);
  if (reason) return { status: 'unavailable', reason };
  if (local.requesting || account.balanceRefresh?.status === 'pending')
    return { status: 'pending' };
  if (local.error) return { status: 'error', error: local.error };
  const target = retryTarget(account, local);
  const secondsLeft = target === null ? 0 : Math.max(0, target - now);
  if (account.balanceRefresh?.status === 'failed') {
    return { status: 'failed', retryAt: secondsLeft > 0 ? target : null, secondsLeft };
  }
  if (target !== null && secondsLeft > 0)
    return { status: 'cooldown', retryAt: target, secondsLeft };
  return { status: 'idle' };
}

/**
 * A linked account's balance, kept current: live `account.updated` events replace it, and while
 * a refresh is pending and the live stream is unavailable it is refetched on each poll.
 * Countdowns tick on the server's clock (`useNow`).
 */
export function useBalance(options: UseBalanceOptions): UseBalanceResult {
  const { accountId, initialAccount } = options;
  const ctx = usePurseContext('useBalance');
  const { client, live, runtime, reportError } = ctx;

  // The account from the provider's cache: the account list fills it, and one request serves
  // every view of an account that is not there yet.
  const key = QUERY_KEYS.account(accountId);
  const subscribe = useCallback(
    (listener: () => void) => runtime.cache.subscribe(key, listener),
    [runtime, key],
  );
  const read = useCallback(() => runtime.cache.get<LinkedAccount>(key), [runtime, key]);
  const entry = useSyncExternalStore(subscribe, read, read);
  const initial = initialAccount?.id === accountId ? initialAccount : null;
  const account = entry.status === 'ready' ? entry.data : entry.status === 'error' ? null : initial;
  const error = entry.status === 'error' ? entry.error : null;
  useReportError(ctx, error, SOURCE);

  const [localState, setLocal] = useState<Local>(() => freshLocal(accountId));
  const local = localState.forId === accountId ? localState : freshLocal(accountId);

  // Without `initialAccount`, load it (at once from the cache when the list has it).
  useEffect(() => {
    if (!initial) runtime.readAccount(accountId).catch(() => undefined);
  }, [runtime, accountId, initial]);

  // Live updates for this account; a new account clears what a refusal said about the old one.
  useEffect(
    () =>
      live.subscribe('account.updated', (event) => {
        if (event.data.id !== accountId) return;
        runtime.receiveAccount(event.data);
        setLocal((previous) =>
          previous.forId === accountId ? { ...previous, blocked: null, error: null } : previous,
        );
      }),
    [live, runtime, accountId],
  );

  /** Reads the account again; the card keeps what it shows, and failures wait for the next try. */
  const refetchQuietly = useCallback(() => {
    runtime.readAccount(accountId, { force: true }).catch(() => undefined);
  }, [runtime, accountId]);

  // While the bank works on a refresh and the stream is down, poll for the outcome.
  const serverPending = account?.balanceRefresh?.status === 'pending';
  useEffect(() => {
    if (!serverPending) return;
    return live.onPoll(refetchQuietly, { key: QUERY_KEYS.account(accountId) });
  }, [serverPending, live, refetchQuietly, accountId]);

  // Tick every second while a countdown runs, otherwise only for "as of …" texts.
  const target = account ? retryTarget(account, local) : null;
  const countingDown = target !== null && target > client.now();
  const now = useNow(client, account !== null, countingDown ? 1000 : RELATIVE_TICK_MS);

  let state: BalanceState;
  if (account) {
    const refresh = refreshState(account, local, now);
    state = {
      status: 'ready',
      account,
      balance: balanceFigures(account),
      refresh,
      canRefresh:
        refresh.status === 'idle' ||
        refresh.status === 'error' ||
        (refresh.status === 'failed' && refresh.secondsLeft === 0),
      now,
    };
  } else state = error ? { status: 'error', error } : { status: 'loading' };

  const canRefresh = useLatest(state.status === 'ready' && state.canRefresh);
  const requesting = useRef(false);
  const refresh = useCallback(() => {
    if (requesting.current || !canRefresh.current) return;
    requesting.current = true;
    setLocal((previous) => ({
      ...(previous.forId === accountId ? previous : freshLocal(accountId)),
      requesting: true,
      error: null,
    }));
    const settle = (change: Partial<Local>): void => {
      requesting.current = false;
      setLocal((previous) =>
        previous.forId === accountId ? { ...previous, ...change, requesting: false } : previous,
      );
    };
    client.refreshBalance(accountId).then(
      (refreshed) => {
        settle({});
        runtime.receiveAccount(refreshed);
      },
      (error: unknown) => {
        const purseError = toPurseError(error);
        const blocked = REFUSALS[purseError.code];
        if (blocked || purseError.code === 'refresh_not_available') {
          // A refusal, a cooldown (with `retryAt`) or a refresh already running: the account,
          // read again, will say.
          settle(blocked ? { blocked } : { cooldownUntil: purseError.retryAt ?? null });
          refetchQuietly();
          return;
        }
        reportError(purseError, SOURCE);
        settle({ error: purseError });
      },
    );
  }, [client, runtime, accountId, canRefresh, refetchQuietly, reportError]);

  const reload = refetchQuietly;

  const id = useId();
  const ids: BalanceIds = { heading: `${id}h`, notice: `${id}n`, status: `${id}s` };
  const refreshStatus = state.status === 'ready' ? state.refresh.status : null;
  const outcome = useRefreshOutcome(refreshStatus);
  return {
    state,
    refresh,
    reload,
    ids,
    outcome,
    getRefreshButtonProps: () => ({
      type: 'button',
      'aria-disabled': !(state.status === 'ready' && state.canRefresh) || undefined,
      'aria-busy': refreshStatus === 'pending' || undefined,
      'aria-describedby':
        refreshStatus === 'failed' || refreshStatus === 'error' ? ids.notice : undefined,
      onClick: refresh,
    }),
    getLiveRegionProps: () => ({
      id: ids.status,
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': true,
    }),
  };
}

/** How a refresh ended, once it leaves `pending` (the button already says it is running). */
function useRefreshOutcome(status: BalanceRefreshState['status'] | null): RefreshOutcome {
  const [outcome, setOutcome] = useState<RefreshOutcome>(null);
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (was !== 'pending' || status === 'pending') return;
    if (status === 'failed') setOutcome('failed');
    else if (status === 'idle' || status === 'cooldown') setOutcome('updated');
  }, [status]);
  return outcome;
}
