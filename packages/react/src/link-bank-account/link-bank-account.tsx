import type { PurseError } from '@purse/core';
import { accountName } from '../accounts/account-name.js';
import type { ComponentPropsWithoutRef, ReactNode, Ref } from 'react';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { cx } from '../utils/cx.js';
import { linkBankAccountText, type LinkBankAccountMessages } from './messages.js';
import {
  useLinkBankAccount,
  type LinkBankAccountState,
  type UseLinkBankAccountOptions,
} from './use-link-bank-account.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';

export interface LinkBankAccountProps
  extends UseLinkBankAccountOptions, Omit<ComponentPropsWithoutRef<'div'>, 'children' | 'onError'> {
  /** The button's label. @default "Link a bank account" (in the provider's locale) */
  children?: ReactNode;
  /** The button's emphasis: `secondary` where linking is not the page's main action. @default 'primary' */
  variant?: 'primary' | 'secondary';
  /** The button's size: `small` fits a toolbar or a card's header. @default 'default' */
  size?: 'default' | 'small';
  ref?: Ref<HTMLDivElement>;
}

function BankIcon(): ReactNode {
  return (
    <svg
      data-slot="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M2 6.5 8 3l6 3.5M3 6.5h10M4 8v4M6.7 8v4M9.3 8v4M12 8v4M2.5 13.5h11" />
    </svg>
  );
}

function errorText(
  error: PurseError,
  messages: LinkBankAccountMessages,
  common: CommonMessages,
): string {
  switch (error.code) {
    case 'link_session_unusable':
      return messages.sessionUnusable;
    case 'stripe_unavailable':
      return messages.stripeUnavailable;
    default:
      return describeError(error, common);
  }
}

function buttonLabel(
  state: LinkBankAccountState,
  messages: LinkBankAccountMessages,
  children: ReactNode,
): ReactNode {
  switch (state.status) {
    case 'unavailable':
      return messages.unavailable;
    case 'loading':
      return messages.preparing;
    case 'open':
      return messages.waiting;
    case 'completing':
      return messages.completing;
    case 'success':
      return messages.linkAnother;
    case 'error':
      return messages.retry;
    case 'idle':
    case 'cancelled':
      return children ?? messages.label;
    default:
      state satisfies never;
      return null;
  }
}

/**
 * A button that links bank accounts through Stripe Financial Connections. The session is
 * created when it is clicked, never at mount; a click while a flow is under way does nothing.
 * Outcomes are announced in a polite live region and errors in an alert, with a retry.
 */
function LinkBankAccountRender(props: LinkBankAccountProps): ReactNode {
  const {
    onSuccess,
    onCancel,
    onError,
    onEvent,
    children,
    variant = 'primary',
    size = 'default',
    className,
    ref,
    ...rest
  } = props;
  const link = useLinkBankAccount({ onSuccess, onCancel, onError, onEvent });
  const { state } = link;
  const messages = useMessages(linkBankAccountText, 'LinkBankAccount');
  const common = useMessages(commonText, 'LinkBankAccount');
  const button = link.getButtonProps();

  let announcement = '';
  if (state.status === 'success') {
    announcement = [
      messages.linked(state.accounts.length),
      ...state.alreadyLinked.map((account) => messages.alreadyLinked(accountName(account))),
    ].join('. ');
  } else if (state.status === 'cancelled') {
    announcement = messages.cancelled;
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={cx('purse-LinkBankAccount', className)}
      data-state={state.status}
    >
      <button
        {...button}
        className="purse-Button"
        data-slot="button"
        data-variant={variant === 'secondary' ? 'secondary' : undefined}
        data-size={size === 'small' ? 'small' : undefined}
      >
        {button['aria-busy'] ? (
          <span className="purse-Spinner" data-slot="spinner" aria-hidden="true" />
        ) : (
          <BankIcon />
        )}
        <span data-slot="label">{buttonLabel(state, messages, children)}</span>
      </button>
      <p {...link.getLiveRegionProps()} className="purse-Muted" data-slot="announcement">
        {announcement}
      </p>
      {state.status === 'error' ? (
        <p {...link.getErrorProps()} className="purse-Alert" data-tone="danger" data-slot="error">
          {errorText(state.error, messages, common)}
        </p>
      ) : null}
    </div>
  );
}

/** LinkBankAccount; accepts a `ref` to its root element on React 18 and 19. */
export const LinkBankAccount = /* @__PURE__ */ withForwardedRef<
  HTMLDivElement,
  LinkBankAccountProps
>(LinkBankAccountRender, 'LinkBankAccount');
