/**
 * The note of a top-up that ended without the money staying: why it failed (for each of
 * Stripe's failure codes) or that the bank returned it, and the way on (core's
 * `transferFailureAction`) as a button and, when the host has a support page, a contact link.
 */
import type { TopUp, TransferFailureAction } from '@purse/core';
import { transferFailureAction } from '@purse/core/failure-info';
import type { ReactNode } from 'react';
// Nothing from the first load's modules: this module is downloaded on its own, and a bundler
// (esbuild) splits what it shares with them into a chunk that every component would then ship.
import type { MessageRef } from '../i18n/locale-packs.js';
import { failureActionText, failureText } from './failure-messages.js';
import type { TransferDetailsMessages } from './details-messages.js';
import type { TransferStatusMessages } from './messages.js';

/** What the host offers after a failure or a return. */
export interface FailureActionOptions {
  /**
   * Called with the way on that fits the failure (`try_smaller_amount`, `choose_another_account`,
   * `link_account_again`, `try_again`, `contact_support`) when the person presses its button.
   * Without it the card shows no action button.
   */
  onFailureAction?: ((action: TransferFailureAction, transfer: TopUp) => void) | undefined;
  /** Your support page: the card then offers a "Contact support" link after a failure or return. */
  supportHref?: string | undefined;
  /**
   * The words of the support link.
   * @default 'Contact support', in the provider's locale
   */
  supportLabel?: string | undefined;
}

export interface OutcomeNoteProps extends FailureActionOptions {
  phase: 'failed' | 'returned';
  topUp: TopUp;
  /** The formatted amount, for the return's explanation. */
  amount: string;
  m: TransferStatusMessages;
  d: TransferDetailsMessages;
  /** Reads a catalog in the provider's locale (`messagesFor` bound to it). */
  read: <T>(ref: MessageRef<T>) => T;
}

export function OutcomeNote(props: OutcomeNoteProps): ReactNode {
  const { phase, topUp, amount, m, d } = props;
  const failures = props.read(failureText);
  const actions = <FailureActions {...props} />;
  if (phase === 'returned') {
    return (
      <div className="purse-Alert" data-tone="warning" data-slot="returned">
        <strong>{m.returnedTitle}</strong>
        <span>{d.returnedBody(amount)}</span>
        {actions}
      </div>
    );
  }
  // An unknown code (from a newer server) reads as `other`.
  const code = topUp.failure?.code;
  const failure = code && Object.hasOwn(failures, code) ? failures[code] : failures.other;
  return (
    <div className="purse-Alert" data-tone="danger" data-slot="failure">
      <strong>{m.failedTitle}</strong>
      <span data-slot="failure-message">{failure.message}</span>
      <span data-slot="next-step">
        <strong>{d.nextStepLabel}</strong> {failure.nextStep}
      </span>
      {actions}
    </div>
  );
}

/** The action button (when the host handles it) and the support link (when it has one). */
function FailureActions(props: OutcomeNoteProps): ReactNode {
  const { topUp, onFailureAction, supportHref } = props;
  const labels = props.read(failureActionText);
  const action = transferFailureAction(topUp);
  if (!action) return null;
  // With a support page, "contact support" is the link, not a second button saying the same.
  const button = onFailureAction && !(action === 'contact_support' && supportHref);
  if (!button && !supportHref) return null;
  return (
    <div data-slot="actions">
      {button ? (
        <button
          type="button"
          className="purse-Button"
          data-variant="secondary"
          data-size="small"
          data-slot="failure-action"
          data-action={action}
          onClick={() => onFailureAction(action, topUp)}
        >
          {labels[action]}
        </button>
      ) : null}
      {supportHref ? (
        <a className="purse-Link" data-slot="support" href={supportHref}>
          {props.supportLabel ?? labels.contact_support}
        </a>
      ) : null}
    </div>
  );
}
