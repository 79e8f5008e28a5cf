/**
 * Treasury FinancialAccounts and their features. Requested features become `active` at once,
 * except `financial_addresses.aba`, which activates asynchronously (as Stripe documents) a
 * minute of virtual time later; only then does the account get its ABA routing and account
 * number. A feature whose connected-account capability is missing is `restricted`.
 */
import type Stripe from 'stripe';
import { registerExpander } from '../http/expand.js';
import { p, listParams, type Param } from '../http/params.js';
import { route, type Route, type RouteContext } from '../http/route.js';
import {
  type IdSource,
  StripeApiError,
  invalidParam,
  invalidState,
  missingParam,
} from '../http/stripe-error.js';
import type { Engine } from '../state/engine.js';
import { newId, randomDigits } from '../state/ids.js';
import type { FinancialAccountRecord } from '../state/records.js';
import type { Partition } from '../state/store.js';
import { changedFields, listOf, mergeMetadata, mustFind } from '../resources/common.js';
import { recomputeBalance } from './ledger.js';

export type FeaturePath =
  | 'card_issuing'
  | 'deposit_insurance'
  | 'financial_addresses.aba'
  | 'inbound_transfers.ach'
  | 'intra_stripe_flows'
  | 'outbound_payments.ach'
  | 'outbound_payments.us_domestic_wire'
  | 'outbound_transfers.ach'
  | 'outbound_transfers.us_domestic_wire';

const FEATURE_PATHS: readonly FeaturePath[] = [
  'card_issuing',
  'deposit_insurance',
  'financial_addresses.aba',
  'inbound_transfers.ach',
  'intra_stripe_flows',
  'outbound_payments.ach',
  'outbound_payments.us_domestic_wire',
  'outbound_transfers.ach',
  'outbound_transfers.us_domestic_wire',
];

/** Connected-account capabilities each feature needs. */
const NEEDS: Partial<Record<FeaturePath, readonly string[]>> = {
  card_issuing: ['card_issuing'],
  'inbound_transfers.ach': ['treasury', 'us_bank_account_ach_payments'],
};

const ABA_ACTIVATION_SECONDS = 60;
const MAX_OPEN_PER_ACCOUNT = 3;
/** Days without activity before a FinancialAccount may close without forwarding settings. */
const INACTIVITY_DAYS_BEFORE_CLOSE = 75;

interface FeatureState {
  requested: boolean;
  status: 'active' | 'pending' | 'restricted';
  status_details: { code: string; resolution: string | null; restriction?: string }[];
}

const requested = (): Param<{ requested: boolean }> =>
  p.object({ requested: p.boolean().required() });

/** The `features` hash accepted on create, update and `POST .../features`. */
export const featuresParams = {
  card_issuing: requested(),
  deposit_insurance: requested(),
  financial_addresses: p.object({ aba: requested() }),
  inbound_transfers: p.object({
    ach: p.object({
      requested: p.boolean().required(),
      // Preview: IBTs need the platform's review (they start `requires_confirmation`).
      platform_review: requested(),
    }),
  }),
  intra_stripe_flows: requested(),
  outbound_payments: p.object({ ach: requested(), us_domestic_wire: requested() }),
  outbound_transfers: p.object({ ach: requested(), us_domestic_wire: requested() }),
};

type FeaturesInput = {
  card_issuing?: { requested: boolean };
  deposit_insurance?: { requested: boolean };
  financial_addresses?: { aba?: { requested: boolean } };
  inbound_transfers?: { ach?: { requested: boolean; platform_review?: { requested: boolean } } };
  intra_stripe_flows?: { requested: boolean };
  outbound_payments?: { ach?: { requested: boolean }; us_domestic_wire?: { requested: boolean } };
  outbound_transfers?: { ach?: { requested: boolean }; us_domestic_wire?: { requested: boolean } };
};

