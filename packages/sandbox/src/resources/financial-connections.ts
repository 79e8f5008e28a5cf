import type Stripe from 'stripe';
import { registerExpander } from '../http/expand.js';
import { p, listParams } from '../http/params.js';
import { route, type Route, type RouteContext } from '../http/route.js';
import {
  type IdSource,
  StripeApiError,
  invalidParam,
  resourceMissing,
} from '../http/stripe-error.js';
import {
  linkAccount,
  refreshBlocker,
  requestRefresh,
  setStatus,
  subscribeTransactions,
  unsubscribeTransactions,
} from '../fc/accounts.js';
import {
  INSTITUTIONS,
  findInstitution,
  findTemplate,
  supportsPayments,
} from '../fc/institutions.js';
import type { Engine } from '../state/engine.js';
import { newId, randomToken } from '../state/ids.js';
import type { FcAccountRecord, SessionRecord } from '../state/records.js';
import type { Partition } from '../state/store.js';
import { liveAccount } from './accounts.js';
import { listOf, mustFind, type ListObject } from './common.js';
import { liveCustomer } from './customers.js';

const PERMISSIONS = ['balances', 'ownership', 'payment_method', 'transactions'] as const;
const PREFETCH = ['balances', 'ownership', 'transactions'] as const;
const SUBCATEGORIES = ['checking', 'credit_card', 'line_of_credit', 'mortgage', 'savings'] as const;
const FEATURES = ['balance', 'ownership', 'transactions'] as const;

/** The session as the REST API returns it: its accounts as a list object. */
export function renderSession(
  partition: Partition,
  session: SessionRecord,
): Stripe.FinancialConnections.Session {
  const accounts = session.accountIds
    .map((id) => partition.fcAccounts.get(id)?.api)
    .filter((a): a is Stripe.FinancialConnections.Account => a !== undefined);
  return {
    ...session.api,
    accounts: {
      object: 'list',
      data: accounts,
      has_more: false,
      url: '/v1/financial_connections/accounts',
    },
  };
}

function fcAccount(ctx: RouteContext, id: string, from: IdSource = 'path'): FcAccountRecord {
  return mustFind(ctx.partition.fcAccounts, id, 'financial_connections.account', from);
}

function sessionBySecret(
  engine: Engine,
  clientSecret: string,
): { partition: Partition; session: SessionRecord } {
  for (const partition of engine.store.all()) {
    const session = partition.fcSessions.find((s) => s.api.client_secret === clientSecret);
    if (session) return { partition, session };
  }
  throw invalidParam(
    'client_secret',
    'resource_missing',
    'No such Financial Connections Session for this client secret.',
  );
}

/** Why a session can no longer launch the flow, in Stripe.js's words, or null if it can. */
function sessionUnusable(engine: Engine, session: SessionRecord): StripeApiError | null {
  if (session.state !== 'open') {
    return new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'session_already_used',
      message:
        'This Financial Connections Session has already been used. Create a new one to link accounts.',
    });
  }
  if (engine.now() > session.expiresAt) {
    return new StripeApiError(400, {
      type: 'invalid_request_error',
      code: 'session_expired',
      message: 'This Financial Connections Session has expired. Create a new one to link accounts.',
    });
  }
  return null;
}

/**
 * Completes a session as if the user chose `institution` and `accounts` in the modal and gave
 * consent. An empty `accounts` is the user leaving without linking anything.
 */
