/**
 * The top-up form as a framework-free machine: choose a linked bank and an amount, review,
 * confirm, then follow the transfer. Each confirmed attempt gets one Idempotency-Key, made when
 * the person reaches the confirm step and reused for every retry of that attempt (and when they
 * go back and confirm the same thing again); only a changed top-up gets a new key. A double
 * confirm never sends twice. One store per form (not per provider): `new TopUpFormStore(...)`.
 */
/*
 * This module imports at run time only what `@purse/core`'s main entry does not reach (the ACH
 * calendar, money parsing, the amount checks): the rest comes in through `options.kit`.
 */
import type { PurseError, PurseErrorCode } from '../../contract/errors.js';
import { expectedArrivalDate, toIsoDate } from '../../dates/business-days.js';
import type { TopUp, TopUpRequest, TopUpSource, TopUpSourceList } from '../../contract/types.js';
import type { PurseLocale } from '../../locale/locale.js';
import { parseMoneyInput, type ParseMoneyFailureReason } from '../../money/parse-money-input.js';
import type { TopUpAmountProblem, TopUpBalanceCheck } from '../../rules/top-up.js';
import { checkTopUpAmount, defaultTopUpSource } from '../../rules/top-up-checks.js';
import type { TransferPhase } from '../../transfers/transfer-status.js';
import type { PurseRuntime } from '../purse-runtime.js';
import type { TopUpFormKit } from './top-up-form-kit.js';

export interface TopUpFormOptions {
  /** The rules and helpers from `@purse/core`: `TOP_UP_FORM_KIT`. */
  kit: TopUpFormKit;
  /** The smallest top-up, in cents (keep it in line with the server's). @default 100 */
  minAmount?: number | undefined;
  /** The largest top-up, in cents (keep it in line with the server's). @default 1_000_000 */
  maxAmount?: number | undefined;
  /** What to do when the amount is more than the bank's known available balance. @default 'warn' */
  balanceCheck?: TopUpBalanceCheck | undefined;
  /** Offer a same-day ACH transfer (the server must allow it too). @default false */
  allowSameDay?: boolean | undefined;
  /** The source selected at first. @default the first checking account, else the first one */
  defaultSourceId?: string | undefined;
  /** Parses typed amounts in this locale's number format. @default 'en' */
  locale?: PurseLocale | undefined;
  /** Called once for each top-up created. */
  onSuccess?: ((topUp: TopUp) => void) | undefined;
  /** Called with every error the form meets (for the provider's `onError`). */
  onError?: ((error: PurseError) => void) | undefined;
  /**
   * A sources request already under way (started while this code downloaded): the first load
   * of the sources uses it instead of asking again. @default none
   */
  sources?: Promise<TopUpSourceList> | undefined;
}

export interface TopUpFormValues {
  sourceId: string | null;
  /** As typed, in the locale's number format. */
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
  | TopUpAmountProblem
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
  /** When the money should arrive if sent now, `YYYY-MM-DD` (see `expectedArrivalDate`). */
  arrivesOn: string;
}

export type TopUpState =
  | { status: 'loading-sources' }
  | { status: 'no-sources' }
  /** `focus`: the field a view should focus on arrival (after `startOver`, `back`, `reset`). */
  | { status: 'editing'; focus?: 'amount' | 'source' | undefined }
  | { status: 'confirming'; attempt: TopUpAttempt }
  | { status: 'submitting'; attempt: TopUpAttempt }
  /** `phase`: where the transfer is now, followed through the provider's shared tracker. */
  | { status: 'submitted'; topUp: TopUp; phase: TransferPhase }
  | { status: 'error'; during: 'sources'; error: PurseError; retryable: true }
  | {
      status: 'error';
      during: 'submit';
      error: PurseError;
      attempt: TopUpAttempt;
      /** Whether sending the same attempt again may work (network, 5xx, key in use, rate limit). */
      retryable: boolean;
    };

/** Where the top-up form is (not a transfer's status: that is `TopUpStatus`). */
export type TopUpFormStatus = TopUpState['status'];

export interface TopUpFormSnapshot {
  state: TopUpState;
  /** The banks the person can top up from. */
  sources: readonly TopUpSource[];
  values: TopUpFormValues;
  /** Errors to show now: for fields the person has left, or all of them after `review()`. */
  errors: TopUpFieldErrors;
  /** The chosen source. */
  source: TopUpSource | null;
  /** The amount in cents, when the text reads as one. */
  amount: number | null;
  /** Set when `balanceCheck` is `warn` and the amount is more than the source's known available balance. */
  balanceWarning: { available: number; currency: string } | null;
}

