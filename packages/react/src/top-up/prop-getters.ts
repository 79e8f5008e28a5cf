/**
 * What a top-up view spreads on its elements to stay accessible, in the manner of react-aria's
 * and downshift's prop getters: ids that tie each field to its label, hint and error
 * (`aria-describedby`), `aria-invalid`, the refs `review()` focuses, and the handlers. The styled
 * `<TopUp>` uses only these, so a custom view built from `useTopUp()` can do what it does.
 */
import type { PurseLocale, TopUpField, TopUpFormSnapshot, TopUpSource } from '@purse/core';
import type { TopUpFormStore } from '@purse/core/top-up-form';
import type { ChangeEvent, RefCallback, SyntheticEvent } from 'react';
import { amountInputText } from './amount-input-text.js';

/** Element ids, for labels (`htmlFor`) and for the hints and errors a view renders. */
export interface TopUpIds {
  sources: string;
  sourceError: string;
  amount: string;
  amountHint: string;
  amountError: string;
  /** The group of quick-amount buttons. */
  quickAmounts: string;
  warning: string;
  acknowledge: string;
  acknowledgeError: string;
  description: string;
  descriptionHint: string;
  descriptionError: string;
  sameDay: string;
  sameDayHint: string;
}

/** The element of each field, for focus (filled in by the getters' callback refs). */
export type TopUpFieldRefs = Record<TopUpField, { current: { focus(): void } | null }>;

/** Joins ids for `aria-describedby`, or undefined when there are none. */
function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const text = ids.filter(Boolean).join(' ');
  return text || undefined;
}

interface GetterInputs {
  ids: TopUpIds;
  refs: TopUpFieldRefs;
  snapshot: TopUpFormSnapshot;
  store: Pick<TopUpFormStore, 'setValue' | 'touch' | 'review' | 'confirm' | 'back'>;
  /** Quick amounts are typed into the amount field in this locale's number format. */
  locale: PurseLocale;
}

/** What every validated field gets: its id, its validity, what describes it, its ref and handlers. */
interface FieldProps<E extends HTMLElement> {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  ref: RefCallback<E>;
  onChange: (event: ChangeEvent<E>) => void;
}

