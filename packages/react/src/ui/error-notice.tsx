import type { ReactNode, Ref } from 'react';

export interface ErrorNoticeProps {
  title: string;
  message: string;
  /** The retry button's label; without `onRetry` there is no button. */
  retryLabel: string;
  onRetry?: (() => void) | undefined;
  /** For moving focus to the retry button. */
  retryRef?: Ref<HTMLButtonElement> | undefined;
  /** `warning` for a failure that is not ours (the bank's). Default `danger`. */
  tone?: 'danger' | 'warning' | undefined;
  /** Its `data-slot`, for styling and tests. Default `error`. */
  slot?: string | undefined;
}

/** A failure announced as an alert, with a way to try again. */
export function ErrorNotice({
  title,
  message,
  retryLabel,
  onRetry,
  retryRef,
}: ErrorNoticeProps): ReactNode {
  return (
    <div className="purse-Alert" data-tone="danger" role="alert" data-slot="error">
      <strong>{title}</strong>
      <span>{message}</span>
      {onRetry ? (
        <div data-slot="actions">
          <button
            ref={retryRef}
            type="button"
            className="purse-Button"
            data-variant="secondary"
            data-size="small"
            data-slot="retry"
            onClick={onRetry}
          >
            {retryLabel}
          </button>
        </div>
      ) : null}
    </div>
  );
}
