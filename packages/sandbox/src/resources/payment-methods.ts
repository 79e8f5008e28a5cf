/**
 * us_bank_account PaymentMethods, the SetupIntents that make them usable for Treasury
 * (`attach_to_self`, `flow_directions[]=inbound`) and their mandates. A PaymentMethod made from
 * a Financial Connections account takes its bank name, last4 and routing number from it; the FC
 * account must live in the same account and have been granted the `payment_method` permission.
 */
import { createHash } from 'node:crypto';
import { addBusinessDays, calendarDateOf, unixAt } from '@purse/core/top-up-form';
import type Stripe from 'stripe';
import { registerExpander } from '../http/expand.js';
import { p, listParams } from '../http/params.js';
import { route, type Route, type RouteContext } from '../http/route.js';
import { StripeApiError, invalidParam, invalidState, missingParam } from '../http/stripe-error.js';
import { institutionOf, templateOf } from '../fc/accounts.js';
import { newId, randomToken } from '../state/ids.js';
import type {
  FcAccountRecord,
  MagicBehaviour,
  PaymentMethodRecord,
  SetupIntentRecord,
} from '../state/records.js';
import { changedFields, listOf, mergeMetadata, mustFind } from './common.js';
import { liveCustomer } from './customers.js';

/** Stripe's test account numbers (routing 110000000) and what ACH does with them. */
const TEST_ACCOUNT_NUMBERS: Record<string, MagicBehaviour> = {
  '000123456789': 'success',
  '000111111113': 'accountClosed',
  '000111111116': 'noAccount',
  '000222222227': 'insufficientFunds',
  '000333333335': 'debitNotAuthorized',
  '000555555559': 'dispute',
  '000000000009': 'processing',
};

/**
 * The ABA routing number checksum: digits weighted 3, 7, 1 (repeating) sum to a multiple of 10.
 * Stripe refuses a routing number that fails it (`routing_number_invalid`).
 */
export function isAbaRoutingNumber(routing: string): boolean {
  if (!/^\d{9}$/.test(routing)) return false;
  const weights = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(routing[i]) * (weights[i % 3] ?? 0);
  return sum % 10 === 0;
}

/**
 * Stripe's microdeposit test values (ACH Direct Debit docs, "Test account numbers"): amounts
 * 32 and 45 or descriptor code SM11AA verify; 10 and 11 or SM33CC exceed the attempts; 40 and
 * 41 or SM44DD time out. Any other values do not match.
 */
type MicrodepositOutcome =
  | 'verified'
  | 'payment_method_microdeposit_verification_attempts_exceeded'
  | 'payment_method_microdeposit_verification_timeout'
  | 'mismatch';

function microdepositOutcome(amounts: readonly number[] | undefined, code: string | undefined) {
  const key = amounts ? amounts.join(',') : (code ?? '');
  const outcomes: Record<string, MicrodepositOutcome> = {
    '32,45': 'verified',
    SM11AA: 'verified',
    '10,11': 'payment_method_microdeposit_verification_attempts_exceeded',
    SM33CC: 'payment_method_microdeposit_verification_attempts_exceeded',
    '40,41': 'payment_method_microdeposit_verification_timeout',
    SM44DD: 'payment_method_microdeposit_verification_timeout',
  };
  return outcomes[key] ?? 'mismatch';
}

/** Stripe's test account number whose microdeposits fail to arrive (ACH docs). */
const MICRODEPOSITS_FAIL = '000666666661';

/** Stripe allows ten verification attempts before it blocks the bank account. */
const MICRODEPOSIT_ATTEMPTS = 10;

/** Failed verification attempts per SetupIntent (records are replaced on reset, so weakly held). */
const failedAttempts = new WeakMap<SetupIntentRecord, number>();

/** Whether a PaymentMethod waits for microdeposit verification (a SetupIntent in `requires_action`). */
export function awaitingMicrodeposits(ctx: { partition: RouteContext['partition'] }, pmId: string) {
  return (
    ctx.partition.setupIntents.find(
      (si) =>
        si.api.payment_method === pmId &&
        si.api.status === 'requires_action' &&
        si.api.next_action?.type === 'verify_with_microdeposits',
    ) !== undefined
  );
}

