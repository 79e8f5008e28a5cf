import { formatMoney, type FinancialAccountView, type PurseLocale } from '@purse/core';
import type { ReactNode } from 'react';
import type { FinancialAccountCardMessages } from './messages.js';
import type { AccountDetails } from './use-financial-account.js';

interface Props {
  account: FinancialAccountView;
  details: AccountDetails;
  locale: PurseLocale;
  messages: FinancialAccountCardMessages;
  /** Shown under the balance (the card's "Add money"). */
  action: ReactNode;
}

/** The balance with its pending amounts, then the account and routing numbers (or why not). */
export function AccountFigures(props: Props): ReactNode {
  const { account, details, locale, messages, action } = props;
  const { balance } = account;
  const money = (amount: number): string =>
    formatMoney(amount, { currency: balance.currency, locale });
  const pending: [slot: string, label: string, amount: number][] = [
    ['outbound-pending', messages.outboundPending, balance.outboundPending],
    ['inbound-pending', messages.inboundPending, balance.inboundPending],
  ];
  return (
    <>
      <dl data-slot="figures">
        <div data-slot="primary">
          <dt className="purse-Muted">{messages.balance}</dt>
          <dd className="purse-Amount" data-size="large" data-slot="amount">
            {money(balance.cash)}
          </dd>
        </div>
        {pending.map(([slot, label, amount]) =>
          amount === 0 ? null : (
            <div key={slot} data-slot={slot}>
              <dt className="purse-Muted">{label}</dt>
              <dd className="purse-Amount">{money(amount)}</dd>
            </div>
          ),
        )}
      </dl>
      {action}
      {details.status === 'active' ? (
        <dl data-slot="details">
          <div>
            <dt className="purse-Muted">{messages.accountNumber}</dt>
            <dd data-slot="account-number">
              <span aria-hidden="true">•••• {details.accountNumberLast4}</span>
              <span className="purse-VisuallyHidden">
                {messages.endingIn(details.accountNumberLast4)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="purse-Muted">{messages.routingNumber}</dt>
            <dd data-slot="routing-number">{details.routingNumber}</dd>
          </div>
          <div>
            <dt className="purse-Muted">{messages.bank}</dt>
            <dd>{details.bankName}</dd>
          </div>
        </dl>
      ) : (
        <p
          className={details.status === 'pending' ? 'purse-Alert' : 'purse-Muted'}
          data-slot="details-notice"
        >
          {details.status === 'pending' ? (
            <span className="purse-Spinner" data-slot="spinner" aria-hidden="true" />
          ) : null}
          {details.status === 'pending' ? messages.detailsPending : messages.detailsUnavailable}
        </p>
      )}
    </>
  );
}
