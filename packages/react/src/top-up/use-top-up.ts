import {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  TOP_UP_CURRENCY,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  parseMoneyInput,
  spendableBalance,
  type ParseMoneyFailureReason,
  type PurseError,
  type PurseErrorCode,
  type PurseLocale,
  type TopUp,
  type TopUpRequest,
  type TopUpSource,
  toPurseError,
} from '@purse/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  createTopUpPropGetters,
  type TopUpFieldRefs,
  type TopUpIds,
  type TopUpPropGetters,
} from './prop-getters.js';
import { usePurseContext } from '../provider/purse-context.js';
import { newIdempotencyKey } from '../utils/idempotency-key.js';
import { useLatest } from '../utils/use-latest.js';

// The limits are defined once, in @purse/core, for the form, the server and the sandbox.
export {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  TOP_UP_CURRENCY,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
};

/**
 * What to do when the amount is more than the chosen bank's known available balance:
 * `warn` asks the person to acknowledge the risk, `block` refuses, `off` says nothing.
 */
export type TopUpBalanceCheck = 'warn' | 'block' | 'off';

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
  /** The source selected at first. @default the first one */
  defaultSourceId?: string | undefined;
  /** Called once for each top-up created. */
  onSuccess?: ((topUp: TopUp) => void) | undefined;
}

export interface TopUpFormValues {
  sourceId: string | null;
  /** As typed, in the provider locale's number format. */
  amount: string;
  description: string;
  sameDay: boolean;
  /** Whether the person accepted the balance warning. */
  acknowledged: boolean;
}

export type TopUpField = 'source' | 'amount' | 'acknowledged' | 'description';

/** Why a field is not valid yet; views turn it into words. Amounts are in cents. */
export type TopUpFieldError =
  | { code: 'source_required' }
  | { code: 'amount_required' }
  | { code: 'amount_not_a_number' }
  | { code: 'amount_too_many_decimals' }
  | { code: 'amount_negative' }
  | { code: 'amount_too_small'; min: number }
  | { code: 'amount_too_large'; max: number }
  | { code: 'amount_over_balance'; available: number }
  | { code: 'description_too_long'; max: number }
  | { code: 'acknowledgement_required' };

export type TopUpFieldErrors = Partial<Record<TopUpField, TopUpFieldError>>;

/** One confirmed top-up attempt: what will be sent, and the key that makes retries safe. */
export interface TopUpAttempt {
  request: TopUpRequest;
  source: TopUpSource;
  /** The Idempotency-Key of this attempt; every retry of it sends the same one. */
  idempotencyKey: string;
  /** The amount is more than the source's known available balance (and the person accepted that). */
  overBalance: boolean;
}

export type TopUpState =
  | { status: 'loading-sources' }
  | { status: 'no-sources' }
  | { status: 'editing' }
  | { status: 'confirming'; attempt: TopUpAttempt }
  | { status: 'submitting'; attempt: TopUpAttempt }
  | { status: 'submitted'; topUp: TopUp }
  | { status: 'error'; during: 'sources'; error: PurseError; retryable: true }
  | {
      status: 'error';
      during: 'submit';
      error: PurseError;
      attempt: TopUpAttempt;
      /** Whether sending the same attempt again may work (network, 5xx, key in use, rate limit). */
      retryable: boolean;
    };

/** Where the top-up form is (not a transfer's status: that is `TopUpStatus` in @purse/core). */
export type TopUpFormStatus = TopUpState['status'];

export interface UseTopUpResult extends TopUpPropGetters {
  state: TopUpState;
  /** The banks the person can top up from. */
  sources: TopUpSource[];
  values: TopUpFormValues;
  /** Errors to show now: for fields the person has left, or all of them after `review()`. */
  errors: TopUpFieldErrors;
  /** The chosen source. */
  source: TopUpSource | null;
  /** The amount in cents, when the text reads as one. */
  amount: number | null;
  /** Set when `balanceCheck` is `warn` and the amount is more than the source's known available balance. */
  balanceWarning: { available: number; currency: string } | null;
  minAmount: number;
  maxAmount: number;
  currency: string;
  allowSameDay: boolean;
  setValue: <K extends keyof TopUpFormValues>(field: K, value: TopUpFormValues[K]) => void;
  /** Marks a field as visited, so its error shows. */
  touch: (field: TopUpField) => void;
  /**
   * Checks the form and moves to the confirm step. Returns the first field that needs attention
   * (to focus it), or null when it moved on.
   */
  review: () => TopUpField | null;
  /** Back from the confirm step (or an error) to the form, keeping what was entered. */
  back: () => void;
  /** Sends the top-up (once: repeated calls while one is under way do nothing). */
  confirm: () => void;
  /** After an error: sends the same attempt again (same key), or reloads the sources. */
  retry: () => void;
  /** After a top-up started: a fresh form for another one. */
  reset: () => void;
  /** Fetches the sources again (after linking a bank, say). */
  reloadSources: () => void;
}

