export { createLinkSession, completeLinkSession } from './link.js';
export {
  disconnectAccount,
  getAccount,
  listAccounts,
  listTransactions,
  refreshBalance,
  refreshTransactions,
  setTransactionsSubscription,
} from './accounts.js';
export { getFinancialAccount, renameFinancialAccount } from './financial-account.js';
export { cancelTopUp, createTopUp, getTopUp, listTopUpSources, listTopUps } from './top-ups.js';
