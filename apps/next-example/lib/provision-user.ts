import type Stripe from 'stripe';

/** The Stripe objects one of your users needs for Purse (store them with the user). */
export interface PurseUserIds {
  customerId: string;
  accountId: string;
  financialAccountId: string;
}

/**
 * Creates what a new user needs, once, when they sign up: a customer, a connected account with
 * the treasury capability (it holds their linked banks and pulls money from them), and a Treasury
 * financial account on it that top-ups land in. Works the same against Stripe and the sandbox.
 */
export async function provisionUser(
  stripe: Stripe,
  user: { email: string; name: string },
): Promise<PurseUserIds> {
  const customer = await stripe.customers.create({ email: user.email, name: user.name });
  const account = await stripe.accounts.create({
    type: 'custom',
    country: 'US',
    email: user.email,
    business_type: 'individual',
    capabilities: {
      treasury: { requested: true },
      us_bank_account_ach_payments: { requested: true },
      transfers: { requested: true },
    },
  });
  const financialAccount = await stripe.treasury.financialAccounts.create(
    {
      supported_currencies: ['usd'],
      features: {
        inbound_transfers: { ach: { requested: true } },
        financial_addresses: { aba: { requested: true } },
      },
    },
    { stripeAccount: account.id },
  );
  return {
    customerId: customer.id,
    accountId: account.id,
    financialAccountId: financialAccount.id,
  };
}
