import type { FinancialAccountView } from '@purse/core';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { commonText } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';
import { useRetryFocus } from '../ui/use-retry-focus.js';
import { cx } from '../utils/cx.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { financialAccountCardText } from './messages.js';
import { FinancialAccountReady } from './financial-account-ready.js';
import { useFinancialAccount } from './use-financial-account.js';

/** Name, balance and two detail lines: the shape of the loaded card. */
const CARD_SKELETON = ['title', 'amount', 'line', 'line'] as const;

export interface FinancialAccountCardProps extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children'
> {
  /** The level of the card's heading (the wallet's name). @default 3 */
  headingLevel?: 2 | 3;
  /**
   * The wallet's name as your app calls it (for example "Fieldwork Wallet"), shown as the
   * heading in place of the nickname stored at Stripe; the card then offers no rename.
   * @default the account's nickname, else "Wallet" in the provider's locale
   */
  name?: string | undefined;
  /**
   * Offers "Add money" on an open account; called when it is pressed (for example, show a
   * `<TopUp>`). Without it, the card has no such button.
   */
  onAddMoney?: ((account: FinancialAccountView) => void) | undefined;
  /** Called after the user renamed the account, with the server's updated account. */
  onRename?: ((account: FinancialAccountView) => void) | undefined;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The user's Treasury account: its balance (with pending amounts), its nickname with an inline
 * rename, and its account and routing numbers once Stripe has set them up. Built only from
 * `useFinancialAccount()`.
 */
function FinancialAccountCardRender(props: FinancialAccountCardProps): ReactNode {
  const { headingLevel = 3, name, onAddMoney, onRename, className, ref, ...rest } = props;
  const financial = useFinancialAccount({ onRename });
  const { state, renameState, editing, ids } = financial;
  const { locale } = usePurseContext('FinancialAccountCard');
  const messages = useMessages(financialAccountCardText, 'FinancialAccountCard');
  const common = useMessages(commonText, 'FinancialAccountCard');
  const { headingRef, retryRef, retry } = useRetryFocus(state.status);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const root = {
    ...rest,
    ref,
    className: cx('purse-Card purse-FinancialAccountCard', className),
    'data-state': state.status,
  };

  if (state.status === 'loading') {
    return (
      <div {...root} aria-busy="true">
        <Skeleton label={common.loading} parts={CARD_SKELETON} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div {...root}>
        <ErrorNotice
          title={common.errorTitle}
          message={describeError(state.error, common)}
          retryLabel={common.retry}
          retryRef={retryRef}
          onRetry={retry(financial.reload)}
        />
      </div>
    );
  }
  if (state.status === 'missing') {
    return (
      <div {...root} role="group" aria-labelledby={ids.heading}>
        <Heading id={ids.heading} ref={headingRef} tabIndex={-1} className="purse-Heading">
          {messages.missingTitle}
        </Heading>
        <p className="purse-Muted" data-slot="missing">
          {messages.missingBody}
        </p>
      </div>
    );
  }

  const { details } = state;
  return (
    <div
      {...root}
      data-details={details.status}
      data-editing={editing || undefined}
      role="group"
      aria-labelledby={ids.heading}
    >
      <FinancialAccountReady
        state={state}
        financial={financial}
        Heading={Heading}
        headingRef={headingRef}
        name={name}
        onAddMoney={onAddMoney}
        locale={locale}
        messages={messages}
        common={common}
      />
      <p
        {...financial.getLiveRegionProps()}
        className="purse-VisuallyHidden"
        data-slot="announcement"
      >
        {renameState.status === 'saved' ? messages.renamed(renameState.nickname) : ''}
      </p>
    </div>
  );
}

/** FinancialAccountCard; accepts a `ref` to its root element on React 18 and 19. */
export const FinancialAccountCard = /* @__PURE__ */ withForwardedRef<
  HTMLDivElement,
  FinancialAccountCardProps
>(FinancialAccountCardRender, 'FinancialAccountCard');
