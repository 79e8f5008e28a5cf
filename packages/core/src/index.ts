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
  toPurseError,
} from './contract/errors.js';
export type {
  PurseErrorBody,
  PurseErrorCode,
  PurseErrorOptions,
  PurseErrorType,
} from './contract/errors.js';

// The US banking calendar (`expectedArrivalDate`, `addBusinessDays`, …), money parsing
// (`parseMoneyInput`), the top-up checks and `TopUpFormStore` are at `@purse/core/top-up-form`, so
// that bundlers can leave them out of a first load (esbuild hoists whatever this entry reaches).
export type { CalendarDate } from './dates/business-days.js';

// Locales: the languages Purse speaks and the Intl tags they format with.
export {
  DEFAULT_LOCALE,
  LOCALE_TAGS,
  SUPPORTED_LOCALES,
  isPurseLocale,
  resolveIntlLocale,
  resolveLocale,
} from './locale/locale.js';
export type { LocaleInput, PurseLocale } from './locale/locale.js';

// Money: integer minor units in and out of people's formats.
export { formatMoney } from './money/format-money.js';
export type { FormatMoneyOptions } from './money/format-money.js';
export { minorUnitDigits } from './money/minor-unit-digits.js';
export type {
  ParseMoneyFailureReason,
  ParseMoneyInputOptions,
  ParseMoneyResult,
} from './money/parse-money-input.js';

// Dates, times and durations.
export {
  formatDate,
  formatDateTime,
  formatIsoDate,
  formatIsoDateRange,
} from './format/format-date.js';
export type { DateStyle, FormatDateOptions, FormatIsoDateOptions } from './format/format-date.js';
export { formatRelativeTime } from './format/format-relative-time.js';
export type { FormatRelativeTimeOptions } from './format/format-relative-time.js';
export { formatCountdown, formatDuration } from './format/format-countdown.js';
export type { FormatCountdownOptions, FormatDurationOptions } from './format/format-countdown.js';

// Spending: the choices and types here; the rules and the store (`aggregateSpending`,
// `normalizeMerchant`, `classifyTransaction`, `SpendingStores`, …) in `@purse/core/spending`, so
// that bundlers can leave them out of a first load (esbuild hoists whatever this entry reaches).
export type { SpendingBucketSize, SpendingRange } from './spending/spending-ranges.js';
export type {
  AggregateSpendingOptions,
  SpendingAmounts,
  SpendingBucket,
  SpendingMerchant,
  SpendingSummary,
  SpendingWindowOptions,
} from './spending/aggregate-spending.js';
export {
  formatSpendingAxis,
  formatSpendingTick,
  spendingWeekStart,
} from './spending/format-spending.js';

// Transfers: the top-up status model and its tracker.
export {
  isTerminal,
  mergeTransferUpdate,
  transferPhase,
  transferTimeline,
} from './transfers/transfer-status.js';
export type {
  TimelineStep,
  TimelineStepKey,
  TimelineStepState,
  TransferPhase,
} from './transfers/transfer-status.js';
// The failure copy and actions are at `@purse/core/failure-info`, so that a view can download
// them only when a failure shows (a bundler splits a barrel's modules into the first load).
export type { TopUpFailureInfo, TransferFailureAction } from './transfers/failure-info.js';
export {
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_SUCCEEDED_POLL_INTERVAL_MS,
  TransferTracker,
} from './transfers/transfer-tracker.js';
export type { TransferSnapshot, TransferTrackerOptions } from './transfers/transfer-tracker.js';

// Rules: one definition each, used by @purse/react, @purse/server and @purse/sandbox.
export * from './rules/index.js';

// The framework-free client: HTTP client, live updates, query cache and per-feature stores.
export { createPurseClient } from './client/purse-client.js';
export type { CreatePurseClientOptions, PurseClient } from './client/purse-client.js';
export { LiveUpdates } from './client/live-updates.js';
export type { LiveStatus, LiveUpdatesOptions } from './client/live-updates.js';
export type { EventSourceLike, FetchLike, ResponseLike } from './client/platform.js';
export { DEFAULT_STALE_MS, QueryCache } from './client/query-cache.js';
export type { FetchOptions, QueryCacheOptions, QueryEntry } from './client/query-cache.js';
export { PurseRuntime, QUERY_KEYS } from './client/purse-runtime.js';
export type { PurseRuntimeOptions } from './client/purse-runtime.js';
export { LinkedAccountsStore } from './client/stores/linked-accounts-store.js';
export type { LinkedAccountsState } from './client/stores/linked-accounts-store.js';
export { FinancialAccountStore } from './client/stores/financial-account-store.js';
export { TransferTrackers } from './client/stores/transfer-trackers.js';
export type { TrackTransferOptions } from './client/stores/transfer-trackers.js';
export type {
  FinancialAccountLoadState,
  RenameResult,
} from './client/stores/financial-account-store.js';
export {
  DEFAULT_HISTORY_PAGE_SIZE,
  HistoryStore,
  topUpHistoryStore,
  walletActivityStore,
} from './client/stores/history-store.js';
export type {
  HistoryItem,
  HistoryMore,
  HistoryPageQuery,
  HistoryState,
  HistoryStoreOptions,
  TopUpHistoryStoreOptions,
  WalletActivityStoreOptions,
} from './client/stores/history-store.js';
export {
  EMPTY_TOP_UP_VALUES,
  LOADING_TOP_UP_SNAPSHOT,
  TOP_UP_FORM_KIT,
} from './client/stores/top-up-form-kit.js';
export type { TopUpFormKit } from './client/stores/top-up-form-kit.js';
// The form's types (the store itself is at `@purse/core/top-up-form`).
export type * from './client/stores/top-up-form-store.js';