/**
 * Errors that may go away by sending the very same attempt again: we could not reach the server,
 * it or Stripe had a problem (5xx), it is still working on this key (409 `idempotency_key_in_use`),
 * or it asked us to slow down. Other 409s (a disconnected bank) will not.
 */
const RETRYABLE: ReadonlySet<PurseErrorCode> = new Set<PurseErrorCode>([
  'network_error',
  'rate_limited',
  'idempotency_key_in_use',
  'stripe_unavailable',
  'internal_error',
]);

function isRetryable(error: PurseError): boolean {
  return RETRYABLE.has(error.code) || error.status >= 500;
}

/** What can be taken from the source: available, else current; null when unknown. */
export function sourceAvailable(source: TopUpSource | null): number | null {
  const balance = source?.balance;
  if (balance?.type !== 'cash' || balance.currency.toLowerCase() !== TOP_UP_CURRENCY) return null;
  return spendableBalance(balance);
}

function sameRequest(a: TopUpRequest, b: TopUpRequest): boolean {
  return (
    a.sourceId === b.sourceId &&
    a.amount === b.amount &&
    a.description === b.description &&
    a.sameDay === b.sameDay &&
    a.statementDescriptor === b.statementDescriptor
  );
}

const AMOUNT_PARSE_ERRORS = {
  empty: 'amount_required',
  not_a_number: 'amount_not_a_number',
  too_many_decimals: 'amount_too_many_decimals',
  negative: 'amount_negative',
} as const satisfies Record<ParseMoneyFailureReason, TopUpFieldError['code']>;

const FIELD_ORDER: readonly TopUpField[] = ['source', 'amount', 'acknowledged', 'description'];

interface Validation {
  errors: TopUpFieldErrors;
  amount: number | null;
  overBalance: number | null;
}

function validate(
  values: TopUpFormValues,
  source: TopUpSource | null,
  limits: { minAmount: number; maxAmount: number; balanceCheck: TopUpBalanceCheck },
  locale: PurseLocale,
): Validation {
  const errors: TopUpFieldErrors = {};
  if (!source) errors.source = { code: 'source_required' };
  let amount: number | null = null;
  let overBalance: number | null = null;
  const parsed = parseMoneyInput(values.amount, { currency: TOP_UP_CURRENCY, locale });
  if (!parsed.ok) {
    errors.amount = { code: AMOUNT_PARSE_ERRORS[parsed.reason] };
  } else {
    amount = parsed.amount;
    const available = sourceAvailable(source);
    if (amount < limits.minAmount)
      errors.amount = { code: 'amount_too_small', min: limits.minAmount };
    else if (amount > limits.maxAmount)
      errors.amount = { code: 'amount_too_large', max: limits.maxAmount };
    else if (available !== null && amount > available && limits.balanceCheck !== 'off') {
      if (limits.balanceCheck === 'block')
        errors.amount = { code: 'amount_over_balance', available };
      else {
        overBalance = available;
        if (!values.acknowledged) errors.acknowledged = { code: 'acknowledgement_required' };
      }
    }
  }
  if (values.description.length > TOP_UP_DESCRIPTION_MAX_LENGTH)
    errors.description = { code: 'description_too_long', max: TOP_UP_DESCRIPTION_MAX_LENGTH };
  return { errors, amount, overBalance };
}

function pickSource(
  sources: readonly TopUpSource[],
  current: string | null,
  preferred: string | undefined,
): string | null {
  if (current && sources.some((s) => s.id === current)) return current;
  if (preferred && sources.some((s) => s.id === preferred)) return preferred;
  return sources[0]?.id ?? null;
}

const EMPTY_VALUES: TopUpFormValues = {
  sourceId: null,
  amount: '',
  description: '',
  sameDay: false,
  acknowledged: false,
};

/**
 * The top-up flow: choose a linked bank and an amount, review, confirm, then follow the
 * transfer. Each confirmed attempt gets one Idempotency-Key, made when the person reaches the
 * confirm step and reused for every retry of that attempt (and when they go back and confirm the
 * same thing again); only a changed top-up gets a new key. A double click never sends twice.
 */
