/**
 * `useTopUp`: a thin bridge to `@purse/core/top-up-form`'s `TopUpFormStore` (the form's machine,
 * its validation and its idempotency keys live there) plus the prop getters a view spreads on its
 * elements to stay accessible. The store's code downloads when the hook first mounts, in parallel
 * with the sources request (`state.status` is `loading-sources` until both are here), not in the
 * app's first load.
 */
import {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  LOADING_TOP_UP_SNAPSHOT,
  PurseError,
  TOP_UP_CURRENCY,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  TOP_UP_FORM_KIT,
  sourceAvailable,
  topUpLimits,
  type TopUp,
  type PurseRuntime,
  type TopUpBalanceCheck,
  type TopUpFormSnapshot,
  type TopUpFormStatus,
  type TopUpSourceList,
  type TopUpState,
} from '@purse/core';
// Types only (erased): the store's code is loaded lazily (`top-up-store-loader.ts`).
import type { TopUpFormOptions, TopUpFormStore } from '@purse/core/top-up-form';
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createTopUpPropGetters, type TopUpIds, type TopUpPropGetters } from './prop-getters.js';
import { topUpStoreCode } from './top-up-store-loader.js';
import { usePurseContext } from '../provider/purse-context.js';
import { useLatest } from '../utils/use-latest.js';

// The limits and rules are defined once, in @purse/core, for the form, the server and the sandbox.
export {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  TOP_UP_CURRENCY,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  sourceAvailable,
};
export type { TopUpBalanceCheck, TopUpFormStatus, TopUpState };
export type {
  TopUpAttempt,
  TopUpField,
  TopUpFieldError,
  TopUpFieldErrors,
  TopUpFormValues,
} from '@purse/core';

/** Every element id a view needs (`TopUpIds`), each made unique per form with `useId`. */
const ID_NAMES = [
  'sources',
  'sourceError',
  'amount',
  'amountHint',
  'amountError',
  'quickAmounts',
  'warning',
  'acknowledge',
  'acknowledgeError',
  'description',
  'descriptionHint',
  'descriptionError',
  'sameDay',
  'sameDayHint',
] as const satisfies readonly (keyof TopUpIds)[];

/** The quick amounts offered by default, in cents: $50, $100, $250. */
export const DEFAULT_QUICK_AMOUNTS: readonly number[] = [50_00, 100_00, 250_00];

export interface UseTopUpOptions {
  /**
   * The smallest top-up, in cents. Keep it in line with the server's `topUps.minAmount`.
   * @default 100
   */
  minAmount?: number | undefined;
  /**
   * The largest top-up, in cents. Keep it in line with the server's `topUps.maxAmount`.
   * @default 1_000_000
   */
  maxAmount?: number | undefined;
  /**
   * What to do when the amount is more than the bank's known available balance.
   * @default 'warn'
   */
  balanceCheck?: TopUpBalanceCheck | undefined;
  /**
   * Offer a same-day ACH transfer (the server must allow it too).
   * @default false
   */
  allowSameDay?: boolean | undefined;
  /** The source selected at first. @default the first checking account, else the first one */
  defaultSourceId?: string | undefined;
  /**
   * One-tap amounts offered next to the amount field, in cents; `[]` offers none.
   * @default [5000, 10000, 25000] ($50, $100, $250)
   */
  quickAmounts?: readonly number[] | undefined;
  /** Called once for each top-up created. */
  onSuccess?: ((topUp: TopUp) => void) | undefined;
}

/**
 * What `useTopUp()` returns. Until the form's logic (`@purse/core/top-up-form`) has downloaded,
 * `state.status` is `'loading-sources'` and every command does nothing (`review()` returns null):
 * a view shows no fields then, so nothing is lost. A failed download is `state.status` `'error'`
 * (`during: 'sources'`), and `retry()` downloads it again.
 */
export interface UseTopUpResult extends TopUpFormSnapshot, TopUpPropGetters {
  minAmount: number;
  maxAmount: number;
  currency: string;
  allowSameDay: boolean;
  /** The quick amounts offered (cents), within the limits. */
  quickAmounts: readonly number[];
  setValue: TopUpFormStore['setValue'];
  /** Marks a field as visited, so its error shows. */
  touch: TopUpFormStore['touch'];
  /**
   * Checks the form and moves to the confirm step. Returns the first field that needs attention
   * (to focus it), or null when it moved on.
   */
  review: TopUpFormStore['review'];
  /** Back from the confirm step (or an error) to the form, keeping what was entered. */
  back: TopUpFormStore['back'];
  /** Sends the top-up (once: repeated calls while one is under way do nothing). */
  confirm: TopUpFormStore['confirm'];
  /**
   * After an error: sends the same attempt again (same key), or reloads the sources (or, when
   * the form's code failed to download, downloads it again).
   */
  retry: TopUpFormStore['retry'];
  /** After a top-up started: a fresh form for another one. */
  reset: TopUpFormStore['reset'];
  /**
   * After a top-up started (one that failed, say): back to the form with what was entered,
   * with `focus` on the amount (the default) or the source.
   */
  startOver: TopUpFormStore['startOver'];
  /** Fetches the sources again (after linking a bank, say). */
  reloadSources: TopUpFormStore['reloadSources'];
}