function flattenFeatures(input: FeaturesInput): Map<FeaturePath, boolean> {
  const out = new Map<FeaturePath, boolean>();
  const set = (path: FeaturePath, value: { requested: boolean } | undefined): void => {
    if (value) out.set(path, value.requested);
  };
  set('card_issuing', input.card_issuing);
  set('deposit_insurance', input.deposit_insurance);
  set('financial_addresses.aba', input.financial_addresses?.aba);
  set('inbound_transfers.ach', input.inbound_transfers?.ach);
  set('intra_stripe_flows', input.intra_stripe_flows);
  set('outbound_payments.ach', input.outbound_payments?.ach);
  set('outbound_payments.us_domestic_wire', input.outbound_payments?.us_domestic_wire);
  set('outbound_transfers.ach', input.outbound_transfers?.ach);
  set('outbound_transfers.us_domestic_wire', input.outbound_transfers?.us_domestic_wire);
  return out;
}

function getFeature(
  features: Stripe.Treasury.FinancialAccountFeatures,
  path: FeaturePath,
): FeatureState | undefined {
  const [group, leaf] = path.split('.') as [string, string | undefined];
  const node = (features as unknown as Record<string, unknown>)[group] as
    Record<string, unknown> | undefined;
  if (!node) return undefined;
  return (leaf ? node[leaf] : node) as FeatureState | undefined;
}

function setFeature(
  features: Stripe.Treasury.FinancialAccountFeatures,
  path: FeaturePath,
  state: FeatureState | undefined,
): void {
  const [group, leaf] = path.split('.') as [string, string | undefined];
  const bag = features as unknown as Record<string, Record<string, unknown> | undefined>;
  if (!leaf) {
    if (state) bag[group] = state as unknown as Record<string, unknown>;
    else delete bag[group];
    return;
  }
  const node = { ...(bag[group] ?? {}) };
  if (state) node[leaf] = state;
  else delete node[leaf];
  if (Object.keys(node).length > 0) bag[group] = node;
  else delete bag[group];
}

/** Capabilities of the connected account that owns `partition` (the platform has them all). */
function capabilitiesOf(engine: Engine, partition: Partition): Record<string, string> | null {
  if (!partition.account) return null;
  const account = engine.store.partition(null).accounts.get(partition.account)?.api;
  return (account?.capabilities ?? {}) as Record<string, string>;
}

/** Recomputes `active_features` / `pending_features` / `restricted_features` from `features`. */
function summarise(fa: FinancialAccountRecord): void {
  const active: Stripe.Treasury.FinancialAccount.ActiveFeature[] = [];
  const pending: Stripe.Treasury.FinancialAccount.PendingFeature[] = [];
  const restricted: Stripe.Treasury.FinancialAccount.RestrictedFeature[] = [];
  for (const path of FEATURE_PATHS) {
    const state = getFeature(fa.features, path);
    if (!state?.requested) continue;
    if (state.status === 'active') active.push(path);
    else if (state.status === 'pending') pending.push(path);
    else restricted.push(path);
  }
  fa.api.active_features = active;
  fa.api.pending_features = pending;
  fa.api.restricted_features = restricted;
}

function applyFeatures(
  engine: Engine,
  partition: Partition,
  fa: FinancialAccountRecord,
  input: FeaturesInput,
): void {
  const capabilities = capabilitiesOf(engine, partition);
  for (const [path, wanted] of flattenFeatures(input)) {
    const current = getFeature(fa.features, path);
    if (!wanted) {
      setFeature(fa.features, path, undefined);
      if (path === 'financial_addresses.aba') fa.api.financial_addresses = [];
      continue;
    }
    if (current?.requested) continue;
    const missing = (NEEDS[path] ?? []).filter((c) => capabilities && capabilities[c] !== 'active');
    if (path.startsWith('outbound_')) {
      // The sandbox has no outbound transfers or payments: requesting them never makes them
      // active, so code reading `active_features` never offers a way out that does not exist.
      setFeature(fa.features, path, {
        requested: true,
        status: 'restricted',
        status_details: [{ code: 'restricted_other', resolution: 'contact_stripe' }],
      });
    } else if (missing.length > 0) {
      setFeature(fa.features, path, {
        requested: true,
        status: 'restricted',
        status_details: [{ code: 'capability_not_requested', resolution: 'provide_information' }],
      });
    } else if (path === 'financial_addresses.aba') {
      setFeature(fa.features, path, {
        requested: true,
        status: 'pending',
        status_details: [{ code: 'activating', resolution: null }],
      });
      engine.after(ABA_ACTIVATION_SECONDS, `activate aba ${fa.api.id}`, () => {
        const state = getFeature(fa.features, path);
        if (!state || state.status !== 'pending' || fa.api.status !== 'open') return;
        setFeature(fa.features, path, { requested: true, status: 'active', status_details: [] });
        fa.api.financial_addresses = [abaAddress(engine, partition, fa)];
        summarise(fa);
        engine.emit(partition, 'treasury.financial_account.features_status_updated', fa.api);
      });
    } else {
      setFeature(fa.features, path, { requested: true, status: 'active', status_details: [] });
    }
  }
  const review = input.inbound_transfers?.ach?.platform_review;
  if (review) fa.platformReview = review.requested;
  summarise(fa);
}

