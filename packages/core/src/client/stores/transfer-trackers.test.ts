import { afterEach, describe, expect, it, vi } from 'vitest';
import { PurseError } from '../../contract/errors.js';
import type { TopUp } from '../../contract/types.js';
import { topUp } from '../../transfers/test-fixtures.js';
import { LiveUpdates } from '../live-updates.js';
import type { PurseClient } from '../purse-client.js';
import { PurseRuntime } from '../purse-runtime.js';
import { countingClient } from '../test-support.js';
import { TransferTrackers } from './transfer-trackers.js';

/** A fixed wall clock, so the test runs the same on any date and in any time zone. */
const PINNED = new Date('2026-03-10T15:00:00Z');

function setUp(cancelTopUp: PurseClient['cancelTopUp']) {
  const views = { current: topUp({ id: 'ibt_1' }) };
  const base = countingClient({});
  const client: PurseClient & { calls: string[] } = {
    ...base,
    getTopUp: (id) => {
      base.calls.push(`getTopUp ${id}`);
      return Promise.resolve(structuredClone(views.current));
    },
    cancelTopUp,
  };
  // No stream URL: the live connection polls, as it does when a browser cannot keep SSE open.
  const live = new LiveUpdates({ url: null, pollIntervalMs: 5000 });
  const runtime = new PurseRuntime({ client, live });
  const loads = (): number => client.calls.filter((call) => call === 'getTopUp ibt_1').length;
  return { views, client, live, runtime, trackers: runtime.store(TransferTrackers), loads };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TransferTrackers', () => {
  it('loads a transfer once per interval over a minute, with the live stream polling too', async () => {
    vi.useFakeTimers({ now: PINNED });
    const { trackers, live, runtime, loads } = setUp(() => Promise.reject(new Error('unused')));
    // What a page does: the form's tracker, a status card and a second card of the same top-up,
    // each listening for live events, and something else polling through the live connection.
    const stopListening = [trackers.listen(), trackers.listen()];
    const otherPolls = vi.fn();
    const stopOther = live.onPoll(otherPolls);
    const views = [trackers.get('ibt_1'), trackers.get('ibt_1'), trackers.get('ibt_1')];
    const stops = views.map((tracker) => tracker.subscribe(() => {}));
    await vi.advanceTimersByTimeAsync(0);
    expect(loads()).toBe(1);

    await vi.advanceTimersByTimeAsync(60_000);
    // One first load, then one every 5 s: 13, not 13 per view nor one more per live poll.
    expect(loads()).toBe(13);
    expect(otherPolls.mock.calls.length).toBeGreaterThanOrEqual(11);

    for (const stop of [...stops, ...stopListening, stopOther]) stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(loads()).toBe(13);
    runtime.close();
  });

  it('cancels and shows the canceled top-up in every view of it', async () => {
    const canceled = topUp({ id: 'ibt_1', status: 'canceled', cancelable: false });
    const cancelTopUp = vi.fn((id: string) => {
      expect(id).toBe('ibt_1');
      return Promise.resolve(structuredClone(canceled));
    });
    const { trackers, runtime } = setUp(cancelTopUp);
    const tracker = trackers.get('ibt_1');
    const stop = tracker.subscribe(() => {});
    await expect(trackers.cancel('ibt_1')).resolves.toMatchObject({ status: 'canceled' });
    expect(cancelTopUp).toHaveBeenCalledTimes(1);
    expect(tracker.getSnapshot()).toMatchObject({ status: 'ready', phase: 'canceled' });
    stop();
    runtime.close();
  });

  it('loads where the top-up stands when it can no longer be canceled, and passes the error on', async () => {
    const refused = new PurseError({ code: 'transfer_not_cancelable', message: 'Sent.' });
    const { trackers, views, runtime, loads } = setUp(() => Promise.reject(refused));
    const tracker = trackers.get('ibt_1');
    const stop = tracker.subscribe(() => {});
    await tracker.refresh();
    const before = loads();
    views.current = topUp({ id: 'ibt_1', cancelable: false }) satisfies TopUp;
    await expect(trackers.cancel('ibt_1')).rejects.toBe(refused);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loads()).toBeGreaterThan(before);
    expect(tracker.getSnapshot()).toMatchObject({ status: 'ready', topUp: { cancelable: false } });
    stop();
    runtime.close();
  });
});
