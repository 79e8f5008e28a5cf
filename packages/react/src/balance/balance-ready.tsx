import type { LinkedAccount, PurseLocale } from '@purse/core';
import type { ReactNode, Ref } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { accountTitle } from '../accounts/account-name.js';
import { AsOf, Figures } from './balance-figures.js';
import type { BalanceCardMessages } from './messages.js';
import { RefreshControls } from './refresh-controls.js';
import type { BalanceState, UseBalanceResult } from './use-balance.js';

export interface BalanceReadyProps {
  state: Extract<BalanceState, { status: 'ready' }>;
  balance: UseBalanceResult;
  Heading: 'h2' | 'h3';
  headingRef: Ref<HTMLHeadingElement>;
  locale: PurseLocale;
  messages: BalanceCardMessages;
  common: CommonMessages;
  onReconnect: ((account: LinkedAccount) => void) | undefined;
}

/** The loaded card's content: the account, its figures, their freshness and the refresh. */
export function BalanceReady(props: BalanceReadyProps): ReactNode {
  const { state, balance, Heading, headingRef, locale, messages, common, onReconnect } = props;
  const { account, now } = state;
  // The bank (when the account has its own name) and the kind of account, as secondary text.
  const subtitle = [
    account.displayName && account.institution,
    messages.subcategory[account.subcategory],
  ]
    .filter(Boolean)
    .join(' · ');
  const badge =
    account.status === 'inactive'
      ? { tone: 'warning', text: messages.badgeInactive }
      : account.status === 'disconnected'
        ? { tone: undefined, text: messages.badgeDisconnected }
        : null;
  return (
    <>
      <div data-slot="header">
        <div data-slot="title">
          <Heading
            id={balance.ids.heading}
            ref={headingRef}
            tabIndex={-1}
            className="purse-Heading"
          >
            {accountTitle(account)}
            {account.last4 ? (
              <>
                {' '}
                <span aria-hidden="true">••{account.last4}</span>
                <span className="purse-VisuallyHidden">{messages.endingIn(account.last4)}</span>
              </>
            ) : null}
          </Heading>
          {subtitle ? (
            <p className="purse-Muted" data-slot="subtitle">
              {subtitle}
            </p>
          ) : null}
        </div>
        {badge ? (
          <span className="purse-Badge" data-tone={badge.tone} data-slot="status">
            {badge.text}
          </span>
        ) : null}
      </div>
      <Figures
        balance={state.balance}
        refreshing={state.refresh.status === 'pending'}
        locale={locale}
        messages={messages}
      />
      {state.balance.type === 'none' ? null : (
        <AsOf asOf={state.balance.asOf} now={now} locale={locale} messages={messages} />
      )}
      <RefreshControls
        account={account}
        refresh={state.refresh}
        balance={balance}
        locale={locale}
        messages={messages}
        common={common}
        onReconnect={onReconnect}
      />
    </>
  );
}
