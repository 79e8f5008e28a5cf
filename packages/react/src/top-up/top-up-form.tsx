/**
 * The top-up form (the `editing` state), built only from `useTopUp()`'s prop getters: what a
 * custom view would spread on its own elements to get the same labels, descriptions and focus.
 * Loaded lazily (`top-up-form-loader.tsx`), in parallel with the sources request.
 */
/*
 * This module imports nothing at run time but its own helpers: what a lazy chunk shares with the
 * package (the provider, the core) esbuild moves into a chunk that every app's first load
 * imports, whatever component it uses. What the form needs comes in through props (`kit`).
 */
import type { TopUpSource } from '@purse/core';
import type { ReactNode } from 'react';
import { currencyAffix, wholeMoney } from './currency-affix.js';
import type { MessageRef } from '../i18n/locale-packs.js';
import { topUpFormText, type TopUpFormMessages } from './form-messages.js';
import type { TopUpField, TopUpFieldError, UseTopUpResult } from './use-top-up.js';

function fieldErrorText(
  error: TopUpFieldError,
  m: TopUpFormMessages,
  money: (amount: number) => string,
  example: string,
): string {
  const e = m.fieldErrors;
  switch (error.code) {
    case 'source_required':
      return e.source_required;
    case 'amount_required':
      return e.amount_required;
    case 'amount_not_a_number':
      return e.amount_not_a_number(example);
    case 'amount_too_many_decimals':
      return e.amount_too_many_decimals(2);
    case 'amount_negative':
      return e.amount_negative;
    case 'amount_too_small':
      return e.amount_too_small(money(error.min));
    case 'amount_too_large':
      return e.amount_too_large(money(error.max));
    case 'amount_over_balance':
      return e.amount_over_balance(money(error.available));
    case 'description_too_long':
      return e.description_too_long(error.max);
    case 'acknowledgement_required':
      return e.acknowledgement_required;
    default:
      error satisfies never;
      return '';
  }
}

function balanceText(source: TopUpSource, m: TopUpFormMessages, kit: TopUpFormKit): string {
  const balance = source.balance;
  if (balance?.type !== 'cash') return m.sourceBalanceUnknown;
  const money = (amount: number): string => kit.moneyIn(amount, balance.currency);
  return balance.available === null
    ? m.sourceBalance(money(balance.current))
    : m.sourceAvailable(money(balance.available));
}

/** What the form gets from the first load instead of importing it. */
export interface TopUpFormKit {
  /** An amount in the top-up's currency, in the provider's locale. */
  money: (amount: number) => string;
  /** An amount in another currency (a bank's balance), in the provider's locale. */
  moneyIn: (amount: number, currency: string) => string;
  /** A source as the person knows it ("Everyday Checking ••4321"). */
  nameOf: (source: TopUpSource) => string;
  /** The Intl tag of the provider's locale, for the amount field's number format. */
  intlLocale: string;
  /** The longest description (`TOP_UP_DESCRIPTION_MAX_LENGTH`). */
  descriptionMax: number;
  /** A catalog's words in the provider's locale (`messagesFor`, bound to it). */
  words: <T>(ref: MessageRef<T>) => T;
}

export interface TopUpFormProps {
  topUp: UseTopUpResult;
  kit: TopUpFormKit;
  /** The card title's id: the form is labelled by it. */
  titleId: string;
}

