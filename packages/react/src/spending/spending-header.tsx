/** The card's heading, its chart/table toggle, and the totals and period lines. */
import type { LinkedAccount, SpendingSummary } from '@purse/core';
import type { ReactNode, Ref } from 'react';
import type { SpendingMessages } from './messages.js';
import type { SpendingFormats } from './spending-formats.js';
import type { UseSpendingResult } from './use-spending.js';

/** Renders `template(amount)` with the amount as a node (translations may move it around). */
function withAmount(template: (amount: string) => string, amount: ReactNode): ReactNode {
  const marker = '\uE000';
  const [before = '', after = ''] = template(marker).split(marker);
  return (
    <>
      {before}
      {amount}
      {after}
    </>
  );
}

/** An account as the person knows it: "Rewards Credit Card ••1881". */
function accountLabel(account: LinkedAccount | null, accountId: string): string {
  if (!account) return accountId;
  const name = account.displayName ?? account.institution;
  return account.last4 ? `${name} ••${account.last4}` : name;
}

export interface SpendingHeaderProps {
  spending: UseSpendingResult;
  summary: SpendingSummary | null;
  heading: ReactNode;
  headingLevel: 2 | 3;
  headingRef: Ref<HTMLHeadingElement>;
  /** Whether there is data to switch between chart and table. */
  showToggle: boolean;
  formats: SpendingFormats;
  t: SpendingMessages;
}

export function SpendingHeader(props: SpendingHeaderProps): ReactNode {
  const { spending, summary, formats, t } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const dates = summary ? formats.range(summary.range.from, summary.range.to) : '';
  return (
    <div data-slot="header">
      <div data-slot="title-row">
        <Heading className="purse-Heading" ref={props.headingRef} {...spending.getHeadingProps()}>
          {props.heading}
        </Heading>
        {props.showToggle ? (
          <button
            className="purse-Button"
            data-variant="secondary"
            data-size="small"
            data-slot="view-toggle"
            {...spending.getViewToggleProps()}
          >
            {spending.view === 'chart' ? t.showTable : t.showChart}
          </button>
        ) : null}
      </div>
      {summary ? (
        <>
          <p data-slot="totals" {...spending.getTotalsProps()}>
            {withAmount(
              t.spent,
              <span className="purse-Amount" data-size="large" data-slot="amount">
                {formats.money(summary.totals.outPosted)}
              </span>,
            )}
            <span data-slot="pending-total">
              {' · '}
              {summary.totals.outPending > 0
                ? t.pending(formats.money(summary.totals.outPending))
                : t.pendingNone}
            </span>
            {spending.includeInflow ? (
              <span data-slot="inflow-total">
                {' · '}
                {t.moneyIn(formats.money(summary.totals.inPosted + summary.totals.inPending))}
              </span>
            ) : null}
          </p>
          {(spending.pendingElsewhere ?? []).map(({ accountId, account, amount }) => (
            <p key={accountId} className="purse-Muted" data-slot="pending-elsewhere">
              {t.pendingOn(formats.money(amount), accountLabel(account, accountId))}
            </p>
          ))}
          <p className="purse-Muted" data-slot="period" {...spending.getPeriodProps()}>
            {spending.bucket === 'week' ? t.periodWeeks(dates) : t.period(spending.range, dates)}
          </p>
          {summary.excluded.count > 0 ? (
            <p className="purse-Muted" data-slot="excluded">
              {t.excludedNote(summary.excluded.count, formats.money(summary.excluded.amount))}
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
