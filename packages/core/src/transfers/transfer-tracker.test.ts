import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PurseError } from '../contract/errors.js';
import type { TopUp } from '../contract/types.js';
import { failed, succeeded, topUp } from './test-fixtures.js';
import { TransferTracker, type TransferSnapshot } from './transfer-tracker.js';

/** A `load` that answers with each response in turn, repeating the last one. */
function loader(
  ...responses: (TopUp | Error)[]
): ReturnType<typeof vi.fn<(id: string) => Promise<TopUp>>> {
  let call = 0;
  return vi.fn((_id: string) => {
    const response = responses[Math.min(call, responses.length - 1)];
    call += 1;
    return response instanceof Error || response === undefined
      ? Promise.reject(response ?? new Error('no response'))
      : Promise.resolve(response);
  });
}

const phaseOf = (snapshot: TransferSnapshot): string =>
  snapshot.status === 'ready' ? snapshot.phase : snapshot.status;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-06-01T12:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TransferTracker', () => {
  it('is loading until the first load answers, then ready with the phase', async () => {
    const load = loader(topUp());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    expect(tracker.getSnapshot()).toEqual({ status: 'loading' });
    expect(load).not.toHaveBeenCalled();

    tracker.subscribe(() => undefined);
    expect(load).toHaveBeenCalledWith('ibt_1');
    await vi.advanceTimersByTimeAsync(0);

    expect(tracker.getSnapshot()).toEqual({
      status: 'ready',
      topUp: topUp(),
      phase: 'processing',
      updatedAt: Date.parse('2026-06-01T12:00:00Z'),
    });
  });

  it('returns the same snapshot object until something changes', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(topUp()) });
    const listener = vi.fn();
    tracker.subscribe(listener);
    await vi.advanceTimersByTimeAsync(0);
    const first = tracker.getSnapshot();
    expect(tracker.getSnapshot()).toBe(first);

    // A poll that brings back an equal top-up changes nothing.
    await vi.advanceTimersByTimeAsync(5000);
    expect(tracker.getSnapshot()).toBe(first);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('polls every five seconds while processing and stops once the top-up failed', async () => {
    const load = loader(topUp(), topUp(), failed());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    const phases: string[] = [];
    tracker.subscribe(() => phases.push(phaseOf(tracker.getSnapshot())));

    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(3);
    expect(phases).toEqual(['processing', 'failed']);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses the poll interval it is given', async () => {
    const load = loader(topUp());
    const tracker = new TransferTracker({ id: 'ibt_1', load, pollIntervalMs: 1000 });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(3000);
    expect(load).toHaveBeenCalledTimes(4);
  });

  it('keeps watching a succeeded top-up for a return, once a minute', async () => {
    const load = loader(succeeded(), succeeded(), succeeded({ returned: true }));
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(phaseOf(tracker.getSnapshot())).toBe('succeeded');

    await vi.advanceTimersByTimeAsync(59_999);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(load).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(phaseOf(tracker.getSnapshot())).toBe('returned');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops polling when the last listener leaves and starts again with a fresh load', async () => {
    const load = loader(topUp());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    const unsubscribeA = tracker.subscribe(() => undefined);
    const unsubscribeB = tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    unsubscribeA();
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(2);

    unsubscribeB();
    unsubscribeB();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(2);

    tracker.subscribe(() => undefined);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('loads once when subscribed, unsubscribed and subscribed again at once (React StrictMode)', async () => {
    const load = loader(topUp());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    const unsubscribe = tracker.subscribe(() => undefined);
    unsubscribe();
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('does not poll a top-up it already knows is final', async () => {
    const load = loader(failed());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.push(failed());
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).not.toHaveBeenCalled();
    expect(phaseOf(tracker.getSnapshot())).toBe('failed');
  });

  it('merges live updates, ignoring a late processing event after success', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(topUp()) });
    const listener = vi.fn();
    tracker.subscribe(listener);
    await vi.advanceTimersByTimeAsync(0);

    tracker.push(succeeded());
    expect(phaseOf(tracker.getSnapshot())).toBe('succeeded');
    const afterSuccess = tracker.getSnapshot();

    tracker.push(topUp());
    expect(tracker.getSnapshot()).toBe(afterSuccess);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps a pushed success when an older poll answers afterwards', async () => {
    let answer: (value: TopUp) => void = () => undefined;
    const load = vi.fn(
      (_id: string) =>
        new Promise<TopUp>((resolve) => {
          answer = resolve;
        }),
    );
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.subscribe(() => undefined);
    tracker.push(succeeded());
    answer(topUp());
    await vi.advanceTimersByTimeAsync(0);
    expect(phaseOf(tracker.getSnapshot())).toBe('succeeded');
  });

  it('stops polling as soon as a pushed update is final', async () => {
    const load = loader(topUp());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    tracker.push(failed());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ignores updates about other top-ups', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(topUp()) });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    const before = tracker.getSnapshot();
    tracker.push({ ...failed(), id: 'ibt_2' });
    expect(tracker.getSnapshot()).toBe(before);
  });

  it('reports a failed load as an error, keeps the last top-up, and recovers on the next poll', async () => {
    const outage = new PurseError({ code: 'stripe_unavailable', message: 'Down' });
    const load = loader(topUp(), outage, succeeded());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(5000);

    const snapshot = tracker.getSnapshot();
    expect(snapshot).toMatchObject({ status: 'error', error: outage, topUp: topUp() });

    await vi.advanceTimersByTimeAsync(5000);
    expect(phaseOf(tracker.getSnapshot())).toBe('succeeded');
  });

  it('reports an error with no top-up when the first load fails', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(new Error('offline')) });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.getSnapshot()).toMatchObject({ status: 'error', topUp: null });
  });

  it('treats a load that throws instead of rejecting as a failed load', async () => {
    const tracker = new TransferTracker({
      id: 'ibt_1',
      load: () => {
        throw new Error('misconfigured client');
      },
    });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.getSnapshot()).toMatchObject({ status: 'error', topUp: null });
  });

  it('stops polling after a not-found answer until refreshed', async () => {
    const missing = new PurseError({ code: 'resource_missing', message: 'No such top-up' });
    const load = loader(missing, topUp());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(tracker.getSnapshot()).toMatchObject({ status: 'error', error: missing });

    await tracker.refresh();
    expect(phaseOf(tracker.getSnapshot())).toBe('processing');
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('refreshes on demand, sharing a load already under way', async () => {
    const load = loader(topUp(), succeeded());
    const tracker = new TransferTracker({ id: 'ibt_1', load });
    tracker.subscribe(() => undefined);
    const first = tracker.refresh();
    const second = tracker.refresh();
    expect(load).toHaveBeenCalledTimes(1);
    await Promise.all([first, second]);

    await tracker.refresh();
    expect(load).toHaveBeenCalledTimes(2);
    expect(phaseOf(tracker.getSnapshot())).toBe('succeeded');
  });

  it('never rejects from refresh, even when the load fails', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(new Error('offline')) });
    await expect(tracker.refresh()).resolves.toBeUndefined();
    expect(tracker.getSnapshot().status).toBe('error');
  });

  it('stamps snapshots with the clock it is given', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(topUp()), now: () => 42 });
    await tracker.refresh();
    expect(tracker.getSnapshot()).toMatchObject({ status: 'ready', updatedAt: 42 });
  });

  it('can be handed to useSyncExternalStore without binding its methods', async () => {
    const tracker = new TransferTracker({ id: 'ibt_1', load: loader(topUp()) });
    const { subscribe, getSnapshot } = tracker;
    const unsubscribe = subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(getSnapshot().status).toBe('ready');
    unsubscribe();
  });

  it('refuses poll intervals that are not positive', () => {
    const load = loader(topUp());
    expect(() => new TransferTracker({ id: 'ibt_1', load, pollIntervalMs: 0 })).toThrow(RangeError);
    expect(
      () => new TransferTracker({ id: 'ibt_1', load, succeededPollIntervalMs: Number.NaN }),
    ).toThrow(RangeError);
  });
});
