/**
 * Financial Connections accounts: linking a test account, and the asynchronous refresh
 * lifecycle the seeds describe. A refresh's hash is null until one is requested, then `pending`
 * (with `next_refresh_available_at` null), then `succeeded` or `failed` after a short virtual
 * delay, with a `financial_connections.account.refreshed_*` event. A refresh is not started
 * while one is pending or the cooldown runs, and not at all on an inactive or disconnected
 * account.
 */
import type Stripe from 'stripe';
import { StripeApiError } from '../http/stripe-error.js';
import type { Engine } from '../state/engine.js';
import { newId } from '../state/ids.js';
import {
  FcTransactionRecord,
  type BankTransaction,
  type FcAccountRecord,
  type RefreshFeature,
} from '../state/records.js';
import type { Partition } from '../state/store.js';
import { generateHistory, hashString, pendingAt, postedBalanceAt } from './history.js';
import {
  findInstitution,
  supportsPayments,
  type Institution,
  type TestAccountTemplate,
} from './institutions.js';

const DAY = 86_400;

type Permission = Stripe.FinancialConnections.Account.Permission;

export const PERMISSION_FOR: Record<RefreshFeature, Permission> = {
  balance: 'balances',
  ownership: 'ownership',
  transactions: 'transactions',
};

const EVENT_FOR: Record<RefreshFeature, Stripe.Event.Type> = {
  balance: 'financial_connections.account.refreshed_balance',
  ownership: 'financial_connections.account.refreshed_ownership',
  transactions: 'financial_connections.account.refreshed_transactions',
};

function holderKey(holder: Stripe.FinancialConnections.Account.AccountHolder | null): string {
  if (!holder) return '';
  const id = holder.type === 'account' ? holder.account : holder.customer;
  return `${holder.type}:${typeof id === 'string' ? id : (id?.id ?? '')}`;
}

/**
 * Links a test account for a session's holder. Linking the same bank account again for the
 * same holder returns the existing FC account (reactivated if it was inactive) instead of a
 * duplicate; a disconnected one is replaced by a new account, since access must be re-granted.
 */
export function linkAccount(
  engine: Engine,
  partition: Partition,
  session: Stripe.FinancialConnections.Session,
  institution: Institution,
  template: TestAccountTemplate,
): FcAccountRecord {
  const key = holderKey(session.account_holder);
  const existing = partition.fcAccounts.find(
    (r) =>
      r.institutionId === institution.id &&
      r.templateId === template.id &&
      r.api.status !== 'disconnected' &&
      holderKey(r.api.account_holder) === key,
  );
  if (existing) {
    const granted = new Set([...(existing.api.permissions ?? []), ...session.permissions]);
    existing.api.permissions = [...granted];
    if (existing.api.status === 'inactive') setStatus(engine, partition, existing, 'active');
    return existing;
  }

  const now = engine.now();
  const history = generateHistory(`${institution.id}:${template.id}`, template, now);
  const api: Stripe.FinancialConnections.Account = {
    id: newId('fca'),
    object: 'financial_connections.account',
    account_holder: session.account_holder,
    account_numbers: session.permissions.includes('payment_method')
      ? [
          {
            expected_expiry_date: null,
            identifier_type: 'account_number',
            status: 'transactable',
            supported_networks: ['ach'],
          },
        ]
      : null,
    balance: null,
    balance_refresh: null,
    category: template.category,
    created: now,
    display_name: template.displayName,
    institution_name: institution.name,
    last4: template.last4,
    livemode: false,
    ownership: null,
    ownership_refresh: null,
    permissions: [...session.permissions],
    status: 'active',
    subcategory: template.subcategory,
    subscriptions: [],
    supported_payment_method_types: supportsPayments(template) ? ['us_bank_account'] : [],
    transaction_refresh: null,
  };
  const record: FcAccountRecord = {
    api,
    institutionId: institution.id,
    templateId: template.id,
    timeline: history.timeline,
    revealedUpTo: 0,
    unsettled: new Set(),
    openingBalance: history.openingBalance,
    forcedOutcome: {},
    pendingRefresh: {},
    ownershipRecord: null,
    // The same bank account has the same number however often it is linked (stable fingerprints).
    accountNumber: `${String(hashString(`${key}|${institution.id}|${template.id}`) % 100_000_000).padStart(8, '0')}${template.last4}`,
    routingNumber: institution.routingNumber,
    refreshOrder: new Map(),
    dailyRefresh: null,
  };
  partition.fcAccounts.insert(record);
  engine.emit(partition, 'financial_connections.account.created', api);
  return record;
}

