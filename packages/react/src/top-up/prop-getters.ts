/**
 * What a top-up view spreads on its elements to stay accessible, in the manner of react-aria's
 * and downshift's prop getters: ids that tie each field to its label, hint and error
 * (`aria-describedby`), `aria-invalid`, the refs `review()` focuses, and the handlers. The styled
 * `<TopUp>` uses only these, so a custom view built from `useTopUp()` can do what it does.
 */
import type { TopUpSource } from '@purse/core';
import type { ChangeEvent, RefCallback, SyntheticEvent } from 'react';
import type { TopUpField, TopUpFieldErrors, TopUpFormValues, TopUpState } from './use-top-up.js';

/** Element ids, for labels (`htmlFor`) and for the hints and errors a view renders. */
export interface TopUpIds {
  sources: string;
  sourceError: string;
  amount: string;
  amountHint: string;
  amountError: string;
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
  state: TopUpState;
  values: TopUpFormValues;
  errors: TopUpFieldErrors;
  sources: readonly TopUpSource[];
  balanceWarning: unknown;
  setValue: <K extends keyof TopUpFormValues>(field: K, value: TopUpFormValues[K]) => void;
  touch: (field: TopUpField) => void;
  review: () => TopUpField | null;
  confirm: () => void;
  back: () => void;
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
  getSourceSelectProps: () => {
    id: string;
    value: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    ref: RefCallback<HTMLSelectElement>;
    onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
    onBlur: () => void;
  };
  /** The amount's text input (decimal keyboard; its hint, error and balance warning described). */
  getAmountInputProps: () => {
    id: string;
    type: 'text';
    inputMode: 'decimal';
    autoComplete: 'off';
    value: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    ref: RefCallback<HTMLInputElement>;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onBlur: () => void;
  };
  /** The "I understand" checkbox shown with a balance warning. */
  getAcknowledgeCheckboxProps: () => {
    id: string;
    type: 'checkbox';
    checked: boolean;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    ref: RefCallback<HTMLInputElement>;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
  };
  /** The optional description's text input (its character count and error described). */
  getDescriptionInputProps: () => {
    id: string;
    type: 'text';
    autoComplete: 'off';
    value: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
    ref: RefCallback<HTMLInputElement>;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
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
  const { ids, refs, state, values, errors, sources } = inputs;
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
        const field = inputs.review();
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
      onChange: () => inputs.setValue('sourceId', source.id),
    }),
    getSourceSelectProps: () => ({
      id: ids.sources,
      value: values.sourceId ?? '',
      'aria-invalid': invalid('source'),
      'aria-describedby': describedBy(errors.source && ids.sourceError),
      ref: keep('source'),
      onChange: (event) => inputs.setValue('sourceId', event.target.value || null),
      onBlur: () => inputs.touch('source'),
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
        inputs.balanceWarning !== null && ids.warning,
      ),
      ref: keep('amount'),
      onChange: (event) => inputs.setValue('amount', event.target.value),
      onBlur: () => inputs.touch('amount'),
    }),
    getAcknowledgeCheckboxProps: () => ({
      id: ids.acknowledge,
      type: 'checkbox',
      checked: values.acknowledged,
      'aria-invalid': invalid('acknowledged'),
      'aria-describedby': describedBy(errors.acknowledged && ids.acknowledgeError),
      ref: keep('acknowledged'),
      onChange: (event) => inputs.setValue('acknowledged', event.target.checked),
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
      onChange: (event) => inputs.setValue('description', event.target.value),
      onBlur: () => inputs.touch('description'),
    }),
    getSameDayCheckboxProps: () => ({
      id: ids.sameDay,
      type: 'checkbox',
      checked: values.sameDay,
      'aria-describedby': ids.sameDayHint,
      onChange: (event) => inputs.setValue('sameDay', event.target.checked),
    }),
    getSubmitButtonProps: () => ({ type: 'submit' }),
    getConfirmButtonProps: () => ({
      type: 'button',
      'aria-disabled': busy,
      onClick: inputs.confirm,
    }),
    getBackButtonProps: () => ({
      type: 'button',
      'aria-disabled': busy,
      onClick: busy ? undefined : inputs.back,
    }),
  };
}
