/**
 * Seeds. `empty` leaves only the test banks. `demo` creates the sales demo's personas, each a
 * platform Customer plus a connected account with the treasury capability and a funded
 * FinancialAccount, some with banks already linked and set up as top-up sources, all through
 * the same routes as API calls.
 */
import type { Engine } from './state/engine.js';
import type { RouteTable } from './http/route.js';
import { invoke } from './http/server.js';

export type SeedName = 'demo' | 'empty';

export interface SeedPersona {
  /** Stable key for the persona, such as `freelancer`. */
  key: string;
  name: string;
  email: string;
  description: string;
  customerId: string;
  accountId: string;
  financialAccountId: string;
  /** FC accounts already linked (empty for a new user). */
  linkedAccountIds: string[];
}

export interface SeedManifest {
  seed: SeedName;
  personas: SeedPersona[];
}

interface PersonaPlan {
  key: string;
  name: string;
  business: string;
  email: string;
  description: string;
  funding: number;
  link: { institution: string; accounts: string[] } | null;
}

const PERSONAS: readonly PersonaPlan[] = [
  {
    key: 'freelancer',
    name: 'Maya Chen',
    business: 'Maya Chen Design',
    email: 'maya@example.com',
    description:
      'Freelance designer with a healthy bank: checking, savings and a credit card linked.',
    funding: 1_250_00,
    link: { institution: 'fcinst_stripebank', accounts: ['checking', 'savings', 'credit_card'] },
  },
  {
    key: 'short_of_funds',
    name: 'Sam Rivera',
    business: 'Sam Rivera Deliveries',
    email: 'sam@example.com',
    description: 'Gig worker whose checking account is short of funds ($23.17 available).',
    funding: 40_00,
    link: { institution: 'fcinst_thinfunds', accounts: ['checking'] },
  },
  {
    key: 'new_user',
    name: 'Alex Kim',
    business: 'Alex Kim Studio',
    email: 'alex@example.com',
    description: 'A new user with nothing linked yet.',
    funding: 0,
    link: null,
  },
];

const SEED_IP = '203.0.113.10';
const SEED_USER_AGENT = 'purse-sandbox-seed';

type Obj = { id: string };

export function applySeed(engine: Engine, routes: RouteTable, seed: SeedName): SeedManifest {
  if (seed === 'empty') return { seed, personas: [] };
  const call = (
    method: 'GET' | 'POST',
    path: string,
    params: Record<string, unknown>,
    account: string | null = null,
  ): Obj => invoke(engine, routes, method, path, params, account) as Obj;

  const personas = PERSONAS.map((plan): SeedPersona => {
    const customer = call('POST', '/v1/customers', {
      name: plan.name,
      email: plan.email,
      metadata: { purse_persona: plan.key },
    });
    const account = call('POST', '/v1/accounts', {
      type: 'custom',
      country: 'US',
      email: plan.email,
      business_type: 'individual',
      business_profile: { name: plan.business },
      capabilities: {
        treasury: { requested: 'true' },
        us_bank_account_ach_payments: { requested: 'true' },
        transfers: { requested: 'true' },
      },
      metadata: { purse_persona: plan.key, customer: customer.id },
    });
    const fa = call(
      'POST',
      '/v1/treasury/financial_accounts',
      {
        supported_currencies: ['usd'],
        nickname: `${plan.name.split(' ')[0] ?? plan.name}'s Purse`,
        features: {
          inbound_transfers: { ach: { requested: 'true' } },
          financial_addresses: { aba: { requested: 'true' } },
          intra_stripe_flows: { requested: 'true' },
          deposit_insurance: { requested: 'true' },
        },
      },
      account.id,
    );
    if (plan.funding > 0) {
      call(
        'POST',
        '/v1/test_helpers/treasury/received_credits',
        {
          amount: String(plan.funding),
          currency: 'usd',
          financial_account: fa.id,
          network: 'ach',
          description: 'Opening deposit',
        },
        account.id,
      );
    }
    const linked: string[] = [];
    if (plan.link) {
      const session = call(
        'POST',
        '/v1/financial_connections/sessions',
        {
          account_holder: { type: 'account', account: account.id },
          permissions: ['balances', 'transactions', 'payment_method', 'ownership'],
          prefetch: ['balances', 'transactions'],
        },
        account.id,
      );
      const completed = call(
        'POST',
        `/_sandbox/financial_connections/sessions/${session.id}/complete`,
        { institution: plan.link.institution, accounts: plan.link.accounts },
        account.id,
      ) as unknown as {
        accounts: { data: { id: string; supported_payment_method_types: string[] }[] };
      };
      for (const fc of completed.accounts.data) {
        linked.push(fc.id);
        if (!fc.supported_payment_method_types.includes('us_bank_account')) continue;
        call(
          'POST',
          '/v1/setup_intents',
          {
            attach_to_self: 'true',
            flow_directions: ['inbound'],
            allowed_payment_method_types: ['us_bank_account'],
            payment_method_data: {
              type: 'us_bank_account',
              us_bank_account: { financial_connections_account: fc.id },
              billing_details: { name: plan.name, email: plan.email },
            },
            confirm: 'true',
            mandate_data: {
              customer_acceptance: {
                type: 'online',
                online: { ip_address: SEED_IP, user_agent: SEED_USER_AGENT },
              },
            },
          },
          account.id,
        );
      }
    }
    return {
      key: plan.key,
      name: plan.name,
      email: plan.email,
      description: plan.description,
      customerId: customer.id,
      accountId: account.id,
      financialAccountId: fa.id,
      linkedAccountIds: linked,
    };
  });
  // Let the prefetched refreshes and the ABA activation finish, so the demo opens with data.
  engine.clock.advance(Math.max(engine.timings.refreshSeconds, 60) + 1);
  return { seed, personas };
}
