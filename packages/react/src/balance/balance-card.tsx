import {
  formatCountdown,
  formatDateTime,
  formatDuration,
  formatMoney,
  formatRelativeTime,
  type LinkedAccount,
  type PurseLocale,
} from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { balanceCardText, type BalanceCardMessages } from './messages.js';
import {
  useBalance,
  type BalanceFigures,
  type BalanceRefreshState,
  type UseBalanceOptions,
} from './use-balance.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';
import { useRetryFocus } from '../ui/use-retry-focus.js';

/** Title, account line, amount, freshness: the shape of the loaded card. */
const BALANCE_SKELETON = ['title', 'subtitle', 'amount', 'line'] as const;

export interface BalanceCardProps
  extends UseBalanceOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The level of the card's heading (the account name). @default 3 */
  headingLevel?: 2 | 3;
  /**
   * Called by the "Reconnect" button shown on an inactive account (for example, open a
   * `<LinkBankAccount>` flow). Without it, the card only explains what to do.
   */
  onReconnect?: ((account: LinkedAccount) => void) | undefined;
  ref?: Ref<HTMLDivElement>;
}

// ---------------------------------------------------------------------------------------------
// Parts

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
        {messages.asOf(formatRelativeTime(asOf, { now, locale }))}
        <span className="purse-VisuallyHidden">{` (${exact})`}</span>
      </time>
    </p>
  );
}

function Figures(props: {
  balance: BalanceFigures;
  locale: PurseLocale;
  messages: BalanceCardMessages;
}): ReactNode {
  const { balance, locale, messages } = props;
  const money = (amount: number, currency: string): string =>
    formatMoney(amount, { currency, locale });
  switch (balance.type) {
    case 'cash': {
      const primary =
        balance.available === null
          ? { label: messages.current, amount: balance.current }
          : { label: messages.available, amount: balance.available };
      return (
        <dl data-slot="figures">
          <div data-slot="primary">
            <dt className="purse-Muted">{primary.label}</dt>
            <dd className="purse-Amount" data-size="large" data-slot="amount">
              {money(primary.amount, balance.currency)}
            </dd>
          </div>
          {balance.available === null ? null : (
            <div data-slot="secondary">
              <dt className="purse-Muted">{messages.current}</dt>
              <dd className="purse-Amount">{money(balance.current, balance.currency)}</dd>
            </div>
          )}
        </dl>
      );
    }
    case 'credit':
      return (
        <dl data-slot="figures">
          <div data-slot="primary">
            <dt className="purse-Muted">{messages.owed}</dt>
            <dd className="purse-Amount" data-size="large" data-slot="amount">
              {money(balance.owed, balance.currency)}
            </dd>
          </div>
          {balance.owedUsed === null ? null : (
            <div data-slot="secondary">
              <dt className="purse-Muted">{messages.creditUsed}</dt>
              <dd className="purse-Amount">{money(balance.owedUsed, balance.currency)}</dd>
            </div>
          )}
        </dl>
      );
    case 'none': {
      const [title, hint] =
        balance.reason === 'not_yet'
          ? [messages.noBalanceYet, messages.noBalanceYetHint]
          : balance.reason === 'not_shared'
            ? [messages.notShared, messages.notSharedHint]
            : balance.reason === 'no_permission'
              ? [messages.noPermission, null]
              : [messages.disconnectedBalance, null];
      return (
        <div data-slot="no-balance" data-reason={balance.reason}>
          <p data-slot="no-balance-title">{title}</p>
          {hint ? <p className="purse-Muted">{hint}</p> : null}
        </div>
      );
    }
    default:
      balance satisfies never;
      return null;
  }
}

function RefreshLabel(props: {
  refresh: BalanceRefreshState;
  locale: PurseLocale;
  messages: BalanceCardMessages;
}): ReactNode {
  const { refresh, locale, messages } = props;
  const countdown = (
    visible: (countdown: string) => string,
    spoken: (duration: string) => string,
    seconds: number,
  ): ReactNode => (
    <>
      <RefreshIcon />
      <span aria-hidden="true" data-slot="countdown">
        {visible(formatCountdown(seconds, { locale }))}
      </span>
      <span className="purse-VisuallyHidden">{spoken(formatDuration(seconds, { locale }))}</span>
    </>
  );
  switch (refresh.status) {
    case 'pending':
      return (
        <>
          <span className="purse-Spinner" data-slot="spinner" aria-hidden="true" />
          {messages.refreshing}
        </>
      );
    case 'cooldown':
      return countdown(messages.refreshIn, messages.refreshInSpoken, refresh.secondsLeft);
    case 'failed':
      return refresh.secondsLeft > 0 ? (
        countdown(messages.tryAgainIn, messages.tryAgainInSpoken, refresh.secondsLeft)
      ) : (
        <>
          <RefreshIcon />
          {messages.tryAgain}
        </>
      );
    case 'error':
      return (
        <>
          <RefreshIcon />
          {messages.tryAgain}
        </>
      );
    case 'idle':
    case 'unavailable':
      return (
        <>
          <RefreshIcon />
          {messages.refresh}
        </>
      );
    default:
      refresh satisfies never;
      return null;
  }
}

function unavailableText(
  reason: Extract<BalanceRefreshState, { status: 'unavailable' }>['reason'],
  messages: BalanceCardMessages,
): string {
  switch (reason) {
    case 'inactive':
      return messages.inactive;
    case 'disconnected':
      return messages.disconnected;
    case 'permission_missing':
      return messages.permissionMissing;
    default:
      reason satisfies never;
      return '';
  }
}