export function completeSession(
  engine: Engine,
  partition: Partition,
  session: SessionRecord,
  institutionId: string,
  chosen: readonly string[],
): SessionRecord {
  let templateIds = chosen;
  const unusable = sessionUnusable(engine, session);
  if (unusable) throw unusable;
  if (templateIds.length === 0) {
    session.state = 'cancelled';
    return session;
  }
  const institution = findInstitution(institutionId);
  if (!institution)
    throw invalidParam(
      'institution',
      'resource_missing',
      `No such test institution: '${institutionId}'`,
    );
  const api = session.api;
  // The same account chosen twice is one account.
  templateIds = [...new Set(templateIds)];
  const limit = api.limits?.accounts;
  if (limit !== undefined && templateIds.length > limit) {
    throw invalidParam(
      'accounts',
      undefined,
      `This session allows at most ${String(limit)} account(s).`,
    );
  }
  const support = session.paymentMethodSupport;
  const subcategories = api.filters?.account_subcategories ?? null;
  const templates = templateIds.map((id, i) => {
    const template = findTemplate(institution, id);
    const param = `accounts[${String(i)}]`;
    if (!template)
      throw invalidParam(param, 'resource_missing', `No account '${id}' at ${institution.name}.`);
    if (subcategories && !subcategories.includes(template.subcategory)) {
      throw invalidParam(
        param,
        'account_not_eligible',
        `${template.displayName} is a ${template.subcategory} account, which this session's filters exclude.`,
      );
    }
    if (support === 'all' && !supportsPayments(template)) {
      throw invalidParam(
        param,
        'account_not_eligible',
        `${template.displayName} cannot be used for payments, which this session requires.`,
      );
    }
    return template;
  });
  if (support === 'at_least_one' && !templates.some(supportsPayments)) {
    throw invalidParam(
      'accounts',
      'account_not_eligible',
      'This session requires at least one account that can be used for payments.',
    );
  }
  session.accountIds = [];
  for (const template of templates) {
    const record = linkAccount(engine, partition, api, institution, template);
    if (!session.accountIds.includes(record.api.id)) session.accountIds.push(record.api.id);
    for (const prefetch of api.prefetch ?? []) {
      const feature =
        prefetch === 'balances' ? 'balance' : (prefetch as 'ownership' | 'transactions');
      if (!refreshBlocker(record, feature, 'prefetch'))
        requestRefresh(engine, partition, record, feature);
    }
  }
  session.state = 'completed';
  return session;
}

/** The session in the shape Stripe.js resolves `collectFinancialConnectionsAccounts` with. */
export function renderClientSession(
  partition: Partition,
  session: SessionRecord,
): Record<string, unknown> {
  const rendered = renderSession(partition, session);
  return {
    id: rendered.id,
    object: rendered.object,
    accounts: rendered.accounts.data,
    filters: rendered.filters,
    livemode: false,
    permissions: rendered.permissions,
    ...(rendered.return_url ? { return_url: rendered.return_url } : {}),
  };
}

registerExpander('financial_connections.account', 'ownership', (value, { ctx }) =>
  typeof value === 'string' ? (ctx.partition.ownerships.get(value)?.api ?? value) : value,
);
registerExpander('financial_connections.account', 'account_holder.customer', (value, { ctx }) =>
  typeof value === 'string' ? (ctx.partition.customers.get(value)?.api ?? value) : value,
);
registerExpander('financial_connections.account', 'account_holder.account', (value, { ctx }) =>
  typeof value === 'string'
    ? (ctx.engine.store.partition(null).accounts.get(value)?.api ?? value)
    : value,
);

function featuresParam() {
  return p.array(p.enum(FEATURES)).required();
}

function decodeFeatures(features: readonly string[], allowed: readonly string[]): void {
  if (features.length === 0)
    throw invalidParam('features', 'parameter_invalid_empty', 'features must not be empty.');
  features.forEach((f, i) => {
    if (!allowed.includes(f)) {
      throw invalidParam(
        `features[${String(i)}]`,
        'parameter_invalid_enum',
        `Invalid features[${String(i)}]: must be one of ${allowed.join(', ')}`,
      );
    }
  });
}