type TopUpCommands = Pick<
  TopUpFormStore,
  | 'setValue'
  | 'touch'
  | 'review'
  | 'back'
  | 'confirm'
  | 'retry'
  | 'reset'
  | 'startOver'
  | 'reloadSources'
>;

const nothing = (): void => undefined;
/** Before the store's code is here: the form is loading, so no command has anything to do. */
const PENDING: TopUpCommands = {
  setValue: nothing,
  touch: nothing,
  review: () => null,
  back: nothing,
  confirm: nothing,
  retry: nothing,
  reset: nothing,
  startOver: nothing,
  reloadSources: nothing,
};
const noSubscription = (): (() => void) => nothing;
const loadingSnapshot = (): TopUpFormSnapshot => LOADING_TOP_UP_SNAPSHOT;

/**
 * The provider's form store once its code is here, else null (and, from mount, its code and the
 * sources download in parallel); a failed download of the code is the error it shows.
 */
function useTopUpStore(
  runtime: PurseRuntime,
  options: TopUpFormOptions,
): [store: TopUpFormStore | null, failure: PurseError | null, retry: () => void] {
  const latest = useLatest(options);
  // Already downloaded (a second form): the store is there on the first render.
  const [store, setStore] = useState(() => {
    const code = topUpStoreCode.loaded();
    return code ? new code.TopUpFormStore(runtime, options) : null;
  });
  const [failure, setFailure] = useState<PurseError | null>(null);
  // One sources request per attempt, even when StrictMode runs the effect twice.
  const sources = useRef<Promise<TopUpSourceList> | null>(null);
  useEffect(() => {
    if (store || failure) return;
    let active = true;
    const early = (sources.current ??= runtime.client.listTopUpSources());
    // Its failure is the store's to show (or moot when the code itself failed).
    early.catch(nothing);
    topUpStoreCode.load().then(
      (code) => {
        if (active)
          setStore(new code.TopUpFormStore(runtime, { ...latest.current, sources: early }));
      },
      (cause: unknown) => {
        if (!active) return;
        const error = new PurseError({
          code: 'network_error',
          message: 'The top-up form could not be downloaded.',
          cause,
        });
        latest.current.onError?.(error);
        setFailure(error);
      },
    );
    return () => {
      active = false;
    };
  }, [store, failure, runtime, latest]);
  const retry = (): void => {
    sources.current = null;
    setFailure(null);
  };
  return [store, failure, retry];
}

/**
 * The top-up flow: choose a linked bank and an amount, review, confirm, then follow the
 * transfer. Each confirmed attempt gets one Idempotency-Key, reused for every retry of it; a
 * double click never sends twice (see `TopUpFormStore` in `@purse/core/top-up-form`). Until the
 * store's code has downloaded, `state.status` is `loading-sources` and the commands do nothing.
 */
export function useTopUp(options: UseTopUpOptions = {}): UseTopUpResult {
  const ctx = usePurseContext('useTopUp');
  const onSuccess = useLatest(options.onSuccess);
  const reportError = useLatest(ctx.reportError);
  const storeOptions: TopUpFormOptions = {
    kit: TOP_UP_FORM_KIT,
    minAmount: options.minAmount,
    maxAmount: options.maxAmount,
    balanceCheck: options.balanceCheck,
    allowSameDay: options.allowSameDay,
    defaultSourceId: options.defaultSourceId,
    locale: ctx.locale,
    onSuccess: (topUp: TopUp) => onSuccess.current?.(topUp),
    onError: (error: PurseError) => reportError.current(error, 'TopUp'),
  };
  const [store, failure, retryDownload] = useTopUpStore(ctx.runtime, storeOptions);
  useEffect(() => store?.setOptions(storeOptions));
  const subscribe = store?.subscribe ?? noSubscription;
  const getSnapshot = store?.getSnapshot ?? loadingSnapshot;
  const current = useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
  const failed = useMemo<TopUpFormSnapshot | null>(
    () =>
      failure && {
        ...LOADING_TOP_UP_SNAPSHOT,
        state: { status: 'error', during: 'sources', error: failure, retryable: true },
      },
    [failure],
  );
  const snapshot = failed ?? current;
  const commands: TopUpCommands =
    store ?? (failure ? { ...PENDING, retry: retryDownload } : PENDING);

  const { minAmount, maxAmount } = topUpLimits(options);
  const quickAmounts = (options.quickAmounts ?? DEFAULT_QUICK_AMOUNTS).filter(
    (amount) => amount >= minAmount && amount <= maxAmount,
  );
  const id = useId();
  const ids = {} as TopUpIds;
  for (const name of ID_NAMES) ids[name] = `${id}-${name}`;

  const refs = useRef<Parameters<typeof createTopUpPropGetters>[0]['refs']>({
    source: { current: null },
    amount: { current: null },
    acknowledged: { current: null },
    description: { current: null },
  }).current;
  return {
    ...snapshot,
    ...createTopUpPropGetters({ ids, refs, snapshot, store: commands, locale: ctx.locale }),
    minAmount,
    maxAmount,
    currency: TOP_UP_CURRENCY,
    allowSameDay: store?.allowSameDay ?? false,
    quickAmounts,
    setValue: commands.setValue,
    touch: commands.touch,
    review: commands.review,
    back: commands.back,
    confirm: commands.confirm,
    retry: commands.retry,
    reset: commands.reset,
    startOver: commands.startOver,
    reloadSources: commands.reloadSources,
  };
}
