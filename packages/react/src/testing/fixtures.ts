/**
 * Ready-made contract objects for stories and tests. Each takes overrides, so a story states
 * only what makes its state special.
 */
import type {
  BankTransaction,
  FinancialAccountView,
  LinkedAccount,
  TopUp,
  TopUpSource,
} from '@purse/core';
import { FIXTURE_NOW } from './fixture-client.js';

export function fixtureAccount(overrides: Partial<LinkedAccount> = {}): LinkedAccount {
  return {
    id: 'fca_fixture_checking',
    institution: 'StripeBank',
    displayName: 'Everyday Checking',
    last4: '6789',
    category: 'cash',
    subcategory: 'checking',
    status: 'active',
    permissions: ['balances', 'transactions', 'payment_method'],
    subscriptions: [],
    balance: {
      type: 'cash',
      currency: 'usd',
      current: 4_307_93,
      available: 4_218_37,
      asOf: FIXTURE_NOW - 120,
    },
    balanceRefresh: {
      status: 'succeeded',
      lastAttemptedAt: FIXTURE_NOW - 125,
      nextRefreshAvailableAt: FIXTURE_NOW - 65,
    },
    transactionRefresh: {
      id: 'fctxnref_fixture',
      status: 'succeeded',
      lastAttemptedAt: FIXTURE_NOW - 125,
      nextRefreshAvailableAt: FIXTURE_NOW - 65,
    },
    canFundTopUps: true,
    created: FIXTURE_NOW - 86_400 * 30,
    ...overrides,
  };
}

export function fixtureCreditAccount(overrides: Partial<LinkedAccount> = {}): LinkedAccount {
  return fixtureAccount({
    id: 'fca_fixture_credit',
    displayName: 'Rewards Credit Card',
    last4: '1881',
    category: 'credit',
    subcategory: 'credit_card',
    balance: {
      type: 'credit',
      currency: 'usd',
      current: -1_284_16,
      used: -1_284_16,
      asOf: FIXTURE_NOW - 120,
    },
    canFundTopUps: false,
    ...overrides,
  });
}

export function fixtureFinancialAccount(
  overrides: Partial<FinancialAccountView> = {},
): FinancialAccountView {
  return {
    id: 'fa_fixture',
    status: 'open',
    nickname: 'Maya’s Purse',
    balance: { currency: 'usd', cash: 1_250_00, inboundPending: 0, outboundPending: 0 },
    features: {
      active: ['financial_addresses.aba', 'inbound_transfers.ach'],
      pending: [],
      restricted: [],
    },
    address: {
      bankName: 'Stripe Sandbox Bank',
      routingNumber: '101019644',
      accountNumberLast4: '8912',
    },
    ...overrides,
  };
}

export function fixtureSource(overrides: Partial<TopUpSource> = {}): TopUpSource {
  return {
    id: 'pm_fixture_checking',
    bankName: 'STRIPEBANK',
    accountName: 'Everyday Checking',
    last4: '6789',
    accountType: 'checking',
    linkedAccountId: 'fca_fixture_checking',
    balance: {
      type: 'cash',
      currency: 'usd',
      current: 4_307_93,
      available: 4_218_37,
      asOf: FIXTURE_NOW - 120,
    },
    ...overrides,
  };
}

export function fixtureTopUp(overrides: Partial<TopUp> = {}): TopUp {
  return {
    id: 'ibt_fixture',
    amount: 250_00,
    currency: 'usd',
    status: 'processing',
    returned: false,
    cancelable: true,
    description: null,
    statementDescriptor: 'transfer',
    failure: null,
    source: { bankName: 'STRIPEBANK', last4: '6789' },
    created: FIXTURE_NOW - 600,
    statusTransitions: { succeededAt: null, failedAt: null, canceledAt: null },
    expectedArrival: { earliest: '2026-03-12', latest: '2026-03-16' },
    receiptUrl: 'https://example.com/receipts/ibt_fixture',
    balanceWarning: null,
    sameDay: false,
    ...overrides,
  };
}

const MERCHANTS = [
  ['STARBUCKS STORE 05812', 450, 980],
  ['WHOLE FOODS MKT #10234 SAN FRANCISCO CA', 1800, 12600],
  ['UBER *TRIP HELP.UBER.COM', 800, 5800],
  ['AMZN Mktp US*2K4L91', 999, 11900],
  ['CHIPOTLE 1234', 1200, 2800],
  ['NETFLIX.COM', 1549, 1549],
] as const;

/**
 * `days` days of plausible transactions ending at `now` (deterministic for a given `seed`):
 * card spending, a salary every other Friday, rent on the 1st; the last two days pending.
 */
export function fixtureTransactions(
  options: { accountId?: string; days?: number; now?: number; seed?: number } = {},
): BankTransaction[] {
  const accountId = options.accountId ?? 'fca_fixture_checking';
  const days = options.days ?? 180;
  const now = options.now ?? FIXTURE_NOW;
  let state = options.seed ?? 42;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const out: BankTransaction[] = [];
  let n = 0;
  for (let d = days - 1; d >= 0; d -= 1) {
    const dayStart = now - d * 86_400;
    const date = new Date(dayStart * 1000);
    const push = (amount: number, description: string, hourOffset: number): void => {
      const transactedAt = dayStart - 3600 * hourOffset;
      const pending = d < 2;
      const isVoid = !pending && random() < 0.02;
      out.push({
        id: `fctxn_fixture_${String(n++)}`,
        accountId,
        amount,
        currency: 'usd',
        description,
        status: pending ? 'pending' : isVoid ? 'void' : 'posted',
        transactedAt,
        postedAt: pending || isVoid ? null : transactedAt + 86_400,
        voidAt: isVoid ? transactedAt + 86_400 : null,
        updated: now,
      });
    };
    if (date.getUTCDate() === 1) push(-1_850_00, 'OAKWOOD APARTMENTS RENT WEB PMT', 2);
    if (date.getUTCDay() === 5 && Math.floor(dayStart / (7 * 86_400)) % 2 === 0)
      push(2_940_00, 'ACME CORP PAYROLL PPD ID: 9876543210', 3);
    const count = Math.floor(random() * 3);
    for (let i = 0; i < count; i += 1) {
      const [description, min, max] =
        MERCHANTS[Math.floor(random() * MERCHANTS.length)] ?? MERCHANTS[0];
      push(-Math.round(min + random() * (max - min)), description, 4 + i);
    }
  }
  return out.sort((a, b) => b.transactedAt - a.transactedAt);
}
