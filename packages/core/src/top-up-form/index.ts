/**
 * `@purse/core/top-up-form`: the top-up form's machine and what only it needs in a browser (money
 * parsing, the arrival date and the ACH calendar, the amount and source checks). Its own entry so
 * that an app downloads it when a form mounts (a lazily loaded chunk), not in its first load; the
 * server and the sandbox import the ACH calendar from here too. The limits and the descriptor
 * charset stay in `@purse/core`'s rules.
 */
// Only what `@purse/core`'s main entry does not export: a file both entries reach is hoisted by
// esbuild into every app's first load.
export { TopUpFormStore, newIdempotencyKey } from '../client/stores/top-up-form-store.js';
export type {
  TopUpAttempt,
  TopUpField,
  TopUpFieldError,
  TopUpFieldErrors,
  TopUpFormOptions,
  TopUpFormSnapshot,
  TopUpFormStatus,
  TopUpFormValues,
  TopUpState,
} from '../client/stores/top-up-form-store.js';
export { checkTopUpAmount, defaultTopUpSource } from '../rules/top-up-checks.js';
export type { TopUpAmountCheck } from '../rules/top-up-checks.js';
export { parseMoneyInput } from '../money/parse-money-input.js';
export type {
  ParseMoneyFailureReason,
  ParseMoneyInputOptions,
  ParseMoneyResult,
} from '../money/parse-money-input.js';
// The US banking calendar (ACH business days).
export {
  ACH_CUTOFF_HOUR,
  BANKING_TIME_ZONE,
  achSubmissionDate,
  addBusinessDays,
  addCalendarDays,
  calendarDateOf,
  expectedArrivalDate,
  expectedArrivalWindow,
  hourIn,
  isBankHoliday,
  isBusinessDay,
  toIsoDate,
  unixAt,
} from '../dates/business-days.js';
export type { CalendarDate } from '../dates/business-days.js';
