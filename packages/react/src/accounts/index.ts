export { AccountList } from './account-list.js';
export type { AccountListProps } from './account-list.js';
export { useLinkedAccounts } from './use-linked-accounts.js';
export type { LinkedAccountsState, UseLinkedAccountsResult } from './use-linked-accounts.js';
