export { TopUpHistory } from './top-up-history.js';
export type { TopUpHistoryProps } from './top-up-history.js';
export { DEFAULT_TOP_UP_PAGE_SIZE, useTopUpHistory } from './use-top-up-history.js';
export type {
  TopUpHistoryMore,
  TopUpHistoryState,
  UseTopUpHistoryOptions,
  UseTopUpHistoryResult,
} from './use-top-up-history.js';
export { topUpHistoryMessages } from './messages.js';
export type { TopUpHistoryMessages } from './messages.js';
