import { describe, expect, it } from 'vitest';
import type { TopUp } from '../contract/types.js';
import { CREATED, failed, succeeded, topUp } from './test-fixtures.js';
import {
  isTerminal,
  mergeTransferUpdate,
  transferPhase,
  transferTimeline,
} from './transfer-status.js';

const canceled = (): TopUp =>
  topUp({
    status: 'canceled',
    cancelable: false,
    statusTransitions: { succeededAt: null, failedAt: null, canceledAt: CREATED + 60 },
  });

describe('transferPhase', () => {
  it('names each status from the user’s point of view', () => {
    expect(transferPhase(topUp({ status: 'requires_confirmation' }))).toBe('review');
    expect(transferPhase(topUp())).toBe('processing');
    expect(transferPhase(succeeded())).toBe('succeeded');
    expect(transferPhase(failed())).toBe('failed');
    expect(transferPhase(canceled())).toBe('canceled');
  });

  it('calls a succeeded top-up whose funds came back returned', () => {
    expect(transferPhase(succeeded({ returned: true }))).toBe('returned');
  });
});

describe('isTerminal', () => {
  it('treats failed, canceled and returned top-ups as final', () => {
    expect(isTerminal(failed())).toBe(true);
    expect(isTerminal(canceled())).toBe(true);
    expect(isTerminal(succeeded({ returned: true }))).toBe(true);
  });

  it('keeps watching a succeeded top-up, because it can still be returned', () => {
    expect(isTerminal(succeeded())).toBe(false);
    expect(isTerminal(topUp())).toBe(false);
    expect(isTerminal(topUp({ status: 'requires_confirmation' }))).toBe(false);
  });
});

describe('transferTimeline', () => {
  it('shows review as the current step and success as expected', () => {
    expect(transferTimeline(topUp({ status: 'requires_confirmation' }))).toEqual([
      { key: 'created', state: 'complete', at: CREATED },
      { key: 'review', state: 'current', at: null },
      { key: 'processing', state: 'upcoming', at: null },
      { key: 'succeeded', state: 'upcoming', at: null },
    ]);
  });

  it('shows processing as current with success upcoming', () => {
    expect(transferTimeline(topUp())).toEqual([
      { key: 'created', state: 'complete', at: CREATED },
      { key: 'processing', state: 'current', at: null },
      { key: 'succeeded', state: 'upcoming', at: null },
    ]);
  });

  it('dates the success', () => {
    expect(transferTimeline(succeeded())).toEqual([
      { key: 'created', state: 'complete', at: CREATED },
      { key: 'processing', state: 'complete', at: null },
      { key: 'succeeded', state: 'complete', at: CREATED + 200_000 },
    ]);
  });

  it('adds the return after the success', () => {
    expect(transferTimeline(succeeded({ returned: true }))).toEqual([
      { key: 'created', state: 'complete', at: CREATED },
      { key: 'processing', state: 'complete', at: null },
      { key: 'succeeded', state: 'complete', at: CREATED + 200_000 },
      { key: 'returned', state: 'complete', at: null },
    ]);
  });

  it('ends a failed top-up with the failure instead of a success', () => {
    expect(transferTimeline(failed())).toEqual([
      { key: 'created', state: 'complete', at: CREATED },
      { key: 'processing', state: 'complete', at: null },
      { key: 'failed', state: 'complete', at: CREATED + 90_000 },
    ]);
  });

  it('marks processing skipped for a top-up canceled before it reached the bank', () => {
    expect(transferTimeline(canceled())).toEqual([
      { key: 'created', state: 'complete', at: CREATED },
      { key: 'processing', state: 'skipped', at: null },
      { key: 'canceled', state: 'complete', at: CREATED + 60 },
    ]);
  });
});

describe('mergeTransferUpdate', () => {
  it('takes the incoming view when there is nothing yet', () => {
    const incoming = topUp();
    expect(mergeTransferUpdate(undefined, incoming)).toBe(incoming);
  });

  it('moves forward through review, processing, success and return', () => {
    const review = topUp({ status: 'requires_confirmation' });
    const processing = mergeTransferUpdate(review, topUp());
    expect(processing.status).toBe('processing');
    const done = mergeTransferUpdate(processing, succeeded());
    expect(transferPhase(done)).toBe('succeeded');
    expect(transferPhase(mergeTransferUpdate(done, succeeded({ returned: true })))).toBe(
      'returned',
    );
  });

  it('ignores a late processing event after success, returning the current view itself', () => {
    const current = succeeded();
    expect(mergeTransferUpdate(current, topUp())).toBe(current);
  });

  it('never undoes a return', () => {
    const current = succeeded({ returned: true });
    expect(mergeTransferUpdate(current, succeeded())).toBe(current);
    expect(mergeTransferUpdate(current, topUp())).toBe(current);
  });

  it('never turns a failed or canceled top-up into anything else', () => {
    const failure = failed();
    const cancellation = canceled();
    for (const incoming of [topUp(), succeeded(), succeeded({ returned: true }), canceled()]) {
      expect(mergeTransferUpdate(failure, incoming)).toBe(failure);
    }
    for (const incoming of [topUp(), succeeded(), failed()]) {
      expect(mergeTransferUpdate(cancellation, incoming)).toBe(cancellation);
    }
  });

  it('never changes one outcome into another', () => {
    const current = succeeded();
    expect(mergeTransferUpdate(current, failed())).toBe(current);
    expect(mergeTransferUpdate(current, canceled())).toBe(current);
  });

  it('accepts a jump past a missed step', () => {
    expect(transferPhase(mergeTransferUpdate(topUp(), succeeded({ returned: true })))).toBe(
      'returned',
    );
    expect(mergeTransferUpdate(topUp({ status: 'requires_confirmation' }), canceled()).status).toBe(
      'canceled',
    );
  });

  it('takes newer details within the same phase and keeps timestamps it already had', () => {
    const current = succeeded();
    const incoming = succeeded({
      receiptUrl: 'https://payments.stripe.com/regulatory-receipt/ibt_1',
      statusTransitions: { succeededAt: null, failedAt: null, canceledAt: null },
    });
    const merged = mergeTransferUpdate(current, incoming);
    expect(merged.receiptUrl).toBe('https://payments.stripe.com/regulatory-receipt/ibt_1');
    expect(merged.statusTransitions.succeededAt).toBe(CREATED + 200_000);
    expect(mergeTransferUpdate(topUp(), topUp({ cancelable: false })).cancelable).toBe(false);
  });

  it('keeps the failure reason of a failed top-up', () => {
    const current = failed();
    const merged = mergeTransferUpdate(current, { ...failed(), failure: null });
    expect(merged.failure).toEqual({ code: 'insufficient_funds', message: 'Not enough money.' });
  });

  it('does not mix two different top-ups', () => {
    expect(() => mergeTransferUpdate(topUp({ id: 'ibt_1' }), topUp({ id: 'ibt_2' }))).toThrow(
      /ibt_2/,
    );
  });
});
