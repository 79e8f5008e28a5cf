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
