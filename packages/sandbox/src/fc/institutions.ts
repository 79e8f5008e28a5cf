/**
 * The sandbox's test banks, modelled on Stripe test mode's institutions (a healthy bank with
 * checking, savings and a credit card, a high-balance account, a down bank) plus the cases a
 * money app must handle that test mode does not offer by name: an account short of funds, one
 * that reports only a current balance, and a bank that shares no balance at all.
 */

export type HistoryProfile =
  'everyday' | 'savings' | 'credit_card' | 'high_balance' | 'tight_budget' | 'small_business';

export interface TestAccountTemplate {
  /** Stable id within its institution, used to link it (`accounts[]=checking`). */
  id: string;
  displayName: string;
  category: 'cash' | 'credit';
  subcategory: 'checking' | 'savings' | 'credit_card';
  last4: string;
  /**
   * Balance (minor units) at the moment the account is linked: the available balance for cash
   * accounts, the current balance for credit accounts (negative: owed by the holder).
   */
  balanceAtLink: number;
  history: HistoryProfile;
  /** The bank reports `current` only; `cash.available` stays null. */
  currentOnly?: boolean;
  /** What this account is for, shown in the stand-in modal and the institutions list. */
  note: string;
}

export interface Institution {
  id: string;
  name: string;
  /** Every refresh at this bank fails (it is down). Can also be set at run time. */
  down?: boolean;
  /** The bank never shares a balance: refreshes succeed, `balance` stays null. */
  noBalance?: boolean;
  routingNumber: string;
  note: string;
  accounts: TestAccountTemplate[];
}

export const INSTITUTIONS: readonly Institution[] = [
  {
    id: 'fcinst_stripebank',
    name: 'StripeBank',
    routingNumber: '110000000',
    note: 'A healthy bank: checking, savings, a credit card and a high-balance account.',
    accounts: [
      {
        id: 'checking',
        displayName: 'Everyday Checking',
        category: 'cash',
        subcategory: 'checking',
        last4: '6789',
        balanceAtLink: 4_218_37,
        history: 'everyday',
        note: 'Salary, rent, card spending; top-ups succeed.',
      },
      {
        id: 'savings',
        displayName: 'High-Yield Savings',
        category: 'cash',
        subcategory: 'savings',
        last4: '4321',
        balanceAtLink: 12_640_55,
        history: 'savings',
        note: 'Monthly transfers in and interest.',
      },
      {
        id: 'credit_card',
        displayName: 'Rewards Credit Card',
        category: 'credit',
        subcategory: 'credit_card',
        last4: '1881',
        balanceAtLink: -1_284_16,
        history: 'credit_card',
        note: 'A credit balance (`used`); cannot fund a top-up.',
      },
      {
        id: 'high_balance',
        displayName: 'Premier Checking',
        category: 'cash',
        subcategory: 'checking',
        last4: '9999',
        balanceAtLink: 2_500_000_00,
        history: 'high_balance',
        note: 'A very large balance, for big top-ups.',
      },
    ],
  },
  {
    id: 'fcinst_thinfunds',
    name: 'Thin Funds Credit Union',
    routingNumber: '110000000',
    note: 'Accounts short of money: top-ups from the checking account fail with insufficient_funds.',
    accounts: [
      {
        id: 'checking',
        displayName: 'Basic Checking',
        category: 'cash',
        subcategory: 'checking',
        last4: '0002',
        balanceAtLink: 23_17,
        history: 'tight_budget',
        note: 'Available balance $23.17: larger top-ups are returned for insufficient funds.',
      },
      {
        id: 'current_only',
        displayName: 'Share Savings',
        category: 'cash',
        subcategory: 'savings',
        last4: '0003',
        balanceAtLink: 1_507_90,
        history: 'savings',
        currentOnly: true,
        note: 'Reports a current balance only (available is null).',
      },
    ],
  },
  {
    id: 'fcinst_quietbank',
    name: 'Quiet Community Bank',
    routingNumber: '110000000',
    noBalance: true,
    note: 'Shares transactions but never a balance.',
    accounts: [
      {
        id: 'checking',
        displayName: 'Community Checking',
        category: 'cash',
        subcategory: 'checking',
        last4: '7070',
        balanceAtLink: 2_040_00,
        history: 'small_business',
        note: 'Balance refreshes succeed with no balance.',
      },
    ],
  },
  {
    id: 'fcinst_downbank',
    name: 'Down Bank (Unscheduled)',
    routingNumber: '110000000',
    down: true,
    note: 'Links, but every refresh fails: the bank is down.',
    accounts: [
      {
        id: 'checking',
        displayName: 'Checking',
        category: 'cash',
        subcategory: 'checking',
        last4: '5555',
        balanceAtLink: 980_00,
        history: 'everyday',
        note: 'Refreshes fail.',
      },
    ],
  },
];

export function findInstitution(id: string): Institution | undefined {
  return INSTITUTIONS.find((i) => i.id === id);
}

export function findTemplate(
  institution: Institution,
  id: string,
): TestAccountTemplate | undefined {
  return institution.accounts.find((a) => a.id === id);
}

/** Whether an account can back a us_bank_account PaymentMethod (cash accounts only). */
export function supportsPayments(template: TestAccountTemplate): boolean {
  return template.category === 'cash';
}
