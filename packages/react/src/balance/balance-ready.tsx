/**
 * The loaded balance card: the account's name, its figures and how fresh they are, and the
 * refresh button with what stands in its way. One module for the ready state's parts (each a
 * short function), so a bundler that keeps one `react/jsx-runtime` import per module ships
 * them once.
 */
import {
  asOfTime,
  formatCountdown,
  formatDuration,
  formatDateTime,
  formatMoney,
  formatRelativeTime,
  type LinkedAccount,
  type PurseLocale,
} from '@purse/core';
import type { ReactNode, Ref } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { accountTitle } from '../accounts/account-name.js';
import { describeError } from '../i18n/use-messages.js';
import type { BalanceCardMessages } from './messages.js';
import type {
  BalanceFigures,
  BalanceRefreshState,
  BalanceState,
  UseBalanceResult,
} from './use-balance.js';

interface FiguresProps {
  balance: BalanceFigures;
  /** A refresh is running: say so rather than "Refresh to get…". */
  refreshing: boolean;
  locale: PurseLocale;
  messages: BalanceCardMessages;
}

/** "as of 2 minutes ago", with the exact time for the tooltip and screen readers. */
function AsOf(props: {
  asOf: number;
  now: number;
  locale: PurseLocale;
  messages: BalanceCardMessages;
}): ReactNode {
  const { asOf, now, locale, messages } = props;
  const exact = messages.asOfExact(formatDateTime(asOf, { locale }));
  return (
    <p className="purse-Muted" data-slot="as-of">
      {/* Focusable so keyboard users can reveal the exact time the title shows on hover. */}
      <time
        dateTime={new Date(asOf * 1000).toISOString()}
        title={exact}
        tabIndex={0}
        data-tooltip={exact}
        suppressHydrationWarning
      >
        {messages.asOf(formatRelativeTime(asOfTime({ at: asOf, now }), { now, locale }))}
        <span className="purse-VisuallyHidden">{` (${exact})`}</span>
      </time>
    </p>
  );
}

/** Available and current (cash), amounts owed (credit), or why there is no balance. */
function Figures({ balance, refreshing, locale, messages }: FiguresProps): ReactNode {
  if (balance.type === 'none') {
    const [title, hint] = {
      not_yet: refreshing
        ? [messages.gettingBalance, null]
        : [messages.noBalanceYet, messages.noBalanceYetHint],
      not_shared: [messages.notShared, messages.notSharedHint],
      no_permission: [messages.noPermission, null],
      disconnected: [messages.disconnectedBalance, null],
    }[balance.reason];
    return (
      <div data-slot="no-balance" data-reason={balance.reason}>
        <p data-slot="no-balance-title">{title}</p>
        {hint ? <p className="purse-Muted">{hint}</p> : null}
      </div>
    );
  }
  // The main amount large, the second (when the bank gives it) below.
  const [primary, secondary]: [
    [label: string, amount: number],
    [label: string, amount: number | null],
  ] =
    balance.type === 'credit'
      ? [
          [messages.owed, balance.owed],
          [messages.creditUsed, balance.owedUsed],
        ]
      : balance.available === null
        ? [
            [messages.current, balance.current],
            [messages.current, null],
          ]
        : [
            [messages.available, balance.available],
            [messages.current, balance.current],
          ];
  const money = (amount: number): string =>
    formatMoney(amount, { currency: balance.currency, locale });
  return (
    <dl data-slot="figures">
      <div data-slot="primary">
        <dt className="purse-Muted">{primary[0]}</dt>
        <dd className="purse-Amount" data-size="large" data-slot="amount">
          {money(primary[1])}
        </dd>
      </div>
      {secondary[1] === null ? null : (
        <div data-slot="secondary">
          <dt className="purse-Muted">{secondary[0]}</dt>
          <dd className="purse-Amount">{money(secondary[1])}</dd>
        </div>
      )}
    </dl>
  );
}

/** The button's label: what a click would do now, or how long until it can. */
function RefreshLabel(props: {
  refresh: BalanceRefreshState;
  locale: PurseLocale;
  messages: BalanceCardMessages;
}): ReactNode {
  const { refresh, locale, messages } = props;
  if (refresh.status === 'pending') {
    return (
      <>
        <span className="purse-Spinner" data-slot="spinner" aria-hidden="true" />
        {messages.refreshing}
      </>
    );
  }
  const waiting = refresh.status === 'cooldown' || refresh.status === 'failed';
  if (waiting && refresh.secondsLeft > 0) {
    const label = refresh.status === 'cooldown' ? messages.refreshIn : messages.tryAgainIn;
    return (
      <>
        <span aria-hidden="true" data-slot="countdown">
          {label(formatCountdown(refresh.secondsLeft, { locale }))}
        </span>
        <span className="purse-VisuallyHidden">
          {label(formatDuration(refresh.secondsLeft, { locale }))}
        </span>
      </>
    );
  }
  return (
    <>
      {refresh.status === 'failed' || refresh.status === 'error'
        ? messages.tryAgain
        : messages.refresh}
    </>
  );
}

interface RefreshControlsProps {
  account: LinkedAccount;
  refresh: BalanceRefreshState;
  balance: Pick<UseBalanceResult, 'ids' | 'getRefreshButtonProps'>;
  locale: PurseLocale;
  messages: BalanceCardMessages;
  common: CommonMessages;
  onReconnect: ((account: LinkedAccount) => void) | undefined;
}

/** The refresh button with what stands in its way, or why refreshing is impossible. */
function RefreshControls(props: RefreshControlsProps): ReactNode {
  const { account, refresh, balance, locale, messages, common, onReconnect } = props;
  if (refresh.status === 'unavailable') {
    const { reason } = refresh;
    return (
      <div data-slot="refresh">
        <p
          className="purse-Alert"
          data-tone={reason === 'inactive' ? 'warning' : undefined}
          data-slot="notice"
        >
          {
            {
              inactive: messages.inactive,
              disconnected: messages.disconnected,
              permission_missing: messages.permissionMissing,
            }[reason]
          }
        </p>
        {reason === 'inactive' && onReconnect ? (
          <button
            type="button"
            className="purse-Button"
            data-size="small"
            data-slot="reconnect"
            onClick={() => {
              onReconnect(account);
            }}
          >
            {messages.reconnect}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div data-slot="refresh">
      {refresh.status === 'failed' || refresh.status === 'error' ? (
        // The bank's silence is a warning; our own failure to ask is an error, announced.
        <p
          id={balance.ids.notice}
          role={refresh.status === 'error' ? 'alert' : undefined}
          className="purse-Alert"
          data-tone={refresh.status === 'error' ? 'danger' : 'warning'}
          data-slot="notice"
        >
          {refresh.status === 'error'
            ? `${messages.refreshError} ${describeError(refresh.error, common)}`
            : messages.failed}
        </p>
      ) : null}
      <button
        {...balance.getRefreshButtonProps()}
        className="purse-Button"
        data-variant="secondary"
        data-size="small"
        data-slot="refresh-button"
      >
        <RefreshLabel refresh={refresh} locale={locale} messages={messages} />
      </button>
    </div>
  );
}

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
