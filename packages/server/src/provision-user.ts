/**
 * `provisionUser`: the Stripe objects one of the platform's users needs before Purse can act for
 * them, created once at sign-up. Store the ids it returns with the user; `resolveUser` returns
 * them from then on.
 */
import type Stripe from 'stripe';

export interface ProvisionUserOptions {
  /** A stripe-node client (Stripe, or a sandbox's `sandbox.stripe()`). */
  stripe: Stripe;
  /** The user's email, on the customer and the connected account. */
  email: string;
  /** The user's name, on the customer. @default none */
  name?: string;
  /**
   * Makes a retried sign-up create nothing twice: give something unique to the user (your user
   * id). Stripe keeps idempotency keys for 24 hours. @default none (every call creates anew)
   */
  idempotencyKey?: string;
  /** Metadata on the customer and the connected account, such as your user id. @default {} */
  metadata?: Record<string, string>;
}

/** What `resolveUser` returns for this user. */
export interface ProvisionedUser {
  customerId: string;
  accountId: string;
  financialAccountId: string;
}

/**
 * Creates a customer, a US custom connected account requesting the `treasury`,
 * `us_bank_account_ach_payments` and `transfers` capabilities (it holds the user's linked banks
 * and pulls money from them), and a USD Treasury financial account on it with ACH inbound
 * transfers and an ABA address. Stripe reviews the account before the capabilities become active;
 * the sandbox activates them at once.
 */
export async function provisionUser(options: ProvisionUserOptions): Promise<ProvisionedUser> {
  const { stripe, email, name, idempotencyKey, metadata = {} } = options;
  // One key per object: Stripe refuses a key reused with other parameters.
  const keyed = (step: string): Stripe.RequestOptions =>
    idempotencyKey === undefined
      ? {}
      : { idempotencyKey: `purse-provision:${idempotencyKey}:${step}` };

  const customer = await stripe.customers.create(
    { email, ...(name === undefined ? {} : { name }), metadata },
    keyed('customer'),
  );
  const account = await stripe.accounts.create(
    {
      type: 'custom',
      country: 'US',
      email,
      business_type: 'individual',
      capabilities: {
        treasury: { requested: true },
        us_bank_account_ach_payments: { requested: true },
        transfers: { requested: true },
      },
      metadata: { ...metadata, purse_customer: customer.id },
    },
    keyed('account'),
  );
  const financialAccount = await stripe.treasury.financialAccounts.create(
    {
      supported_currencies: ['usd'],
      features: {
        inbound_transfers: { ach: { requested: true } },
        financial_addresses: { aba: { requested: true } },
      },
    },
    { ...keyed('financial-account'), stripeAccount: account.id },
  );
  return {
    customerId: customer.id,
    accountId: account.id,
    financialAccountId: financialAccount.id,
  };
}
