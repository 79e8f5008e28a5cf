import { formatCountdown, formatDuration, type LinkedAccount, type PurseLocale } from '@purse/core';
import type { ReactNode } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { describeError } from '../i18n/use-messages.js';
import type { BalanceCardMessages } from './messages.js';
import type { BalanceRefreshState, UseBalanceResult } from './use-balance.js';

function RefreshIcon(): ReactNode {
  return (
    <svg
      data-slot="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.75"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9" />
      <path d="M13.5 2.5v3h-3" />
    </svg>
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
    const [visible, spoken] =
      refresh.status === 'cooldown'
        ? [messages.refreshIn, messages.refreshInSpoken]
        : [messages.tryAgainIn, messages.tryAgainInSpoken];
    return (
      <>
        <RefreshIcon />
        <span aria-hidden="true" data-slot="countdown">
          {visible(formatCountdown(refresh.secondsLeft, { locale }))}
        </span>
        <span className="purse-VisuallyHidden">
          {spoken(formatDuration(refresh.secondsLeft, { locale }))}
        </span>
      </>
    );
  }
  return (
    <>
      <RefreshIcon />
      {refresh.status === 'failed' || refresh.status === 'error'
        ? messages.tryAgain
        : messages.refresh}
    </>
  );
}

export interface RefreshControlsProps {
  account: LinkedAccount;
  refresh: BalanceRefreshState;
  balance: Pick<UseBalanceResult, 'ids' | 'getRefreshButtonProps'>;
  locale: PurseLocale;
  messages: BalanceCardMessages;
  common: CommonMessages;
  onReconnect: ((account: LinkedAccount) => void) | undefined;
}

/** The refresh button with what stands in its way, or why refreshing is impossible. */
export function RefreshControls(props: RefreshControlsProps): ReactNode {
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
      {refresh.status === 'failed' ? (
        <p id={balance.ids.notice} className="purse-Alert" data-tone="warning" data-slot="notice">
          {messages.failed}
        </p>
      ) : null}
      {refresh.status === 'error' ? (
        <p
          id={balance.ids.notice}
          role="alert"
          className="purse-Alert"
          data-tone="danger"
          data-slot="notice"
        >
          {messages.refreshError} {describeError(refresh.error, common)}
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
