export { LinkBankAccount } from './link-bank-account.js';
export type { LinkBankAccountProps } from './link-bank-account.js';
export { findAlreadyLinked, useLinkBankAccount } from './use-link-bank-account.js';
export type {
  LinkBankAccountState,
  LinkBankAccountStatus,
  LinkEventDetails,
  LinkEventName,
  LinkSuccessDetails,
  UseLinkBankAccountOptions,
  UseLinkBankAccountResult,
} from './use-link-bank-account.js';
