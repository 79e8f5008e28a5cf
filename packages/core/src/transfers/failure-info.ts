import type { TopUp, TopUpFailureCode } from '../contract/types.js';

/** What to tell someone whose top-up failed, and what they can do about it. */
export interface TopUpFailureInfo {
  /** What went wrong, in plain English. */
  message: string;
  /** What the person can do next. */
  nextStep: string;
}

/**
 * Plain-English copy for each of Stripe's 13 InboundTransfer `failure_details.code` values: the
 * server's safe message, and the English source the React package translates from.
 */
export const TOP_UP_FAILURE_INFO: Readonly<Record<TopUpFailureCode, TopUpFailureInfo>> = {
  account_closed: {
    message: 'The bank account this top-up came from is closed.',
    nextStep: 'Link an account that is open, then top up again.',
  },
  account_frozen: {
    message: 'Your bank has frozen the account this top-up came from.',
    nextStep: 'Contact your bank to unfreeze it, or top up from another account.',
  },
  bank_account_restricted: {
    message: 'Your bank account doesn’t allow this kind of withdrawal.',
    nextStep:
      'Ask your bank to allow electronic (ACH) debits on the account, or top up from another account.',
  },
  bank_ownership_changed: {
    message: 'The bank account has changed hands since you linked it.',
    nextStep: 'Link the account again, or link another one, then top up again.',
  },
  debit_not_authorized: {
    message: 'Your bank says you didn’t authorize this top-up.',
    nextStep: 'If you meant to top up, tell your bank to accept debits from us, then top up again.',
  },
  incorrect_account_holder_address: {
    message: 'The address we have doesn’t match what your bank has on file.',
    nextStep: 'Update your address to match your bank’s records, then top up again.',
  },
  incorrect_account_holder_name: {
    message: 'The name we have doesn’t match the name on your bank account.',
    nextStep: 'Update your name to match your bank’s records, then top up again.',
  },
  incorrect_account_holder_tax_id: {
    message: 'The tax ID we have doesn’t match what your bank has on file.',
    nextStep: 'Check the tax ID on your profile, then top up again.',
  },
  insufficient_funds: {
    message: 'Your bank account didn’t have enough money for this top-up.',
    nextStep: 'Add money to that account or try a smaller amount, then top up again.',
  },
  invalid_account_number: {
    message: 'The bank couldn’t find an account with that number.',
    nextStep: 'Link the account again to check its details, or top up from another account.',
  },
  invalid_currency: {
    message: 'Your bank account can’t send money in this currency.',
    nextStep: 'Top up from a US dollar account.',
  },
  no_account: {
    message: 'The bank couldn’t find the account this top-up came from.',
    nextStep: 'Link the account again, or top up from another account.',
  },
  other: {
    message: 'Your bank couldn’t process this top-up.',
    nextStep: 'Try again later, or top up from another account. Contact us if it keeps happening.',
  },
};

/**
 * The one thing to offer someone whose top-up failed or was returned, so that no failure is a
 * dead end. The host decides what each does (open the top-up form with a smaller amount, the
 * source picker, the bank-link flow, its support page…).
 */
export type TransferFailureAction =
  | 'try_smaller_amount'
  | 'choose_another_account'
  | 'link_account_again'
  | 'try_again'
  | 'contact_support';

/**
 * The action for each failure code, from what Stripe's code means for the bank account:
 * - the account is gone or blocked for debits (closed, frozen, restricted, wrong currency):
 *   another account is the way on; linking it again would not change the bank's answer;
 * - the bank could not match the account or its owner changed (no account, invalid number,
 *   ownership changed): link it again, which checks the details and renews the authorization;
 * - the bank refused the debit as unauthorized, or the holder's name, address or tax ID does
 *   not match its records: only the platform can sort that out (mandate, profile), so contact;
 * - not enough money: the same account with a smaller amount;
 * - anything else (`other`, the bank could not process it): try again.
 */
const FAILURE_ACTIONS: Readonly<Record<TopUpFailureCode, TransferFailureAction>> = {
  account_closed: 'choose_another_account',
  account_frozen: 'choose_another_account',
  bank_account_restricted: 'choose_another_account',
  bank_ownership_changed: 'link_account_again',
  debit_not_authorized: 'contact_support',
  incorrect_account_holder_address: 'contact_support',
  incorrect_account_holder_name: 'contact_support',
  incorrect_account_holder_tax_id: 'contact_support',
  insufficient_funds: 'try_smaller_amount',
  invalid_account_number: 'link_account_again',
  invalid_currency: 'choose_another_account',
  no_account: 'link_account_again',
  other: 'try_again',
};

/** What to offer after a failure with `code` (an unknown code is treated as `other`). */
export function failureAction(code: TopUpFailureCode): TransferFailureAction {
  // A server older than this build may send a code it does not know yet.
  return Object.hasOwn(FAILURE_ACTIONS, code) ? FAILURE_ACTIONS[code] : 'try_again';
}

/**
 * What to offer for a top-up that is over without the money staying: by failure code when it
 * failed; `contact_support` when the bank returned it (Stripe does not say why, and a return
 * is often a dispute, so trying again would not help); `null` while it can still succeed or
 * when it succeeded or was canceled.
 */
export function transferFailureAction(topUp: TopUp): TransferFailureAction | null {
  if (topUp.status === 'failed') return failureAction(topUp.failure?.code ?? 'other');
  if (topUp.status === 'succeeded' && topUp.returned) return 'contact_support';
  return null;
}
