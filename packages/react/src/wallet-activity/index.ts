export { WalletActivity } from './wallet-activity.js';
export type { WalletActivityProps } from './wallet-activity.js';
export { DEFAULT_WALLET_ACTIVITY_PAGE_SIZE, useWalletActivity } from './use-wallet-activity.js';
export type {
  UseWalletActivityOptions,
  UseWalletActivityResult,
  WalletActivityMore,
  WalletActivityState,
} from './use-wallet-activity.js';
export { walletActivityMessages } from './messages.js';
export type { WalletActivityMessages } from './messages.js';
