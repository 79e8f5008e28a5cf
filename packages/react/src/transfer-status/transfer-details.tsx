/**
 * A loaded top-up: amount and route, expected arrival while under way, a note on where it stands
 * (or why it failed and the way on), the timeline, cancel while allowed, and the receipt.
 */
import {
  formatIsoDate,
  formatIsoDateRange,
  type PurseLocale,
  type TopUp,
  type TransferPhase,
} from '@purse/core';
import type { ReactNode } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import { messagesFor } from '../i18n/locale-packs.js';
import { CancelArea } from './cancel-area.js';
import type { TransferStatusMessages } from './messages.js';
import type { FailureActionOptions } from './outcome-note.js';
import { OutcomeNote } from './outcome-note-loader.js';
import { PhaseNote } from './phase-note.js';
import { topUpSourceName } from './transfer-phase-badge.js';
import { TransferTimeline } from './transfer-timeline.js';
import type { UseInboundTransferResult } from './use-inbound-transfer.js';

export interface TransferDetailsProps extends FailureActionOptions {
  phase: TransferPhase;
  topUp: TopUp;
  /** The formatted amount. */
  amount: string;
  /** Set when the latest check for updates failed. */
  stale: boolean;
  locale: PurseLocale;
  transfer: UseInboundTransferResult;
  m: TransferStatusMessages;
  common: CommonMessages;
}

function arrivalText(topUp: TopUp, locale: PurseLocale): string | null {
  const expected = topUp.expectedArrival;
  if (!expected) return null;
  return expected.earliest === expected.latest
    ? formatIsoDate(expected.earliest, { locale })
    : formatIsoDateRange(expected.earliest, expected.latest, { locale });
}

export function TransferDetails(props: TransferDetailsProps): ReactNode {
  const { phase, topUp, amount, locale, transfer, m } = props;
  const arrival = phase === 'processing' || phase === 'review' ? arrivalText(topUp, locale) : null;
  return (
    <>
      <div data-slot="summary">
        <span className="purse-Amount" data-size="large" data-slot="amount">
          {amount}
        </span>
        <span className="purse-Muted" data-slot="route">
          {m.fromSource(topUpSourceName(topUp, m))} · {m.toAccount}
        </span>
        {topUp.description ? <span data-slot="description">{topUp.description}</span> : null}
        {arrival ? <span data-slot="arrival">{m.expectedArrival(arrival)}</span> : null}
      </div>
      {phase === 'failed' || phase === 'returned' ? (
        <OutcomeNote
          phase={phase}
          topUp={topUp}
          amount={amount}
          m={m}
          read={(ref) => messagesFor(ref, locale)}
          onFailureAction={props.onFailureAction}
          supportHref={props.supportHref}
          supportLabel={props.supportLabel}
        />
      ) : (
        <PhaseNote phase={phase} m={m} />
      )}
      <TransferTimeline
        topUp={topUp}
        locale={locale}
        m={m}
        listProps={transfer.getTimelineProps()}
      />
      {props.stale ? (
        <p className="purse-Muted" data-slot="stale">
          {m.staleNote}
        </p>
      ) : null}
      <CancelArea transfer={transfer} m={m} common={props.common} />
      {topUp.receiptUrl ? (
        <div data-slot="footer">
          <a
            className="purse-Link"
            data-slot="receipt"
            href={topUp.receiptUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            {m.receipt} <span className="purse-VisuallyHidden">{m.opensInNewTab}</span>
          </a>
        </div>
      ) : null}
    </>
  );
}