export function useTopUp(options: UseTopUpOptions = {}): UseTopUpResult {
  const ctx = usePurseContext('useTopUp');
  const { client, live, locale } = ctx;
  const minAmount = options.minAmount ?? DEFAULT_TOP_UP_MIN_AMOUNT;
  const maxAmount = options.maxAmount ?? DEFAULT_TOP_UP_MAX_AMOUNT;
  const balanceCheck = options.balanceCheck ?? 'warn';
  const allowSameDay = options.allowSameDay ?? false;
  const onSuccess = useLatest(options.onSuccess);
  const reportError = useLatest(ctx.reportError);
  const defaultSourceId = useLatest(options.defaultSourceId);

  const [state, setState] = useState<TopUpState>({ status: 'loading-sources' });
  const stateRef = useRef(state);
  const go = useCallback((next: TopUpState) => {
    stateRef.current = next;
    setState(next);
  }, []);
  const [sources, setSources] = useState<TopUpSource[]>([]);
  const [values, setValues] = useState<TopUpFormValues>(EMPTY_VALUES);
  const [touched, setTouched] = useState<ReadonlySet<TopUpField>>(() => new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  // The latest confirmed attempt: its key is reused until the top-up changes or succeeds.
  const attempt = useRef<TopUpAttempt | null>(null);
  const inFlight = useRef(false);
  const mounted = useRef(false);
  const loads = useRef(0);

  const loadSources = useCallback(
    (quiet: boolean) => {
      const load = ++loads.current;
      if (!quiet) go({ status: 'loading-sources' });
      client.listTopUpSources().then(
        ({ data }) => {
          if (!mounted.current || load !== loads.current) return;
          setSources(data);
          setValues((v) => {
            const sourceId = pickSource(data, v.sourceId, defaultSourceId.current);
            return sourceId === v.sourceId ? v : { ...v, sourceId, acknowledged: false };
          });
          const current = stateRef.current.status;
          if (current === 'loading-sources' || current === 'no-sources' || current === 'error')
            go(data.length === 0 ? { status: 'no-sources' } : { status: 'editing' });
          else if (current === 'editing' && data.length === 0) go({ status: 'no-sources' });
        },
        (reason: unknown) => {
          if (!mounted.current || load !== loads.current || quiet) return;
          const error = toPurseError(reason);
          reportError.current(error, 'TopUp');
          go({ status: 'error', during: 'sources', error, retryable: true });
        },
      );
    },
    [client, go, defaultSourceId, reportError],
  );

  useEffect(() => {
    mounted.current = true;
    loadSources(false);
    return () => {
      mounted.current = false;
      // An answer to this load belongs to this mount only.
      loads.current += 1;
    };
  }, [loadSources]);

  // A bank linked elsewhere on the page shows up here without a reload.
  const watchingSources = state.status === 'no-sources' || state.status === 'editing';
  useEffect(() => {
    if (!watchingSources) return;
    return live.subscribe('account.updated', () => loadSources(true));
  }, [live, loadSources, watchingSources]);

  const source = sources.find((s) => s.id === values.sourceId) ?? null;
  const validation = useMemo(
    () => validate(values, source, { minAmount, maxAmount, balanceCheck }, locale),
    [values, source, minAmount, maxAmount, balanceCheck, locale],
  );
  const errors = useMemo(() => {
    if (showAllErrors) return validation.errors;
    const shown: TopUpFieldErrors = {};
    for (const field of FIELD_ORDER) {
      const error = validation.errors[field];
      // The acknowledgement is asked for on Continue, not while typing the amount.
      if (error && touched.has(field) && field !== 'acknowledged') shown[field] = error;
    }
    return shown;
  }, [validation, touched, showAllErrors]);

  const setValue = useCallback(
    <K extends keyof TopUpFormValues>(field: K, value: TopUpFormValues[K]) => {
      setValues((v) => {
        const next = { ...v, [field]: value };
        // A new amount or bank needs a new acknowledgement of the balance risk.
        if (field === 'amount' || field === 'sourceId') next.acknowledged = false;
        return next;
      });
    },
    [],
  );

  const touch = useCallback((field: TopUpField) => {
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)));
  }, []);

  const review = useCallback((): TopUpField | null => {
    if (stateRef.current.status !== 'editing') return null;
    setShowAllErrors(true);
    const first = FIELD_ORDER.find((field) => validation.errors[field]);
    if (first) return first;
    if (!source || validation.amount === null) return 'amount';
    const description = values.description.trim();
    const request: TopUpRequest = {
      sourceId: source.id,
      amount: validation.amount,
      currency: TOP_UP_CURRENCY,
      ...(description ? { description } : {}),
      ...(allowSameDay && values.sameDay ? { sameDay: true } : {}),
    };
    const previous = attempt.current;
    const next: TopUpAttempt = {
      request,
      source,
      idempotencyKey:
        previous && sameRequest(previous.request, request)
          ? previous.idempotencyKey
          : newIdempotencyKey(),
      overBalance: validation.overBalance !== null,
    };
    attempt.current = next;
    go({ status: 'confirming', attempt: next });
    return null;
  }, [validation, source, values, allowSameDay, go]);

  const back = useCallback(() => {
    const current = stateRef.current;
    if (
      current.status === 'confirming' ||
      (current.status === 'error' && current.during === 'submit')
    )
      go({ status: 'editing' });
  }, [go]);

  const confirm = useCallback(() => {
    const current = stateRef.current;
    const sending = attempt.current;
    const ready =
      current.status === 'confirming' ||
      (current.status === 'error' && current.during === 'submit' && current.retryable);
    if (inFlight.current || !ready || !sending) return;
    inFlight.current = true;
    go({ status: 'submitting', attempt: sending });
    client.createTopUp(sending.request, { idempotencyKey: sending.idempotencyKey }).then(
      (topUp) => {
        inFlight.current = false;
        // Done: the next top-up, even an identical one, is a new attempt with a new key.
        if (attempt.current === sending) attempt.current = null;
        if (mounted.current) go({ status: 'submitted', topUp });
        onSuccess.current?.(topUp);
      },
      (reason: unknown) => {
        inFlight.current = false;
        const error = toPurseError(reason);
        reportError.current(error, 'TopUp');
        // The server tied this key to another request: only a fresh attempt can go through.
        if (error.code === 'idempotency_key_reused' && attempt.current === sending)
          attempt.current = null;
        if (mounted.current)
          go({
            status: 'error',
            during: 'submit',
            error,
            attempt: sending,
            retryable: error.code !== 'idempotency_key_reused' && isRetryable(error),
          });
      },
    );
  }, [client, go, onSuccess, reportError]);

  const retry = useCallback(() => {
    const current = stateRef.current;
    if (current.status !== 'error') return;
    if (current.during === 'sources') loadSources(false);
    else if (current.retryable) confirm();
  }, [confirm, loadSources]);

  const reset = useCallback(() => {
    if (stateRef.current.status !== 'submitted') return;
    setValues((v) => ({ ...EMPTY_VALUES, sourceId: v.sourceId }));
    setTouched(new Set());
    setShowAllErrors(false);
    go({ status: 'editing' });
    // Balances moved: show the latest.
    loadSources(true);
  }, [go, loadSources]);

  const reloadSources = useCallback(
    () => loadSources(stateRef.current.status === 'editing'),
    [loadSources],
  );

  const balanceWarning =
    validation.overBalance === null
      ? null
      : { available: validation.overBalance, currency: TOP_UP_CURRENCY };
  const id = useId();
  const ids: TopUpIds = {
    sources: `${id}-sources`,
    sourceError: `${id}-source-error`,
    amount: `${id}-amount`,
    amountHint: `${id}-amount-hint`,
    amountError: `${id}-amount-error`,
    warning: `${id}-warning`,
    acknowledge: `${id}-acknowledge`,
    acknowledgeError: `${id}-acknowledge-error`,
    description: `${id}-description`,
    descriptionHint: `${id}-description-count`,
    descriptionError: `${id}-description-error`,
    sameDay: `${id}-same-day`,
    sameDayHint: `${id}-same-day-hint`,
  };
  const refs = useRef<TopUpFieldRefs>({
    source: { current: null },
    amount: { current: null },
    acknowledged: { current: null },
    description: { current: null },
  }).current;
  return {
    ...createTopUpPropGetters({
      ids,
      refs,
      state,
      values,
      errors,
      sources,
      balanceWarning,
      setValue,
      touch,
      review,
      confirm,
      back,
    }),
    state,
    sources,
    values,
    errors,
    source,
    amount: validation.amount,
    balanceWarning,
    minAmount,
    maxAmount,
    currency: TOP_UP_CURRENCY,
    allowSameDay,
    setValue,
    touch,
    review,
    back,
    confirm,
    retry,
    reset,
    reloadSources,
  };
}