export function institutionOf(record: FcAccountRecord): Institution {
  const institution = findInstitution(record.institutionId);
  if (!institution) throw new Error(`unknown institution ${record.institutionId}`);
  return institution;
}

export function templateOf(record: FcAccountRecord): TestAccountTemplate {
  const template = institutionOf(record).accounts.find((a) => a.id === record.templateId);
  if (!template) throw new Error(`unknown template ${record.templateId}`);
  return template;
}

type RefreshHash = {
  last_attempted_at: number;
  next_refresh_available_at: number | null;
  status: Stripe.FinancialConnections.Account.BalanceRefresh.Status;
  id?: string;
};

function refreshHash(
  api: Stripe.FinancialConnections.Account,
  feature: RefreshFeature,
): RefreshHash | null {
  switch (feature) {
    case 'balance':
      return api.balance_refresh;
    case 'ownership':
      return api.ownership_refresh;
    case 'transactions':
      return api.transaction_refresh;
    default:
      feature satisfies never;
      return null;
  }
}

function setRefreshHash(
  api: Stripe.FinancialConnections.Account,
  feature: RefreshFeature,
  hash: RefreshHash,
): void {
  if (feature === 'balance') api.balance_refresh = hash;
  else if (feature === 'ownership') api.ownership_refresh = hash;
  else api.transaction_refresh = { ...hash, id: hash.id ?? newId('fctxnref') };
}

/** Why a refresh cannot run on this account at all, as Stripe's 400, or null if it can. */
export function refreshBlocker(
  record: FcAccountRecord,
  feature: RefreshFeature,
  param: string,
): StripeApiError | null {
  const api = record.api;
  if (api.status !== 'active') {
    return new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'financial_connections_account_inactive',
      message:
        api.status === 'disconnected'
          ? `The account ${api.id} has been disconnected; data can no longer be refreshed. Link it again to restore access.`
          : `The account ${api.id} is inactive; refreshes aren't allowed on inactive accounts. Link it again to reactivate it.`,
      param,
    });
  }
  const permission = PERMISSION_FOR[feature];
  if (!(api.permissions ?? []).includes(permission)) {
    return new StripeApiError(400, {
      type: 'invalid_request_error',
      message: `The account ${api.id} was not granted the \`${permission}\` permission, so its ${feature} cannot be refreshed. Link it with a session that requests \`${permission}\`.`,
      param,
    });
  }
  return null;
}

/**
 * Starts a refresh if one may start now. As Stripe documents, a refresh requested while one is
 * pending or before `next_refresh_available_at` is not initiated (the account comes back as it
 * was). `force` skips the cooldown, for the daily subscription refresh.
 */
export function requestRefresh(
  engine: Engine,
  partition: Partition,
  record: FcAccountRecord,
  feature: RefreshFeature,
  options: { force?: boolean } = {},
): boolean {
  const api = record.api;
  const current = refreshHash(api, feature);
  const now = engine.now();
  if (current?.status === 'pending') return false;
  if (
    !options.force &&
    current?.next_refresh_available_at &&
    now < current.next_refresh_available_at
  )
    return false;

  const hash: RefreshHash = {
    last_attempted_at: now,
    next_refresh_available_at: null,
    status: 'pending',
  };
  if (feature === 'transactions') hash.id = newId('fctxnref');
  setRefreshHash(api, feature, hash);
  record.pendingRefresh[feature] = engine.after(
    engine.timings.refreshSeconds,
    `refresh ${feature} ${api.id}`,
    () => {
      finishRefresh(engine, partition, record, feature);
    },
  );
  return true;
}