const addressParam = p.object({
  city: p.string().emptyable(),
  country: p.string({ maxLength: 2 }).emptyable(),
  line1: p.string().emptyable(),
  line2: p.string().emptyable(),
  postal_code: p.string().emptyable(),
  state: p.string().emptyable(),
});

const billingDetailsParam = p.object({
  address: addressParam.emptyable(),
  email: p.string().emptyable(),
  name: p.string().emptyable(),
  phone: p.string().emptyable(),
});

const usBankAccountParam = p.object({
  account_holder_type: p.enum(['company', 'individual']),
  account_number: p.string({ maxLength: 17 }),
  account_type: p.enum(['checking', 'savings']),
  financial_connections_account: p.string(),
  routing_number: p.string({ maxLength: 9 }),
});

const paymentMethodDataParam = p.object({
  type: p.enum(['us_bank_account']).required(),
  us_bank_account: usBankAccountParam,
  billing_details: billingDetailsParam,
  metadata: p.metadata(),
});

type BillingInput = {
  address?: Record<string, string | null> | null;
  email?: string | null;
  name?: string | null;
  phone?: string | null;
};

type UsBankInput = {
  account_holder_type?: 'company' | 'individual';
  account_number?: string;
  account_type?: 'checking' | 'savings';
  financial_connections_account?: string;
  routing_number?: string;
};

function billingDetails(input: BillingInput | undefined): Stripe.PaymentMethod.BillingDetails {
  const address = input?.address;
  return {
    address: {
      city: address?.city ?? null,
      country: address?.country ?? null,
      line1: address?.line1 ?? null,
      line2: address?.line2 ?? null,
      postal_code: address?.postal_code ?? null,
      state: address?.state ?? null,
    },
    email: input?.email ?? null,
    name: input?.name ?? null,
    phone: input?.phone ?? null,
    tax_id: null,
  };
}

function fingerprint(routing: string, account: string): string {
  return createHash('sha256').update(`${routing}:${account}`).digest('base64url').slice(0, 16);
}

function fcAccountForPayments(ctx: RouteContext, id: string, param: string): FcAccountRecord {
  const record = ctx.partition.fcAccounts.get(id);
  if (!record) {
    // An FC account of another Stripe account (or none at all) cannot back this PaymentMethod.
    throw invalidParam(param, 'resource_missing', `No such financial_connections.account: '${id}'`);
  }
  if (!(record.api.permissions ?? []).includes('payment_method')) {
    throw invalidParam(
      param,
      undefined,
      `The Financial Connections account ${id} was not granted the \`payment_method\` permission, so it cannot be used as a PaymentMethod. Link it with a session that requests \`payment_method\`.`,
    );
  }
  if (!record.api.supported_payment_method_types.includes('us_bank_account')) {
    throw invalidParam(
      param,
      'payment_method_unsupported_type',
      `The Financial Connections account ${id} (a ${record.api.subcategory} account) cannot be used for us_bank_account payments.`,
    );
  }
  if (record.api.status !== 'active') {
    throw invalidParam(
      param,
      'financial_connections_account_inactive',
      `The Financial Connections account ${id} is ${record.api.status}; link it again to use it for payments.`,
    );
  }
  return record;
}

/**
 * Builds (without storing) a us_bank_account PaymentMethod from the params of
 * `POST /v1/payment_methods` (`param` empty) or from `payment_method_data` (`param` names it).
 */
