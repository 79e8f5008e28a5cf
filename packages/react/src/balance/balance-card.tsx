import type { LinkedAccount } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';
import { useRetryFocus } from '../ui/use-retry-focus.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { BalanceReady } from './balance-ready.js';
import { balanceCardText } from './messages.js';
import { useBalance, type UseBalanceOptions } from './use-balance.js';

/** Title, account line, amount, freshness: the shape of the loaded card (and AccountList's). */
export const BALANCE_SKELETON = ['title', 'subtitle', 'amount', 'line'] as const;

export interface BalanceCardProps
  extends UseBalanceOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The level of the card's heading (the account name). @default 3 */
  headingLevel?: 2 | 3;
  /**
   * Called by the "Reconnect" button shown on an inactive account (for example, open a
   * `<LinkBankAccount>` flow). Without it, the card only explains what to do.
   */
  onReconnect?: ((account: LinkedAccount) => void) | undefined;
  ref?: Ref<HTMLDivElement>;
}

/**
 * A linked account's balance: available and current (cash) or amounts owed (credit), how fresh
 * it is, and a refresh button that follows the refresh lifecycle (pending, cooldown countdown,
 * failed, unavailable with the reason and what to do). Built only from `useBalance()`.
 */
function BalanceCardRender(props: BalanceCardProps): ReactNode {
  const {
    accountId,
    initialAccount,
    headingLevel = 3,
    onReconnect,
    className,
    ref,
    ...rest
  } = props;
  const balance = useBalance({ accountId, initialAccount });
  const { state } = balance;
  const { locale } = usePurseContext('BalanceCard');
  const messages = useMessages(balanceCardText, 'BalanceCard');
  const common = useMessages(commonText, 'BalanceCard');
  const { headingRef, retryRef, retry } = useRetryFocus(state.status);
  const rootClass = cx('purse-Card purse-BalanceCard', className);

  if (state.status === 'loading') {
    return (
      <div {...rest} ref={ref} className={rootClass} data-state="loading" aria-busy="true">
        <Skeleton label={common.loading} parts={BALANCE_SKELETON} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div {...rest} ref={ref} className={rootClass} data-state="error">
        <ErrorNotice
          title={common.errorTitle}
          message={
            state.error.code === 'resource_missing'
              ? messages.accountMissing
              : describeError(state.error, common)
          }
          retryLabel={common.retry}
          retryRef={retryRef}
          onRetry={retry(balance.reload)}
        />
      </div>
    );
  }
  return (
    <div
      {...rest}
      ref={ref}
      className={rootClass}
      data-state="ready"
      data-refresh={state.refresh.status}
      data-type={state.balance.type}
      role="group"
      aria-labelledby={balance.ids.heading}
    >
      <BalanceReady
        state={state}
        balance={balance}
        Heading={headingLevel === 2 ? 'h2' : 'h3'}
        headingRef={headingRef}
        locale={locale}
        messages={messages}
        common={common}
        onReconnect={onReconnect}
      />
      <p
        {...balance.getLiveRegionProps()}
        className="purse-VisuallyHidden"
        data-slot="announcement"
      >
        {balance.outcome === 'failed'
          ? messages.failedAnnouncement
          : balance.outcome === 'updated'
            ? messages.updated
            : ''}
      </p>
    </div>
  );
}

/** BalanceCard; accepts a `ref` to its root element on React 18 and 19. */
export const BalanceCard = /* @__PURE__ */ withForwardedRef<HTMLDivElement, BalanceCardProps>(
  BalanceCardRender,
  'BalanceCard',
);