function abaAddress(
  engine: Engine,
  partition: Partition,
  fa: FinancialAccountRecord,
): Stripe.Treasury.FinancialAccount.FinancialAddress {
  const account = partition.account
    ? engine.store.partition(null).accounts.get(partition.account)?.api
    : undefined;
  return {
    aba: {
      account_holder_name:
        account?.business_profile?.name ?? account?.email ?? 'Purse Sandbox Platform',
      account_number_last4: fa.accountNumber.slice(-4),
      bank_name: 'Stripe Sandbox Bank',
      routing_number: '101019644',
    },
    supported_networks: ['ach', 'us_domestic_wire'],
    type: 'aba',
  };
}

registerExpander(
  'treasury.financial_account',
  'financial_addresses.aba.account_number',
  (_value, { root, ctx }) =>
    typeof root.id === 'string'
      ? (ctx.partition.financialAccounts.get(root.id)?.accountNumber ?? null)
      : null,
);
registerExpander('treasury.financial_account', 'features', (_value, { root, ctx }) =>
  typeof root.id === 'string'
    ? (ctx.partition.financialAccounts.get(root.id)?.features ?? null)
    : null,
);

export function financialAccount(
  ctx: { partition: Partition },
  id: string,
  from: IdSource,
): FinancialAccountRecord {
  return mustFind(ctx.partition.financialAccounts, id, 'financial_account', from);
}

/** Whether a feature is active on the account. */
export function featureActive(fa: FinancialAccountRecord, path: FeaturePath): boolean {
  return getFeature(fa.features, path)?.status === 'active';
}

const updatableFields = {
  metadata: p.metadata().emptyable(),
  // Seed 001 (Treasury guide, "Working with financial accounts"): a nickname is a non-empty
  // string of fewer than 250 characters; an empty value unsets it (the field is then null).
  nickname: p
    .string({
      maxLength: 249,
      pattern: {
        regex: /\S/,
        message: 'Invalid nickname: it must contain a character other than whitespace.',
      },
    })
    .emptyable(),
  features: p.object(featuresParams),
  platform_restrictions: p.object({
    inbound_flows: p.enum(['restricted', 'unrestricted']),
    outbound_flows: p.enum(['restricted', 'unrestricted']),
  }),
};

