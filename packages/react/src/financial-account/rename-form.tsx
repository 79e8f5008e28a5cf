import { MAX_NICKNAME_LENGTH } from '@purse/core';
import type { ReactNode } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { describeError } from '../i18n/use-messages.js';
import type { FinancialAccountCardMessages } from './messages.js';
import type { RenameState, UseFinancialAccountResult } from './use-financial-account.js';

/** What is wrong with the nickname the user tried, or null. */
function renameError(
  rename: RenameState,
  messages: FinancialAccountCardMessages,
  common: CommonMessages,
): string | null {
  if (rename.status === 'invalid')
    return rename.problem === 'empty'
      ? messages.nicknameEmpty
      : messages.nicknameTooLong(rename.length, MAX_NICKNAME_LENGTH);
  if (rename.status === 'error')
    return rename.error.code === 'parameter_invalid'
      ? messages.nicknameRejected
      : describeError(rename.error, common);
  return null;
}

export interface RenameFormProps {
  account: UseFinancialAccountResult;
  messages: FinancialAccountCardMessages;
  common: CommonMessages;
}

/** The inline rename: the nickname field with its hint and error, Save and Cancel. */
export function RenameForm({ account, messages, common }: RenameFormProps): ReactNode {
  const fieldError = renameError(account.renameState, messages, common);
  const saving = account.renameState.status === 'saving';
  return (
    <form {...account.getRenameFormProps()} data-slot="rename-form">
      <div className="purse-Field">
        <label htmlFor={account.ids.nickname}>{messages.nicknameLabel}</label>
        <input {...account.getNicknameInputProps()} />
        {fieldError ? (
          <p id={account.ids.error} data-slot="error" role="alert">
            {fieldError}
          </p>
        ) : null}
        <p id={account.ids.hint} data-slot="hint">
          {messages.nicknameHint(MAX_NICKNAME_LENGTH)}
        </p>
      </div>
      <div data-slot="actions">
        <button {...account.getSaveButtonProps()} className="purse-Button" data-size="small">
          {saving ? <span className="purse-Spinner" aria-hidden="true" /> : null}
          {saving ? messages.saving : messages.save}
        </button>
        <button
          {...account.getCancelButtonProps()}
          className="purse-Button"
          data-variant="secondary"
          data-size="small"
        >
          {common.cancel}
        </button>
      </div>
    </form>
  );
}
