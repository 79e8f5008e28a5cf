import { formatMoney } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { transferStatusText, type TransferStatusMessages } from './messages.js';
import type { FailureActionOptions } from './outcome-note.js';
import { TransferDetailsLoader, usePreloadedDetails } from './details-loader.js';
import { TransferPhaseBadge } from './transfer-phase-badge.js';
import {
  useInboundTransfer,
  type UseInboundTransferOptions,
  type UseInboundTransferResult,
} from './use-inbound-transfer.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';

export {
  TRANSFER_PHASE_TONES,
  TransferPhaseBadge,
  topUpSourceName,
  type TransferPhaseBadgeProps,
} from './transfer-phase-badge.js';

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

/**
 * Where a top-up stands: amount and source, a timeline, the expected arrival while it is under
 * way, why it failed and the way on (for each of Stripe's failure codes), a return, a cancel
 * button while Stripe allows it, and the regulatory receipt. Status changes are announced
 * politely ("Top-up of $25.00 succeeded"). Built only from `useInboundTransfer()`.
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
  const m = useMessages(transferStatusText, 'TransferStatus');
  const common = useMessages(commonText, 'TransferStatus');
  const transfer = useInboundTransfer({ topUpId, initialTopUp, pollIntervalMs, onPhaseChange });
  const { state } = transfer;
  const Heading = `h${String(headingLevel)}` as 'h2' | 'h3' | 'h4';
  const phase = state.status === 'loading' || state.status === 'error' ? null : state.status;
  // The card past its summary comes in its own chunk: fetch it alongside the top-up.
  usePreloadedDetails();

  return (
    <div
      {...rest}
      {...transfer.getRootProps()}
      ref={ref}
      className={cx('purse-Card purse-TransferStatus', className)}
    >
      <div data-slot="header">
        <Heading className="purse-Heading" {...transfer.getHeadingProps()}>
          {m.title}
        </Heading>
        {phase ? <TransferPhaseBadge phase={phase} /> : null}
        {state.status !== 'loading' && state.status !== 'error' && state.topUp.sameDay ? (
          <span className="purse-Badge" data-slot="same-day">
            {m.sameDay}
          </span>
        ) : null}
      </div>
      <TransferBody
        transfer={transfer}
        m={m}
        common={common}
        actions={{ onFailureAction, supportHref, supportLabel }}
      />
      <div className="purse-VisuallyHidden" data-slot="live" {...transfer.getStatusRegionProps()} />
    </div>
  );
}

/** The card's body for each state: a skeleton, a load error, or the top-up. */
function TransferBody(props: {
  transfer: UseInboundTransferResult;
  m: TransferStatusMessages;
  common: CommonMessages;
  actions: FailureActionOptions;
}): ReactNode {
  const { transfer, m, common } = props;
  const { locale } = usePurseContext('TransferStatus');
  const { state } = transfer;
  switch (state.status) {
    case 'loading':
      return (
        <div data-slot="skeleton" aria-busy="true">
          <Skeleton label={common.loading} parts={STATUS_SKELETON} />
        </div>
      );
    case 'error':
      return (
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
    default: {
      const { topUp } = state;
      return (
        <TransferDetailsLoader
          {...props.actions}
          phase={state.status}
          topUp={topUp}
          amount={formatMoney(topUp.amount, { currency: topUp.currency, locale })}
          stale={state.refreshError !== null}
          locale={locale}
          transfer={transfer}
          m={m}
          common={common}
        />
      );
    }
  }
}

/** TransferStatus; accepts a `ref` to its root element on React 18 and 19. */
export const TransferStatus = /* @__PURE__ */ withForwardedRef<HTMLDivElement, TransferStatusProps>(
  TransferStatusRender,
  'TransferStatus',
);