function createFinancialAccount(
  ctx: RouteContext,
  params: {
    supported_currencies: string[];
    metadata?: Record<string, string> | null;
    nickname?: string | null;
    features?: FeaturesInput;
    platform_restrictions?: {
      inbound_flows?: 'restricted' | 'unrestricted';
      outbound_flows?: 'restricted' | 'unrestricted';
    };
  },
): FinancialAccountRecord {
  const { engine, partition } = ctx;
  const capabilities = capabilitiesOf(engine, partition);
  if (capabilities && capabilities.treasury !== 'active') {
    throw new StripeApiError(400, {
      type: 'invalid_request_error',
      message: `The account ${partition.account ?? ''} does not have the \`treasury\` capability. Request it before creating a FinancialAccount.`,
    });
  }
  if (
    params.supported_currencies.length === 0 ||
    params.supported_currencies.some((c) => c !== 'usd')
  ) {
    throw invalidParam(
      'supported_currencies',
      undefined,
      'Invalid supported_currencies: usd is the only supported currency.',
    );
  }
  const open = partition.financialAccounts.filter((r) => r.api.status === 'open').length;
  if (open >= MAX_OPEN_PER_ACCOUNT) {
    throw invalidState(
      `This account already has ${String(MAX_OPEN_PER_ACCOUNT)} open FinancialAccounts, the most allowed by default. Close one first.`,
    );
  }
  const api: Stripe.Treasury.FinancialAccount = {
    id: newId('fa'),
    object: 'treasury.financial_account',
    active_features: [],
    balance: { cash: { usd: 0 }, inbound_pending: { usd: 0 }, outbound_pending: { usd: 0 } },
    country: 'US',
    created: engine.now(),
    financial_addresses: [],
    is_default: open === 0,
    livemode: false,
    metadata: mergeMetadata(null, params.metadata),
    nickname: params.nickname ?? null,
    pending_features: [],
    platform_restrictions: {
      inbound_flows: params.platform_restrictions?.inbound_flows ?? 'unrestricted',
      outbound_flows: params.platform_restrictions?.outbound_flows ?? 'unrestricted',
    },
    restricted_features: [],
    status: 'open',
    status_details: { closed: null },
    supported_currencies: ['usd'],
  };
  const record: FinancialAccountRecord = {
    api,
    features: { object: 'treasury.financial_account_features' },
    accountNumber: randomDigits(12),
    platformReview: false,
  };
  partition.financialAccounts.insert(record);
  if (params.features) applyFeatures(engine, partition, record, params.features);
  engine.emit(partition, 'treasury.financial_account.created', api);
  return record;
}