function finishRefresh(
  engine: Engine,
  partition: Partition,
  record: FcAccountRecord,
  feature: RefreshFeature,
): void {
  delete record.pendingRefresh[feature];
  const api = record.api;
  const hash = refreshHash(api, feature);
  if (!hash || hash.status !== 'pending') return;
  const institution = institutionOf(record);
  const forced = record.forcedOutcome[feature];
  delete record.forcedOutcome[feature];
  const failed =
    forced === 'failed' ||
    institution.down === true ||
    engine.downInstitutions.has(institution.id) ||
    api.status !== 'active';
  const now = engine.now();
  if (!failed) {
    if (feature === 'balance') api.balance = computeBalance(record, institution, now);
    else if (feature === 'transactions')
      revealTransactions(engine, partition, record, hash.id ?? '', now);
    else refreshOwnership(engine, partition, record, now);
  }
  setRefreshHash(api, feature, {
    ...hash,
    status: failed ? 'failed' : 'succeeded',
    next_refresh_available_at:
      api.status === 'active' ? now + engine.timings.refreshCooldownSeconds : null,
  });
  engine.emit(partition, EVENT_FOR[feature], api);
}

/** The account's balance as its bank reports it at `now`. */
export function computeBalance(
  record: FcAccountRecord,
  institution: Institution,
  now: number,
): Stripe.FinancialConnections.Account.Balance | null {
  if (institution.noBalance) return null;
  const template = templateOf(record);
  const current = postedBalanceAt(record.timeline, record.openingBalance, now);
  // The sandbox's banks compute their figure when the refresh completes.
  const asOf = now;
  if (template.category === 'credit') {
    return {
      as_of: asOf,
      current: { usd: current },
      type: 'credit',
      credit: { used: { usd: current } },
    };
  }
  const available = current + pendingAt(record.timeline, now);
  return {
    as_of: asOf,
    current: { usd: current },
    type: 'cash',
    cash: { available: template.currentOnly ? null : { usd: available } },
  };
}

/** The bank's own view of the available balance right now (what an ACH debit meets). */
export function availableNow(record: FcAccountRecord, now: number): number {
  return (
    postedBalanceAt(record.timeline, record.openingBalance, now) + pendingAt(record.timeline, now)
  );
}

function statusAt(t: BankTransaction, at: number): Stripe.FinancialConnections.Transaction.Status {
  if (t.voidAt !== null && t.voidAt <= at) return 'void';
  if (t.postedAt !== null && t.postedAt <= at) return 'posted';
  return 'pending';
}

/** Makes everything the bank has by `now` visible through the API, tagged with the refresh. */
function revealTransactions(
  engine: Engine,
  partition: Partition,
  record: FcAccountRecord,
  refreshId: string,
  now: number,
): void {
  record.refreshOrder.set(refreshId, record.refreshOrder.size + 1);
  for (const t of record.unsettled) {
    const status = statusAt(t, now);
    const stored = t.revealedAs ? partition.fcTransactions.get(t.revealedAs) : undefined;
    if (!stored) continue;
    if (stored.status !== status) stored.update(status, refreshId, now);
    if (status !== 'pending') record.unsettled.delete(t);
  }
  const timeline = record.timeline;
  for (; record.revealedUpTo < timeline.length; record.revealedUpTo += 1) {
    const t = timeline[record.revealedUpTo] as BankTransaction;
    if (t.transactedAt > now) break;
    const status = statusAt(t, now);
    const stored = new FcTransactionRecord(
      newId('fctxn'),
      record.api.id,
      t,
      status,
      refreshId,
      now,
    );
    t.revealedAs = stored.id;
    partition.fcTransactions.insert(stored);
    if (status === 'pending') record.unsettled.add(t);
  }
}