/** Errors that may go away by sending the very same attempt again (other 409s will not). */
const RETRYABLE: ReadonlySet<PurseErrorCode> = new Set<PurseErrorCode>([
  'network_error',
  'rate_limited',
  'idempotency_key_in_use',
  'stripe_unavailable',
  'internal_error',
]);

const AMOUNT_PARSE_ERRORS = {
  empty: 'amount_required',
  not_a_number: 'amount_not_a_number',
  too_many_decimals: 'amount_too_many_decimals',
  negative: 'amount_negative',
} as const satisfies Record<ParseMoneyFailureReason, TopUpFieldError['code']>;

const VALIDATION_OPTIONS = ['minAmount', 'maxAmount', 'balanceCheck', 'locale'] as const;

const FIELD_ORDER: readonly TopUpField[] = ['source', 'amount', 'acknowledged', 'description'];

/** A fresh random key for one top-up attempt. */
export function newIdempotencyKey(): string {
  // Web Crypto in browsers and Node 19+; core is built without DOM types, so it is looked up.
  const { crypto } = globalThis as { crypto?: { randomUUID?: () => string } };
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  // Old browsers: good enough entropy for an idempotency key.
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

function sameRequest(a: TopUpRequest, b: TopUpRequest): boolean {
  return (
    a.sourceId === b.sourceId &&
    a.amount === b.amount &&
    a.description === b.description &&
    a.sameDay === b.sameDay
  );
}

interface Validation {
  errors: TopUpFieldErrors;
  amount: number | null;
  overBalance: number | null;
}

export class TopUpFormStore {
  readonly #runtime: PurseRuntime;
  #options: TopUpFormOptions;
  readonly #listeners = new Set<() => void>();
  #state: TopUpState = { status: 'loading-sources' };
  #sources: readonly TopUpSource[] = [];
  #values: TopUpFormValues;
  #touched = new Set<TopUpField>();
  #showAll = false;
  /** The latest confirmed attempt: its key is reused until the top-up changes or succeeds. */
  #attempt: TopUpAttempt | null = null;
  #inFlight = false;
  #active = false;
  #loads = 0;
  #stopLive: (() => void) | null = null;
  #stopTracking: (() => void) | null = null;
  #snapshot: TopUpFormSnapshot | null = null;

  /** The host's request started before this store existed, used (once) by the first load. */
  #early: Promise<TopUpSourceList> | null;

  constructor(runtime: PurseRuntime, options: TopUpFormOptions) {
    this.#runtime = runtime;
    this.#options = options;
    this.#values = options.kit.emptyValues;
    this.#early = options.sources ?? null;
  }

  /** New options (limits, locale, callbacks) from the host; the form keeps what was entered. */
  setOptions = (options: TopUpFormOptions): void => {
    const before = this.#options;
    this.#options = options;
    // Only what validation reads changes the snapshot (callbacks are new on every render).
    if (VALIDATION_OPTIONS.some((key) => before[key] !== options[key])) this.#emit();
  };

  get minAmount(): number {
    return this.#options.kit.limits(this.#options).minAmount;
  }

  get maxAmount(): number {
    return this.#options.kit.limits(this.#options).maxAmount;
  }

  get allowSameDay(): boolean {
    return this.#options.allowSameDay ?? false;
  }

  /** Listens for changes; the first listener loads the sources and watches for new ones. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (!this.#active) {
      this.#active = true;
      if (this.#state.status === 'loading-sources' || this.#state.status === 'error')
        this.#loadSources(false);
      this.#syncWatchers();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size > 0) return;
      this.#active = false;
      // An answer to a load in flight belongs to the views that asked.
      this.#loads += 1;
      this.#syncWatchers();
    };
  };

  getSnapshot = (): TopUpFormSnapshot => {
    if (this.#snapshot) return this.#snapshot;
    const source = this.#sources.find((s) => s.id === this.#values.sourceId) ?? null;
    const validation = this.#validate(source);
    const errors: TopUpFieldErrors = {};
    for (const field of FIELD_ORDER) {
      const error = validation.errors[field];
      // The acknowledgement is asked for on Continue, not while typing the amount.
      if (error && (this.#showAll || (this.#touched.has(field) && field !== 'acknowledged')))
        errors[field] = error;
    }
    this.#snapshot = {
      state: this.#state,
      sources: this.#sources,
      values: this.#values,
      errors,
      source,
      amount: validation.amount,
      balanceWarning:
        validation.overBalance === null
          ? null
          : { available: validation.overBalance, currency: this.#options.kit.currency },
    };
    return this.#snapshot;
  };

  setValue = <K extends keyof TopUpFormValues>(field: K, value: TopUpFormValues[K]): void => {
    const next = { ...this.#values, [field]: value };
    // A new amount or bank needs a new acknowledgement of the balance risk.
    if (field === 'amount' || field === 'sourceId') next.acknowledged = false;
    this.#values = next;
    this.#emit();
  };

  /** Marks a field as visited, so its error shows. */
  touch = (field: TopUpField): void => {
    if (this.#touched.has(field)) return;
    this.#touched.add(field);
    this.#emit();
  };

  /**
   * Checks the form and moves to the confirm step. Returns the first field that needs attention
   * (to focus it), or null when it moved on.
   */
  review = (): TopUpField | null => {
    if (this.#state.status !== 'editing') return null;
    this.#showAll = true;
    const { source } = this.getSnapshot();
    const validation = this.#validate(source);
    const first = FIELD_ORDER.find((field) => validation.errors[field]);
    if (first || !source || validation.amount === null) {
      this.#emit();
      return first ?? 'amount';
    }
    const description = this.#values.description.trim();
    const request: TopUpRequest = {
      sourceId: source.id,
      amount: validation.amount,
      currency: this.#options.kit.currency,
      ...(description ? { description } : {}),
      ...(this.allowSameDay && this.#values.sameDay ? { sameDay: true } : {}),
    };
    const previous = this.#attempt;
    const arrives = expectedArrivalDate(this.#runtime.client.now(), { sameDay: request.sameDay });
    this.#attempt = {
      request,
      source,
      arrivesOn: toIsoDate(arrives),
      idempotencyKey:
        previous && sameRequest(previous.request, request)
          ? previous.idempotencyKey
          : newIdempotencyKey(),
      overBalance: validation.overBalance !== null,
    };
    this.#go({ status: 'confirming', attempt: this.#attempt });
    return null;
  };

  /** Back from the confirm step (or a submit error) to the form, keeping what was entered. */
  back = (): void => {
    const current = this.#state;
    if (
      current.status === 'confirming' ||
      (current.status === 'error' && current.during === 'submit')
    )
      this.#go({ status: 'editing', focus: 'amount' });
  };

  /** Sends the top-up (once: repeated calls while one is under way do nothing). */
  confirm = (): void => {
    const current = this.#state;
    const sending = this.#attempt;
    const ready =
      current.status === 'confirming' ||
      (current.status === 'error' && current.during === 'submit' && current.retryable);
    if (this.#inFlight || !ready || !sending) return;
    this.#inFlight = true;
    this.#go({ status: 'submitting', attempt: sending });
    this.#runtime.client
      .createTopUp(sending.request, { idempotencyKey: sending.idempotencyKey })
      .then(
        (topUp) => {
          this.#inFlight = false;
          // Done: the next top-up, even an identical one, is a new attempt with a new key.
          if (this.#attempt === sending) this.#attempt = null;
          this.#go({ status: 'submitted', topUp, phase: this.#options.kit.transferPhase(topUp) });
          this.#options.onSuccess?.(topUp);
        },
        (reason: unknown) => {
          this.#inFlight = false;
          const error = this.#options.kit.toError(reason);
          this.#options.onError?.(error);
          // The server tied this key to another request: only a fresh attempt can go through.
          const reused = error.code === 'idempotency_key_reused';
          if (reused && this.#attempt === sending) this.#attempt = null;
          const retryable = !reused && (RETRYABLE.has(error.code) || error.status >= 500);
          this.#go({ status: 'error', during: 'submit', error, attempt: sending, retryable });
        },
      );
  };

  /** After an error: sends the same attempt again (same key), or reloads the sources. */
  retry = (): void => {
    const current = this.#state;
    if (current.status !== 'error') return;
    if (current.during === 'sources') this.#loadSources(false);
    else if (current.retryable) this.confirm();
  };

  /** After a top-up started: a fresh form for another one (the same bank stays chosen). */
  reset = (): void => {
    if (this.#state.status !== 'submitted') return;
    this.#values = { ...this.#options.kit.emptyValues, sourceId: this.#values.sourceId };
    this.#restart('amount');
  };

  /**
   * After a top-up started (typically one that failed): back to the form with what was entered,
   * focusing `focus` ("Try a smaller amount": `amount`; "Choose another account": `source`).
   */
  startOver = (options: { focus?: 'amount' | 'source' | undefined } = {}): void => {
    if (this.#state.status !== 'submitted') return;
    this.#values = { ...this.#values, acknowledged: false };
    this.#restart(options.focus ?? 'amount');
  };

  /** Fetches the sources again (after linking a bank, say). */
  reloadSources = (): void => {
    this.#loadSources(this.#state.status === 'editing');
  };

  #restart(focus: 'amount' | 'source'): void {
    this.#touched = new Set();
    this.#showAll = false;
    this.#go({ status: 'editing', focus });
    // Balances moved: show the latest.
    this.#loadSources(true);
  }

  #validate(source: TopUpSource | null): Validation {
    const errors: TopUpFieldErrors = {};
    const values = this.#values;
    const { kit } = this.#options;
    if (!source) errors.source = { code: 'source_required' };
    let amount: number | null = null;
    let overBalance: number | null = null;
    const parsed = parseMoneyInput(values.amount, {
      currency: kit.currency,
      digits: kit.minorUnitDigits(kit.currency),
      intlLocale: kit.intlLocale(this.#options.locale ?? 'en'),
    });
    if (!parsed.ok) errors.amount = { code: AMOUNT_PARSE_ERRORS[parsed.reason] };
    else {
      amount = parsed.amount;
      const check = checkTopUpAmount({
        amount,
        available: kit.sourceAvailable(source),
        minAmount: this.minAmount,
        maxAmount: this.maxAmount,
        balanceCheck: this.#options.balanceCheck,
      });
      if (check.problem) errors.amount = check.problem;
      overBalance = check.overBalance;
      if (overBalance !== null && !values.acknowledged)
        errors.acknowledged = { code: 'acknowledgement_required' };
    }
    if (values.description.length > kit.descriptionMaxLength)
      errors.description = { code: 'description_too_long', max: kit.descriptionMaxLength };
    return { errors, amount, overBalance };
  }

  #loadSources(quiet: boolean): void {
    const load = ++this.#loads;
    if (!quiet) this.#go({ status: 'loading-sources' });
    const request = this.#early ?? this.#runtime.client.listTopUpSources();
    this.#early = null;
    request.then(
      ({ data }) => {
        if (load !== this.#loads) return;
        this.#sources = data;
        const current = data.some((s) => s.id === this.#values.sourceId)
          ? this.#values.sourceId
          : (defaultTopUpSource(data, this.#options.defaultSourceId)?.id ?? null);
        if (current !== this.#values.sourceId)
          this.#values = { ...this.#values, sourceId: current, acknowledged: false };
        const status = this.#state.status;
        if (status === 'loading-sources' || status === 'no-sources' || status === 'error')
          this.#go(data.length === 0 ? { status: 'no-sources' } : { status: 'editing' });
        else if (status === 'editing' && data.length === 0) this.#go({ status: 'no-sources' });
        else this.#emit();
      },
      (reason: unknown) => {
        if (load !== this.#loads || quiet) return;
        const error = this.#options.kit.toError(reason);
        this.#options.onError?.(error);
        this.#go({ status: 'error', during: 'sources', error, retryable: true });
      },
    );
  }

  #go(next: TopUpState): void {
    this.#state = next;
    this.#syncWatchers();
    this.#emit();
  }

  #emit(): void {
    this.#snapshot = null;
    for (const listener of [...this.#listeners]) listener();
  }

  /** Live watchers that only make sense in some states, while anyone listens. */
  #syncWatchers(): void {
    const status = this.#state.status;
    // A bank linked elsewhere on the page shows up here without a reload.
    const watchSources = this.#active && (status === 'no-sources' || status === 'editing');
    if (watchSources && !this.#stopLive)
      this.#stopLive = this.#runtime.live.subscribe('account.updated', () =>
        this.#loadSources(true),
      );
    else if (!watchSources && this.#stopLive) {
      this.#stopLive();
      this.#stopLive = null;
    }
    const state = this.#state;
    const tracking = this.#active && state.status === 'submitted';
    if (tracking && !this.#stopTracking) this.#stopTracking = this.#track(state.topUp);
    else if (!tracking && this.#stopTracking) {
      this.#stopTracking();
      this.#stopTracking = null;
    }
  }

  /**
   * Follows a started top-up so the heading can say what became of it: `transfer.updated` events
   * while the stream is up; while it is down, the live connection's poller (keyed by the top-up,
   * so views of it that poll the same way share one request per tick). Not through the
   * `TransferTrackers` store: a bundler would then ship the tracker with every form's first load.
   */
  #track(topUp: TopUp): () => void {
    const { client, live } = this.#runtime;
    const apply = (update: TopUp): void => {
      const state = this.#state;
      if (update.id !== topUp.id || state.status !== 'submitted' || state.topUp.id !== topUp.id)
        return;
      const phase = this.#options.kit.transferPhase(update);
      if (phase === state.phase) return;
      this.#state = { ...state, phase };
      this.#emit();
    };
    const stopEvents = live.subscribe('transfer.updated', (event) => apply(event.data));
    const stopPoll = live.onPoll(
      () => void client.getTopUp(topUp.id).then(apply, () => undefined),
      { key: `topUp:${topUp.id}` },
    );
    return () => {
      stopEvents();
      stopPoll();
    };
  }
}
