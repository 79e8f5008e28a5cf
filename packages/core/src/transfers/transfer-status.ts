/**
 * What a top-up's status means for the person waiting on it. Stripe's InboundTransfer goes
 * `processing → succeeded | failed | canceled` (after `requires_confirmation` when the platform
 * reviews transfers), and a succeeded one can later come back as `returned`.
 */
import type { TopUp, TopUpStatus } from '../contract/types.js';

/** Where a top-up stands, from the user's point of view. */
export type TransferPhase =
  'review' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'returned';

/** The phase of each status; a succeeded top-up can still become `returned`. */
const PHASES: Readonly<Record<TopUpStatus, TransferPhase>> = {
  requires_confirmation: 'review',
  processing: 'processing',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
};

/** The phase of a top-up: `returned` is a succeeded one whose funds came back. */
export function transferPhase(topUp: TopUp): TransferPhase {
  // A status from a newer server than this code is an error, not a guess.
  if (!Object.hasOwn(PHASES, topUp.status)) {
    throw new Error(`Unknown top-up status: ${topUp.status}`);
  }
  const phase = PHASES[topUp.status];
  return phase === 'succeeded' && topUp.returned ? 'returned' : phase;
}

const FINAL_PHASES: ReadonlySet<TransferPhase> = new Set(['failed', 'canceled', 'returned']);

/**
 * Whether nothing more can happen to a top-up: failed, canceled or returned. A succeeded one is
 * not final, because its funds can still be returned.
 */
export function isTerminal(topUp: TopUp): boolean {
  return FINAL_PHASES.has(transferPhase(topUp));
}

export type TimelineStepKey =
  'created' | 'review' | 'processing' | 'succeeded' | 'failed' | 'canceled' | 'returned';

/**
 * - `complete`: it happened.
 * - `current`: the top-up is in this step now.
 * - `upcoming`: expected next (while the top-up is under way, success is expected).
 * - `skipped`: it never happened because the top-up ended another way (a canceled top-up was
 *   never sent to the bank network).
 */
export type TimelineStepState = 'complete' | 'current' | 'upcoming' | 'skipped';

export interface TimelineStep {
  key: TimelineStepKey;
  state: TimelineStepState;
  /** When it happened (unix seconds), when Stripe records it; otherwise null. */
  at: number | null;
}

/**
 * The steps of a top-up for a progress display: created → (review) → processing → outcome
 * (→ returned). While it is under way the expected success is listed as `upcoming`. The review
 * step appears only while the top-up waits for review: a top-up does not record that it was
 * reviewed once it moves on. Stripe records no time for leaving review, starting to process or
 * being returned, so those steps have `at: null`.
 */
export function transferTimeline(topUp: TopUp): TimelineStep[] {
  const phase = transferPhase(topUp);
  const { statusTransitions: at } = topUp;
  const step = (key: TimelineStepKey, state: TimelineStepState, time: number | null = null) => ({
    key,
    state,
    at: time,
  });
  const steps = [step('created', 'complete', topUp.created)];
  if (phase === 'review') steps.push(step('review', 'current'));
  steps.push(step('processing', PROCESSING_STEP[phase]));
  if (phase === 'review' || phase === 'processing') steps.push(step('succeeded', 'upcoming'));
  else if (phase === 'failed') steps.push(step('failed', 'complete', at.failedAt));
  else if (phase === 'canceled') steps.push(step('canceled', 'complete', at.canceledAt));
  else steps.push(step('succeeded', 'complete', at.succeededAt));
  if (phase === 'returned') steps.push(step('returned', 'complete'));
  return steps;
}

/** The processing step in each phase: a canceled top-up was never sent to the bank network. */
const PROCESSING_STEP: Readonly<Record<TransferPhase, TimelineStepState>> = {
  review: 'upcoming',
  processing: 'current',
  succeeded: 'complete',
  failed: 'complete',
  canceled: 'skipped',
  returned: 'complete',
};

// How far along each phase is. Moving to a higher rank is progress; the three outcomes share a
// rank, so one never replaces another.
const RANK: Readonly<Record<TransferPhase, number>> = {
  review: 0,
  processing: 1,
  succeeded: 2,
  failed: 2,
  canceled: 2,
  returned: 3,
};

/**
 * The view of a top-up to keep when an update arrives (a webhook, a live event, a poll), in
 * whatever order updates come. The incoming view wins unless it would move the top-up backwards:
 * a late `processing` after `succeeded` is ignored, `returned` is never undone, and a failed,
 * canceled or succeeded top-up never turns into another outcome (only a succeeded one into
 * `returned`). When the incoming view is stale, `current` itself is returned, so callers can
 * compare by identity. Timestamps a newer view lacks are kept from the older one.
 * Throws an Error when the two are different top-ups.
 */
export function mergeTransferUpdate(current: TopUp | undefined, incoming: TopUp): TopUp {
  if (!current) return incoming;
  if (current.id !== incoming.id) {
    throw new Error(`Cannot merge top-up ${incoming.id} into ${current.id}.`);
  }
  const from = transferPhase(current);
  const to = transferPhase(incoming);
  const forward =
    from === to ||
    (RANK[to] > RANK[from] && !(to === 'returned' && (from === 'failed' || from === 'canceled')));
  if (!forward) return current;
  const previous = current.statusTransitions;
  const next = incoming.statusTransitions;
  return {
    ...incoming,
    failure: incoming.failure ?? (to === 'failed' ? current.failure : null),
    statusTransitions: {
      succeededAt: next.succeededAt ?? previous.succeededAt,
      failedAt: next.failedAt ?? previous.failedAt,
      canceledAt: next.canceledAt ?? previous.canceledAt,
    },
  };
}
