import {
  asOfTime,
  formatDateTime,
  formatMoney,
  formatRelativeTime,
  type PurseLocale,
} from '@purse/core';
import type { ReactNode } from 'react';
import type { BalanceCardMessages } from './messages.js';
import type { BalanceFigures } from './use-balance.js';

interface FiguresProps {
  balance: BalanceFigures;
  /** A refresh is running: say so rather than "Refresh to get…". */
  refreshing: boolean;
  locale: PurseLocale;
  messages: BalanceCardMessages;
}

/** "as of 2 minutes ago", with the exact time for the tooltip and screen readers. */
export function AsOf(props: {
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

/** The main amount large, the second one below it. */
function Amounts(props: {
  primary: [label: string, amount: string];
  secondary: [label: string, amount: string] | null;
}): ReactNode {
  const { primary, secondary } = props;
  return (
    <dl data-slot="figures">
      <div data-slot="primary">
        <dt className="purse-Muted">{primary[0]}</dt>
        <dd className="purse-Amount" data-size="large" data-slot="amount">
          {primary[1]}
        </dd>
      </div>
      {secondary ? (
        <div data-slot="secondary">
          <dt className="purse-Muted">{secondary[0]}</dt>
          <dd className="purse-Amount">{secondary[1]}</dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Available and current (cash), amounts owed (credit), or why there is no balance. */
export function Figures({ balance, refreshing, locale, messages }: FiguresProps): ReactNode {
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
  const money = (amount: number): string =>
    formatMoney(amount, { currency: balance.currency, locale });
  if (balance.type === 'credit') {
    return (
      <Amounts
        primary={[messages.owed, money(balance.owed)]}
        secondary={
          balance.owedUsed === null ? null : [messages.creditUsed, money(balance.owedUsed)]
        }
      />
    );
  }
  return balance.available === null ? (
    <Amounts primary={[messages.current, money(balance.current)]} secondary={null} />
  ) : (
    <Amounts
      primary={[messages.available, money(balance.available)]}
      secondary={[messages.current, money(balance.current)]}
    />
  );
}
