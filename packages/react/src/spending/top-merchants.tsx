import type { SpendingSummary } from '@purse/core';
import { useId, type CSSProperties, type ReactNode } from 'react';
import type { SpendingMessages } from './messages.js';

/**
 * Where the money went, largest first. Every bar is drawn on one scale (the largest merchant is
 * the full track) from one baseline: the rows share their columns (CSS subgrid), so a long name
 * or amount never shifts or shortens a bar.
 */
export function TopMerchants(props: {
  level: 3 | 4;
  summary: SpendingSummary;
  money: (amount: number) => string;
  t: SpendingMessages;
}): ReactNode {
  const headingId = useId();
  const { summary, money, t } = props;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  const largest = summary.topMerchants[0]?.amount ?? 0;
  if (summary.topMerchants.length === 0) return null;
  return (
    <section data-slot="merchants" aria-labelledby={headingId}>
      <Heading className="purse-Heading" id={headingId}>
        {t.topMerchants}
      </Heading>
      <ol>
        {summary.topMerchants.map((merchant) => (
          <li key={merchant.name}>
            <span data-slot="merchant-name">{merchant.name}</span>
            <span data-slot="merchant-amount" className="purse-Amount">
              {money(merchant.amount)}
            </span>
            <span data-slot="merchant-count" className="purse-Muted">
              {t.payments(merchant.count)}
            </span>
            <span
              data-slot="merchant-share"
              aria-hidden="true"
              style={
                {
                  '--purse-merchant-share': `${largest > 0 ? Math.max(2, Math.round((merchant.amount / largest) * 100)) : 0}%`,
                } as CSSProperties
              }
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
