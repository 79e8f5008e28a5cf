/** Cache keys: one per server resource, so every view of a resource shares one read. */
export const QUERY_KEYS: {
  readonly accounts: 'accounts';
  readonly account: (accountId: string) => string;
  readonly financialAccount: 'financial-account';
} = {
  accounts: 'accounts',
  account: (accountId: string): string => `account:${accountId}`,
  financialAccount: 'financial-account',
} as const;
