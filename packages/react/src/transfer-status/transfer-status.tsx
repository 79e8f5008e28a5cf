import {
  formatDateTime,
  formatIsoDate,
  formatIsoDateRange,
  formatMoney,
  transferTimeline,
  type PurseLocale,
  type TopUp,
  type TransferPhase,
} from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { OutcomeNote, type FailureActionOptions } from './outcome-note.js';
import { transferStatusText, type TransferStatusMessages } from './messages.js';
import {
  useInboundTransfer,
  type CancelState,
  type UseInboundTransferOptions,
} from './use-inbound-transfer.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';

/** Amount and two timeline lines: the shape of the loaded tracker. */
const STATUS_SKELETON = ['amount', 'line', 'line'] as const;

export interface TransferStatusProps
  extends
    UseInboundTransferOptions,
    FailureActionOptions,
    Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  ref?: Ref<HTMLDivElement>;
  /**
   * The level of the card's heading, to fit the page's outline.
   * @default 2
   */
  headingLevel?: 2 | 3 | 4 | undefined;
}

// -------------------------------------------------------------------------------------------
// Shared pieces (also used by the top-up history)

/** The badge colour for each phase. */
export const TRANSFER_PHASE_TONES: Readonly<
  Record<TransferPhase, 'info' | 'success' | 'danger' | 'warning' | 'neutral'>
> = {
  review: 'warning',
  processing: 'info',
  succeeded: 'success',
  failed: 'danger',
  canceled: 'neutral',
  returned: 'warning',
};

/** A top-up's phase as a coloured badge ("Processing", "Returned", …). */
export interface TransferPhaseBadgeProps {
  /** The phase to show, from `transferPhase(topUp)` (@purse/core). */
  phase: TransferPhase;
}

export function TransferPhaseBadge(props: TransferPhaseBadgeProps): ReactNode {
  const m = useMessages(transferStatusText, 'TransferPhaseBadge');
  return (
    <span className="purse-Badge" data-tone={TRANSFER_PHASE_TONES[props.phase]} data-slot="badge">
      {m.phases[props.phase]}
    </span>
  );
}

/** "STRIPEBANK ••6789", or "Bank account" when the bank is unknown. */
export function topUpSourceName(topUp: TopUp, m: TransferStatusMessages): string {
  const bank = topUp.source?.bankName ?? m.unknownBank;
  return m.sourceName(bank, topUp.source?.last4 ?? null);
}

function arrivalText(topUp: TopUp, locale: PurseLocale): string | null {
  const expected = topUp.expectedArrival;
  if (!expected) return null;
  return expected.earliest === expected.latest
    ? formatIsoDate(expected.earliest, { locale })
    : formatIsoDateRange(expected.earliest, expected.latest, { locale });
}

// -------------------------------------------------------------------------------------------
// The card

/**
 * Where a top-up stands: amount and source, a timeline, the expected arrival while it is under
 * way, why it failed and what to do (for each of Stripe's failure codes), a return, a cancel
 * button while Stripe allows it, and the regulatory receipt. Status changes are announced
 * politely ("Top-up of $25.00 succeeded").
 */
