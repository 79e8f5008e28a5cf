/**
 * Canceling a top-up while Stripe allows it: the button, the question ("Cancel this top-up?")
 * and why a cancel failed. Built only from `useInboundTransfer()`'s state and prop getters.
 */
import type { ReactNode } from 'react';
import type { PurseError } from '@purse/core';
import type { TransferDetailsMessages } from './details-messages.js';
import type { UseInboundTransferResult } from './use-inbound-transfer.js';

export interface CancelAreaProps {
  transfer: UseInboundTransferResult;
  m: TransferDetailsMessages;
  /** Puts an error in words (`describeError` with the common messages). */
  describe: (error: PurseError) => string;
}

export function CancelArea(props: CancelAreaProps): ReactNode {
  const { transfer, m } = props;
  const { cancel } = transfer;
  const asking = cancel.status === 'confirming' || cancel.status === 'canceling';
  if (!asking && !transfer.canCancel && cancel.status !== 'error') return null;
  return (
    <div data-slot="cancel-area">
      {cancel.status === 'error' ? (
        <div
          {...transfer.getCancelErrorProps()}
          className="purse-Alert"
          data-tone="danger"
          data-slot="cancel-error"
        >
          <strong>{m.cancelErrorTitle}</strong>
          <span>
            {cancel.error.code === 'transfer_not_cancelable'
              ? m.cancelNotCancelable
              : props.describe(cancel.error)}
          </span>
        </div>
      ) : null}
      {asking ? (
        <CancelQuestion transfer={transfer} m={m} />
      ) : transfer.canCancel ? (
        <button
          {...transfer.getCancelButtonProps()}
          className="purse-Button"
          data-variant="danger"
          data-size="small"
          data-slot="cancel"
        >
          {m.cancel}
        </button>
      ) : null}
    </div>
  );
}

function CancelQuestion(props: {
  transfer: UseInboundTransferResult;
  m: TransferDetailsMessages;
}): ReactNode {
  const { transfer, m } = props;
  const busy = transfer.cancel.status === 'canceling';
  return (
    <div {...transfer.getCancelGroupProps()} data-slot="cancel-confirm">
      <p {...transfer.getCancelPromptProps()} data-slot="cancel-title">
        <strong>{m.cancelConfirmTitle}</strong> {m.cancelConfirmBody}
      </p>
      <div data-slot="actions">
        <button
          {...transfer.getConfirmCancelButtonProps()}
          className="purse-Button"
          data-variant="danger"
          data-size="small"
        >
          {busy ? <span className="purse-Spinner" aria-hidden="true" /> : null}
          {busy ? m.canceling : m.cancelConfirmYes}
        </button>
        <button
          {...transfer.getDismissCancelButtonProps()}
          className="purse-Button"
          data-variant="secondary"
          data-size="small"
        >
          {m.cancelConfirmNo}
        </button>
      </div>
    </div>
  );
}
