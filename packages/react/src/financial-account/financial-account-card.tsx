import { formatMoney, type FinancialAccountView } from '@purse/core';
import {
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type SyntheticEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { commonText, type CommonMessages } from '../i18n/catalog.js';
import { describeError, useMessages } from '../i18n/use-messages.js';
import { usePurseContext } from '../provider/purse-context.js';
import { cx } from '../utils/cx.js';
import { useLatest } from '../utils/use-latest.js';
import { financialAccountCardText, type FinancialAccountCardMessages } from './messages.js';
import { useFinancialAccount, type RenameState } from './use-financial-account.js';
import { withForwardedRef } from '../utils/with-forwarded-ref.js';
import { ErrorNotice } from '../ui/error-notice.js';
import { Skeleton } from '../ui/skeleton.js';
import { useRetryFocus } from '../ui/use-retry-focus.js';

/** Name, balance and two detail lines: the shape of the loaded card. */
const CARD_SKELETON = ['title', 'amount', 'line', 'line'] as const;

export interface FinancialAccountCardProps extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children'
> {
  /** The level of the card's heading (the account's nickname). @default 3 */
  headingLevel?: 2 | 3;
  /** Called after the user renamed the account, with the server's updated account. */
  onRename?: ((account: FinancialAccountView) => void) | undefined;
  ref?: Ref<HTMLDivElement>;
}

function renameError(
  rename: RenameState,
  messages: FinancialAccountCardMessages,
  common: CommonMessages,
): string | null {
  switch (rename.status) {
    case 'invalid':
      return rename.problem === 'empty'
        ? messages.nicknameEmpty
        : messages.nicknameTooLong(rename.length);
    case 'error':
      return rename.error.code === 'parameter_invalid'
        ? messages.nicknameRejected
        : describeError(rename.error, common);
    case 'idle':
    case 'saving':
    case 'saved':
      return null;
    default:
      rename satisfies never;
      return null;
  }
}

/**
 * The user's Treasury account: its balance (with pending amounts), its nickname with an inline
 * rename, and its account and routing numbers once Stripe has set them up.
 */
function FinancialAccountCardRender(props: FinancialAccountCardProps): ReactNode {
  const { headingLevel = 3, onRename, className, ref, ...rest } = props;
  const { state, reload, rename, renameState, resetRename } = useFinancialAccount();
  const { locale } = usePurseContext('FinancialAccountCard');
  const messages = useMessages(financialAccountCardText, 'FinancialAccountCard');
  const common = useMessages(commonText, 'FinancialAccountCard');
  const onRenameRef = useLatest(onRename);
  const ids = useId();
  const headingId = `${ids}-heading`;
  const inputId = `${ids}-nickname`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const { headingRef, retryRef, retry } = useRetryFocus(state.status);
  const focusRenameButton = useRef(false);

  useEffect(() => {
    if (editing) inputRef.current?.focus();
    else if (focusRenameButton.current) {
      focusRenameButton.current = false;
      renameButtonRef.current?.focus();
    }
  }, [editing]);

  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const rootClass = cx('purse-Card purse-FinancialAccountCard', className);

  switch (state.status) {
    case 'loading':
      return (
        <div {...rest} ref={ref} className={rootClass} data-state="loading" aria-busy="true">
          <Skeleton label={common.loading} parts={CARD_SKELETON} />
        </div>
      );
    case 'error':
      return (
        <div {...rest} ref={ref} className={rootClass} data-state="error">
          <ErrorNotice
            title={common.errorTitle}
            message={describeError(state.error, common)}
            retryLabel={common.retry}
            retryRef={retryRef}
            onRetry={retry(reload)}
          />
        </div>
      );
    case 'missing':
      return (
        <div
          {...rest}
          ref={ref}
          className={rootClass}
          data-state="missing"
          role="group"
          aria-labelledby={headingId}
        >
          <Heading id={headingId} ref={headingRef} tabIndex={-1} className="purse-Heading">
            {messages.missingTitle}
          </Heading>
          <p className="purse-Muted" data-slot="missing">
            {messages.missingBody}
          </p>
        </div>
      );
    case 'ready':
      break;
    default:
      state satisfies never;
      return null;
  }

  const { account, details } = state;
  const money = (amount: number): string =>
    formatMoney(amount, { currency: account.balance.currency, locale });
  const name = account.nickname ?? messages.defaultName;
  const fieldError = renameError(renameState, messages, common);
  const saving = renameState.status === 'saving';

  const closeEditor = (): void => {
    focusRenameButton.current = true;
    resetRename();
    setEditing(false);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (saving) return;
    const updated = await rename(draft);
    if (updated) {
      setAnnouncement(messages.renamed(updated.nickname ?? draft.trim()));
      focusRenameButton.current = true;
      setEditing(false);
      onRenameRef.current?.(updated);
    } else {
      inputRef.current?.focus();
    }
  };

  return (
    <div
      {...rest}
      ref={ref}
      className={rootClass}
      data-state="ready"
      data-details={details.status}
      data-editing={editing || undefined}
      role="group"
      aria-labelledby={headingId}
    >
      <div data-slot="header">
        <Heading
          id={headingId}
          ref={headingRef}
          tabIndex={-1}
          className={cx('purse-Heading', editing && 'purse-VisuallyHidden')}
        >
          {name}
        </Heading>
        {account.status === 'closed' ? (
          <span className="purse-Badge" data-slot="status">
            {messages.closed}
          </span>
        ) : null}
        {!editing && account.status === 'open' ? (
          <button
            ref={renameButtonRef}
            type="button"
            className="purse-Button"
            data-variant="secondary"
            data-size="small"
            data-slot="rename"
            onClick={() => {
              resetRename();
              setDraft(account.nickname ?? '');
              setEditing(true);
            }}
          >
            {messages.rename}
          </button>
        ) : null}
      </div>

      {editing ? (
        <form
          data-slot="rename-form"
          noValidate
          onSubmit={(event) => {
            void submit(event);
          }}
        >
          <div className="purse-Field">
            <label htmlFor={inputId}>{messages.nicknameLabel}</label>
            <input
              ref={inputRef}
              id={inputId}
              name="nickname"
              type="text"
              autoComplete="off"
              value={draft}
              aria-invalid={fieldError ? true : undefined}
              aria-describedby={fieldError ? `${errorId} ${hintId}` : hintId}
              onChange={(event) => {
                setDraft(event.target.value);
                if (renameState.status === 'invalid' || renameState.status === 'error')
                  resetRename();
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  closeEditor();
                }
              }}
            />
            {fieldError ? (
              <p id={errorId} data-slot="error" role="alert">
                {fieldError}
              </p>
            ) : null}
            <p id={hintId} data-slot="hint">
              {messages.nicknameHint}
            </p>
          </div>
          <div data-slot="actions">
            <button
              type="submit"
              className="purse-Button"
              data-size="small"
              aria-disabled={saving || undefined}
            >
              {saving ? <span className="purse-Spinner" aria-hidden="true" /> : null}
              {saving ? messages.saving : messages.save}
            </button>
            <button
              type="button"
              className="purse-Button"
              data-variant="secondary"
              data-size="small"
              onClick={closeEditor}
            >
              {common.cancel}
            </button>
          </div>
        </form>
      ) : null}

      <dl data-slot="figures">
        <div data-slot="primary">
          <dt className="purse-Muted">{messages.balance}</dt>
          <dd className="purse-Amount" data-size="large" data-slot="amount">
            {money(account.balance.cash)}
          </dd>
        </div>
        {account.balance.outboundPending === 0 ? null : (
          <div data-slot="outbound-pending">
            <dt className="purse-Muted">{messages.outboundPending}</dt>
            <dd className="purse-Amount">{money(account.balance.outboundPending)}</dd>
          </div>
        )}
        {account.balance.inboundPending === 0 ? null : (
          <div data-slot="inbound-pending">
            <dt className="purse-Muted">{messages.inboundPending}</dt>
            <dd className="purse-Amount">{money(account.balance.inboundPending)}</dd>
          </div>
        )}
      </dl>

      {details.status === 'active' ? (
        <dl data-slot="details">
          <div>
            <dt className="purse-Muted">{messages.accountNumber}</dt>
            <dd data-slot="account-number">
              <span aria-hidden="true">•••• {details.accountNumberLast4}</span>
              <span className="purse-VisuallyHidden">
                {messages.endingIn(details.accountNumberLast4)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="purse-Muted">{messages.routingNumber}</dt>
            <dd data-slot="routing-number">{details.routingNumber}</dd>
          </div>
          <div>
            <dt className="purse-Muted">{messages.bank}</dt>
            <dd>{details.bankName}</dd>
          </div>
        </dl>
      ) : (
        <p
          className={details.status === 'pending' ? 'purse-Alert' : 'purse-Muted'}
          data-slot="details-notice"
        >
          {details.status === 'pending' ? (
            <span className="purse-Spinner" data-slot="spinner" aria-hidden="true" />
          ) : null}
          {details.status === 'pending' ? messages.detailsPending : messages.detailsUnavailable}
        </p>
      )}
      <p role="status" aria-live="polite" className="purse-VisuallyHidden" data-slot="announcement">
        {announcement}
      </p>
    </div>
  );
}

/** FinancialAccountCard; accepts a `ref` to its root element on React 18 and 19. */
export const FinancialAccountCard = /* @__PURE__ */ withForwardedRef<
  HTMLDivElement,
  FinancialAccountCardProps
>(FinancialAccountCardRender, 'FinancialAccountCard');
