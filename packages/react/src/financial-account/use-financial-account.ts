/**
 * `useFinancialAccount`: the user's Treasury FinancialAccount (balance, nickname, ABA details),
 * kept current through `financial_account.updated`, with a validated rename.
 */
import {
  FinancialAccountStore,
  MAX_NICKNAME_LENGTH,
  nicknameProblem,
  type FinancialAccountView,
  type NicknameProblem,
  type PurseError,
} from '@purse/core';
import { useCallback, useRef, useState, useSyncExternalStore } from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { useReportError } from '../utils/use-report-error.js';

export { MAX_NICKNAME_LENGTH };
export type { NicknameProblem };

/** Why `nickname` cannot be saved (after trimming, as the server does), or null. */
export const validateNickname: (nickname: string) => NicknameProblem | null = nicknameProblem;

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

/**
 * The caller's financial account: a bridge to the provider's `FinancialAccountStore`
 * (@purse/core), which shares one request among every view, applies
 * `financial_account.updated` and polls while something shown can still change.
 */
export function useFinancialAccount(): UseFinancialAccountResult {
  const ctx = usePurseContext('useFinancialAccount');
  const { reportError } = ctx;
  const store = ctx.runtime.store(FinancialAccountStore);
  const loaded = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  useReportError(ctx, loaded.status === 'error' ? loaded.error : null, SOURCE);
  const [renameState, setRenameState] = useState<RenameState>({ status: 'idle' });
  const saving = useRef(false);
  const account = loaded.status === 'ready' ? loaded.account : null;

  const rename = useCallback(
    async (nickname: string): Promise<FinancialAccountView | null> => {
      const trimmed = nickname.trim();
      const problem = nicknameProblem(trimmed);
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
      const result = await store.rename(trimmed);
      saving.current = false;
      switch (result.status) {
        case 'saved':
          setRenameState({ status: 'saved', nickname: result.account.nickname ?? trimmed });
          return result.account;
        case 'invalid':
          setRenameState(result);
          return null;
        case 'error':
          reportError(result.error, SOURCE);
          setRenameState({ status: 'error', error: result.error });
          return null;
        default:
          result satisfies never;
          return null;
      }
    },
    [store, reportError, account],
  );

  const reload = store.reload;
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