export const financialAccountRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/treasury/financial_accounts',
    params: {
      ...updatableFields,
      supported_currencies: p.array(p.string({ maxLength: 3 })).required(),
    },
    handle(ctx, params) {
      return createFinancialAccount(ctx, params).api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/financial_accounts',
    params: { ...listParams, created: p.range(), status: p.enum(['open', 'closed']) },
    handle(ctx, params) {
      return listOf(ctx.partition.financialAccounts, '/v1/treasury/financial_accounts', params, {
        ...(params.created ? { sortRange: params.created } : {}),
        ...(params.status ? { where: (r) => r.api.status === params.status } : {}),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/financial_accounts/:financial_account',
    params: {},
    handle(ctx, _params, path) {
      return financialAccount(ctx, path.financial_account ?? '', 'path').api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/treasury/financial_accounts/:financial_account',
    params: updatableFields,
    handle(ctx, params, path) {
      const fa = financialAccount(ctx, path.financial_account ?? '', 'path');
      if (fa.api.status === 'closed')
        throw invalidState(
          'This FinancialAccount is closed and can no longer be updated.',
          undefined,
        );
      const before = structuredClone(fa.api);
      if (params.metadata !== undefined)
        fa.api.metadata = mergeMetadata(fa.api.metadata, params.metadata);
      if (params.nickname !== undefined) fa.api.nickname = params.nickname;
      if (params.platform_restrictions) {
        fa.api.platform_restrictions = {
          inbound_flows:
            params.platform_restrictions.inbound_flows ??
            fa.api.platform_restrictions?.inbound_flows ??
            'unrestricted',
          outbound_flows:
            params.platform_restrictions.outbound_flows ??
            fa.api.platform_restrictions?.outbound_flows ??
            'unrestricted',
        };
      }
      if (params.features) applyFeatures(ctx.engine, ctx.partition, fa, params.features);
      const previous = changedFields(
        before as unknown as Record<string, unknown>,
        fa.api as unknown as Record<string, unknown>,
      );
      if (
        'active_features' in previous ||
        'pending_features' in previous ||
        'restricted_features' in previous
      ) {
        ctx.engine.emit(
          ctx.partition,
          'treasury.financial_account.features_status_updated',
          fa.api,
        );
      }
      return fa.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/treasury/financial_accounts/:financial_account/close',
    params: {
      forwarding_settings: p.object({
        type: p.enum(['financial_account', 'payment_method']).required(),
        financial_account: p.string(),
        payment_method: p.string(),
      }),
    },
    handle(ctx, params, path) {
      const fa = financialAccount(ctx, path.financial_account ?? '', 'path');
      // The close rules of seed 001 (Treasury guide, "Close a FinancialAccount"): no pending
      // inbound payments; a zero balance; and no activity in the last 75 days, unless
      // `forwarding_settings` names where later credits and debits go. No codes: Stripe's
      // error-code list has none for these refusals.
      if (fa.api.status === 'closed')
        throw invalidState('This FinancialAccount is already closed.', 'status_transition_invalid');
      const pendingTransfer = ctx.partition.inboundTransfers
        .groupValues(fa.api.id)
        .some((t) => t.api.status === 'processing' || t.api.status === 'requires_confirmation');
      if (pendingTransfer) {
        throw invalidState(
          'A FinancialAccount with pending InboundTransfers cannot be closed. Wait for them to finish or cancel them.',
        );
      }
      recomputeBalance(ctx.partition, fa);
      const balance = fa.api.balance;
      if (
        balance.cash.usd !== 0 ||
        balance.inbound_pending.usd !== 0 ||
        balance.outbound_pending.usd !== 0
      ) {
        throw invalidState(
          'A FinancialAccount can only be closed with a zero balance. Move its funds out first.',
        );
      }
      const forwarding = params.forwarding_settings;
      if (forwarding) {
        const target =
          forwarding.type === 'financial_account'
            ? forwarding.financial_account
            : forwarding.payment_method;
        const targetParam = `forwarding_settings[${forwarding.type}]`;
        if (target === undefined) throw missingParam(targetParam);
        if (forwarding.type === 'financial_account') {
          const other = financialAccount(ctx, target, { param: targetParam });
          if (other.api.id === fa.api.id || other.api.status !== 'open') {
            throw invalidParam(
              targetParam,
              undefined,
              'Forward to another FinancialAccount that is open.',
            );
          }
        } else {
          mustFind(ctx.partition.paymentMethods, target, 'PaymentMethod', { param: targetParam });
        }
      } else {
        const since = ctx.engine.now() - INACTIVITY_DAYS_BEFORE_CLOSE * 86_400;
        const recent = ctx.partition.treasuryTransactions
          .groupValues(fa.api.id)
          .some((t) => t.api.created > since || (t.api.status_transitions.posted_at ?? 0) > since);
        if (recent) {
          throw invalidState(
            `This FinancialAccount had activity in the last ${String(INACTIVITY_DAYS_BEFORE_CLOSE)} days. Close it after ${String(INACTIVITY_DAYS_BEFORE_CLOSE)} days without activity, or pass forwarding_settings to say where later credits and debits go.`,
          );
        }
      }
      fa.api.status = 'closed';
      fa.api.status_details = { closed: { reasons: ['closed_by_platform'] } };
      for (const featurePath of FEATURE_PATHS) {
        const state = getFeature(fa.features, featurePath);
        if (state)
          setFeature(fa.features, featurePath, {
            ...state,
            status: 'restricted',
            status_details: [{ code: 'financial_account_closed', resolution: null }],
          });
      }
      summarise(fa);
      ctx.engine.emit(ctx.partition, 'treasury.financial_account.closed', fa.api);
      return fa.api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/treasury/financial_accounts/:financial_account/features',
    params: {},
    handle(ctx, _params, path) {
      return financialAccount(ctx, path.financial_account ?? '', 'path').features;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/treasury/financial_accounts/:financial_account/features',
    params: featuresParams,
    handle(ctx, params, path) {
      const fa = financialAccount(ctx, path.financial_account ?? '', 'path');
      if (fa.api.status === 'closed')
        throw invalidState(
          'This FinancialAccount is closed; its features cannot change.',
          undefined,
        );
      const before = JSON.stringify([
        fa.api.active_features,
        fa.api.pending_features,
        fa.api.restricted_features,
      ]);
      applyFeatures(ctx.engine, ctx.partition, fa, params);
      if (
        JSON.stringify([
          fa.api.active_features,
          fa.api.pending_features,
          fa.api.restricted_features,
        ]) !== before
      ) {
        ctx.engine.emit(
          ctx.partition,
          'treasury.financial_account.features_status_updated',
          fa.api,
        );
      }
      return fa.features;
    },
  }),
];

export { createFinancialAccount };