export const financialConnectionsRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/financial_connections/sessions',
    params: {
      account_holder: p
        .object({
          type: p.enum(['account', 'customer']).required(),
          account: p.string({ maxLength: 255 }),
          customer: p.string({ maxLength: 255 }),
          customer_account: p.string({ maxLength: 255 }),
        })
        .required(),
      permissions: p.array(p.enum(PERMISSIONS)).required(),
      prefetch: p.array(p.enum(PREFETCH)),
      filters: p.object({
        account_subcategories: p.array(p.enum(SUBCATEGORIES)),
        country: p.string({ maxLength: 2 }),
        countries: p.array(p.string({ maxLength: 2 })),
        require_payment_method_support: p.enum(['all', 'at_least_one', 'none']),
      }),
      // An empty `limits[accounts]` allows any number (`.required()` alone would refuse it).
      limits: p.object({ accounts: p.integer({ min: 1, max: 100 }).required().emptyable() }),
      manual_entry: p.object({ mode: p.enum(['automatic', 'disabled']) }),
      return_url: p.string(),
    },
    handle(ctx, params) {
      const holder = params.account_holder;
      let accountHolder: Stripe.FinancialConnections.Session.AccountHolder;
      if (holder.type === 'customer') {
        if (holder.account !== undefined) {
          throw invalidParam(
            'account_holder[account]',
            'parameter_unknown',
            'account_holder[account] is only allowed when account_holder[type] is account.',
          );
        }
        if (holder.customer === undefined)
          throw invalidParam(
            'account_holder[customer]',
            'parameter_missing',
            'Missing required param: account_holder[customer].',
          );
        liveCustomer(ctx.partition.customers, holder.customer, {
          param: 'account_holder[customer]',
        });
        accountHolder = { customer: holder.customer, type: 'customer' };
      } else {
        if (holder.customer !== undefined) {
          throw invalidParam(
            'account_holder[customer]',
            'parameter_unknown',
            'account_holder[customer] is only allowed when account_holder[type] is customer.',
          );
        }
        if (holder.account === undefined)
          throw invalidParam(
            'account_holder[account]',
            'parameter_missing',
            'Missing required param: account_holder[account].',
          );
        // The holder is the acting connected account itself, or one of the platform's accounts.
        if (holder.account !== ctx.account) {
          if (ctx.account)
            throw resourceMissing('account', holder.account, { param: 'account_holder[account]' });
          liveAccount(ctx.engine.store.partition(null).accounts, holder.account, {
            param: 'account_holder[account]',
          });
        }
        accountHolder = { account: holder.account, type: 'account' };
      }
      if (params.permissions.length === 0)
        throw invalidParam(
          'permissions',
          'parameter_invalid_empty',
          'permissions must include at least one permission.',
        );
      for (const [i, prefetch] of (params.prefetch ?? []).entries()) {
        if (!params.permissions.includes(prefetch)) {
          throw invalidParam(
            `prefetch[${String(i)}]`,
            'parameter_invalid_enum',
            `You cannot prefetch ${prefetch} without requesting the ${prefetch} permission.`,
          );
        }
      }
      const now = ctx.engine.now();
      // `countries` is the older spelling of the filter; the API now returns `country`.
      const filters: Stripe.FinancialConnections.Session.Filters = {
        country: params.filters?.country ?? params.filters?.countries?.[0] ?? 'US',
        account_subcategories: params.filters?.account_subcategories ?? null,
        ...(params.filters?.require_payment_method_support
          ? { require_payment_method_support: params.filters.require_payment_method_support }
          : {}),
      };
      const api: Stripe.FinancialConnections.Session = {
        id: newId('fcsess'),
        object: 'financial_connections.session',
        account_holder: accountHolder,
        accounts: {
          object: 'list',
          data: [],
          has_more: false,
          url: '/v1/financial_connections/accounts',
        },
        client_secret: `fcsess_client_secret_${randomToken(24)}`,
        filters,
        ...(params.limits?.accounts ? { limits: { accounts: params.limits.accounts } } : {}),
        livemode: false,
        ...(params.manual_entry?.mode ? { manual_entry: { mode: params.manual_entry.mode } } : {}),
        permissions: [...new Set(params.permissions)],
        prefetch: params.prefetch ? [...new Set(params.prefetch)] : null,
        ...(params.return_url ? { return_url: params.return_url } : {}),
      };
      const record: SessionRecord = {
        api,
        paymentMethodSupport: params.filters?.require_payment_method_support ?? 'none',
        state: 'open',
        createdAt: now,
        expiresAt: now + ctx.engine.timings.sessionTtlSeconds,
        accountIds: [],
      };
      ctx.partition.fcSessions.insert(record);
      return renderSession(ctx.partition, record);
    },
  }),
  route({
    method: 'GET',
    path: '/v1/financial_connections/sessions/:session',
    params: {},
    handle(ctx, _params, path) {
      const session = mustFind(
        ctx.partition.fcSessions,
        path.session ?? '',
        'financial_connections.session',
        'path',
      );
      return renderSession(ctx.partition, session);
    },
  }),
  route({
    method: 'GET',
    path: '/v1/financial_connections/accounts',
    params: {
      ...listParams,
      account_holder: p.object({
        account: p.string(),
        customer: p.string(),
        customer_account: p.string(),
      }),
      session: p.string(),
    },
    handle(ctx, params) {
      const holder = params.account_holder;
      if (holder?.account !== undefined && holder.customer !== undefined) {
        throw invalidParam(
          'account_holder',
          'parameters_exclusive',
          'You may only specify one of account_holder[account] and account_holder[customer].',
        );
      }
      let sessionAccounts: Set<string> | undefined;
      if (params.session !== undefined) {
        const session = mustFind(
          ctx.partition.fcSessions,
          params.session,
          'financial_connections.session',
          { param: 'session' },
        );
        sessionAccounts = new Set(session.accountIds);
      }
      return listOf(ctx.partition.fcAccounts, '/v1/financial_connections/accounts', params, {
        where: (r) => {
          const h = r.api.account_holder;
          if (
            holder?.customer !== undefined &&
            (h?.type !== 'customer' || h.customer !== holder.customer)
          )
            return false;
          if (
            holder?.account !== undefined &&
            (h?.type !== 'account' || h.account !== holder.account)
          )
            return false;
          return !sessionAccounts || sessionAccounts.has(r.api.id);
        },
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/financial_connections/accounts/:account',
    params: {},
    handle(ctx, _params, path) {
      return fcAccount(ctx, path.account ?? '').api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/financial_connections/accounts/:account/refresh',
    params: { features: featuresParam() },
    handle(ctx, params, path) {
      const record = fcAccount(ctx, path.account ?? '');
      decodeFeatures(params.features, FEATURES);
      for (const [i, feature] of params.features.entries()) {
        const blocker = refreshBlocker(record, feature, `features[${String(i)}]`);
        if (blocker) throw blocker;
      }
      for (const feature of new Set(params.features))
        requestRefresh(ctx.engine, ctx.partition, record, feature);
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/financial_connections/accounts/:account/subscribe',
    params: { features: p.array(p.enum(['transactions'])).required() },
    handle(ctx, params, path) {
      const record = fcAccount(ctx, path.account ?? '');
      decodeFeatures(params.features, ['transactions']);
      const blocker = refreshBlocker(record, 'transactions', 'features[0]');
      if (blocker) throw blocker;
      subscribeTransactions(ctx.engine, ctx.partition, record);
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/financial_connections/accounts/:account/unsubscribe',
    params: { features: p.array(p.enum(['transactions'])).required() },
    handle(ctx, params, path) {
      const record = fcAccount(ctx, path.account ?? '');
      decodeFeatures(params.features, ['transactions']);
      unsubscribeTransactions(record);
      return record.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/financial_connections/accounts/:account/disconnect',
    params: {},
    handle(ctx, _params, path) {
      const record = fcAccount(ctx, path.account ?? '');
      setStatus(ctx.engine, ctx.partition, record, 'disconnected');
      return record.api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/financial_connections/accounts/:account/owners',
    params: { ...listParams, ownership: p.string().required() },
    handle(ctx, params, path) {
      const record = fcAccount(ctx, path.account ?? '');
      const ownership = ctx.partition.ownerships.get(params.ownership);
      if (!ownership || ownership.account !== record.api.id) {
        throw resourceMissing('financial_connections.account_ownership', params.ownership, {
          param: 'ownership',
        });
      }
      const owners = ownership.owners;
      const start = params.starting_after
        ? owners.findIndex((o) => o.id === params.starting_after) + 1
        : 0;
      const limit = params.limit ?? 10;
      const data = owners.slice(start, start + limit);
      const list: ListObject<Stripe.FinancialConnections.AccountOwner> = {
        object: 'list',
        data,
        has_more: start + limit < owners.length,
        url: `/v1/financial_connections/accounts/${record.api.id}/owners`,
      };
      return list;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/financial_connections/transactions',
    params: {
      ...listParams,
      account: p.string().required(),
      transacted_at: p.range(),
      transaction_refresh: p.object({ after: p.string().required() }),
    },
    handle(ctx, params) {
      const record = fcAccount(ctx, params.account, { param: 'account' });
      if (!(record.api.permissions ?? []).includes('transactions')) {
        // Stripe's error-code list has no code for this refusal: message and param only.
        throw invalidParam(
          'account',
          undefined,
          `The account ${record.api.id} was not granted the \`transactions\` permission, so its transactions cannot be listed. Link it with a session that requests \`transactions\`.`,
        );
      }
      if (record.refreshOrder.size === 0) {
        // Stripe's `financial_connections_no_successful_transaction_refresh`: until a
        // transaction refresh has succeeded there is no data to list, and Stripe says so
        // rather than answering an empty list.
        throw new StripeApiError(400, {
          type: 'invalid_request_error',
          code: 'financial_connections_no_successful_transaction_refresh',
          message: `Transaction data can only be retrieved for accounts that have at least one successful transaction refresh. Subscribe to transactions or refresh them on ${record.api.id} (features[]=transactions) and wait for financial_connections.account.refreshed_transactions.`,
          param: 'account',
        });
      }
      let afterSeq = 0;
      if (params.transaction_refresh) {
        const seq = record.refreshOrder.get(params.transaction_refresh.after);
        if (seq === undefined) {
          throw invalidParam(
            'transaction_refresh[after]',
            'resource_missing',
            `No such transaction refresh: '${params.transaction_refresh.after}'`,
          );
        }
        afterSeq = seq;
      }
      return listOf(
        ctx.partition.fcTransactions,
        '/v1/financial_connections/transactions',
        params,
        {
          group: record.api.id,
          ...(params.transacted_at ? { sortRange: params.transacted_at } : {}),
          ...(afterSeq > 0
            ? { where: (r) => (record.refreshOrder.get(r.api.transaction_refresh) ?? 0) > afterSeq }
            : {}),
        },
      );
    },
  }),
  route({
    method: 'GET',
    path: '/v1/financial_connections/transactions/:transaction',
    params: {},
    handle(ctx, _params, path) {
      return mustFind(
        ctx.partition.fcTransactions,
        path.transaction ?? '',
        'financial_connections.transaction',
        'path',
      ).api;
    },
  }),
];

// ---------------------------------------------------------------------------------------------
// The browser stand-in's endpoints: publishable key plus the session's client secret.

function institutionsView(session: SessionRecord | undefined): unknown[] {
  const wantsPayments = session?.paymentMethodSupport === 'all';
  const subcategories = session?.api.filters?.account_subcategories ?? null;
  return INSTITUTIONS.map((institution) => ({
    id: institution.id,
    name: institution.name,
    note: institution.note,
    accounts: institution.accounts.map((a) => {
      let unavailable: string | null = null;
      if (wantsPayments && !supportsPayments(a)) unavailable = 'Can’t be used for payments';
      else if (subcategories && !subcategories.includes(a.subcategory))
        unavailable = 'Not an eligible account type';
      return {
        id: a.id,
        display_name: a.displayName,
        category: a.category,
        subcategory: a.subcategory,
        last4: a.last4,
        note: a.note,
        unavailable,
      };
    }),
  }));
}

/** `GET /_sandbox/financial_connections/institutions`: the test banks and their accounts. */
export function listInstitutions(): unknown {
  return {
    object: 'list',
    data: institutionsView(undefined),
    has_more: false,
    url: '/_sandbox/financial_connections/institutions',
  };
}

export const financialConnectionsClientRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/_sandbox/client/financial_connections/sessions',
    auth: 'publishable',
    params: { client_secret: p.string().required() },
    handle(ctx, params) {
      const { session } = sessionBySecret(ctx.engine, params.client_secret);
      const unusable = sessionUnusable(ctx.engine, session);
      if (unusable) throw unusable;
      return {
        id: session.api.id,
        permissions: session.api.permissions,
        account_holder_type: session.api.account_holder?.type ?? null,
        institutions: institutionsView(session),
      };
    },
  }),
  route({
    method: 'POST',
    path: '/_sandbox/client/financial_connections/sessions/complete',
    auth: 'publishable',
    body: 'json',
    params: {
      client_secret: p.string().required(),
      institution: p.string().required(),
      accounts: p.array(p.string()).required(),
    },
    handle(ctx, params) {
      const { partition, session } = sessionBySecret(ctx.engine, params.client_secret);
      completeSession(ctx.engine, partition, session, params.institution, params.accounts);
      return renderClientSession(partition, session);
    },
  }),
  route({
    method: 'POST',
    path: '/_sandbox/client/financial_connections/sessions/cancel',
    auth: 'publishable',
    body: 'json',
    params: { client_secret: p.string().required() },
    handle(ctx, params) {
      const { partition, session } = sessionBySecret(ctx.engine, params.client_secret);
      const unusable = sessionUnusable(ctx.engine, session);
      if (unusable) throw unusable;
      session.state = 'cancelled';
      return renderClientSession(partition, session);
    },
  }),
];
