import type { LinkedAccount } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { BalanceCard } from '../balance/balance-card.js';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { cx } from '../utils/cx.js';
import { accountListText } from './messages.js';
import { useLinkedAccounts } from './use-linked-accounts.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';

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
 * `<LinkBankAccount>` appears at once.
 */
function AccountListRender(props: AccountListProps): ReactNode {
  const { filter, headingLevel = 3, emptyAction, onReconnect, className, ref, ...rest } = props;
  const { state: result, reload } = useLinkedAccounts();
  const messages = useMessages(accountListText, 'AccountList');
  const common = useMessages(commonText, 'AccountList');
  const shown = filter ? result.accounts.filter(filter) : result.accounts;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const firstLoad = result.status === 'loading' && result.accounts.length === 0;

  let content: ReactNode;
  if (firstLoad) {
    content = (
      <>
        <span className="purse-VisuallyHidden">{common.loading}</span>
        {[0, 1].map((key) => (
          <div
            key={key}
            className="purse-Card purse-BalanceCard"
            data-state="loading"
            aria-hidden="true"
          >
            <span className="purse-Skeleton" data-slot="skeleton-title" />
            <span className="purse-Skeleton" data-slot="skeleton-subtitle" />
            <span className="purse-Skeleton" data-slot="skeleton-amount" />
            <span className="purse-Skeleton" data-slot="skeleton-line" />
          </div>
        ))}
      </>
    );
  } else if (result.status === 'error' && shown.length === 0) {
    content = (
      <div className="purse-Card" data-slot="error">
        <div role="alert" className="purse-Alert" data-tone="danger">
          <strong>{messages.loadFailed}</strong>
          <span>{describeError(result.error, common)}</span>
        </div>
        <button
          type="button"
          className="purse-Button"
          data-variant="secondary"
          data-size="small"
          onClick={reload}
        >
          {common.retry}
        </button>
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
      // role="list": `list-style: none` drops the list role in Safari.
      <ul role="list" aria-label={messages.listLabel} data-slot="list">
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
      data-state={result.status}
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