function refreshOwnership(
  engine: Engine,
  partition: Partition,
  record: FcAccountRecord,
  now: number,
): void {
  const holder = record.api.account_holder;
  let name = 'Jenny Rosen';
  let email: string | null = 'jenny.rosen@example.com';
  if (holder?.type === 'customer' && typeof holder.customer === 'string') {
    const customer = partition.customers.get(holder.customer)?.api;
    name = customer?.name ?? name;
    email = customer?.email ?? email;
  } else if (holder?.type === 'account' && typeof holder.account === 'string') {
    const account = engine.store.partition(null).accounts.get(holder.account)?.api;
    name = account?.business_profile?.name ?? name;
    email = account?.email ?? email;
  }
  const ownershipId = newId('fcaowns');
  const owners: Stripe.FinancialConnections.AccountOwner[] = [
    {
      id: newId('fcaown'),
      object: 'financial_connections.account_owner',
      email,
      name,
      ownership: ownershipId,
      phone: '+14155550123',
      raw_address: '354 Oyster Point Blvd, South San Francisco, CA 94080',
      refreshed_at: now,
    },
  ];
  partition.ownerships.insert({
    api: {
      id: ownershipId,
      object: 'financial_connections.account_ownership',
      created: now,
      owners: {
        object: 'list',
        data: owners,
        has_more: false,
        url: `/v1/financial_connections/accounts/${record.api.id}/owners`,
      },
    },
    account: record.api.id,
    owners,
  });
  record.ownershipRecord = ownershipId;
  record.api.ownership = ownershipId;
}

/** Changes an account's status (active ↔ inactive, or disconnected) with its event. */
export function setStatus(
  engine: Engine,
  partition: Partition,
  record: FcAccountRecord,
  status: 'active' | 'inactive' | 'disconnected',
): void {
  const api = record.api;
  if (api.status === status) return;
  api.status = status;
  if (status !== 'active') {
    for (const feature of ['balance', 'ownership', 'transactions'] as const) {
      record.pendingRefresh[feature]?.cancel();
      delete record.pendingRefresh[feature];
      const hash = refreshHash(api, feature);
      if (hash) {
        setRefreshHash(api, feature, {
          ...hash,
          status: hash.status === 'pending' ? 'failed' : hash.status,
          next_refresh_available_at: null,
        });
      }
    }
  } else {
    for (const feature of ['balance', 'ownership', 'transactions'] as const) {
      const hash = refreshHash(api, feature);
      if (hash) setRefreshHash(api, feature, { ...hash, next_refresh_available_at: engine.now() });
    }
  }
  if (status === 'disconnected') {
    api.balance = null;
    api.subscriptions = [];
    record.dailyRefresh?.cancel();
    record.dailyRefresh = null;
    engine.emit(partition, 'financial_connections.account.disconnected', api);
  } else if (status === 'inactive') {
    engine.emit(partition, 'financial_connections.account.deactivated', api);
  } else {
    if (api.subscriptions?.includes('transactions'))
      scheduleDailyRefresh(engine, partition, record);
    engine.emit(partition, 'financial_connections.account.reactivated', api);
  }
}

/** Subscribes to daily transaction refreshes, starting one now. */
export function subscribeTransactions(
  engine: Engine,
  partition: Partition,
  record: FcAccountRecord,
): void {
  record.api.subscriptions = ['transactions'];
  requestRefresh(engine, partition, record, 'transactions', { force: true });
  scheduleDailyRefresh(engine, partition, record);
}

/**
 * Arms the next daily refresh of a subscribed account, unless one is armed. The chain stops
 * while the account is inactive; `setStatus` arms it again on reactivation.
 */
function scheduleDailyRefresh(engine: Engine, partition: Partition, record: FcAccountRecord): void {
  if (record.dailyRefresh) return;
  const tick = (): void => {
    record.dailyRefresh = null;
    if (!record.api.subscriptions?.includes('transactions') || record.api.status !== 'active')
      return;
    requestRefresh(engine, partition, record, 'transactions', { force: true });
    record.dailyRefresh = engine.after(DAY, `daily refresh ${record.api.id}`, tick);
  };
  record.dailyRefresh = engine.after(DAY, `daily refresh ${record.api.id}`, tick);
}

export function unsubscribeTransactions(record: FcAccountRecord): void {
  record.api.subscriptions = [];
  record.dailyRefresh?.cancel();
  record.dailyRefresh = null;
}

/**
 * Adds an entry to the bank's ledger (an ACH debit for a top-up, or its return), so later
 * refreshes show it and balances account for it.
 */
export function addBankEntry(record: FcAccountRecord, entry: BankTransaction): BankTransaction {
  const t: BankTransaction = { ...entry };
  const timeline = record.timeline;
  let i = timeline.length;
  while (
    i > record.revealedUpTo &&
    (timeline[i - 1] as BankTransaction).transactedAt > t.transactedAt
  )
    i -= 1;
  timeline.splice(i, 0, t);
  return t;
}