// ---------------------------------------------------------------------------------------------
// BalanceCard

/**
 * A linked account's balance: available and current (cash) or amounts owed (credit), how fresh
 * it is, and a refresh button that follows the refresh lifecycle (pending, cooldown countdown,
 * failed, unavailable with the reason and what to do).
 */
function BalanceCardRender(props: BalanceCardProps): ReactNode {
  const {
    accountId,
    initialAccount,
    headingLevel = 3,
    onReconnect,
    className,
    ref,
    ...rest
  } = props;
  const { state, refresh, reload } = useBalance({ accountId, initialAccount });
  const { locale } = usePurseContext('BalanceCard');
  const messages = useMessages(balanceCardText, 'BalanceCard');
  const common = useMessages(commonText, 'BalanceCard');
  const headingId = useId();
  const { headingRef, retryRef, retry } = useRetryFocus(state.status);
  const [announcement, setAnnouncement] = useState('');

  // Announce how a refresh ended (the button already says "Refreshing…" while it runs).
  const refreshStatus = state.status === 'ready' ? state.refresh.status : null;
  const previousRefresh = useRef(refreshStatus);
  useEffect(() => {
    const was = previousRefresh.current;
    previousRefresh.current = refreshStatus;
    if (was !== 'pending' || refreshStatus === 'pending') return;
    if (refreshStatus === 'failed') setAnnouncement(messages.failedAnnouncement);
    else if (refreshStatus === 'idle' || refreshStatus === 'cooldown')
      setAnnouncement(messages.updated);
  }, [refreshStatus, messages]);

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const rootClass = cx('purse-Card purse-BalanceCard', className);

  switch (state.status) {
    case 'loading':
      return (
        <div {...rest} ref={ref} className={rootClass} data-state="loading" aria-busy="true">
          <Skeleton label={common.loading} parts={BALANCE_SKELETON} />
        </div>
      );
    case 'error':
      return (
        <div {...rest} ref={ref} className={rootClass} data-state="error">
          <ErrorNotice
            title={common.errorTitle}
            message={
              state.error.code === 'resource_missing'
                ? messages.accountMissing
                : describeError(state.error, common)
            }
            retryLabel={common.retry}
            retryRef={retryRef}
            onRetry={retry(reload)}
          />
        </div>
      );
    case 'ready':
      break;
    default:
      state satisfies never;
      return null;
  }

  const { account, balance, refresh: refreshState, canRefresh, now } = state;
  const subcategory = messages.subcategory[account.subcategory];
  const badge =
    account.status === 'inactive'
      ? { tone: 'warning', text: messages.badgeInactive }
      : account.status === 'disconnected'
        ? { tone: undefined, text: messages.badgeDisconnected }
        : null;

  return (
    <div
      {...rest}
      ref={ref}
      className={rootClass}
      data-state="ready"
      data-refresh={refreshState.status}
      data-type={balance.type}
      role="group"
      aria-labelledby={headingId}
    >
      <div data-slot="header">
        <div data-slot="title">
          <Heading id={headingId} ref={headingRef} tabIndex={-1} className="purse-Heading">
            {account.displayName ?? account.institution}
          </Heading>
          <p className="purse-Muted" data-slot="subtitle">
            {account.institution}
            {account.last4 ? (
              <>
                {' '}
                <span aria-hidden="true">•••• {account.last4}</span>
                <span className="purse-VisuallyHidden">{messages.endingIn(account.last4)}</span>
              </>
            ) : null}
            {subcategory ? ` · ${subcategory}` : null}
          </p>
        </div>
        {badge ? (
          <span className="purse-Badge" data-tone={badge.tone} data-slot="status">
            {badge.text}
          </span>
        ) : null}
      </div>

      <Figures balance={balance} locale={locale} messages={messages} />
      {balance.type === 'none' ? null : (
        <AsOf asOf={balance.asOf} now={now} locale={locale} messages={messages} />
      )}

      <div data-slot="refresh">
        {refreshState.status === 'unavailable' ? (
          <>
            <p
              className="purse-Alert"
              data-tone={refreshState.reason === 'inactive' ? 'warning' : undefined}
              data-slot="notice"
            >
              {unavailableText(refreshState.reason, messages)}
            </p>
            {refreshState.reason === 'inactive' && onReconnect ? (
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
          </>
        ) : (
          <>
            {refreshState.status === 'failed' ? (
              <p className="purse-Alert" data-tone="warning" data-slot="notice">
                {messages.failed}
              </p>
            ) : null}
            {refreshState.status === 'error' ? (
              <p role="alert" className="purse-Alert" data-tone="danger" data-slot="notice">
                {messages.refreshError} {describeError(refreshState.error, common)}
              </p>
            ) : null}
            <button
              type="button"
              className="purse-Button"
              data-variant="secondary"
              data-size="small"
              data-slot="refresh-button"
              // aria-disabled rather than disabled: the button keeps focus while it waits.
              aria-disabled={!canRefresh || undefined}
              aria-busy={refreshState.status === 'pending' || undefined}
              onClick={refresh}
            >
              <RefreshLabel refresh={refreshState} locale={locale} messages={messages} />
            </button>
          </>
        )}
      </div>
      <p role="status" aria-live="polite" className="purse-VisuallyHidden" data-slot="announcement">
        {announcement}
      </p>
    </div>
  );
}

/** BalanceCard; accepts a `ref` to its root element on React 18 and 19. */
export const BalanceCard = /* @__PURE__ */ withForwardedRef<HTMLDivElement, BalanceCardProps>(
  BalanceCardRender,
  'BalanceCard',
);