function buildPaymentMethod(
  ctx: RouteContext,
  data: {
    us_bank_account?: UsBankInput;
    billing_details?: BillingInput;
    metadata?: Record<string, string>;
  },
  param: string,
): PaymentMethodRecord {
  // Error `param`s name the field as the request spelled it: `us_bank_account[routing_number]`
  // on the PaymentMethods endpoint, `payment_method_data[us_bank_account][...]` on SetupIntents.
  const field = (name: string): string => (param ? `${param}[${name}]` : name);
  const bank = data.us_bank_account;
  if (!bank) throw missingParam(field('us_bank_account'));
  const billing = billingDetails(data.billing_details);
  if (!billing.name) throw missingParam(`${field('billing_details')}[name]`);
  let usBankAccount: Stripe.PaymentMethod.UsBankAccount;
  let fcAccount: PaymentMethodRecord['fcAccount'] = null;
  let magic: MagicBehaviour | null = null;
  if (bank.financial_connections_account !== undefined) {
    const record = fcAccountForPayments(
      ctx,
      bank.financial_connections_account,
      `${field('us_bank_account')}[financial_connections_account]`,
    );
    const template = templateOf(record);
    usBankAccount = {
      account_holder_type: bank.account_holder_type ?? 'individual',
      account_type: template.subcategory === 'savings' ? 'savings' : 'checking',
      bank_name: institutionOf(record).name.toUpperCase(),
      financial_connections_account: record.api.id,
      fingerprint: fingerprint(record.routingNumber, record.accountNumber),
      last4: record.api.last4,
      networks: { preferred: 'ach', supported: ['ach'] },
      routing_number: record.routingNumber,
      status_details: null,
    };
    fcAccount = { scope: ctx.partition.scope, id: record.api.id };
  } else {
    if (!bank.account_number) throw missingParam(`${field('us_bank_account')}[account_number]`);
    if (!bank.routing_number) throw missingParam(`${field('us_bank_account')}[routing_number]`);
    if (!/^\d{9}$/.test(bank.routing_number)) {
      throw invalidParam(
        `${field('us_bank_account')}[routing_number]`,
        'routing_number_invalid',
        'Routing number must have 9 digits.',
      );
    }
    if (!isAbaRoutingNumber(bank.routing_number)) {
      throw invalidParam(
        `${field('us_bank_account')}[routing_number]`,
        'routing_number_invalid',
        'The bank routing number provided is invalid.',
      );
    }
    magic = TEST_ACCOUNT_NUMBERS[bank.account_number] ?? 'success';
    usBankAccount = {
      account_holder_type: bank.account_holder_type ?? 'individual',
      account_type: bank.account_type ?? 'checking',
      bank_name: 'STRIPE TEST BANK',
      financial_connections_account: null,
      fingerprint: fingerprint(bank.routing_number, bank.account_number),
      last4: bank.account_number.slice(-4),
      networks: { preferred: 'ach', supported: ['ach'] },
      routing_number: bank.routing_number,
      status_details: null,
    };
  }
  const api: Stripe.PaymentMethod = {
    id: newId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: billing,
    created: ctx.engine.now(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: data.metadata ?? {},
    type: 'us_bank_account',
    us_bank_account: usBankAccount,
  };
  return { api, flowDirections: new Set(), fcAccount, magic };
}

type MandateInput = {
  customer_acceptance: {
    type: 'online' | 'offline';
    accepted_at?: number;
    online?: { ip_address: string; user_agent: string };
  };
};

function createMandate(ctx: RouteContext, pm: PaymentMethodRecord, input: MandateInput): string {
  const acceptance = input.customer_acceptance;
  if (acceptance.type === 'online' && !acceptance.online)
    throw missingParam('mandate_data[customer_acceptance][online]');
  const api: Stripe.Mandate = {
    id: newId('mandate'),
    object: 'mandate',
    customer_acceptance: {
      accepted_at: acceptance.accepted_at ?? ctx.engine.now(),
      ...(acceptance.online
        ? {
            online: {
              ip_address: acceptance.online.ip_address,
              user_agent: acceptance.online.user_agent,
            },
          }
        : { offline: {} }),
      type: acceptance.type,
    },
    livemode: false,
    multi_use: {},
    payment_method: pm.api.id,
    payment_method_details: {
      type: 'us_bank_account',
      us_bank_account: { collection_method: 'paper' },
    },
    status: 'active',
    type: 'multi_use',
  };
  ctx.partition.mandates.insert({ api });
  return api.id;
}

/** Confirms a SetupIntent: stores its PaymentMethod, records the mandate and the flow directions. */
function confirmSetupIntent(
  ctx: RouteContext,
  si: SetupIntentRecord,
  pending: PaymentMethodRecord | undefined,
  mandateData: MandateInput | undefined,
): void {
  const api = si.api;
  if (api.status === 'succeeded' || api.status === 'canceled') {
    throw invalidState(
      `You cannot confirm this SetupIntent because it has a status of ${api.status}.`,
      'setup_intent_unexpected_state',
    );
  }
  let pm = pending;
  if (!pm && typeof api.payment_method === 'string')
    pm = ctx.partition.paymentMethods.get(api.payment_method);
  if (!pm) throw missingParam('payment_method');
  if (!mandateData) {
    throw invalidParam(
      'mandate_data',
      'parameter_missing',
      'A mandate is required to confirm a SetupIntent for a us_bank_account PaymentMethod. Pass mandate_data[customer_acceptance].',
    );
  }
  if (!ctx.partition.paymentMethods.has(pm.api.id)) ctx.partition.paymentMethods.insert(pm);
  if (typeof api.customer === 'string') pm.api.customer = api.customer;
  api.payment_method = pm.api.id;
  api.mandate = createMandate(ctx, pm, mandateData);
  if (pm.fcAccount === null && !isVerified(ctx, pm)) {
    // Numbers typed by hand are not verified: Stripe sends microdeposits and the intent waits
    // in `requires_action` until they are confirmed (POST …/verify_microdeposits).
    const arrival = unixAt(addBusinessDays(calendarDateOf(ctx.engine.now()), 1), { hour: 9 });
    api.status = 'requires_action';
    api.next_action = {
      type: 'verify_with_microdeposits',
      verify_with_microdeposits: {
        arrival_date: arrival,
        hosted_verification_url: `https://payments.stripe.com/microdeposit/sacs_test_${randomToken(24)}`,
        microdeposit_type: 'descriptor_code',
      },
    };
    ctx.engine.emit(ctx.partition, 'setup_intent.requires_action', api);
    const bank = pm.api.us_bank_account;
    if (bank?.fingerprint === fingerprint(bank?.routing_number ?? '', MICRODEPOSITS_FAIL)) {
      // Stripe's failMicrodeposits test number: the deposits never arrive, and the intent fails
      // when they were due.
      ctx.engine.at(arrival, `microdeposits fail ${api.id}`, () => {
        if (api.status !== 'requires_action') return;
        failMicrodeposits(
          ctx,
          si,
          'payment_method_microdeposit_failed',
          'Microdeposits were failed to be deposited into the customer’s bank account. Please check the account, institution and transit numbers as well as the currency type.',
        );
      });
    }
    return;
  }
  succeedSetupIntent(ctx, si, pm);
}

/** A PaymentMethod from numbers typed by hand is verified once one of its intents succeeded. */
function isVerified(ctx: RouteContext, pm: PaymentMethodRecord): boolean {
  return (
    ctx.partition.setupIntents.find(
      (si) => si.api.payment_method === pm.api.id && si.api.status === 'succeeded',
    ) !== undefined
  );
}

function succeedSetupIntent(
  ctx: RouteContext,
  si: SetupIntentRecord,
  pm: PaymentMethodRecord,
): void {
  const api = si.api;
  for (const direction of api.flow_directions ?? ['inbound']) {
    if (direction === 'inbound') pm.flowDirections.add('inbound');
    else if (direction === 'outbound') pm.flowDirections.add('outbound');
  }
  api.status = 'succeeded';
  api.next_action = null;
  ctx.engine.emit(ctx.partition, 'setup_intent.succeeded', api);
}

/**
 * Ends an intent whose microdeposits can no longer verify it: Stripe moves it back to
 * `requires_payment_method` with `last_setup_error`, detaches the PaymentMethod and answers 400.
 */
function failMicrodeposits(
  ctx: RouteContext,
  si: SetupIntentRecord,
  code: string,
  message: string,
): StripeApiError {
  const api = si.api;
  const pm =
    typeof api.payment_method === 'string'
      ? ctx.partition.paymentMethods.get(api.payment_method)
      : undefined;
  const error = {
    type: 'invalid_request_error' as const,
    code,
    message,
    doc_url: `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`,
  };
  api.last_setup_error = { ...error, ...(pm ? { payment_method: pm.api } : {}) };
  api.status = 'requires_payment_method';
  api.next_action = null;
  api.payment_method = null;
  ctx.engine.emit(ctx.partition, 'setup_intent.setup_failed', api);
  return new StripeApiError(400, error);
}

const mandateDataParam = p.object({
  customer_acceptance: p
    .object({
      type: p.enum(['online', 'offline']).required(),
      accepted_at: p.integer(),
      online: p.object({ ip_address: p.string().required(), user_agent: p.string().required() }),
      offline: p.object({}),
    })
    .required(),
});

registerExpander('setup_intent', 'payment_method', (value, { ctx }) =>
  typeof value === 'string' ? (ctx.partition.paymentMethods.get(value)?.api ?? value) : value,
);
registerExpander('setup_intent', 'mandate', (value, { ctx }) =>
  typeof value === 'string' ? (ctx.partition.mandates.get(value)?.api ?? value) : value,
);
registerExpander('setup_intent', 'customer', (value, { ctx }) =>
  typeof value === 'string' ? (ctx.partition.customers.get(value)?.api ?? value) : value,
);
registerExpander('payment_method', 'customer', (value, { ctx }) =>
  typeof value === 'string' ? (ctx.partition.customers.get(value)?.api ?? value) : value,
);

export const paymentMethodRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/payment_methods',
    params: {
      type: p.enum(['us_bank_account']).required(),
      us_bank_account: usBankAccountParam,
      billing_details: billingDetailsParam,
      metadata: p.metadata(),
    },
    handle(ctx, params) {
      const pm = buildPaymentMethod(ctx, params, '');
      ctx.partition.paymentMethods.insert(pm);
      return pm.api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/payment_methods',
    params: { ...listParams, customer: p.string(), type: p.string() },
    handle(ctx, params) {
      if (params.customer !== undefined)
        liveCustomer(ctx.partition.customers, params.customer, { param: 'customer' });
      return listOf(ctx.partition.paymentMethods, '/v1/payment_methods', params, {
        where: (r) =>
          (params.customer === undefined || r.api.customer === params.customer) &&
          (params.type === undefined || r.api.type === params.type),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/payment_methods/:payment_method',
    params: {},
    handle(ctx, _params, path) {
      return mustFind(
        ctx.partition.paymentMethods,
        path.payment_method ?? '',
        'PaymentMethod',
        'path',
      ).api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/payment_methods/:payment_method',
    params: { billing_details: billingDetailsParam, metadata: p.metadata().emptyable() },
    handle(ctx, params, path) {
      const pm = mustFind(
        ctx.partition.paymentMethods,
        path.payment_method ?? '',
        'PaymentMethod',
        'path',
      );
      const before = structuredClone(pm.api) as unknown as Record<string, unknown>;
      if (params.billing_details) {
        const current = pm.api.billing_details;
        const update = billingDetails({ ...current, ...params.billing_details });
        pm.api.billing_details = update;
      }
      if (params.metadata !== undefined)
        pm.api.metadata = mergeMetadata(pm.api.metadata, params.metadata);
      // Stripe sends `previous_attributes` on `*.updated` events (and only there).
      ctx.engine.emit(ctx.partition, 'payment_method.updated', pm.api, {
        previousAttributes: changedFields(before, pm.api as unknown as Record<string, unknown>),
      });
      return pm.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/payment_methods/:payment_method/attach',
    params: { customer: p.string().required() },
    handle(ctx, params, path) {
      const pm = mustFind(
        ctx.partition.paymentMethods,
        path.payment_method ?? '',
        'PaymentMethod',
        'path',
      );
      liveCustomer(ctx.partition.customers, params.customer, { param: 'customer' });
      const selfAttached =
        pm.api.customer === null &&
        (pm.flowDirections.size > 0 ||
          ctx.partition.setupIntents.find(
            (si) => si.api.payment_method === pm.api.id && si.api.attach_to_self === true,
          ) !== undefined);
      if (selfAttached) {
        throw invalidState(
          'This PaymentMethod was set up with attach_to_self and cannot be attached to a Customer.',
          'payment_method_unexpected_state',
        );
      }
      pm.api.customer = params.customer;
      ctx.engine.emit(ctx.partition, 'payment_method.attached', pm.api);
      return pm.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/payment_methods/:payment_method/detach',
    params: {},
    handle(ctx, _params, path) {
      const pm = mustFind(
        ctx.partition.paymentMethods,
        path.payment_method ?? '',
        'PaymentMethod',
        'path',
      );
      if (pm.api.customer === null) {
        throw invalidState(
          'The payment method you provided is not attached to a customer so detachment is impossible.',
          'payment_method_unexpected_state',
        );
      }
      pm.api.customer = null;
      // A detached PaymentMethod can no longer be used (Stripe: "cannot be used again").
      pm.flowDirections.clear();
      ctx.engine.emit(ctx.partition, 'payment_method.detached', pm.api);
      return pm.api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/customers/:customer/payment_methods',
    params: { ...listParams, type: p.string(), allow_redisplay: p.string() },
    handle(ctx, params, path) {
      const customer = liveCustomer(ctx.partition.customers, path.customer ?? '');
      const url = `/v1/customers/${customer.api.id}/payment_methods`;
      return listOf(ctx.partition.paymentMethods, url, params, {
        where: (r) =>
          r.api.customer === customer.api.id &&
          (params.type === undefined || r.api.type === params.type) &&
          (params.allow_redisplay === undefined ||
            r.api.allow_redisplay === params.allow_redisplay),
      });
    },
  }),
  route({
    method: 'POST',
    path: '/v1/setup_intents',
    params: {
      attach_to_self: p.boolean(),
      confirm: p.boolean(),
      customer: p.string(),
      description: p.string(),
      flow_directions: p.array(p.enum(['inbound', 'outbound'])),
      mandate_data: mandateDataParam,
      metadata: p.metadata(),
      payment_method: p.string(),
      payment_method_data: paymentMethodDataParam,
      payment_method_options: p.object({
        us_bank_account: p.object({
          financial_connections: p.object({
            permissions: p.array(
              p.enum(['balances', 'ownership', 'payment_method', 'transactions']),
            ),
            prefetch: p.array(p.enum(['balances', 'ownership', 'transactions'])),
          }),
          verification_method: p.enum(['automatic', 'instant', 'microdeposits']),
        }),
      }),
      // `allowed_payment_method_types` is the current name; `payment_method_types` the older one.
      allowed_payment_method_types: p.array(p.string()),
      payment_method_types: p.array(p.string()),
      return_url: p.string(),
      usage: p.enum(['off_session', 'on_session']),
    },
    handle(ctx, params) {
      if (params.attach_to_self && params.customer !== undefined) {
        throw invalidParam(
          'attach_to_self',
          'parameters_exclusive',
          'You may only specify one of these parameters: attach_to_self, customer.',
        );
      }
      if (params.flow_directions && !params.attach_to_self) {
        throw invalidParam(
          'flow_directions',
          'parameter_invalid_empty',
          'flow_directions can only be set together with attach_to_self.',
        );
      }
      if (params.customer !== undefined)
        liveCustomer(ctx.partition.customers, params.customer, { param: 'customer' });
      const types = params.allowed_payment_method_types ??
        params.payment_method_types ?? ['us_bank_account'];
      if (params.payment_method_data && !types.includes('us_bank_account')) {
        throw invalidParam(
          'payment_method_types',
          'parameter_invalid_enum',
          'payment_method_types must include us_bank_account.',
        );
      }
      let pm: PaymentMethodRecord | undefined;
      if (params.payment_method_data)
        pm = buildPaymentMethod(ctx, params.payment_method_data, 'payment_method_data');
      else if (params.payment_method !== undefined) {
        pm = mustFind(ctx.partition.paymentMethods, params.payment_method, 'PaymentMethod', {
          param: 'payment_method',
        });
      }
      const id = newId('seti');
      const api: Stripe.SetupIntent = {
        id,
        object: 'setup_intent',
        allowed_payment_method_types: params.allowed_payment_method_types ? types : null,
        application: null,
        attach_to_self: params.attach_to_self ?? false,
        automatic_payment_methods: null,
        cancellation_reason: null,
        client_secret: `${id}_secret_${randomToken(24)}`,
        created: ctx.engine.now(),
        customer: params.customer ?? null,
        description: params.description ?? null,
        excluded_payment_method_types: null,
        flow_directions: params.flow_directions ?? null,
        last_setup_error: null,
        latest_attempt: null,
        livemode: false,
        mandate: null,
        metadata: params.metadata ?? {},
        next_action: null,
        on_behalf_of: null,
        payment_method: pm?.api.id ?? null,
        payment_method_configuration_details: null,
        payment_method_options: {
          us_bank_account: {
            mandate_options: {},
            verification_method:
              params.payment_method_options?.us_bank_account?.verification_method ?? 'automatic',
          },
        },
        payment_method_types: types,
        single_use_mandate: null,
        status: pm ? 'requires_confirmation' : 'requires_payment_method',
        usage: params.usage ?? 'off_session',
      };
      const record: SetupIntentRecord = { api };
      if (params.confirm) {
        // Validate the confirmation before storing anything, so a bad request leaves no trace.
        if (!pm) throw missingParam('payment_method');
        if (!params.mandate_data) {
          throw invalidParam(
            'mandate_data',
            'parameter_missing',
            'A mandate is required to confirm a SetupIntent for a us_bank_account PaymentMethod. Pass mandate_data[customer_acceptance].',
          );
        }
      }
      ctx.partition.setupIntents.insert(record);
      if (pm && !ctx.partition.paymentMethods.has(pm.api.id))
        ctx.partition.paymentMethods.insert(pm);
      ctx.engine.emit(ctx.partition, 'setup_intent.created', api);
      if (params.confirm) confirmSetupIntent(ctx, record, pm, params.mandate_data);
      return api;
    },
  }),
  route({
    method: 'GET',
    path: '/v1/setup_intents',
    params: {
      ...listParams,
      attach_to_self: p.boolean(),
      customer: p.string(),
      payment_method: p.string(),
      created: p.range(),
    },
    handle(ctx, params) {
      return listOf(ctx.partition.setupIntents, '/v1/setup_intents', params, {
        ...(params.created ? { sortRange: params.created } : {}),
        where: (r) =>
          (params.attach_to_self === undefined ||
            (r.api.attach_to_self ?? false) === params.attach_to_self) &&
          (params.customer === undefined || r.api.customer === params.customer) &&
          (params.payment_method === undefined || r.api.payment_method === params.payment_method),
      });
    },
  }),
  route({
    method: 'GET',
    path: '/v1/setup_intents/:intent',
    params: { client_secret: p.string() },
    handle(ctx, _params, path) {
      return mustFind(ctx.partition.setupIntents, path.intent ?? '', 'setupintent', 'path').api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/setup_intents/:intent',
    params: {
      description: p.string().emptyable(),
      metadata: p.metadata().emptyable(),
      payment_method: p.string(),
    },
    handle(ctx, params, path) {
      const si = mustFind(ctx.partition.setupIntents, path.intent ?? '', 'setupintent', 'path');
      if (si.api.status === 'succeeded' || si.api.status === 'canceled') {
        throw invalidState(
          `You cannot update this SetupIntent because it has a status of ${si.api.status}.`,
          'setup_intent_unexpected_state',
        );
      }
      if (params.description !== undefined) si.api.description = params.description;
      if (params.metadata !== undefined)
        si.api.metadata = mergeMetadata(si.api.metadata, params.metadata);
      if (params.payment_method !== undefined) {
        mustFind(ctx.partition.paymentMethods, params.payment_method, 'PaymentMethod', {
          param: 'payment_method',
        });
        si.api.payment_method = params.payment_method;
        si.api.status = 'requires_confirmation';
      }
      return si.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/setup_intents/:intent/confirm',
    params: {
      mandate_data: mandateDataParam,
      payment_method: p.string(),
      payment_method_data: paymentMethodDataParam,
      return_url: p.string(),
    },
    handle(ctx, params, path) {
      const si = mustFind(ctx.partition.setupIntents, path.intent ?? '', 'setupintent', 'path');
      let pm: PaymentMethodRecord | undefined;
      if (params.payment_method_data)
        pm = buildPaymentMethod(ctx, params.payment_method_data, 'payment_method_data');
      else if (params.payment_method !== undefined) {
        pm = mustFind(ctx.partition.paymentMethods, params.payment_method, 'PaymentMethod', {
          param: 'payment_method',
        });
      }
      confirmSetupIntent(ctx, si, pm, params.mandate_data);
      return si.api;
    },
  }),
  route({
    method: 'POST',
    path: '/v1/setup_intents/:intent/verify_microdeposits',
    params: {
      amounts: p.array(p.integer()),
      descriptor_code: p.string({ maxLength: 6 }),
      client_secret: p.string(),
    },
    handle(ctx, params, path) {
      const si = mustFind(ctx.partition.setupIntents, path.intent ?? '', 'setupintent', 'path');
      const api = si.api;
      if (
        api.status !== 'requires_action' ||
        api.next_action?.type !== 'verify_with_microdeposits'
      ) {
        throw invalidState(
          `This SetupIntent has a status of ${api.status}; only a SetupIntent awaiting microdeposit verification (\`requires_action\` with \`verify_with_microdeposits\`) can be verified.`,
          'setup_intent_unexpected_state',
        );
      }
      if (params.amounts !== undefined && params.descriptor_code !== undefined) {
        throw invalidParam(
          'amounts',
          'parameters_exclusive',
          'You may only specify one of these parameters: amounts, descriptor_code.',
        );
      }
      if (params.amounts === undefined && params.descriptor_code === undefined) {
        throw invalidParam(
          'amounts',
          'parameter_missing',
          'You must provide either amounts or descriptor_code to verify the microdeposits.',
        );
      }
      if (params.amounts !== undefined && params.amounts.length !== 2) {
        throw invalidParam(
          'amounts',
          'payment_method_microdeposit_verification_amounts_invalid',
          'You must provide exactly two microdeposit amounts.',
        );
      }
      const outcome = microdepositOutcome(params.amounts, params.descriptor_code);
      if (outcome === 'verified') {
        const pm =
          typeof api.payment_method === 'string'
            ? ctx.partition.paymentMethods.get(api.payment_method)
            : undefined;
        if (!pm) throw missingParam('payment_method');
        succeedSetupIntent(ctx, si, pm);
        return api;
      }
      if (outcome !== 'mismatch') {
        throw failMicrodeposits(
          ctx,
          si,
          outcome,
          outcome === 'payment_method_microdeposit_verification_timeout'
            ? 'Payment method should be verified with microdeposits within the required period.'
            : 'You have exceeded the number of allowed verification attempts.',
        );
      }
      const failures = (failedAttempts.get(si) ?? 0) + 1;
      failedAttempts.set(si, failures);
      if (failures >= MICRODEPOSIT_ATTEMPTS) {
        throw failMicrodeposits(
          ctx,
          si,
          'payment_method_microdeposit_verification_attempts_exceeded',
          'You have exceeded the number of allowed verification attempts.',
        );
      }
      const remaining = MICRODEPOSIT_ATTEMPTS - failures;
      const byAmounts = params.amounts !== undefined;
      throw new StripeApiError(400, {
        type: 'invalid_request_error',
        code: byAmounts
          ? 'payment_method_microdeposit_verification_amounts_mismatch'
          : 'payment_method_microdeposit_verification_descriptor_code_mismatch',
        message: `${
          byAmounts
            ? 'The amounts provided do not match the amounts that were sent to the bank account.'
            : 'The verification code provided does not match the one sent to the bank account.'
        } You have ${String(remaining)} verification attempt${remaining === 1 ? '' : 's'} remaining.`,
        param: byAmounts ? 'amounts' : 'descriptor_code',
      });
    },
  }),
  route({
    method: 'POST',
    path: '/v1/setup_intents/:intent/cancel',
    params: {
      cancellation_reason: p.enum(['abandoned', 'duplicate', 'requested_by_customer']),
    },
    handle(ctx, params, path) {
      const si = mustFind(ctx.partition.setupIntents, path.intent ?? '', 'setupintent', 'path');
      const api = si.api;
      if (api.status === 'succeeded' || api.status === 'canceled' || api.status === 'processing') {
        throw invalidState(
          `You cannot cancel this SetupIntent because it has a status of ${api.status}.`,
          'setup_intent_unexpected_state',
        );
      }
      api.status = 'canceled';
      api.cancellation_reason = params.cancellation_reason ?? null;
      api.next_action = null;
      ctx.engine.emit(ctx.partition, 'setup_intent.canceled', api);
      return api;
    },
  }),
];
