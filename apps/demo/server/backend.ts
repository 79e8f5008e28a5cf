/**
 * Where the demo's "Stripe" comes from. Without keys: an embedded @purse/sandbox, seeded with
 * the demo personas (banks already linked for two of them). With `STRIPE_SECRET_KEY`,
 * `STRIPE_PUBLISHABLE_KEY` and `STRIPE_WEBHOOK_SECRET`: real Stripe test mode, through the same
 * router and components. The personas then live in your test account (created on first run and
 * remembered in `apps/demo/.personas.json`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startSandbox, type Sandbox, type SeedPersona } from '@purse/sandbox';
import Stripe from 'stripe';

/** A persona as the sandbox seeds it; with real Stripe, the banks are linked by hand. */
export type DemoPersona = Omit<SeedPersona, 'linkedAccountIds'>;

export type Backend =
  | {
      mode: 'sandbox';
      stripe: Stripe;
      sandbox: Sandbox;
      publishableKey: string;
      webhookSecret: string;
      /** The current personas (a sandbox reset gives them new ids). */
      personas: () => DemoPersona[];
      now: () => number;
      /** Forgets everything and seeds the personas again. */
      reset: () => void;
      close: () => Promise<void>;
    }
  | {
      mode: 'stripe';
      stripe: Stripe;
      publishableKey: string;
      webhookSecret: string;
      personas: () => DemoPersona[];
      now: () => number;
      close: () => Promise<void>;
    };

export interface BackendOptions {
  /** Virtual seconds per real second in the sandbox. @default 1 */
  speed?: number;
  /** Where the persona ids are remembered in Stripe mode. */
  personasFile: string;
  env: NodeJS.ProcessEnv;
  /**
   * The sandbox's API keys and webhook secret: new random ones each start, so nobody can use the
   * published defaults against a running demo; `'fixed'` keeps @purse/sandbox's `DEFAULT_KEYS`
   * (to point other tools at it). @default env `PURSE_SANDBOX_KEYS` if `'fixed'`, else 'random'
   */
  sandboxKeys?: 'random' | 'fixed';
  /** The sandbox clock's start. @default now */
  startAt?: Date;
}

function randomSandboxKeys(): { secretKey: string; publishableKey: string; webhookSecret: string } {
  const token = (): string => randomBytes(24).toString('hex');
  return {
    secretKey: `sk_test_${token()}`,
    publishableKey: `pk_test_${token()}`,
    webhookSecret: `whsec_${token()}`,
  };
}

const PERSONAS = [
  {
    key: 'freelancer',
    name: 'Maya Chen',
    business: 'Maya Chen Design',
    email: 'maya@example.com',
    description:
      'Freelance designer with a healthy bank: checking, savings and a credit card linked.',
  },
  {
    key: 'short_of_funds',
    name: 'Sam Rivera',
    business: 'Sam Rivera Deliveries',
    email: 'sam@example.com',
    description: 'Gig worker whose checking account is short of funds.',
  },
  {
    key: 'new_user',
    name: 'Alex Kim',
    business: 'Alex Kim Studio',
    email: 'alex@example.com',
    description: 'A new user with nothing linked yet.',
  },
] as const;

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const { env } = options;
  const secretKey = env.STRIPE_SECRET_KEY;
  if (secretKey) {
    const publishableKey = env.STRIPE_PUBLISHABLE_KEY;
    const webhookSecret = env.STRIPE_WEBHOOK_SECRET;
    if (!publishableKey || !webhookSecret) {
      throw new Error(
        'With STRIPE_SECRET_KEY set, also set STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET (see the README).',
      );
    }
    if (!secretKey.startsWith('sk_test_') && !secretKey.startsWith('rk_test_')) {
      throw new Error('The demo only runs with test-mode keys (sk_test_…).');
    }
    const stripe = new Stripe(secretKey, { appInfo: { name: 'purse-demo' } });
    const personas = await ensureStripePersonas(stripe, options.personasFile);
    return {
      mode: 'stripe',
      stripe,
      publishableKey,
      webhookSecret,
      personas: () => personas,
      now: () => Math.floor(Date.now() / 1000),
      close: () => Promise.resolve(),
    };
  }

  const keys = options.sandboxKeys ?? (env.PURSE_SANDBOX_KEYS === 'fixed' ? 'fixed' : 'random');
  const sandbox = await startSandbox({
    seed: 'demo',
    speed: options.speed ?? 1,
    ...(keys === 'random' ? { keys: randomSandboxKeys() } : {}),
    ...(options.startAt ? { startAt: options.startAt } : {}),
  });
  return {
    mode: 'sandbox',
    stripe: sandbox.stripe(),
    sandbox,
    publishableKey: sandbox.publishableKey,
    webhookSecret: sandbox.webhookSecret,
    personas: () =>
      sandbox.seed.personas.map((p) => ({
        key: p.key,
        name: p.name,
        email: p.email,
        description: p.description,
        customerId: p.customerId,
        accountId: p.accountId,
        financialAccountId: p.financialAccountId,
      })),
    now: () => sandbox.clock.now(),
    reset: () => {
      sandbox.reset('demo');
    },
    close: () => sandbox.close(),
  };
}

/** Creates the demo personas in a Stripe test account once, then reuses them. */
async function ensureStripePersonas(stripe: Stripe, file: string): Promise<DemoPersona[]> {
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoPersona[];
    if (Array.isArray(saved) && saved.length === PERSONAS.length) return saved;
  }
  const personas: DemoPersona[] = [];
  for (const plan of PERSONAS) {
    const customer = await stripe.customers.create({
      name: plan.name,
      email: plan.email,
      metadata: { purse_persona: plan.key },
    });
    const account = await stripe.accounts.create({
      type: 'custom',
      country: 'US',
      email: plan.email,
      business_type: 'individual',
      business_profile: { name: plan.business },
      capabilities: {
        treasury: { requested: true },
        us_bank_account_ach_payments: { requested: true },
        transfers: { requested: true },
      },
      metadata: { purse_persona: plan.key, customer: customer.id },
    });
    const fa = await stripe.treasury.financialAccounts.create(
      {
        supported_currencies: ['usd'],
        features: {
          inbound_transfers: { ach: { requested: true } },
          financial_addresses: { aba: { requested: true } },
          intra_stripe_flows: { requested: true },
        },
      },
      { stripeAccount: account.id },
    );
    personas.push({
      key: plan.key,
      name: plan.name,
      email: plan.email,
      description: plan.description,
      customerId: customer.id,
      accountId: account.id,
      financialAccountId: fa.id,
    });
  }
  writeFileSync(file, `${JSON.stringify(personas, null, 2)}\n`);
  return personas;
}