export default function TopUpForm(props: TopUpFormProps): ReactNode {
  const { topUp, kit, titleId } = props;
  const m = kit.words(topUpFormText);
  const { money } = kit;
  const { ids, values, errors } = topUp;
  const affix = currencyAffix(kit.intlLocale, topUp.currency);
  const errorText = (field: TopUpField): string | null => {
    const error = errors[field];
    return error ? fieldErrorText(error, m, money, affix.example) : null;
  };
  const sourceError = errorText('source');
  const amountError = errorText('amount');
  const descriptionError = errorText('description');
  const affixSymbol = (position: 'prefix' | 'suffix'): ReactNode =>
    affix.position === position ? (
      <span data-slot="affix" aria-hidden="true">
        {affix.symbol}
      </span>
    ) : null;
  return (
    <form {...topUp.getFormProps()} data-slot="form" aria-labelledby={titleId}>
      <fieldset data-slot="sources" {...topUp.getSourceGroupProps()}>
        <legend>{m.sourceLegend}</legend>
        {topUp.sources.map((source) => {
          const radio = topUp.getSourceRadioProps(source);
          return (
            <label key={source.id} data-slot="source" data-checked={radio.checked || undefined}>
              <input {...radio} />
              <span data-slot="source-name">{kit.nameOf(source)}</span>
              <SourceDetail source={source} m={m} />
              <span data-slot="source-balance" className="purse-Muted">
                {balanceText(source, m, kit)}
              </span>
            </label>
          );
        })}
        {sourceError ? (
          <p id={ids.sourceError} data-slot="error">
            {sourceError}
          </p>
        ) : null}
      </fieldset>

      <div className="purse-Field" data-slot="amount-field">
        <label htmlFor={ids.amount}>
          {m.amountLabel}
          <span className="purse-VisuallyHidden">
            {' '}
            {m.amountCurrency(topUp.currency.toUpperCase())}
          </span>
        </label>
        <div data-slot="amount-control" data-affix={affix.position}>
          {affixSymbol('prefix')}
          <input {...topUp.getAmountInputProps()} placeholder={affix.placeholder} />
          {affixSymbol('suffix')}
        </div>
        <p id={ids.amountHint} data-slot="hint">
          {m.amountHint(money(topUp.minAmount), money(topUp.maxAmount))}
        </p>
        <QuickAmounts topUp={topUp} m={m} intlLocale={kit.intlLocale} />
        {amountError ? (
          <p id={ids.amountError} data-slot="error">
            {amountError}
          </p>
        ) : null}
      </div>

      <BalanceWarning topUp={topUp} m={m} kit={kit} error={errorText('acknowledged')} />

      <div className="purse-Field" data-slot="description-field">
        <label htmlFor={ids.description}>
          {m.descriptionLabel} <span data-slot="optional">{m.optional}</span>
        </label>
        <input {...topUp.getDescriptionInputProps()} maxLength={kit.descriptionMax} />
        <p id={ids.descriptionHint} data-slot="hint">
          {m.descriptionCount(values.description.length, kit.descriptionMax)}
        </p>
        {descriptionError ? (
          <p id={ids.descriptionError} data-slot="error">
            {descriptionError}
          </p>
        ) : null}
      </div>

      {topUp.allowSameDay ? (
        <div data-slot="same-day">
          <input {...topUp.getSameDayCheckboxProps()} />
          <label htmlFor={ids.sameDay}>{m.sameDayLabel}</label>
          <p id={ids.sameDayHint} data-slot="hint">
            {m.sameDayHint}
          </p>
        </div>
      ) : null}

      <div data-slot="actions">
        <button {...topUp.getSubmitButtonProps()} className="purse-Button">
          {m.continue}
        </button>
      </div>
    </form>
  );
}

/** The amount is more than the bank's known available balance: say so and ask to go on. */
function BalanceWarning(props: {
  topUp: UseTopUpResult;
  m: TopUpFormMessages;
  kit: TopUpFormKit;
  error: string | null;
}): ReactNode {
  const { topUp, m, kit, error } = props;
  const warning = topUp.balanceWarning;
  if (!warning || !topUp.source) return null;
  return (
    <div className="purse-Alert" data-tone="warning" data-slot="balance-warning">
      <div id={topUp.ids.warning}>
        <strong>{m.balanceWarningTitle}</strong>{' '}
        <span>{m.balanceWarningBody(kit.money(warning.available), kit.nameOf(topUp.source))}</span>
      </div>
      <div data-slot="acknowledge">
        <input {...topUp.getAcknowledgeCheckboxProps()} />
        <label htmlFor={topUp.ids.acknowledge}>{m.acknowledgeLabel}</label>
      </div>
      {error ? (
        <p id={topUp.ids.acknowledgeError} data-slot="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Under a source's name: its bank ("StripeBank") when the account has a name, else its type. */
function SourceDetail(props: { source: TopUpSource; m: TopUpFormMessages }): ReactNode {
  const { source, m } = props;
  const detail =
    source.accountName && source.bankName
      ? source.bankName
      : source.accountType
        ? m.accountTypes[source.accountType]
        : null;
  return detail ? (
    <span data-slot="source-type" className="purse-Muted">
      {detail}
    </span>
  ) : null;
}

/** One-tap amounts ($50, $100, $250): each fills the amount field. */
function QuickAmounts(props: {
  topUp: UseTopUpResult;
  m: TopUpFormMessages;
  intlLocale: string;
}): ReactNode {
  const { topUp, m, intlLocale } = props;
  if (topUp.quickAmounts.length === 0) return null;
  return (
    <div
      {...topUp.getQuickAmountGroupProps()}
      aria-label={m.quickAmountsLabel}
      data-slot="quick-amounts"
    >
      {topUp.quickAmounts.map((amount) => (
        <button
          key={amount}
          {...topUp.getQuickAmountProps(amount)}
          className="purse-Button"
          data-variant="secondary"
        >
          {wholeMoney(amount, intlLocale, topUp.currency)}
        </button>
      ))}
    </div>
  );
}
