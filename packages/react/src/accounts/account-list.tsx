import type { LinkedAccount } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { BALANCE_SKELETON, BalanceCard } from '../balance/balance-card.js';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { accountListText } from './messages.js';
import { useLinkedAccounts } from './use-linked-accounts.js';

export interface AccountListProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Which accounts to show. @default every linked account */
  filter?: ((account: LinkedAccount) => boolean) | undefined;
  /** The heading level of each card (and of the empty state's title). @default 3 */
  headingLevel?: 2 | 3;
  /** Shown under the empty state, for example a `<LinkBankAccount />`. */
  emptyAction?: ReactNode;
  /** Passed to each `<BalanceCard>`: offers "Reconnect" on inactive accounts. */
  onReconnect?: ((account: LinkedAccount) => void) | undefined;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The user's linked bank accounts as a grid of `<BalanceCard>`s, live: an account linked with
 * `<LinkBankAccount>` appears at once. Built only from `useLinkedAccounts()`.
 */
function AccountListRender(props: AccountListProps): ReactNode {
  const { filter, headingLevel = 3, emptyAction, onReconnect, className, ref, ...rest } = props;
  const linked = useLinkedAccounts();
  const { state } = linked;
  const messages = useMessages(accountListText, 'AccountList');
  const common = useMessages(commonText, 'AccountList');
  const shown = filter ? state.accounts.filter(filter) : state.accounts;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const firstLoad = state.status === 'loading' && state.accounts.length === 0;

  let content: ReactNode;
  if (firstLoad) {
    // Two balance cards' shapes.
    content = [0, 1].map((key) => (
      <div key={key} className="purse-Card purse-BalanceCard" data-state="loading">
        {/* Said once for the list, not once per shape. */}
        <Skeleton label={key === 0 ? common.loading : ''} parts={BALANCE_SKELETON} />
      </div>
    ));
  } else if (state.status === 'error' && shown.length === 0) {
    content = (
      <div className="purse-Card" data-slot="error">
        <ErrorNotice
          title={messages.loadFailed}
          message={describeError(state.error, common)}
          retryLabel={common.retry}
          onRetry={linked.reload}
        />
      </div>
    );
  } else if (shown.length === 0) {
    content = (
      <div className="purse-Card" data-slot="empty">
        <Heading className="purse-Heading">{messages.emptyTitle}</Heading>
        <p className="purse-Muted">{messages.emptyBody}</p>
        {emptyAction}
      </div>
    );
  } else {
    content = (
      <ul {...linked.getListProps()} aria-label={messages.listLabel} data-slot="list">
        {shown.map((account) => (
          <li key={account.id}>
            <BalanceCard
              accountId={account.id}
              initialAccount={account}
              headingLevel={headingLevel}
              onReconnect={onReconnect}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-AccountList', className)}
      data-state={state.status}
      aria-busy={firstLoad || undefined}
    >
      {content}
    </div>
  );
}

/** AccountList; accepts a `ref` to its root element on React 18 and 19. */
export const AccountList = /* @__PURE__ */ withForwardedRef<HTMLDivElement, AccountListProps>(
  AccountListRender,
  'AccountList',
);
