import type { FinancialAccountView, PurseLocale } from '@purse/core';
import type { ReactNode, Ref } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { cx } from '../utils/cx.js';
import { AccountFigures } from './account-figures.js';
import type { FinancialAccountCardMessages } from './messages.js';
import { RenameForm } from './rename-form.js';
import type { FinancialAccountState, UseFinancialAccountResult } from './use-financial-account.js';

export interface FinancialAccountReadyProps {
  state: Extract<FinancialAccountState, { status: 'ready' }>;
  financial: UseFinancialAccountResult;
  Heading: 'h2' | 'h3';
  headingRef: Ref<HTMLHeadingElement>;
  /** The host's name for the wallet; the card then offers no rename. */
  name: string | undefined;
  onAddMoney: ((account: FinancialAccountView) => void) | undefined;
  locale: PurseLocale;
  messages: FinancialAccountCardMessages;
  common: CommonMessages;
}

/** The loaded card's content: its name (or the rename form), balance, details, "Add money". */
export function FinancialAccountReady(props: FinancialAccountReadyProps): ReactNode {
  const { state, financial, Heading, headingRef, name, onAddMoney, locale, messages, common } =
    props;
  const { account, details } = state;
  const { editing, ids } = financial;
  return (
    <>
      <div data-slot="header">
        <Heading
          id={ids.heading}
          ref={headingRef}
          tabIndex={-1}
          className={cx('purse-Heading', editing && 'purse-VisuallyHidden')}
        >
          {name ?? account.nickname ?? messages.defaultName}
        </Heading>
        {account.status === 'closed' ? (
          <span className="purse-Badge" data-slot="status">
            {messages.closed}
          </span>
        ) : null}
        {!editing && name === undefined && account.status === 'open' ? (
          <button
            {...financial.getRenameButtonProps()}
            className="purse-Button"
            data-variant="secondary"
            data-size="small"
            data-slot="rename"
          >
            {messages.rename}
          </button>
        ) : null}
      </div>
      {editing ? <RenameForm account={financial} messages={messages} common={common} /> : null}
      <AccountFigures
        account={account}
        details={details}
        locale={locale}
        messages={messages}
        action={
          // The wallet's main action: a full-size button.
          onAddMoney && account.status === 'open' ? (
            <button
              type="button"
              className="purse-Button"
              data-slot="add-money"
              onClick={() => onAddMoney(account)}
            >
              {messages.addMoney}
            </button>
          ) : null
        }
      />
    </>
  );
}
