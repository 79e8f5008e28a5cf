/**
 * A loaded top-up's card: its summary at once, and the rest (`transfer-details.tsx`: the note,
 * timeline, cancel and receipt, with their words) downloaded on its own, starting when a
 * `<TransferStatus>` first renders, so an app that imports the component ships less up front.
 * Until it arrives a failure or return shows its title; server rendering that waits for Suspense
 * (streaming) sends the card in full.
 */
import { formatDateTime, transferTimeline } from '@purse/core';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { messagesFor } from '../i18n/locale-packs.js';
import { describeError } from '../i18n/use-messages.js';
import { LazyBoundary } from '../ui/lazy-boundary.js';
import { PlainNote } from './plain-note.js';
import { TransferSummary } from './transfer-summary.js';
import type { TransferDetailsProps, TransferDetailsTools } from './transfer-details.js';

const load = () => import('./transfer-details.js');

/** Starts the download when the card first renders (a failure shows when the details render). */
export function usePreloadedDetails(): void {
  useEffect(() => {
    load().catch(() => undefined);
  }, []);
}

// A failed download is not tried again in this page (React keeps the failed lazy component);
// `LazyBoundary` then shows the plain note, and the card keeps its summary.
const LazyTransferDetails = lazy(() =>
  load().then((module) => ({ default: module.TransferDetails })),
);

const tools: TransferDetailsTools = {
  formatDateTime,
  transferTimeline,
  describeError,
  LazyBoundary,
  PlainNote,
};

export function TransferDetailsLoader(
  props: Omit<TransferDetailsProps, 'read' | 'tools'>,
): ReactNode {
  const { locale } = props;
  const note = (busy: boolean): ReactNode => <PlainNote {...props} busy={busy} />;
  return (
    <>
      <TransferSummary {...props} />
      <LazyBoundary fallback={note(false)}>
        <Suspense fallback={note(true)}>
          <LazyTransferDetails {...props} read={(ref) => messagesFor(ref, locale)} tools={tools} />
        </Suspense>
      </LazyBoundary>
    </>
  );
}
