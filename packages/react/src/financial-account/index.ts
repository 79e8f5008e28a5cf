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
  FinancialAccountState,
  NicknameProblem,
  RenameState,
  UseFinancialAccountResult,
} from './use-financial-account.js';
