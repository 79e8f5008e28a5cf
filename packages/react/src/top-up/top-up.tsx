import {
  formatMoney,
  type PurseError,
  type PurseLocale,
  type TopUp as TopUpResource,
  type TopUpSource,
} from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  type ComponentPropsWithoutRef,
  type SyntheticEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { currencyAffix } from './currency-affix.js';
import { TOP_UP_ERROR_CODES, topUpText, type TopUpMessages } from './messages.js';
import {
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  sourceAvailable,
  useTopUp,
  type TopUpAttempt,
  type TopUpField,
  type TopUpFieldError,
  type TopUpStatus,
  type UseTopUpOptions,
} from './use-top-up.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';

export interface TopUpProps
  extends UseTopUpOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onSubmit'> {
  ref?: Ref<HTMLDivElement>;
  /**
   * Called from the empty state's "Link a bank account" button, to start linking (for example
   * by opening `<LinkBankAccount>`). Without it, and without `linkSlot`, the button is not shown.
   */
  onLinkRequest?: (() => void) | undefined;
  /** Rendered in the empty state in place of the default button, such as your own link flow. */
  linkSlot?: ReactNode;
  /**
   * Shown under "Top-up started" once a top-up is made, typically its live tracker:
   * `(topUp) => <TransferStatus topUpId={topUp.id} initialTopUp={topUp} headingLevel={4} />`.
   * Not built in, so importing `TopUp` does not ship the tracker's code.
   */
  renderTracker?: ((topUp: TopUpResource) => ReactNode) | undefined;
}

/** Words for a server error during a top-up: our own where we have them, else `describeError`. */
export function topUpErrorMessage(
  error: PurseError,
  m: TopUpMessages,
  common: CommonMessages,
): string {
  return (TOP_UP_ERROR_CODES as readonly string[]).includes(error.code)
    ? m.errors[error.code as (typeof TOP_UP_ERROR_CODES)[number]]
    : describeError(error, common);
}

function sourceName(source: TopUpSource, m: TopUpMessages): string {
  return m.sourceName(source.bankName ?? m.unknownBank, source.last4);
}

function fieldErrorText(
  error: TopUpFieldError,
  m: TopUpMessages,
  money: (amount: number) => string,
  example: string,
): string {
  const e = m.fieldErrors;
  switch (error.code) {
    case 'source_required':
      return e.source_required;
    case 'amount_required':
      return e.amount_required;
    case 'amount_not_a_number':
      return e.amount_not_a_number(example);
    case 'amount_too_many_decimals':
      return e.amount_too_many_decimals(2);
    case 'amount_negative':
      return e.amount_negative;
    case 'amount_too_small':
      return e.amount_too_small(money(error.min));
    case 'amount_too_large':
      return e.amount_too_large(money(error.max));
    case 'amount_over_balance':
      return e.amount_over_balance(money(error.available));
    case 'description_too_long':
      return e.description_too_long(error.max);
    case 'acknowledgement_required':
      return e.acknowledgement_required;
    default:
      error satisfies never;
      return '';
  }
}

function balanceText(source: TopUpSource, m: TopUpMessages, locale: PurseLocale): string {
  const balance = source.balance;
  if (balance?.type !== 'cash') return m.sourceBalanceUnknown;
  const money = (amount: number): string =>
    formatMoney(amount, { currency: balance.currency, locale });
  return balance.available === null
    ? m.sourceBalance(money(balance.current))
    : m.sourceAvailable(money(balance.available));
}

/**
 * Adds money from a linked bank to the user's financial account: a form (bank, amount,
 * optional description and same-day), a confirm step, then the live status of the transfer.
 * `data-state`: `loading-sources | no-sources | editing | confirming | submitting | submitted | error`.
 */
