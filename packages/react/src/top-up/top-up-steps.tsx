/**
 * The steps after the form (review, sending, started, error), loaded on demand: the first load
 * of `<TopUp>` carries only the form. `top-up.tsx` starts loading this module once the form is
 * on screen, so it is there by the time the person presses Continue.
 */
/*
 * This module imports nothing at run time but React and its own words: what a lazy chunk shares
 * with the package (the provider, the core) esbuild moves into a chunk that every app's first
 * load imports, whatever component it uses. What the steps need comes in through props.
 */
import type {
  PurseError,
  TopUp as TopUpResource,
  TopUpAttempt,
  TopUpSource,
  TopUpState,
  TransferPhase,
} from '@purse/core';
import { useEffect, type ReactNode, type RefObject } from 'react';
import type { CommonMessages } from '../i18n/catalog.js';
import type { MessageRef } from '../i18n/locale-packs.js';
import { topUpErrorMessage } from './error-message.js';
import { topUpStepText, type SubmittedOutcome, type TopUpStepMessages } from './step-messages.js';
import type { UseTopUpResult } from './use-top-up.js';

/** What a host's tracker can do with the form (see `TopUpProps.renderTracker`). */
export interface TopUpTrackerActions {
  /**
   * Back to the form with what was entered, focusing the amount ("Try a smaller amount", the
   * default) or the source ("Choose another account").
   */
  startOver: (options?: { focus?: 'amount' | 'source' }) => void;
}

export interface TopUpStepProps {
  topUp: UseTopUpResult;
  common: CommonMessages;
  money: (amount: number) => string;
  /** A catalog's words in the provider's locale (`messagesFor`, bound to it). */
  words: <T>(ref: MessageRef<T>) => T;
  /** The Intl tag of the provider's locale, for dates. */
  intlLocale: string;
  /** A source as the person knows it ("Everyday Checking ••4321"). */
  nameOf: (source: TopUpSource) => string;
  /** Words for an error the steps have none of their own for (`describeError`). */
  describe: (error: PurseError) => string;
  /** Where the money goes, in words ("Maya's Purse"), else "Your wallet". */
  destinationName: string | undefined;
  reviewId: string;
  reviewHeading: RefObject<HTMLHeadingElement | null>;
  errorRef: RefObject<HTMLDivElement | null>;
  submittedHeading: RefObject<HTMLHeadingElement | null>;
  /** Called once this module has shown (focus waits for it on a first, slow download). */
  onShown: () => void;
  renderTracker: ((topUp: TopUpResource, actions: TopUpTrackerActions) => ReactNode) | undefined;
}

/** The step for the form's state after `editing`. */
export default function TopUpStep(props: TopUpStepProps): ReactNode {
  const { topUp, onShown } = props;
  const m = props.words(topUpStepText);
  const { state } = topUp;
  useEffect(onShown, [onShown]);
  switch (state.status) {
    case 'confirming':
    case 'submitting': {
      const busy = state.status === 'submitting';
      return (
        <Review {...props} s={m} attempt={state.attempt} busy={busy}>
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
    }
    case 'submitted':
      return <SubmittedStep {...props} s={m} state={state} />;
    case 'error':
      return <ErrorStep {...props} s={m} state={state} />;
    default:
      return null;
  }
}

/** A step's props with its own words (`s`). */
type StepWords = TopUpStepProps & { s: TopUpStepMessages };

const OUTCOMES: Record<TransferPhase, SubmittedOutcome> = {
  review: 'started',
  processing: 'started',
  succeeded: 'succeeded',
  failed: 'failed',
  returned: 'returned',
  canceled: 'canceled',
};

/** The `submitted` state: its heading follows the transfer; the host's tracker follows. */
function SubmittedStep(
  props: StepWords & { state: Extract<TopUpState, { status: 'submitted' }> },
): ReactNode {
  const { state, s: m, topUp, renderTracker } = props;
  const outcome = OUTCOMES[state.phase];
  const words = m.submitted[outcome];
  return (
    <div data-slot="submitted" data-outcome={outcome}>
      <h3 className="purse-Heading" ref={props.submittedHeading} tabIndex={-1}>
        {words.title}
      </h3>
      <p className="purse-Muted">{words.body}</p>
      {renderTracker ? (
        <div data-slot="tracker">{renderTracker(state.topUp, { startOver: topUp.startOver })}</div>
      ) : null}
      <div data-slot="actions">
        <SecondaryButton onClick={topUp.reset}>{m.another}</SecondaryButton>
      </div>
    </div>
  );
}

/** The `error` state: the alert, then a retry (sources) or the reviewed attempt (submit). */
function ErrorStep(
  props: StepWords & { state: Extract<TopUpState, { status: 'error' }> },
): ReactNode {
  const { state, topUp, s: m, common } = props;
  const alert = (
    <div
      ref={props.errorRef}
      tabIndex={-1}
      className="purse-Alert"
      data-tone="danger"
      role="alert"
      data-slot="error"
    >
      <strong>{state.during === 'sources' ? m.sourcesErrorTitle : m.submitErrorTitle}</strong>
      <span data-slot="error-message">{topUpErrorMessage(state.error, m, props.describe)}</span>
    </div>
  );
  const retry = (
    <button type="button" className="purse-Button" onClick={topUp.retry}>
      {common.retry}
    </button>
  );
  if (state.during === 'sources')
    return (
      <>
        {alert}
        <div data-slot="actions">{retry}</div>
      </>
    );
  return (
    <Review {...props} attempt={state.attempt} busy={false} alert={alert}>
      <div data-slot="actions">
        <SecondaryButton onClick={topUp.back}>{m.edit}</SecondaryButton>
        {state.retryable ? retry : null}
      </div>
    </Review>
  );
}

function SecondaryButton(props: { onClick: () => void; children: ReactNode }): ReactNode {
  return (
    <button type="button" className="purse-Button" data-variant="secondary" onClick={props.onClick}>
      {props.children}
    </button>
  );
}

/** "Tue, Dec 8": a `YYYY-MM-DD` date with its weekday, in the locale. */
function shortDate(isoDate: string, intlLocale: string): string {
  return new Intl.DateTimeFormat(intlLocale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

function Review(
  props: StepWords & {
    attempt: TopUpAttempt;
    busy: boolean;
    alert?: ReactNode;
    children: ReactNode;
  },
): ReactNode {
  const { attempt, s: m, money } = props;
  const { request, source } = attempt;
  const amount = money(request.amount);
  const from = props.nameOf(source);
  const rows: [string, ReactNode, string?][] = [
    [m.summaryAmount, amount, 'summary-amount'],
    [m.summaryFrom, from],
    [m.summaryTo, props.destinationName ?? m.summaryToValue],
    [
      m.summaryArrival,
      <time dateTime={attempt.arrivesOn}>{shortDate(attempt.arrivesOn, props.intlLocale)}</time>,
      'summary-arrival',
    ],
  ];
  if (request.description)
    rows.push([m.summaryDescription, request.description, 'summary-description']);
  return (
    <section
      data-slot="review"
      aria-labelledby={props.reviewId}
      aria-busy={props.busy || undefined}
    >
      <h3 className="purse-Heading" id={props.reviewId} ref={props.reviewHeading} tabIndex={-1}>
        {m.reviewTitle}
      </h3>
      {props.alert}
      <dl data-slot="summary">
        {rows.map(([term, value, slot]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={slot === 'summary-amount' ? 'purse-Amount' : undefined} data-slot={slot}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {attempt.overBalance ? (
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
