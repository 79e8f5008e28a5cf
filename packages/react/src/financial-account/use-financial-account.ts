/**
 * `useFinancialAccount`: the user's Treasury FinancialAccount (balance, nickname, ABA details),
 * kept current through `financial_account.updated`, with a validated rename.
 */
import { type PurseError, type FinancialAccountView, toPurseError } from '@purse/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePurseContext } from '../provider/purse-context.js';

/** The longest nickname the server accepts (it must be under 250 characters). */
export const MAX_NICKNAME_LENGTH = 249;

export type NicknameProblem = 'empty' | 'too_long';

/** Why `nickname` cannot be saved (after trimming, as the server does), or null. */
export function validateNickname(nickname: string): NicknameProblem | null {
  const trimmed = nickname.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > MAX_NICKNAME_LENGTH) return 'too_long';
  return null;
}

/** The account's US bank details (its ABA financial address). */
export type AccountDetails =
  | { status: 'active'; bankName: string; routingNumber: string; accountNumberLast4: string }
  /** `financial_addresses.aba` is still activating (Stripe says up to 30 minutes). */
  | { status: 'pending' }
  /** Restricted or never requested. */
  | { status: 'unavailable' };

export type FinancialAccountState =
  | { status: 'loading' }
  /** The user has no financial account yet (`financial_account_missing`). */
  | { status: 'missing' }
  | { status: 'error'; error: PurseError }
  | { status: 'ready'; account: FinancialAccountView; details: AccountDetails };

export type RenameState =
  | { status: 'idle' }
  | { status: 'saving'; nickname: string }
  /** Not sent: the nickname failed validation. `length` is its trimmed length. */
  | { status: 'invalid'; problem: NicknameProblem; length: number }
  /** The server refused it or could not be reached. */
  | { status: 'error'; error: PurseError }
  | { status: 'saved'; nickname: string };

export interface UseFinancialAccountResult {
  state: FinancialAccountState;
  /** Loads the account again (after an error). */
  reload: () => void;
  /**
   * Validates, then saves a new nickname (trimmed). Resolves with the updated account once saved
   * (at once when the nickname is unchanged), or null when it was invalid, refused, or a save was
   * already under way; `renameState` says why.
   */
  rename: (nickname: string) => Promise<FinancialAccountView | null>;
  renameState: RenameState;
  /** Back to `idle` (for example when the user cancels or edits the field). */
  resetRename: () => void;
}

const SOURCE = 'FinancialAccountCard';
const ABA = 'financial_addresses.aba';

export function accountDetails(account: FinancialAccountView): AccountDetails {
  const { address, features } = account;
  if (address) {
    return {
      status: 'active',
      bankName: address.bankName,
      routingNumber: address.routingNumber,
      accountNumberLast4: address.accountNumberLast4,
    };
  }
  if (features.restricted.includes(ABA)) return { status: 'unavailable' };
  if (features.pending.includes(ABA) || features.active.includes(ABA)) return { status: 'pending' };
  return { status: 'unavailable' };
}

type Loaded =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; error: PurseError }
  | { status: 'ready'; account: FinancialAccountView };

/**
 * The caller's financial account. While something shown can still change without an event
 * reaching us (details being set up, pending amounts) and the live stream is down, it refetches
 * on each poll.
 */
export function useFinancialAccount(): UseFinancialAccountResult {
  const { client, live, reportError } = usePurseContext('useFinancialAccount');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [renameState, setRenameState] = useState<RenameState>({ status: 'idle' });
  const saving = useRef(false);

  const needsFetch = loaded.status === 'loading';
  useEffect(() => {
    if (!needsFetch) return;
    let active = true;
    client.getFinancialAccount().then(
      (account) => {
        if (active) setLoaded({ status: 'ready', account });
      },
      (error: unknown) => {
        if (!active) return;
        const purseError = toPurseError(error);
        if (purseError.code === 'financial_account_missing') {
          setLoaded({ status: 'missing' });
          return;
        }
        reportError(purseError, SOURCE);
        setLoaded({ status: 'error', error: purseError });
      },
    );
    return () => {
      active = false;
    };
  }, [client, needsFetch, reportError]);

  useEffect(
    () =>
      live.subscribe('financial_account.updated', (event) => {
        setLoaded((previous) =>
          previous.status === 'ready' && previous.account.id !== event.data.id
            ? previous
            : { status: 'ready', account: event.data },
        );
      }),
    [live],
  );

  const account = loaded.status === 'ready' ? loaded.account : null;
  const mayChange =
    account !== null &&
    (accountDetails(account).status === 'pending' ||
      account.balance.inboundPending !== 0 ||
      account.balance.outboundPending !== 0);
  useEffect(() => {
    if (!mayChange) return;
    return live.onPoll(() => {
      client.getFinancialAccount().then(
        (fetched) => {
          setLoaded((previous) =>
            previous.status === 'ready' ? { status: 'ready', account: fetched } : previous,
          );
        },
        () => undefined,
      );
    });
  }, [mayChange, live, client]);

  const rename = useCallback(
    async (nickname: string): Promise<FinancialAccountView | null> => {
      const trimmed = nickname.trim();
      const problem = validateNickname(trimmed);
      if (problem) {
        setRenameState({ status: 'invalid', problem, length: trimmed.length });
        return null;
      }
      if (saving.current) return null;
      if (account && trimmed === account.nickname) {
        setRenameState({ status: 'saved', nickname: trimmed });
        return account;
      }
      saving.current = true;
      setRenameState({ status: 'saving', nickname: trimmed });
      try {
        const updated = await client.renameFinancialAccount(trimmed);
        setLoaded({ status: 'ready', account: updated });
        // Other cards showing this account update too.
        live.emit({ type: 'financial_account.updated', data: updated });
        setRenameState({ status: 'saved', nickname: updated.nickname ?? trimmed });
        return updated;
      } catch (error) {
        const purseError = toPurseError(error);
        reportError(purseError, SOURCE);
        setRenameState({ status: 'error', error: purseError });
        return null;
      } finally {
        saving.current = false;
      }
    },
    [client, live, reportError, account],
  );

  const reload = useCallback(() => {
    setLoaded({ status: 'loading' });
  }, []);
  const resetRename = useCallback(() => {
    setRenameState({ status: 'idle' });
  }, []);

  let state: FinancialAccountState;
  switch (loaded.status) {
    case 'loading':
    case 'missing':
      state = { status: loaded.status };
      break;
    case 'error':
      state = { status: 'error', error: loaded.error };
      break;
    case 'ready':
      state = { status: 'ready', account: loaded.account, details: accountDetails(loaded.account) };
      break;
    default:
      loaded satisfies never;
      throw new Error('unreachable');
  }
  return { state, reload, rename, renameState, resetRename };
}