function TopUpRender(props: TopUpProps): ReactNode {
  const {
    minAmount,
    maxAmount,
    balanceCheck,
    allowSameDay,
    defaultSourceId,
    onSuccess,
    onLinkRequest,
    linkSlot,
    renderTracker,
    className,
    ref,
    ...rest
  } = props;
  const { locale } = usePurseContext('TopUp');
  const m = useMessages(topUpText, 'TopUp');
  const common = useMessages(commonText, 'TopUp');
  const topUp = useTopUp({
    minAmount,
    maxAmount,
    balanceCheck,
    allowSameDay,
    defaultSourceId,
    onSuccess,
  });
  const { state, values, errors } = topUp;
  const money = (amount: number): string =>
    formatMoney(amount, { currency: topUp.currency, locale });
  const affix = currencyAffix(locale, topUp.currency);

  const id = useId();
  const ids = {
    title: `${id}-title`,
    sources: `${id}-sources`,
    sourceError: `${id}-source-error`,
    amount: `${id}-amount`,
    amountHint: `${id}-amount-hint`,
    amountError: `${id}-amount-error`,
    warning: `${id}-warning`,
    acknowledge: `${id}-acknowledge`,
    acknowledgeError: `${id}-acknowledge-error`,
    description: `${id}-description`,
    descriptionCount: `${id}-description-count`,
    descriptionError: `${id}-description-error`,
    sameDay: `${id}-same-day`,
    sameDayHint: `${id}-same-day-hint`,
    review: `${id}-review`,
  };

  const fieldRefs = {
    source: useRef<HTMLInputElement>(null),
    amount: useRef<HTMLInputElement>(null),
    acknowledged: useRef<HTMLInputElement>(null),
    description: useRef<HTMLInputElement>(null),
  } satisfies Record<TopUpField, unknown>;
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const submittedHeading = useRef<HTMLHeadingElement>(null);

  // Move focus with the flow, but never on the first render (don't steal the page's focus).
  const previous = useRef<TopUpStatus>(state.status);
  useEffect(() => {
    const before = previous.current;
    previous.current = state.status;
    if (before === state.status) return;
    switch (state.status) {
      case 'confirming':
        if (before === 'editing') reviewHeading.current?.focus();
        break;
      case 'editing':
        if (before === 'confirming' || before === 'error' || before === 'submitted')
          fieldRefs.amount.current?.focus();
        break;
      case 'error':
        errorRef.current?.focus();
        break;
      case 'submitted':
        submittedHeading.current?.focus();
        break;
      case 'loading-sources':
      case 'no-sources':
      case 'submitting':
        break;
      default:
        state satisfies never;
    }
    // The refs are stable; only the status drives focus.
  }, [state, fieldRefs.amount]);

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const invalid = topUp.review();
    if (invalid) fieldRefs[invalid].current?.focus();
  };

  const errorText = (field: TopUpField): string | null => {
    const error = errors[field];
    return error ? fieldErrorText(error, m, money, affix.example) : null;
  };

  let body: ReactNode;
  switch (state.status) {
    case 'loading-sources': {
      body = (
        <div data-slot="skeleton" aria-busy="true">
          <span className="purse-VisuallyHidden">{common.loading}</span>
          <span className="purse-Skeleton" data-slot="skeleton-source" />
          <span className="purse-Skeleton" data-slot="skeleton-source" />
          <span className="purse-Skeleton" data-slot="skeleton-field" />
        </div>
      );
      break;
    }
    case 'no-sources': {
      body = (
        <div data-slot="empty">
          <p data-slot="empty-title">{m.noSourcesTitle}</p>
          <p className="purse-Muted">{m.noSourcesBody}</p>
          {linkSlot ??
            (onLinkRequest ? (
              <button type="button" className="purse-Button" onClick={onLinkRequest}>
                {m.linkBank}
              </button>
            ) : null)}
        </div>
      );
      break;
    }
    case 'editing': {
      const sourceError = errorText('source');
      const amountError = errorText('amount');
      const acknowledgeError = errorText('acknowledged');
      const descriptionError = errorText('description');
      const warning = topUp.balanceWarning;
      body = (
        <form noValidate onSubmit={onSubmit} data-slot="form" aria-labelledby={ids.title}>
          <fieldset
            data-slot="sources"
            aria-describedby={sourceError ? ids.sourceError : undefined}
          >
            <legend>{m.sourceLegend}</legend>
            {topUp.sources.map((source, index) => {
              const checked = source.id === values.sourceId;
              return (
                <label key={source.id} data-slot="source" data-checked={checked || undefined}>
                  <input
                    ref={
                      checked || (values.sourceId === null && index === 0)
                        ? fieldRefs.source
                        : undefined
                    }
                    type="radio"
                    name={`${id}-source`}
                    value={source.id}
                    checked={checked}
                    aria-invalid={sourceError ? true : undefined}
                    onChange={() => topUp.setValue('sourceId', source.id)}
                  />
                  <span data-slot="source-name">{sourceName(source, m)}</span>
                  {source.accountType ? (
                    <span data-slot="source-type" className="purse-Muted">
                      {m.accountTypes[source.accountType]}
                    </span>
                  ) : null}
                  <span data-slot="source-balance" className="purse-Muted">
                    {balanceText(source, m, locale)}
                  </span>
                </label>
              );
            })}
            {sourceError ? (
              <p id={ids.sourceError} data-slot="error">
                {sourceError}
              </p>
            ) : null}
          </fieldset>

          <div className="purse-Field" data-slot="amount-field">
            <label htmlFor={ids.amount}>
              {m.amountLabel}
              <span className="purse-VisuallyHidden">
                {' '}
                {m.amountCurrency(topUp.currency.toUpperCase())}
              </span>
            </label>
            <div data-slot="amount-control" data-affix={affix.position}>
              {affix.position === 'prefix' ? (
                <span data-slot="affix" aria-hidden="true">
                  {affix.symbol}
                </span>
              ) : null}
              <input
                ref={fieldRefs.amount}
                id={ids.amount}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                placeholder={affix.placeholder}
                value={values.amount}
                aria-invalid={amountError ? true : undefined}
                aria-describedby={cx(
                  ids.amountHint,
                  amountError && ids.amountError,
                  warning && ids.warning,
                )}
                onChange={(event) => topUp.setValue('amount', event.target.value)}
                onBlur={() => topUp.touch('amount')}
              />
              {affix.position === 'suffix' ? (
                <span data-slot="affix" aria-hidden="true">
                  {affix.symbol}
                </span>
              ) : null}
            </div>
            <p id={ids.amountHint} data-slot="hint">
              {m.amountHint(money(topUp.minAmount), money(topUp.maxAmount))}
            </p>
            {amountError ? (
              <p id={ids.amountError} data-slot="error">
                {amountError}
              </p>
            ) : null}
          </div>

          {warning && topUp.source ? (
            <div className="purse-Alert" data-tone="warning" data-slot="balance-warning">
              <div id={ids.warning}>
                <strong>{m.balanceWarningTitle}</strong>{' '}
                <span>
                  {m.balanceWarningBody(money(warning.available), sourceName(topUp.source, m))}
                </span>
              </div>
              <div data-slot="acknowledge">
                <input
                  ref={fieldRefs.acknowledged}
                  id={ids.acknowledge}
                  type="checkbox"
                  checked={values.acknowledged}
                  aria-invalid={acknowledgeError ? true : undefined}
                  aria-describedby={acknowledgeError ? ids.acknowledgeError : undefined}
                  onChange={(event) => topUp.setValue('acknowledged', event.target.checked)}
                />
                <label htmlFor={ids.acknowledge}>{m.acknowledgeLabel}</label>
              </div>
              {acknowledgeError ? (
                <p id={ids.acknowledgeError} data-slot="error">
                  {acknowledgeError}
                </p>
              ) : null}
            </div>
          ) : null}

          <div className="purse-Field" data-slot="description-field">
            <label htmlFor={ids.description}>
              {m.descriptionLabel} <span data-slot="optional">{m.optional}</span>
            </label>
            <input
              ref={fieldRefs.description}
              id={ids.description}
              type="text"
              autoComplete="off"
              maxLength={TOP_UP_DESCRIPTION_MAX_LENGTH}
              value={values.description}
              aria-invalid={descriptionError ? true : undefined}
              aria-describedby={cx(ids.descriptionCount, descriptionError && ids.descriptionError)}
              onChange={(event) => topUp.setValue('description', event.target.value)}
              onBlur={() => topUp.touch('description')}
            />
            <p id={ids.descriptionCount} data-slot="hint">
              {m.descriptionCount(values.description.length, TOP_UP_DESCRIPTION_MAX_LENGTH)}
            </p>
            {descriptionError ? (
              <p id={ids.descriptionError} data-slot="error">
                {descriptionError}
              </p>
            ) : null}
          </div>

          {topUp.allowSameDay ? (
            <div data-slot="same-day">
              <input
                id={ids.sameDay}
                type="checkbox"
                checked={values.sameDay}
                aria-describedby={ids.sameDayHint}
                onChange={(event) => topUp.setValue('sameDay', event.target.checked)}
              />
              <label htmlFor={ids.sameDay}>{m.sameDayLabel}</label>
              <p id={ids.sameDayHint} data-slot="hint">
                {m.sameDayHint}
              </p>
            </div>
          ) : null}

          <div data-slot="actions">
            <button type="submit" className="purse-Button">
              {m.continue}
            </button>
          </div>
        </form>
      );
      break;
    }
    case 'confirming':
    case 'submitting': {
      const busy = state.status === 'submitting';
      body = (
        <Review
          attempt={state.attempt}
          m={m}
          money={money}
          headingId={ids.review}
          headingRef={reviewHeading}
          busy={busy}
        >
          <div data-slot="actions">
            <button
              type="button"
              className="purse-Button"
              data-variant="secondary"
              aria-disabled={busy || undefined}
              onClick={busy ? undefined : topUp.back}
            >
              {m.back}
            </button>
            <button
              type="button"
              className="purse-Button"
              data-slot="confirm"
              aria-disabled={busy || undefined}
              onClick={topUp.confirm}
            >
              {busy ? <span className="purse-Spinner" aria-hidden="true" /> : null}
              {busy ? m.submitting : m.confirm}
            </button>
          </div>
        </Review>
      );
      break;
    }
    case 'submitted': {
      body = (
        <div data-slot="submitted">
          <h3 className="purse-Heading" ref={submittedHeading} tabIndex={-1}>
            {m.submittedTitle}
          </h3>
          <p className="purse-Muted">{m.submittedBody}</p>
          {renderTracker ? <div data-slot="tracker">{renderTracker(state.topUp)}</div> : null}
          <div data-slot="actions">
            <button
              type="button"
              className="purse-Button"
              data-variant="secondary"
              onClick={topUp.reset}
            >
              {m.another}
            </button>
          </div>
        </div>
      );
      break;
    }
    case 'error': {
      const alert = (
        <div
          ref={errorRef}
          tabIndex={-1}
          className="purse-Alert"
          data-tone="danger"
          role="alert"
          data-slot="error"
        >
          <strong>{state.during === 'sources' ? m.sourcesErrorTitle : m.submitErrorTitle}</strong>
          <span data-slot="error-message">{topUpErrorMessage(state.error, m, common)}</span>
        </div>
      );
      body =
        state.during === 'sources' ? (
          <>
            {alert}
            <div data-slot="actions">
              <button type="button" className="purse-Button" onClick={topUp.retry}>
                {common.retry}
              </button>
            </div>
          </>
        ) : (
          <Review
            attempt={state.attempt}
            m={m}
            money={money}
            headingId={ids.review}
            headingRef={reviewHeading}
            busy={false}
            alert={alert}
          >
            <div data-slot="actions">
              <button
                type="button"
                className="purse-Button"
                data-variant="secondary"
                onClick={topUp.back}
              >
                {m.edit}
              </button>
              {state.retryable ? (
                <button type="button" className="purse-Button" onClick={topUp.retry}>
                  {common.retry}
                </button>
              ) : null}
            </div>
          </Review>
        );
      break;
    }
    default: {
      state satisfies never;
      body = null;
    }
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-Card purse-TopUp', className)}
      data-state={state.status}
    >
      <div data-slot="header">
        <h2 className="purse-Heading" id={ids.title}>
          {m.title}
        </h2>
        <p className="purse-Muted" data-slot="subtitle">
          {m.subtitle}
        </p>
      </div>
      {body}
    </div>
  );
}

