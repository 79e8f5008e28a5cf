/**
 * The note of a failed or returned top-up (why, in words for each of Stripe's 13 failure codes,
 * and the way on) is downloaded only when one shows: most top-ups succeed, and those words are
 * the largest part of the card. Until it arrives the alert shows its title; server rendering
 * that waits for Suspense (streaming) sends it in full. Part of the details' chunk, so it takes
 * what it needs from the first load's modules in `tools`.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { OutcomeNoteProps } from './outcome-note.js';
import type { TransferDetailsTools } from './transfer-details.js';

// A failed download is not tried again in this page (React keeps the failed lazy component);
// `LazyBoundary` shows the plain note instead.
const LazyOutcomeNote = lazy(() =>
  import('./outcome-note.js').then((module) => ({ default: module.OutcomeNote })),
);

export function OutcomeNote(props: OutcomeNoteProps & { tools: TransferDetailsTools }): ReactNode {
  const { tools, ...note } = props;
  const { LazyBoundary, PlainNote } = tools;
  // While the note downloads: its title. If the download fails: the title and, for a failure,
  // the server's plain-English message, rather than a broken card.
  return (
    <LazyBoundary
      fallback={
        <PlainNote {...note} busy={false} returnedBody={note.d.returnedBody(note.amount)} />
      }
    >
      <Suspense fallback={<PlainNote {...note} busy />}>
        <LazyOutcomeNote {...note} />
      </Suspense>
    </LazyBoundary>
  );
}
