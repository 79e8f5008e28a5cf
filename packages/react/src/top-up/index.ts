export { TopUp } from './top-up.js';
export type { TopUpProps, TopUpTrackerActions } from './top-up.js';
export { topUpErrorMessage } from './error-message.js';
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
export { TOP_UP_ERROR_CODES, topUpMessages } from './messages.js';
export type { TopUpErrorCode, TopUpMessages } from './messages.js';
export type { TopUpIds, TopUpPropGetters } from './prop-getters.js';
