/**
 * One `TransferTracker` per top-up per provider, shared by every view of it (the top-up form's
 * tracker, a `<TransferStatus>` for the same id): one poller per transfer. The tracker's own
 * timer is that poller; live `transfer.updated` events are pushed into it.
 */
import { isPurseError } from '../../contract/errors.js';
import type { TopUp } from '../../contract/types.js';
import { TransferTracker } from '../../transfers/transfer-tracker.js';
import type { PurseRuntime } from '../purse-runtime.js';

export interface TrackTransferOptions {
  /** Time between loads while the top-up is under way, in ms. @default 5000 */
  pollIntervalMs?: number | undefined;
  /** A view of the top-up already in hand (e.g. the one just created), shown at once. */
  initial?: TopUp | undefined;
}

export class TransferTrackers {
  readonly #runtime: PurseRuntime;
  readonly #trackers = new Map<string, TransferTracker>();

  constructor(runtime: PurseRuntime) {
    this.#runtime = runtime;
  }

  /** The shared tracker for `id` (the same one for the same id and interval). */
  get(id: string, options: TrackTransferOptions = {}): TransferTracker {
    const key = `${id}|${String(options.pollIntervalMs ?? '')}`;
    let tracker = this.#trackers.get(key);
    if (!tracker) {
      const { client } = this.#runtime;
      tracker = new TransferTracker({
        id,
        load: (topUpId) => client.getTopUp(topUpId),
        now: () => client.now() * 1000,
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
      });
      this.#trackers.set(key, tracker);
    }
    if (options.initial?.id === id) tracker.push(options.initial);
    return tracker;
  }

  /**
   * Cancels the top-up and shows the answer in every view of it. When the server says it can no
   * longer be canceled (it went to the bank meanwhile), its trackers load where it stands now,
   * and the error is passed on for the view to explain.
   */
  async cancel(id: string): Promise<TopUp> {
    try {
      const canceled = await this.#runtime.client.cancelTopUp(id);
      this.#forEach(id, (tracker) => {
        tracker.push(canceled);
      });
      return canceled;
    } catch (error) {
      if (isPurseError(error) && error.code === 'transfer_not_cancelable')
        this.#forEach(id, (tracker) => void tracker.refresh());
      throw error;
    }
  }

  #forEach(id: string, act: (tracker: TransferTracker) => void): void {
    for (const tracker of this.#trackers.values()) if (tracker.id === id) act(tracker);
  }

  /** Feeds live `transfer.updated` events to the trackers; returns the unsubscribe. */
  listen(): () => void {
    return this.#runtime.live.subscribe('transfer.updated', (event) => {
      for (const tracker of this.#trackers.values()) tracker.push(event.data);
    });
  }
}
