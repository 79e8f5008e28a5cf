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
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type KeyboardEvent,
  type RefObject,
  type SyntheticEvent,
} from 'react';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';
import { useReportError } from '../utils/use-report-error.js';
import type { LiveRegionProps } from '../ui/live-region.js';

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

export interface UseFinancialAccountOptions {
  /** Called after the user renamed the account, with the server's updated account. */
  onRename?: ((account: FinancialAccountView) => void) | undefined;
}

/** Element ids a view gives its heading, the nickname field's hint and error, and its status. */
export interface FinancialAccountIds {
  heading: string;
  nickname: string;
  hint: string;
  error: string;
  status: string;
}

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
  /** Whether the rename form is open (`startRename()` opens it with the current nickname). */
  editing: boolean;
  /** Opens the rename form, its field filled with the nickname and focused. */
  startRename: () => void;
  /** Closes the rename form without saving; focus goes back to the rename button. */
  cancelRename: () => void;
  ids: FinancialAccountIds;
  /** The "Rename" button (focus returns to it when the form closes). */
  getRenameButtonProps: () => {
    type: 'button';
    ref: RefObject<HTMLButtonElement | null>;
    onClick: () => void;
  };
  /** The rename form: submitting saves the field's nickname, or focuses the field on a problem. */
  getRenameFormProps: () => {
    noValidate: true;
    onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void;
  };
  /** The nickname field: its hint and error described, `maxLength` from the core rule, Escape cancels. */
  getNicknameInputProps: () => {
    id: string;
    name: 'nickname';
    type: 'text';
    autoComplete: 'off';
    maxLength: number;
    value: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string;
    ref: RefObject<HTMLInputElement | null>;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  };
  /** "Save": inert (but focusable) while saving. */
  getSaveButtonProps: () => { type: 'submit'; 'aria-disabled': true | undefined };
  /** "Cancel". */
  getCancelButtonProps: () => { type: 'button'; onClick: () => void };
  /** The polite live region that says the account was renamed (`renameState` is `saved`). */
  getLiveRegionProps: () => LiveRegionProps;
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
export function useFinancialAccount(
  options: UseFinancialAccountOptions = {},
): UseFinancialAccountResult {
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
  const editor = useRenameEditor({ account, rename, renameState, resetRename, options });
  return { state, reload, rename, renameState, resetRename, ...editor };
}

type RenameEditor = Pick<
  UseFinancialAccountResult,
  | 'editing'
  | 'startRename'
  | 'cancelRename'
  | 'ids'
  | 'getRenameButtonProps'
  | 'getRenameFormProps'
  | 'getNicknameInputProps'
  | 'getSaveButtonProps'
  | 'getCancelButtonProps'
  | 'getLiveRegionProps'
>;

/** The rename form's draft, focus and element props, over `rename()`. */
function useRenameEditor(inputs: {
  account: FinancialAccountView | null;
  rename: UseFinancialAccountResult['rename'];
  renameState: RenameState;
  resetRename: () => void;
  options: UseFinancialAccountOptions;
}): RenameEditor {
  const { account, rename, renameState, resetRename } = inputs;
  const onRename = useLatest(inputs.options.onRename);
  // null while the form is closed.
  const [draft, setDraft] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusButton = useRef(false);
  const editing = draft !== null;
  const id = useId();
  const ids: FinancialAccountIds = {
    heading: `${id}h`,
    nickname: `${id}n`,
    hint: `${id}i`,
    error: `${id}e`,
    status: `${id}s`,
  };

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (focusButton.current) {
      focusButton.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  const close = (): void => {
    focusButton.current = true;
    setDraft(null);
  };
  const startRename = (): void => {
    resetRename();
    setDraft(account?.nickname ?? '');
  };
  const cancelRename = (): void => {
    resetRename();
    close();
  };
  const invalid = renameState.status === 'invalid' || renameState.status === 'error';
  const saving = renameState.status === 'saving';

  return {
    editing,
    startRename,
    cancelRename,
    ids,
    getRenameButtonProps: () => ({ type: 'button', ref: buttonRef, onClick: startRename }),
    getRenameFormProps: () => ({
      noValidate: true,
      onSubmit: (event) => {
        event.preventDefault();
        if (saving || draft === null) return;
        void rename(draft).then((updated) => {
          if (!updated) {
            inputRef.current?.focus();
            return;
          }
          close();
          onRename.current?.(updated);
        });
      },
    }),
    getNicknameInputProps: () => ({
      id: ids.nickname,
      name: 'nickname',
      type: 'text',
      autoComplete: 'off',
      maxLength: MAX_NICKNAME_LENGTH,
      value: draft ?? '',
      'aria-invalid': invalid || undefined,
      'aria-describedby': invalid ? `${ids.error} ${ids.hint}` : ids.hint,
      ref: inputRef,
      onChange: (event) => {
        setDraft(event.target.value);
        if (invalid) resetRename();
      },
      onKeyDown: (event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        cancelRename();
      },
    }),
    getSaveButtonProps: () => ({ type: 'submit', 'aria-disabled': saving || undefined }),
    getCancelButtonProps: () => ({ type: 'button', onClick: cancelRename }),
    getLiveRegionProps: () => ({
      id: ids.status,
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': true,
    }),
  };
}
