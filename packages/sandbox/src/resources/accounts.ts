import type Stripe from 'stripe';
import { p, listParams } from '../http/params.js';
import { route, type Route, type RouteContext } from '../http/route.js';
import { type IdSource, StripeApiError, resourceMissing } from '../http/stripe-error.js';
import type { Collection } from '../state/collection.js';
import { newId } from '../state/ids.js';
import type { AccountRecord } from '../state/records.js';
import { changedFields, listOf, mergeMetadata } from './common.js';

/** Capabilities the sandbox knows; each requested one becomes `active` at once. */
const CAPABILITIES = [
  'card_issuing',
  'card_payments',
  'transfers',
  'treasury',
  'us_bank_account_ach_payments',
] as const;

const requested = p.object({ requested: p.boolean().required() });
const capabilityParams = Object.fromEntries(
  CAPABILITIES.map((name) => [name, requested]),
) as Record<(typeof CAPABILITIES)[number], typeof requested>;

const businessProfile = p.object({
  name: p.string().emptyable(),
  url: p.string().emptyable(),
  mcc: p.string({ maxLength: 4 }).emptyable(),
  product_description: p.string().emptyable(),
  support_email: p.string().emptyable(),
});

const updateFields = {
  email: p.string().emptyable(),
  business_profile: businessProfile,
  capabilities: p.object(capabilityParams),
  metadata: p.metadata().emptyable(),
  tos_acceptance: p.object({
    date: p.integer(),
    ip: p.string(),
    user_agent: p.string().emptyable(),
  }),
};

/** Only the platform can manage its connected accounts. */
function assertPlatform(ctx: RouteContext): void {
  if (ctx.account) {
    throw new StripeApiError(403, {
      type: 'invalid_request_error',
      message: 'Only a platform can manage connected accounts; remove the Stripe-Account header.',
    });
  }
}

/** A connected account of the platform that exists and is not deleted, or a 404. */
export function liveAccount(
  accounts: Collection<AccountRecord>,
  id: string,
  from: IdSource = 'path',
): AccountRecord {
  const record = accounts.get(id);
  if (!record || record.deleted) throw resourceMissing('account', id, from);
  return record;
}

function applyCapabilities(
  api: Stripe.Account,
  requested: Partial<Record<(typeof CAPABILITIES)[number], { requested: boolean }>> | undefined,
): void {
  if (!requested) return;
  const capabilities: Record<string, string> = {
    ...(api.capabilities as Record<string, string> | undefined),
  };
  for (const [name, { requested: on }] of Object.entries(requested)) {
    if (on) capabilities[name] = 'active';
    else delete capabilities[name];
  }
  api.capabilities = capabilities;
}

function applyBusinessProfile(
  api: Stripe.Account,
  profile:
    | Partial<
        Record<'name' | 'url' | 'mcc' | 'product_description' | 'support_email', string | null>
      >
    | undefined,
): void {
  if (!profile) return;
  const current: Stripe.Account.BusinessProfile = api.business_profile ?? {
    mcc: null,
    minority_owned_business_designation: null,
    name: null,
    specified_commercial_transactions_act_url: null,
    support_address: null,
    support_email: null,
    support_phone: null,
    support_url: null,
    url: null,
  };
  api.business_profile = { ...current, ...profile };
}

export const accountRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/accounts',
    params: {
      ...updateFields,
      type: p.enum(['custom', 'express', 'standard']),
      country: p.string({ maxLength: 2 }),
      business_type: p.enum(['company', 'government_entity', 'individual', 'non_profit']),
      default_currency: p.string({ maxLength: 3 }),
      controller: p.object({
        fees: p.object({ payer: p.enum(['account', 'application']) }),
        losses: p.object({ payments: p.enum(['application', 'stripe']) }),
        requirement_collection: p.enum(['application', 'stripe']),
        stripe_dashboard: p.object({ type: p.enum(['express', 'full', 'none']) }),
      }),
    },
    handle(ctx, params) {
      assertPlatform(ctx);
      const id = newId('acct');
      const api: Stripe.Account = {
        id,
        object: 'account',
        business_type: params.business_type ?? null,
        capabilities: {},
        charges_enabled: true,
        country: (params.country ?? 'US').toUpperCase(),
        created: ctx.engine.now(),
        default_currency: params.default_currency ?? 'usd',
        details_submitted: true,
        email: params.email ?? null,
        external_accounts: {
          object: 'list',
          data: [],
          has_more: false,
          url: `/v1/accounts/${id}/external_accounts`,
        },
        metadata: mergeMetadata(null, params.metadata),
        payouts_enabled: true,
        requirements: {
          alternatives: [],
          current_deadline: null,
          currently_due: [],
          disabled_reason: null,
          errors: [],
          eventually_due: [],
          past_due: [],
          pending_verification: [],
        },
        tos_acceptance: {
          date: params.tos_acceptance?.date ?? null,
          ip: params.tos_acceptance?.ip ?? null,
          user_agent: params.tos_acceptance?.user_agent ?? null,
        },
        type: params.type ?? 'custom',
      };
      applyCapabilities(api, params.capabilities);
      applyBusinessProfile(api, params.business_profile);
      ctx.partition.accounts.insert({ api });
      return api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/accounts/:account',
    params: {},
    handle(ctx, _params, path) {
      assertPlatform(ctx);
      return liveAccount(ctx.partition.accounts, path.account ?? '').api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/accounts/:account',
    params: updateFields,
    handle(ctx, params, path) {
      assertPlatform(ctx);
      const record = liveAccount(ctx.partition.accounts, path.account ?? '');
      const before = structuredClone(record.api);
      const api = record.api;
      if (params.email !== undefined) api.email = params.email;
      if (params.metadata !== undefined)
        api.metadata = mergeMetadata(api.metadata ?? null, params.metadata);
      applyCapabilities(api, params.capabilities);
      applyBusinessProfile(api, params.business_profile);
      const previous = changedFields(
        before as unknown as Record<string, unknown>,
        api as unknown as Record<string, unknown>,
      );
      if (Object.keys(previous).length > 0) {
        // account.updated goes to Connect endpoints with the account it concerns.
        const scoped = ctx.engine.store.partition(api.id);
        ctx.engine.emit(scoped, 'account.updated', api, { previousAttributes: previous });
      }
      return api;
    },
  }),
  route({
    method: 'DELETE',
    path: '/v1/accounts/:account',
    params: {},
    handle(ctx, _params, path) {
      assertPlatform(ctx);
      const record = liveAccount(ctx.partition.accounts, path.account ?? '');
      record.deleted = true;
      return { id: record.api.id, object: 'account', deleted: true };
    },
  }),
  route({
    method: 'GET',
    path: '/v1/accounts',
    params: { ...listParams, created: p.range() },
    handle(ctx, params) {
      assertPlatform(ctx);
      return listOf(ctx.partition.accounts, '/v1/accounts', params, {
        ...(params.created ? { sortRange: params.created } : {}),
        where: (r) => !r.deleted,
      });
    },
  }),
];
