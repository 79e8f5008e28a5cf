/**
 * Every place where the contract suite accepts a difference between the sandbox and Stripe's
 * OpenAPI subset, each with the reason. The subset's non-Financial-Connections schemas are API
 * version 2023-08-16, while the sandbox follows stripe-node 23's types (API 2026-10-28.endive);
 * see test/contract/openapi/SOURCE.md, "Validation results / known gaps".
 */

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Response schemas

export interface SchemaAllowance {
  /** The component schema, such as `customer`. */
  schema: string;
  /** A property of it, dotted for nested inline objects (`balance.cash`). */
  property: string;
  /**
   * Drop the property from `required` (the current API no longer always sends it), or accept
   * enum values added after the schema was published.
   */
  change: { kind: 'not-required' } | { kind: 'enum-add'; values: string[] };
  why: string;
}

export const SCHEMA_ALLOWANCES: readonly SchemaAllowance[] = [
  {
    schema: 'treasury.inbound_transfer',
    property: 'status',
    change: { kind: 'enum-add', values: ['requires_confirmation'] },
    why: 'Preview (platform review): with `features[inbound_transfers][ach][platform_review]` requested, a new InboundTransfer starts `requires_confirmation` until the platform confirms it. The public enum (2023 and current) lists only processing, succeeded, failed and canceled.',
  },
];

/** Patches component schemas in place with `SCHEMA_ALLOWANCES`; returns them. */
export function applySchemaAllowances(schemas: Record<string, Json>): Record<string, Json> {
  for (const allowance of SCHEMA_ALLOWANCES) {
    const root = schemas[allowance.schema];
    if (!root) throw new Error(`allowance names an unknown schema ${allowance.schema}`);
    const path = allowance.property.split('.');
    let parent: Json = root;
    for (const segment of path.slice(0, -1)) {
      const next = (parent.properties as Record<string, Json> | undefined)?.[segment];
      if (!next)
        throw new Error(`allowance path ${allowance.schema}.${allowance.property} not found`);
      parent = next;
    }
    const name = path.at(-1) ?? '';
    const properties = parent.properties as Record<string, Json> | undefined;
    const target = properties?.[name];
    if (!target)
      throw new Error(`allowance path ${allowance.schema}.${allowance.property} not found`);
    switch (allowance.change.kind) {
      case 'not-required':
        parent.required = ((parent.required as string[] | undefined) ?? []).filter(
          (r) => r !== name,
        );
        break;
      case 'enum-add': {
        const values = target.enum as string[] | undefined;
        if (!values) throw new Error(`${allowance.schema}.${allowance.property} has no enum`);
        target.enum = [...values, ...allowance.change.values];
        break;
      }
      default:
        allowance.change satisfies never;
    }
  }
  return schemas;
}

// ---------------------------------------------------------------------------------------------
// Operations the sandbox serves that the subset does not have

export interface ExtraOperation {
  method: 'GET' | 'POST' | 'DELETE';
  /** The sandbox's path pattern (`:name` segments). */
  path: string;
  /** The component schema its 200 response (or, with `list`, each of its items) is checked against. */
  responseSchema: string;
  /** The response is a list object (`{ object: 'list', data, has_more, url }`). @default false */
  list?: boolean;
  why: string;
}

const NOT_IN_SUBSET =
  'A real Stripe endpoint (stripe-node 23 has it) that the 2023 subset does not include; issue 11 asks the sandbox to serve it.';

export const EXTRA_OPERATIONS: readonly ExtraOperation[] = [
  {
    method: 'POST',
    path: '/v1/treasury/inbound_transfers/:inbound_transfer/confirm',
    responseSchema: 'treasury.inbound_transfer',
    why: 'Preview (platform review of InboundTransfers): not in the public spec; it returns the InboundTransfer.',
  },
  {
    method: 'POST',
    path: '/v1/payment_methods/:payment_method/detach',
    responseSchema: 'payment_method',
    why: NOT_IN_SUBSET,
  },
  {
    method: 'GET',
    path: '/v1/customers/:customer/payment_methods',
    responseSchema: 'payment_method',
    list: true,
    why: NOT_IN_SUBSET,
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:intent/cancel',
    responseSchema: 'setup_intent',
    why: NOT_IN_SUBSET,
  },
  {
    method: 'POST',
    path: '/v1/setup_intents/:intent/verify_microdeposits',
    responseSchema: 'setup_intent',
    why: NOT_IN_SUBSET,
  },
];

// ---------------------------------------------------------------------------------------------
// Request parameters the sandbox accepts that the subset's request schema lacks

export interface ParamAllowance {
  /** `METHOD /spec/path/{template}` */
  operation: string;
  param: string;
  why: string;
}

const FA_CREATE = 'POST /v1/treasury/financial_accounts';
const FA_UPDATE = 'POST /v1/treasury/financial_accounts/{financial_account}';
const FA_FEATURES = 'POST /v1/treasury/financial_accounts/{financial_account}/features';
const PLATFORM_REVIEW =
  'Preview: `inbound_transfers[ach][platform_review][requested]` turns on the platform’s review of InboundTransfers (they start `requires_confirmation`); it is not in the public spec.';
const NICKNAME =
  'Added to the API after the 2023-08-16 base (SOURCE.md, known gaps); stripe-node 23 has `nickname` on FinancialAccountCreateParams and FinancialAccountUpdateParams.';

export const PARAM_ALLOWANCES: readonly ParamAllowance[] = [
  {
    operation: 'POST /v1/treasury/inbound_transfers',
    param: 'origin_payment_method_options',
    why: 'Preview: same-day ACH (`origin_payment_method_options[us_bank_account][ach][submission]=same_day|standard`), documented in the InboundTransfers guide but not in the public spec.',
  },
  {
    operation: FA_CREATE,
    param: 'features[inbound_transfers][ach][platform_review]',
    why: PLATFORM_REVIEW,
  },
  {
    operation: FA_UPDATE,
    param: 'features[inbound_transfers][ach][platform_review]',
    why: PLATFORM_REVIEW,
  },
  {
    operation: FA_FEATURES,
    param: 'inbound_transfers[ach][platform_review]',
    why: PLATFORM_REVIEW,
  },
  {
    operation: 'POST /v1/financial_connections/sessions',
    param: 'filters[countries]',
    why: 'Preview/older spelling: `filters[countries][]` (an array) appears in older docs and Stripe.js examples; the current schema has only `filters[country]`. The sandbox accepts both and answers with `filters.country`.',
  },
  { operation: FA_CREATE, param: 'nickname', why: NICKNAME },
  { operation: FA_UPDATE, param: 'nickname', why: NICKNAME },
  {
    operation: 'GET /v1/treasury/financial_accounts',
    param: 'status',
    why: 'A newer list filter (`open` | `closed`) than the 2023-08-16 base; stripe-node 23 has FinancialAccountListParams.status.',
  },
  {
    operation: 'POST /v1/setup_intents',
    param: 'allowed_payment_method_types',
    why: 'The current name of `payment_method_types` (stripe-node 23, API 2026-09-30, removed `payment_method_types` from SetupIntentCreateParams); the 2023-08-16 base has only the old name, which the sandbox also accepts.',
  },
  {
    operation: 'POST /v1/accounts',
    param: 'controller',
    why: 'Added to the API after the 2023-08-16 base; stripe-node 23 has AccountCreateParams.controller.',
  },
];
