/** A counting in-memory `PurseClient` for the client core's tests (not built into dist). */
import { PurseError } from '../contract/errors.js';
import type { FinancialAccountView, LinkedAccount, TopUp } from '../contract/types.js';
import type { PurseClient } from './purse-client.js';

export function linkedAccount(overrides: Partial<LinkedAccount> = {}): LinkedAccount {
  return {
    id: 'fca_1',
    institution: 'StripeBank',
    displayName: 'Checking',
    last4: '6789',
    category: 'cash',
    subcategory: 'checking',
    status: 'active',
    permissions: ['balances', 'payment_method'],
    subscriptions: [],
    balance: { type: 'cash', currency: 'usd', current: 120_00, available: 100_00, asOf: 1 },
    balanceRefresh: null,
    transactionRefresh: null,
    canFundTopUps: true,
    created: 1,
    ...overrides,
  };
}

export function financialAccount(
  overrides: Partial<FinancialAccountView> = {},
): FinancialAccountView {
  return {
    id: 'fa_1',
    status: 'open',
    nickname: 'Wallet',
    balance: { cash: 50_00, inboundPending: 0, outboundPending: 0, currency: 'usd' },
    features: { active: ['financial_addresses.aba'], pending: [], restricted: [] },
    address: { bankName: 'Evolve', routingNumber: '110000000', accountNumberLast4: '6789' },
    ...overrides,
  };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const notInThisTest = (): Promise<never> =>
  Promise.reject(new PurseError({ code: 'internal_error', message: 'not in this test' }));

/** A client whose reads answer from `data` and record every call. */
export function countingClient(data: {
  accounts?: LinkedAccount[];
  financialAccount?: FinancialAccountView | null;
  topUps?: TopUp[];
}): PurseClient & { calls: string[] } {
  const calls: string[] = [];
  let fa = data.financialAccount ?? null;
  return {
    calls,
    listAccounts: () => {
      calls.push('listAccounts');
      return Promise.resolve({ data: structuredClone(data.accounts ?? []) });
    },
    getAccount: (id) => {
      calls.push(`getAccount ${id}`);
      const found = data.accounts?.find((a) => a.id === id);
      return found
        ? Promise.resolve(structuredClone(found))
        : Promise.reject(new PurseError({ code: 'resource_missing', message: 'No such account.' }));
    },
    getFinancialAccount: () => {
      calls.push('getFinancialAccount');
      return fa
        ? Promise.resolve(structuredClone(fa))
        : Promise.reject(
            new PurseError({ code: 'financial_account_missing', message: 'None yet.' }),
          );
    },
    renameFinancialAccount: (nickname) => {
      calls.push(`renameFinancialAccount ${nickname}`);
      if (!fa) return notInThisTest();
      fa = { ...fa, nickname };
      return Promise.resolve(structuredClone(fa));
    },
    createLinkSession: notInThisTest,
    completeLinkSession: notInThisTest,
    refreshBalance: notInThisTest,
    listTransactions: notInThisTest,
    refreshTransactions: notInThisTest,
    setTransactionsSubscription: notInThisTest,
    disconnectAccount: notInThisTest,
    listTopUpSources: notInThisTest,
    createTopUp: notInThisTest,
    listTopUps: notInThisTest,
    getTopUp: (id) => {
      calls.push(`getTopUp ${id}`);
      const found = data.topUps?.find((t) => t.id === id);
      return found
        ? Promise.resolve(structuredClone(found))
        : Promise.reject(new PurseError({ code: 'resource_missing', message: 'No such top-up.' }));
    },
    cancelTopUp: notInThisTest,
    eventsUrl: () => null,
    now: () => 1_780_000_000,
  };
}