function TransferStatusRender(props: TransferStatusProps): ReactNode {
  const {
    topUpId,
    initialTopUp,
    pollIntervalMs,
    onPhaseChange,
    onFailureAction,
    supportHref,
    supportLabel,
    headingLevel = 2,
    className,
    ref,
    ...rest
  } = props;
  const { locale } = usePurseContext('TransferStatus');
  const m = useMessages(transferStatusText, 'TransferStatus');
  const common = useMessages(commonText, 'TransferStatus');
  const transfer = useInboundTransfer({ topUpId, initialTopUp, pollIntervalMs, onPhaseChange });
  const { state, cancel } = transfer;
  const Heading = `h${String(headingLevel)}` as 'h2' | 'h3' | 'h4';
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const topUp = state.status === 'loading' || state.status === 'error' ? null : state.topUp;
  const amount = topUp ? formatMoney(topUp.amount, { currency: topUp.currency, locale }) : '';

  // Announce each change of phase, but not the first one loaded.
  const [announcement, setAnnouncement] = useState('');
  const lastPhase = useRef<TransferPhase | null>(null);
  const phase = topUp ? (state.status as TransferPhase) : null;
  useEffect(() => {
    if (!phase) return;
    const previous = lastPhase.current;
    lastPhase.current = phase;
    if (previous !== null && previous !== phase) setAnnouncement(m.announce[phase](amount));
  }, [phase, amount, m]);

  // After a cancel the button is gone: keep focus in the card.
  useEffect(() => {
    if (phase === 'canceled' && document.activeElement === document.body)
      headingRef.current?.focus();
  }, [phase]);

  let body: ReactNode;
  switch (state.status) {
    case 'loading': {
      body = (
        <div data-slot="skeleton" aria-busy="true">
          <Skeleton label={common.loading} parts={STATUS_SKELETON} />
        </div>
      );
      break;
    }
    case 'error': {
      body = (
        <ErrorNotice
          title={m.loadErrorTitle}
          message={
            state.error.code === 'resource_missing'
              ? m.notFound
              : describeError(state.error, common)
          }
          retryLabel={common.retry}
          onRetry={transfer.refresh}
        />
      );
      break;
    }
    case 'review':
    case 'processing':
    case 'succeeded':
    case 'failed':
    case 'canceled':
    case 'returned': {
      const shown = state.topUp;
      const arrival =
        state.status === 'processing' || state.status === 'review'
          ? arrivalText(shown, locale)
          : null;
      body = (
        <>
          <div data-slot="summary">
            <span className="purse-Amount" data-size="large" data-slot="amount">
              {amount}
            </span>
            <span className="purse-Muted" data-slot="route">
              {m.fromSource(topUpSourceName(shown, m))} · {m.toAccount}
            </span>
            {shown.description ? <span data-slot="description">{shown.description}</span> : null}
            {arrival ? <span data-slot="arrival">{m.expectedArrival(arrival)}</span> : null}
          </div>
          {state.status === 'failed' || state.status === 'returned' ? (
            <OutcomeNote
              phase={state.status}
              topUp={shown}
              amount={amount}
              m={m}
              onFailureAction={onFailureAction}
              supportHref={supportHref}
              supportLabel={supportLabel}
            />
          ) : (
            <PhaseNote phase={state.status} m={m} />
          )}
          <ol data-slot="timeline" aria-label={m.timelineLabel}>
            {transferTimeline(shown).map((step) => (
              <li
                key={step.key}
                data-step={step.key}
                data-step-state={step.state}
                aria-current={step.state === 'current' ? 'step' : undefined}
              >
                <span data-slot="marker" aria-hidden="true" />
                <span data-slot="step-label">
                  {m.steps[step.key]}
                  <span className="purse-VisuallyHidden"> ({m.stepStates[step.state]})</span>
                </span>
                {step.at === null ? null : (
                  <time data-slot="step-time" dateTime={new Date(step.at * 1000).toISOString()}>
                    {formatDateTime(step.at, { locale })}
                  </time>
                )}
              </li>
            ))}
          </ol>
          {state.refreshError ? (
            <p className="purse-Muted" data-slot="stale">
              {m.staleNote}
            </p>
          ) : null}
          <CancelArea
            canCancel={transfer.canCancel}
            cancel={cancel}
            m={m}
            common={common}
            onRequest={transfer.requestCancel}
            onConfirm={transfer.confirmCancel}
            onDismiss={transfer.dismissCancel}
          />
          {shown.receiptUrl ? (
            <div data-slot="footer">
              <a
                className="purse-Link"
                data-slot="receipt"
                href={shown.receiptUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                {m.receipt} <span className="purse-VisuallyHidden">{m.opensInNewTab}</span>
              </a>
            </div>
          ) : null}
        </>
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
      className={cx('purse-Card purse-TransferStatus', className)}
      data-state={state.status}
      aria-labelledby={headingId}
      role="group"
    >
      <div data-slot="header">
        <Heading className="purse-Heading" id={headingId} ref={headingRef} tabIndex={-1}>
          {m.title}
        </Heading>
        {phase ? <TransferPhaseBadge phase={phase} /> : null}
        {topUp?.sameDay ? (
          <span className="purse-Badge" data-slot="same-day">
            {m.sameDay}
          </span>
        ) : null}
      </div>
      {body}
      <div className="purse-VisuallyHidden" aria-live="polite" aria-atomic="true" data-slot="live">
        {announcement}
      </div>
    </div>
  );
}

function PhaseNote(props: {
  phase: Exclude<TransferPhase, 'failed' | 'returned'>;
  m: TransferStatusMessages;
}): ReactNode {
  const { phase, m } = props;
  switch (phase) {
    case 'review':
      return (
        <p className="purse-Muted" data-slot="note">
          {m.reviewNote}
        </p>
      );
    case 'processing':
      return (
        <p className="purse-Muted" data-slot="note">
          {m.processingNote}
        </p>
      );
    case 'succeeded':
      return (
        <p data-slot="note" data-tone="success">
          {m.succeededNote}
        </p>
      );
    case 'canceled':
      return (
        <p className="purse-Muted" data-slot="note">
          {m.canceledNote}
        </p>
      );
    default:
      phase satisfies never;
      return null;
  }
}

function CancelArea(props: {
  canCancel: boolean;
  cancel: CancelState;
  m: TransferStatusMessages;
  common: CommonMessages;
  onRequest: () => void;
  onConfirm: () => void;
  onDismiss: () => void;
}): ReactNode {
  const { canCancel, cancel, m, common } = props;
  const titleId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const promptRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const previous = useRef(cancel.status);
  useEffect(() => {
    const before = previous.current;
    previous.current = cancel.status;
    if (before === cancel.status) return;
    if (cancel.status === 'confirming') promptRef.current?.focus();
    else if (cancel.status === 'error') errorRef.current?.focus();
    else if (cancel.status === 'idle' && before === 'confirming') buttonRef.current?.focus();
  }, [cancel.status]);

  let content: ReactNode = null;
  switch (cancel.status) {
    case 'idle':
    case 'error':
      content = canCancel ? (
        <button
          ref={buttonRef}
          type="button"
          className="purse-Button"
          data-variant="danger"
          data-size="small"
          data-slot="cancel"
          onClick={props.onRequest}
        >
          {m.cancel}
        </button>
      ) : null;
      break;
    case 'confirming':
    case 'canceling': {
      const busy = cancel.status === 'canceling';
      content = (
        <div role="group" aria-labelledby={titleId} data-slot="cancel-confirm">
          <p id={titleId} ref={promptRef} tabIndex={-1} data-slot="cancel-title">
            <strong>{m.cancelConfirmTitle}</strong> {m.cancelConfirmBody}
          </p>
          <div data-slot="actions">
            <button
              type="button"
              className="purse-Button"
              data-variant="danger"
              data-size="small"
              aria-disabled={busy || undefined}
              onClick={busy ? undefined : props.onConfirm}
            >
              {busy ? <span className="purse-Spinner" aria-hidden="true" /> : null}
              {busy ? m.canceling : m.cancelConfirmYes}
            </button>
            <button
              type="button"
              className="purse-Button"
              data-variant="secondary"
              data-size="small"
              aria-disabled={busy || undefined}
              onClick={busy ? undefined : props.onDismiss}
            >
              {m.cancelConfirmNo}
            </button>
          </div>
        </div>
      );
      break;
    }
    default:
      cancel satisfies never;
  }
  if (!content && cancel.status !== 'error') return null;
  return (
    <div data-slot="cancel-area">
      {cancel.status === 'error' ? (
        <div
          ref={errorRef}
          tabIndex={-1}
          className="purse-Alert"
          data-tone="danger"
          role="alert"
          data-slot="cancel-error"
        >
          <strong>{m.cancelErrorTitle}</strong>
          <span>
            {cancel.error.code === 'transfer_not_cancelable'
              ? m.cancelNotCancelable
              : describeError(cancel.error, common)}
          </span>
        </div>
      ) : null}
      {content}
    </div>
  );
}

/** TransferStatus; accepts a `ref` to its root element on React 18 and 19. */
export const TransferStatus = /* @__PURE__ */ withForwardedRef<HTMLDivElement, TransferStatusProps>(
  TransferStatusRender,
  'TransferStatus',
);
