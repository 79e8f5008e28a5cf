// The HTTP contract between @purse/react and @purse/server.
export type * from './contract/types.js';
export { PURSE_EVENT_TYPES, PURSE_ROUTES, TOP_UP_FAILURE_CODES } from './contract/types.js';
export {
  PURSE_ERROR_CODES,
  PURSE_ERROR_STATUS,
  PurseError,
  errorTypeOf,
  isPurseError,
  isPurseErrorCode,
} from './contract/errors.js';
export type {
  PurseErrorBody,
  PurseErrorCode,
  PurseErrorOptions,
  PurseErrorType,
} from './contract/errors.js';

// The US banking calendar (ACH business days).
export {
  ACH_CUTOFF_HOUR,
  BANKING_TIME_ZONE,
  achSubmissionDate,
  addBusinessDays,
  addCalendarDays,
  calendarDateOf,
  expectedArrivalWindow,
  hourIn,
  isBankHoliday,
  isBusinessDay,
  toIsoDate,
  unixAt,
} from './dates/business-days.js';
export type { CalendarDate } from './dates/business-days.js';
