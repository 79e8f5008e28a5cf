/**
 * A loaded top-up's summary: amount, route, description and, while it is under way, the expected
 * arrival. In the first load, so a known top-up (`initialTopUp`) shows at once; the rest of the
 * card arrives with its chunk (`details-loader.tsx`).
 */
import {
  formatIsoDate,
  formatIsoDateRange,
  type PurseLocale,
  type TopUp,
  type TransferPhase,
} from '@purse/core';
import type { ReactNode } from 'react';
import type { TransferStatusMessages } from './messages.js';
import { topUpSourceName } from './transfer-phase-badge.js';

export interface TransferSummaryProps {
  phase: TransferPhase;
  topUp: TopUp;
  /** The formatted amount. */
  amount: string;
  locale: PurseLocale;
  m: TransferStatusMessages;
}

function arrivalText(topUp: TopUp, locale: PurseLocale): string | null {
  const expected = topUp.expectedArrival;
  if (!expected) return null;
  return expected.earliest === expected.latest
    ? formatIsoDate(expected.earliest, { locale })
    : formatIsoDateRange(expected.earliest, expected.latest, { locale });
}

export function TransferSummary(props: TransferSummaryProps): ReactNode {
  const { phase, topUp, m } = props;
  const arrival =
    phase === 'processing' || phase === 'review' ? arrivalText(topUp, props.locale) : null;
  return (
    <div data-slot="summary">
      <span className="purse-Amount" data-size="large" data-slot="amount">
        {props.amount}
      </span>
      <span className="purse-Muted" data-slot="route">
        {m.fromSource(topUpSourceName(topUp, m))} · {m.toAccount}
      </span>
      {topUp.description ? <span data-slot="description">{topUp.description}</span> : null}
      {arrival ? <span data-slot="arrival">{m.expectedArrival(arrival)}</span> : null}
    </div>
  );
}
