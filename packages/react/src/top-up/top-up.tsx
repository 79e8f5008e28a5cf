import { formatMoney, type PurseError, type TopUp as TopUpResource } from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { TOP_UP_ERROR_CODES, topUpText, type TopUpMessages } from './messages.js';
import { TopUpForm, sourceName } from './top-up-form.js';
import {
  sourceAvailable,
  useTopUp,
  type TopUpAttempt,
  type TopUpState,
  type UseTopUpResult,
  type TopUpFormStatus,
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
  const { state } = topUp;
  const money = (amount: number): string =>
    formatMoney(amount, { currency: topUp.currency, locale });

  const id = useId();
  const ids = { title: `${id}-title`, review: `${id}-review` };
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const submittedHeading = useRef<HTMLHeadingElement>(null);

  // Move focus with the flow, but never on the first render (don't steal the page's focus).
  const previous = useRef<TopUpFormStatus>(state.status);
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
          topUp.focusField(state.focus ?? 'amount');
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
    // Only the status drives focus (focusField reads refs that never change).
  }, [state]);

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
      body = <TopUpForm topUp={topUp} m={m} money={money} locale={locale} titleId={ids.title} />;
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
              {...topUp.getBackButtonProps()}
              className="purse-Button"
              data-variant="secondary"
            >
              {m.back}
            </button>
            <button {...topUp.getConfirmButtonProps()} className="purse-Button" data-slot="confirm">
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
        <SubmittedStep
          topUp={state.topUp}
          m={m}
          headingRef={submittedHeading}
          renderTracker={renderTracker}
          onAnother={topUp.reset}
        />
      );
      break;
    }
    case 'error': {
      body = (
        <ErrorStep
          state={state}
          topUp={topUp}
          m={m}
          common={common}
          money={money}
          reviewId={ids.review}
          reviewHeading={reviewHeading}
          errorRef={errorRef}
        />
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

/** The `submitted` state: focus lands on its heading; the host's tracker follows. */
function SubmittedStep(props: {
  topUp: TopUpResource;
  m: TopUpMessages;
  headingRef: Ref<HTMLHeadingElement>;
  renderTracker: TopUpProps['renderTracker'];
  onAnother: () => void;
}): ReactNode {
  const { topUp, m, headingRef, renderTracker, onAnother } = props;
  return (
    <div data-slot="submitted">
      <h3 className="purse-Heading" ref={headingRef} tabIndex={-1}>
        {m.submittedTitle}
      </h3>
      <p className="purse-Muted">{m.submittedBody}</p>
      {renderTracker ? <div data-slot="tracker">{renderTracker(topUp)}</div> : null}
      <div data-slot="actions">
        <button type="button" className="purse-Button" data-variant="secondary" onClick={onAnother}>
          {m.another}
        </button>
      </div>
    </div>
  );
}

/** The `error` state: the alert, then a retry (sources) or the reviewed attempt (submit). */
function ErrorStep(props: {
  state: Extract<TopUpState, { status: 'error' }>;
  topUp: UseTopUpResult;
  m: TopUpMessages;
  common: CommonMessages;
  money: (amount: number) => string;
  reviewId: string;
  reviewHeading: Ref<HTMLHeadingElement>;
  errorRef: Ref<HTMLDivElement>;
}): ReactNode {
  const { state, topUp, m, common, money, reviewId, reviewHeading, errorRef } = props;
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
  return state.during === 'sources' ? (
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
      headingId={reviewId}
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
