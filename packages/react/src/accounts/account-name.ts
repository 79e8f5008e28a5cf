import type { LinkedAccount } from '@purse/core';

/**
 * What a person calls a linked account: its own name ("Everyday Checking"), else its bank's.
 * The bank is secondary text wherever the account's name is shown.
 */
export function accountTitle(account: LinkedAccount): string {
  return account.displayName ?? account.institution;
}

/** The account's name with its last four digits, as plain text: "Everyday Checking ••4321". */
export function accountName(account: LinkedAccount): string {
  const title = accountTitle(account);
  return account.last4 ? `${title} ••${account.last4}` : title;
}
