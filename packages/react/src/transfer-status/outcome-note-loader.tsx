/**
 * The note of a failed or returned top-up (why, in words for each of Stripe's 13 failure codes,
 * and the way on) is downloaded only when one shows: most top-ups succeed, and those words are
 * the largest part of the card. Until it arrives the alert shows its title; server rendering
 * that waits for Suspense (streaming) sends it in full.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type { OutcomeNoteProps } from './outcome-note.js';
import { LazyBoundary } from '../ui/lazy-boundary.js';

// A failed download is not tried again in this page (React keeps the failed lazy component);
// `LazyBoundary` shows the plain note instead.
const LazyOutcomeNote = lazy(() =>
  import('./outcome-note.js').then((module) => ({ default: module.OutcomeNote })),
);

export function OutcomeNote(props: OutcomeNoteProps): ReactNode {
  const { phase, topUp, m } = props;
  const failed = phase === 'failed';
  // While the note downloads: its title. If the download fails: the title and, for a failure,
  // the server's plain-English message, rather than a broken card.
  const note = (busy: boolean): ReactNode => (
    <div
      className="purse-Alert"
      data-tone={failed ? 'danger' : 'warning'}
      data-slot={failed ? 'failure' : 'returned'}
      aria-busy={busy || undefined}
    >
      <strong>{failed ? m.failedTitle : m.returnedTitle}</strong>
      {busy ? null : <span>{failed ? topUp.failure?.message : m.returnedBody(props.amount)}</span>}
    </div>
  );
  return (
    <LazyBoundary fallback={note(false)}>
      <Suspense fallback={note(true)}>
        <LazyOutcomeNote {...props} />
      </Suspense>
    </LazyBoundary>
  );
}
