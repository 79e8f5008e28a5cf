/**
 * The rest of a loaded top-up's card, after its summary: a note on where it stands (or why it
 * failed and the way on), the timeline, cancel while allowed, and the receipt. Downloaded on its
 * own when a `<TransferStatus>` first renders (`details-loader.tsx`), in parallel with the top-up.
 */
import type {
  formatDateTime,
  PurseLocale,
  TopUp,
  TransferPhase,
  transferTimeline,
} from '@purse/core';
import type { ReactNode } from 'react';
// Types only from the first load's modules: this module is downloaded on its own, and a bundler
// (esbuild) splits what it shares with them into a chunk that every component would then ship.
// What it needs from them comes in `tools`.
import type { CommonMessages } from '../i18n/catalog.js';
import type { MessageRef } from '../i18n/locale-packs.js';
import type { describeError } from '../i18n/use-messages.js';
import type { LazyBoundary } from '../ui/lazy-boundary.js';
import { CancelArea } from './cancel-area.js';
import { transferDetailsText } from './details-messages.js';
import type { TransferStatusMessages } from './messages.js';
import type { FailureActionOptions } from './outcome-note.js';
import { OutcomeNote } from './outcome-note-loader.js';
import { PhaseNote } from './phase-note.js';
import type { PlainNote } from './plain-note.js';
import { TransferTimeline } from './transfer-timeline.js';
import type { UseInboundTransferResult } from './use-inbound-transfer.js';

/** What the details use from the first load's modules, passed in (see above). */
export interface TransferDetailsTools {
  formatDateTime: typeof formatDateTime;
  transferTimeline: typeof transferTimeline;
  describeError: typeof describeError;
  LazyBoundary: typeof LazyBoundary;
  PlainNote: typeof PlainNote;
}

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
  /** Reads a catalog in the provider's locale (`messagesFor` bound to it). */
  read: <T>(ref: MessageRef<T>) => T;
  tools: TransferDetailsTools;
}

export function TransferDetails(props: TransferDetailsProps): ReactNode {
  const { phase, topUp, amount, locale, transfer, m, common, tools } = props;
  const d = props.read(transferDetailsText);
  return (
    <>
      {phase === 'failed' || phase === 'returned' ? (
        <OutcomeNote
          phase={phase}
          topUp={topUp}
          amount={amount}
          m={m}
          d={d}
          read={props.read}
          tools={tools}
          onFailureAction={props.onFailureAction}
          supportHref={props.supportHref}
          supportLabel={props.supportLabel}
        />
      ) : (
        <PhaseNote phase={phase} m={d} />
      )}
      <TransferTimeline
        steps={tools.transferTimeline(topUp)}
        formatTime={(at) => tools.formatDateTime(at, { locale })}
        m={d}
        listProps={transfer.getTimelineProps()}
      />
      {props.stale ? (
        <p className="purse-Muted" data-slot="stale">
          {d.staleNote}
        </p>
      ) : null}
      <CancelArea
        transfer={transfer}
        m={d}
        describe={(error) => tools.describeError(error, common)}
      />
      {topUp.receiptUrl ? (
        <div data-slot="footer">
          <a
            className="purse-Link"
            data-slot="receipt"
            href={topUp.receiptUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            {d.receipt} <span className="purse-VisuallyHidden">{d.opensInNewTab}</span>
          </a>
        </div>
      ) : null}
    </>
  );
}
