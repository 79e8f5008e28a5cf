export { FinancialAccountCard } from './financial-account-card.js';
export type { FinancialAccountCardProps } from './financial-account-card.js';
export {
  MAX_NICKNAME_LENGTH,
  accountDetails,
  useFinancialAccount,
  validateNickname,
} from './use-financial-account.js';
export type {
  AccountDetails,
  FinancialAccountIds,
  FinancialAccountState,
  NicknameProblem,
  RenameState,
  UseFinancialAccountOptions,
  UseFinancialAccountResult,
} from './use-financial-account.js';
