import {
  TransferTrackers,
  formatMoney,
  transferPhase,
  type PurseError,
  type TopUp,
  type TransferPhase,
  type TransferSnapshot,
  toPurseError,
} from '@purse/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';
import { transferStatusText } from './messages.js';
import {
  useInboundTransferPropGetters,
  type InboundTransferPropGetters,
} from './transfer-prop-getters.js';

export interface UseInboundTransferOptions {
  /** The top-up to follow: the `id` `createTopUp` returned. */
  topUpId: string;
  /**
   * A view of the top-up you already have (the one `createTopUp` returned), shown at once instead
   * of a loading state; the hook still fetches the latest.
   */
  initialTopUp?: TopUp | undefined;
  /**
   * How often to fetch the top-up while it is under review or processing, in milliseconds. Live
   * events usually report changes first; this is the fallback.
   * @default 5000
   */
  pollIntervalMs?: number | undefined;
  /** Called when the top-up moves to another phase (not for the first status loaded). */
  onPhaseChange?: ((phase: TransferPhase, topUp: TopUp) => void) | undefined;
}

/**
 * What is known about the top-up. `status` is its phase once loaded; `error` means we could not
 * load it at all (not that the bank refused it: that is `failed`).
 */
export type InboundTransferState =
  | { status: 'loading' }
  | {
      status: TransferPhase;
      topUp: TopUp;
      /** Set when the latest check for updates failed; `topUp` is the last view received. */
      refreshError: PurseError | null;
    }
  | { status: 'error'; error: PurseError };

/** The cancel flow: ask for confirmation, then cancel. */
export type CancelState =
  | { status: 'idle' }
  | { status: 'confirming' }
  | { status: 'canceling' }
  | { status: 'error'; error: PurseError };

export interface UseInboundTransferResult extends InboundTransferPropGetters {
  state: InboundTransferState;
  cancel: CancelState;
  /** Whether a cancel can be offered now: Stripe says `cancelable` and it has not finished. */
  canCancel: boolean;
  /** Asks the person to confirm the cancel. */
  requestCancel: () => void;
  /** Cancels the top-up (one request at a time). */
  confirmCancel: () => void;
  /** Drops the cancel question or the cancel error. */
  dismissCancel: () => void;
  /** Fetches the top-up now (after a load error, say). */
  refresh: () => void;
}

/**
 * Follows one top-up (a Treasury InboundTransfer) until nothing more can happen to it. Built on
 * core's `TransferTracker`: live `transfer.updated` events are merged as they come (a late
 * `processing` never undoes `succeeded`), and the top-up is fetched on an interval while it can
 * still change (one shared tracker per transfer, so one poller however many views show it).
 */
export function useInboundTransfer(options: UseInboundTransferOptions): UseInboundTransferResult {
  const ctx = usePurseContext('useInboundTransfer');
  const m = useMessages(transferStatusText, 'useInboundTransfer');
  const { topUpId, pollIntervalMs } = options;
  const initialRef = useRef(options.initialTopUp);
  initialRef.current = options.initialTopUp;
  const trackers = ctx.runtime.store(TransferTrackers);

  // Shared per provider and top-up: two views of one transfer poll it once. The tracker's own
  // timer is the one poller of this transfer, whether the live stream is up or not (no
  // `live.onPoll` here: two pollers used to load it twice per tick).
  const tracker = useMemo(
    () => trackers.get(topUpId, { pollIntervalMs, initial: initialRef.current }),
    [trackers, topUpId, pollIntervalMs],
  );
  const snapshot = useSyncExternalStore(
    tracker.subscribe,
    tracker.getSnapshot,
    tracker.getSnapshot,
  );
  useEffect(() => trackers.listen(), [trackers]);

  // Report each run of failed loads once, not every failed poll.
  const reported = useRef(false);
  useEffect(() => {
    if (snapshot.status !== 'error') {
      reported.current = false;
      return;
    }
    if (reported.current) return;
    reported.current = true;
    ctx.reportError(toPurseError(snapshot.error), 'TransferStatus');
  }, [snapshot, ctx]);

  const state = useMemo(() => stateOf(snapshot), [snapshot]);
  const topUp = state.status === 'loading' || state.status === 'error' ? null : state.topUp;

  // Each change of phase (not the first one loaded): tell the host, and announce it.
  const [announcement, setAnnouncement] = useState('');
  const onPhaseChange = useLatest(options.onPhaseChange);
  const previousPhase = useRef<TransferPhase | null>(null);
  useEffect(() => {
    if (state.status === 'loading' || state.status === 'error') return;
    const previous = previousPhase.current;
    previousPhase.current = state.status;
    if (previous === null || previous === state.status) return;
    const { amount, currency } = state.topUp;
    setAnnouncement(
      m.announce[state.status](formatMoney(amount, { currency, locale: ctx.locale })),
    );
    onPhaseChange.current?.(state.status, state.topUp);
  }, [state, onPhaseChange, m, ctx.locale]);

  const [cancel, setCancel] = useState<CancelState>({ status: 'idle' });
  const canceling = useRef(false);
  useEffect(() => {
    setCancel({ status: 'idle' });
  }, [topUpId]);

  const canCancel =
    topUp !== null &&
    topUp.cancelable &&
    (topUp.status === 'processing' || topUp.status === 'requires_confirmation');

  const requestCancel = useCallback(() => {
    if (!canceling.current) setCancel({ status: 'confirming' });
  }, []);
  const dismissCancel = useCallback(() => {
    if (!canceling.current) setCancel({ status: 'idle' });
  }, []);
  const confirmCancel = useCallback(() => {
    if (canceling.current) return;
    canceling.current = true;
    setCancel({ status: 'canceling' });
    trackers.cancel(topUpId).then(
      () => {
        canceling.current = false;
        setCancel({ status: 'idle' });
      },
      (reason: unknown) => {
        canceling.current = false;
        const error = toPurseError(reason);
        ctx.reportError(error, 'TransferStatus');
        setCancel({ status: 'error', error });
      },
    );
  }, [ctx, topUpId, trackers]);
  const refresh = useCallback(() => void tracker.refresh(), [tracker]);

  const getters = useInboundTransferPropGetters({
    state,
    cancel,
    announcement,
    timelineLabel: m.timelineLabel,
    requestCancel,
    confirmCancel,
    dismissCancel,
  });
  return {
    state,
    cancel,
    canCancel,
    requestCancel,
    confirmCancel,
    dismissCancel,
    refresh,
    ...getters,
  };
}

/** The view's state from the tracker's snapshot: a failed refresh keeps the last top-up. */
function stateOf(snapshot: TransferSnapshot): InboundTransferState {
  switch (snapshot.status) {
    case 'loading':
      return { status: 'loading' };
    case 'ready':
      return { status: snapshot.phase, topUp: snapshot.topUp, refreshError: null };
    case 'error': {
      const error = toPurseError(snapshot.error);
      if (!snapshot.topUp) return { status: 'error', error };
      return { status: transferPhase(snapshot.topUp), topUp: snapshot.topUp, refreshError: error };
    }
  }
}
