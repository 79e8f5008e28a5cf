export { TopUp } from './top-up.js';
export type { TopUpProps, TopUpTrackerActions } from './top-up.js';
export {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  TOP_UP_CURRENCY,
  DEFAULT_QUICK_AMOUNTS,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  sourceAvailable,
  useTopUp,
} from './use-top-up.js';
export type {
  TopUpAttempt,
  TopUpBalanceCheck,
  TopUpField,
  TopUpFieldError,
  TopUpFieldErrors,
  TopUpFormValues,
  TopUpState,
  TopUpFormStatus,
  UseTopUpOptions,
  UseTopUpResult,
} from './use-top-up.js';
export { topUpMessages } from './messages.js';
export type { TopUpMessages } from './messages.js';
export type { TopUpFormMessages } from './form-messages.js';
// The steps' words and error codes are not exported as values: a barrel export would put them
// in every first load of <TopUp> (esbuild shares what a lazy chunk and the entry can reach).
export type { SubmittedOutcome, TopUpErrorCode, TopUpStepMessages } from './step-messages.js';
export type { TopUpIds, TopUpPropGetters } from './prop-getters.js';
