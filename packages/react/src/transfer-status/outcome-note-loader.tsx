/**
 * The note of a failed or returned top-up (why, in words for each of Stripe's 13 failure codes,
 * and the way on) is downloaded only when one shows: most top-ups succeed, and those words are
 * the largest part of the card. Until it arrives the alert shows its title; server rendering
 * that waits for Suspense (streaming) sends it in full.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import type * as OutcomeNoteModule from './outcome-note.js';
import type { OutcomeNoteProps } from './outcome-note.js';

let loading: Promise<typeof OutcomeNoteModule> | null = null;

/** Starts (once) downloading the failure and return note. */
export function loadOutcomeNote(): Promise<typeof OutcomeNoteModule> {
  loading ??= import('./outcome-note.js').catch((error: unknown) => {
    // A failed download is tried again next time.
    loading = null;
    throw error;
  });
  return loading;
}

const LazyOutcomeNote = lazy(() =>
  loadOutcomeNote().then((module) => ({ default: module.OutcomeNote })),
);

export function OutcomeNote(props: OutcomeNoteProps): ReactNode {
  const failed = props.phase === 'failed';
  const fallback = (
    <div
      className="purse-Alert"
      data-tone={failed ? 'danger' : 'warning'}
      data-slot={failed ? 'failure' : 'returned'}
      aria-busy="true"
    >
      <strong>{failed ? props.m.failedTitle : props.m.returnedTitle}</strong>
    </div>
  );
  return (
    <Suspense fallback={fallback}>
      <LazyOutcomeNote {...props} />
    </Suspense>
  );
}
