'use client';
/**
 * @purse/react: money features for a platform's end users, as headless hooks and styled
 * components. Wrap them in `<PurseProvider>`; import `@purse/react/styles.css` once.
 */
export { PurseProvider } from './provider/purse-provider.js';
export type { PurseProviderProps } from './provider/purse-provider.js';
export type { CollectAccountsResult, StripeLike } from './provider/purse-context.js';
export { createPurseClient } from './client/purse-client.js';
export type { CreatePurseClientOptions, PurseClient } from './client/purse-client.js';
export { darkTheme, lightTheme, toCssVariables, toStripeAppearance } from './theme/theme.js';
export type { PurseTheme, ThemeInput } from './theme/theme.js';
export { LiveUpdates } from '@purse/core';
/** Locale packs: English is built in; `import '@purse/react/locales/de'` (or `fr`) adds one. */
export { isLocaleLoaded, registerLocalePack } from './i18n/locale-packs.js';
export type { LocalePack } from './i18n/locale-packs.js';
export type { LiveStatus, LiveUpdatesOptions } from '@purse/core';
export { PurseError, isPurseError } from '@purse/core';
export type { PurseErrorCode, PurseLocale } from '@purse/core';

// Linking a bank account (Stripe Financial Connections).
export {
  LinkBankAccount,
  findAlreadyLinked,
  useLinkBankAccount,
} from './link-bank-account/index.js';
export type {
  LinkBankAccountProps,
  LinkBankAccountState,
  LinkBankAccountStatus,
  LinkEventDetails,
  LinkEventName,
  LinkSuccessDetails,
  UseLinkBankAccountOptions,
  UseLinkBankAccountResult,
} from './link-bank-account/index.js';

// The user's linked accounts and their balances.
export { AccountList, useLinkedAccounts } from './accounts/index.js';
export type {
  AccountListProps,
  LinkedAccountsState,
  UseLinkedAccountsResult,
} from './accounts/index.js';
export { BalanceCard, balanceFigures, useBalance } from './balance/index.js';
export type {
  BalanceCardProps,
  BalanceFigures,
  BalanceRefreshState,
  BalanceState,
  NoBalanceReason,
  RefreshUnavailableReason,
  UseBalanceOptions,
  UseBalanceResult,
} from './balance/index.js';

// The user's Treasury financial account.
export {
  FinancialAccountCard,
  MAX_NICKNAME_LENGTH,
  accountDetails,
  useFinancialAccount,
  validateNickname,
} from './financial-account/index.js';
export type {
  AccountDetails,
  FinancialAccountCardProps,
  FinancialAccountState,
  NicknameProblem,
  RenameState,
  UseFinancialAccountResult,
} from './financial-account/index.js';

// Topping up the financial account from a linked bank (Treasury InboundTransfers).
export {
  DEFAULT_QUICK_AMOUNTS,
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  TopUp,
  sourceAvailable,
  useTopUp,
} from './top-up/index.js';
export type {
  TopUpAttempt,
  TopUpBalanceCheck,
  TopUpField,
  TopUpFieldError,
  TopUpFieldErrors,
  TopUpFormValues,
  TopUpProps,
  TopUpState,
  TopUpFormStatus,
  TopUpIds,
  TopUpPropGetters,
  TopUpTrackerActions,
  UseTopUpOptions,
  UseTopUpResult,
} from './top-up/index.js';

// Following a top-up to the end, live.
export {
  TRANSFER_PHASE_TONES,
  TransferPhaseBadge,
  TransferStatus,
  topUpSourceName,
  useInboundTransfer,
} from './transfer-status/index.js';
export type {
  CancelState,
  InboundTransferState,
  TransferPhaseBadgeProps,
  TransferStatusProps,
  UseInboundTransferOptions,
  UseInboundTransferResult,
} from './transfer-status/index.js';
export type {
  FailureActionOptions,
  InboundTransferIds,
  InboundTransferPropGetters,
} from './transfer-status/index.js';

// The user's past top-ups.
export { DEFAULT_TOP_UP_PAGE_SIZE, TopUpHistory, useTopUpHistory } from './top-up-history/index.js';
export type {
  TopUpHistoryMore,
  TopUpHistoryProps,
  TopUpHistoryState,
  UseTopUpHistoryOptions,
  UseTopUpHistoryResult,
} from './top-up-history/index.js';

// Where the money goes: the spending chart (recharts is loaded only when it renders).
// `SpendingView` draws what `useSpending()` returns: for a custom data flow around the same view.
export {
  SpendingChart,
  SpendingView,
  preloadSpendingChart,
  useSpending,
  useSpendingPropGetters,
} from './spending/index.js';
export type {
  SpendingData,
  SpendingIds,
  SpendingPropGetters,
  SpendingChartProps,
  SpendingChartView,
  SpendingViewProps,
  SpendingState,
  SpendingStatus,
  UseSpendingOptions,
  UseSpendingResult,
} from './spending/index.js';
// The wallet's activity (its Treasury transactions), named so the size budget measures it.
export {
  DEFAULT_WALLET_ACTIVITY_PAGE_SIZE,
  WalletActivity,
  useWalletActivity,
  walletActivityMessages,
} from './wallet-activity/index.js';
export type {
  UseWalletActivityOptions,
  UseWalletActivityResult,
  WalletActivityMessages,
  WalletActivityMore,
  WalletActivityProps,
  WalletActivityState,
} from './wallet-activity/index.js';
export type { HistoryListIds, HistoryListResult } from './history-list/use-history-list.js';
export type { HeadingLevel } from './history-list/heading-level.js';
// What custom balance and financial-account views read from their hooks' prop getters.
export type { BalanceIds, RefreshOutcome } from './balance/index.js';
export type { FinancialAccountIds, UseFinancialAccountOptions } from './financial-account/index.js';