export interface TopUpPropGetters {
  ids: TopUpIds;
  /** Moves focus to a field (as `getFormProps().onSubmit` does for the first invalid one). */
  focusField: (field: TopUpField) => void;
  /** The form: submitting reviews it and focuses the first field that needs attention. */
  getFormProps: () => {
    noValidate: true;
    onSubmit: (event: SyntheticEvent<HTMLFormElement>) => void;
  };
  /** A `<fieldset>` around the source radios (its error described). */
  getSourceGroupProps: () => { id: string; 'aria-describedby': string | undefined };
  /** One source radio. */
  getSourceRadioProps: (source: TopUpSource) => {
    type: 'radio';
    name: string;
    value: string;
    checked: boolean;
    'aria-invalid': true | undefined;
    ref: RefCallback<HTMLInputElement> | undefined;
    onChange: () => void;
  };
  /** A `<select>` of sources, for views that prefer one to radios. */
  getSourceSelectProps: () => FieldProps<HTMLSelectElement> & { value: string; onBlur: () => void };
  /** The amount's text input (decimal keyboard; its hint, error and balance warning described). */
  getAmountInputProps: () => FieldProps<HTMLInputElement> & {
    type: 'text';
    inputMode: 'decimal';
    autoComplete: 'off';
    value: string;
    onBlur: () => void;
  };
  /** The "I understand" checkbox shown with a balance warning. */
  getAcknowledgeCheckboxProps: () => FieldProps<HTMLInputElement> & {
    type: 'checkbox';
    checked: boolean;
  };
  /** A `role="group"` around the quick amounts (label it with `aria-label`). */
  getQuickAmountGroupProps: () => { id: string; role: 'group' };
  /** One quick amount (cents): fills the amount field; pressed while the amount is this one. */
  getQuickAmountProps: (amount: number) => {
    type: 'button';
    'aria-pressed': boolean;
    onClick: () => void;
  };
  /** The optional description's text input (its character count and error described). */
  getDescriptionInputProps: () => FieldProps<HTMLInputElement> & {
    type: 'text';
    autoComplete: 'off';
    value: string;
    onBlur: () => void;
  };
  /** The same-day ACH checkbox (when `allowSameDay`). */
  getSameDayCheckboxProps: () => {
    id: string;
    type: 'checkbox';
    checked: boolean;
    'aria-describedby': string;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  /** The form's submit button ("Continue"). */
  getSubmitButtonProps: () => { type: 'submit' };
  /** "Confirm top-up" on the review step: inert (but focusable) while sending. */
  getConfirmButtonProps: () => {
    type: 'button';
    'aria-disabled': true | undefined;
    onClick: () => void;
  };
  /** "Back" on the review step. */
  getBackButtonProps: () => {
    type: 'button';
    'aria-disabled': true | undefined;
    onClick: (() => void) | undefined;
  };
}

export function createTopUpPropGetters(inputs: GetterInputs): TopUpPropGetters {
  const { ids, refs, snapshot, store } = inputs;
  const { state, values, errors, sources } = snapshot;
  const invalid = (field: TopUpField): true | undefined => (errors[field] ? true : undefined);
  const busy = state.status === 'submitting' ? true : undefined;
  // The radio that takes focus: the chosen one, else the first.
  const focusId = values.sourceId ?? sources[0]?.id ?? null;
  const keep =
    (field: TopUpField) =>
    (element: { focus(): void } | null): void => {
      refs[field].current = element;
    };
  return {
    ids,
    focusField: (field) => refs[field].current?.focus(),
    getFormProps: () => ({
      noValidate: true,
      onSubmit: (event) => {
        event.preventDefault();
        const field = store.review();
        if (field) refs[field].current?.focus();
      },
    }),
    getSourceGroupProps: () => ({
      id: ids.sources,
      'aria-describedby': describedBy(errors.source && ids.sourceError),
    }),
    getSourceRadioProps: (source) => ({
      type: 'radio',
      name: ids.sources,
      value: source.id,
      checked: source.id === values.sourceId,
      'aria-invalid': invalid('source'),
      ref: source.id === focusId ? keep('source') : undefined,
      onChange: () => store.setValue('sourceId', source.id),
    }),
    getSourceSelectProps: () => ({
      id: ids.sources,
      value: values.sourceId ?? '',
      'aria-invalid': invalid('source'),
      'aria-describedby': describedBy(errors.source && ids.sourceError),
      ref: keep('source'),
      onChange: (event) => store.setValue('sourceId', event.target.value || null),
      onBlur: () => store.touch('source'),
    }),
    getAmountInputProps: () => ({
      id: ids.amount,
      type: 'text',
      inputMode: 'decimal',
      autoComplete: 'off',
      value: values.amount,
      'aria-invalid': invalid('amount'),
      'aria-describedby': describedBy(
        ids.amountHint,
        errors.amount && ids.amountError,
        snapshot.balanceWarning !== null && ids.warning,
      ),
      ref: keep('amount'),
      onChange: (event) => store.setValue('amount', event.target.value),
      onBlur: () => store.touch('amount'),
    }),
    getAcknowledgeCheckboxProps: () => ({
      id: ids.acknowledge,
      type: 'checkbox',
      checked: values.acknowledged,
      'aria-invalid': invalid('acknowledged'),
      'aria-describedby': describedBy(errors.acknowledged && ids.acknowledgeError),
      ref: keep('acknowledged'),
      onChange: (event) => store.setValue('acknowledged', event.target.checked),
    }),
    getQuickAmountGroupProps: () => ({ id: ids.quickAmounts, role: 'group' }),
    getQuickAmountProps: (amount) => ({
      type: 'button',
      'aria-pressed': snapshot.amount === amount,
      onClick: () => {
        store.setValue('amount', amountInputText(amount, inputs.locale));
        store.touch('amount');
      },
    }),
    getDescriptionInputProps: () => ({
      id: ids.description,
      type: 'text',
      autoComplete: 'off',
      value: values.description,
      'aria-invalid': invalid('description'),
      'aria-describedby': describedBy(
        ids.descriptionHint,
        errors.description && ids.descriptionError,
      ),
      ref: keep('description'),
      onChange: (event) => store.setValue('description', event.target.value),
      onBlur: () => store.touch('description'),
    }),
    getSameDayCheckboxProps: () => ({
      id: ids.sameDay,
      type: 'checkbox',
      checked: values.sameDay,
      'aria-describedby': ids.sameDayHint,
      onChange: (event) => store.setValue('sameDay', event.target.checked),
    }),
    getSubmitButtonProps: () => ({ type: 'submit' }),
    getConfirmButtonProps: () => ({
      type: 'button',
      'aria-disabled': busy,
      onClick: store.confirm,
    }),
    getBackButtonProps: () => ({
      type: 'button',
      'aria-disabled': busy,
      onClick: busy ? undefined : store.back,
    }),
  };
}