function Review(props: {
  attempt: TopUpAttempt;
  m: TopUpMessages;
  money: (amount: number) => string;
  headingId: string;
  headingRef: Ref<HTMLHeadingElement>;
  busy: boolean;
  alert?: ReactNode;
  children: ReactNode;
}): ReactNode {
  const { attempt, m, money } = props;
  const { request, source } = attempt;
  const amount = money(request.amount);
  const from = sourceName(source, m);
  const available = sourceAvailable(source);
  return (
    <section
      data-slot="review"
      aria-labelledby={props.headingId}
      aria-busy={props.busy || undefined}
    >
      <h3 className="purse-Heading" id={props.headingId} ref={props.headingRef} tabIndex={-1}>
        {m.reviewTitle}
      </h3>
      {props.alert}
      <dl data-slot="summary">
        <div>
          <dt>{m.summaryAmount}</dt>
          <dd className="purse-Amount" data-slot="summary-amount">
            {amount}
          </dd>
        </div>
        <div>
          <dt>{m.summaryFrom}</dt>
          <dd>{from}</dd>
        </div>
        <div>
          <dt>{m.summaryTo}</dt>
          <dd>{m.summaryToValue}</dd>
        </div>
        <div>
          <dt>{m.summaryArrival}</dt>
          <dd>{request.sameDay ? m.arrivalSameDay : m.arrivalStandard}</dd>
        </div>
        {request.description ? (
          <div>
            <dt>{m.summaryDescription}</dt>
            <dd data-slot="summary-description">{request.description}</dd>
          </div>
        ) : null}
      </dl>
      {attempt.overBalance && available !== null ? (
        <p className="purse-Alert" data-tone="warning" data-slot="over-balance">
          {m.overBalanceReminder}
        </p>
      ) : null}
      <p className="purse-Muted" data-slot="authorization">
        {m.authorization(amount, from)}
      </p>
      {props.children}
    </section>
  );
}

/** TopUp; accepts a `ref` to its root element on React 18 and 19. */
export const TopUp = /* @__PURE__ */ withForwardedRef<HTMLDivElement, TopUpProps>(
  TopUpRender,
  'TopUp',
);
