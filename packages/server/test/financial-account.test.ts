import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../src/index.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let accountNumber: string;

beforeAll(async () => {
  h = await startHarness({ webhooks: false });
  const fa = await h.stripe.treasury.financialAccounts.retrieve(
    h.personas.freelancer.financialAccountId,
    { expand: ['financial_addresses.aba.account_number'] },
    { stripeAccount: h.personas.freelancer.accountId },
  );
  accountNumber = fa.financial_addresses[0]?.aba?.account_number ?? '';
  expect(accountNumber).toMatch(/^\d{6,}$/);
});
afterAll(async () => {
  await h.close();
});

const faPath = (): string =>
  `/v1/treasury/financial_accounts/${h.personas.freelancer.financialAccountId}`;

async function faRequests(since: number) {
  return (await h.stripeRequests()).slice(since).filter((r) => r.path.startsWith(faPath()));
}

const logLength = async (): Promise<number> => (await h.stripeRequests()).length;

describe('reading the financial account', () => {
  it('shows balance, features, nickname and the ABA address with only the last 4 digits', async () => {
    const res = await h.call('freelancer', 'GET', '/financial-account');
    expect(res.status).toBe(200);
    const fa = await h.stripe.treasury.financialAccounts.retrieve(
      h.personas.freelancer.financialAccountId,
      {},
      { stripeAccount: h.personas.freelancer.accountId },
    );
    const aba = fa.financial_addresses[0]?.aba;
    expect(res.body).toEqual({
      id: fa.id,
      status: 'open',
      nickname: "Maya's Purse",
      balance: { currency: 'usd', cash: 125_000, inboundPending: 0, outboundPending: 0 },
      features: {
        active: fa.active_features,
        pending: fa.pending_features,
        restricted: fa.restricted_features,
      },
      address: {
        bankName: aba?.bank_name,
        routingNumber: aba?.routing_number,
        accountNumberLast4: accountNumber.slice(-4),
      },
    });
    expect(res.body.features.active).toContain('inbound_transfers.ach');
    expect(JSON.stringify(res.body)).not.toContain(accountNumber);
  });

  it('uses the connected account’s first open financial account when resolveUser names none', async () => {
    h.users.no_fa_named = { accountId: h.personas.freelancer.accountId };
    const res = await h.call('no_fa_named', 'GET', '/financial-account');
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(h.personas.freelancer.financialAccountId);
  });

  it('a financial account that does not exist is 404 financial_account_missing', async () => {
    h.users.ghost = {
      accountId: h.personas.new_user.accountId,
      financialAccountId: 'fa_doesnotexist0000',
    };
    const res = await h.call('ghost', 'GET', '/financial-account');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('financial_account_missing');
    expect(JSON.stringify(res.body)).not.toContain('fa_doesnotexist');
  });
});

describe('renaming it (PATCH nickname)', () => {
  it.each<[string, unknown, string]>([
    ['empty', '', 'parameter_invalid'],
    ['whitespace only', ' \t  ', 'parameter_invalid'],
    ['250 characters', 'n'.repeat(250), 'parameter_invalid'],
    ['1,000 characters', 'n'.repeat(1000), 'parameter_invalid'],
    ['a number', 42, 'parameter_invalid'],
    ['null', null, 'parameter_invalid'],
    ['missing', undefined, 'parameter_missing'],
  ])(
    'refuses a nickname that is %s (400 naming nickname), without calling Stripe',
    async (_name, nickname, code) => {
      const since = await logLength();
      const res = await h.call('freelancer', 'PATCH', '/financial-account', {
        body: nickname === undefined ? {} : { nickname },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code, param: 'nickname' });
      expect(await faRequests(since)).toEqual([]);
    },
  );

  it('refuses other fields, such as metadata', async () => {
    const since = await logLength();
    const res = await h.call('freelancer', 'PATCH', '/financial-account', {
      body: { nickname: 'Fine', metadata: { role: 'admin' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_unknown', param: 'metadata' });
    expect(await faRequests(since)).toEqual([]);
  });

  it('renames it at Stripe, trimming surrounding whitespace', async () => {
    const res = await h.call('freelancer', 'PATCH', '/financial-account', {
      body: { nickname: '  Rainy day fund  ' },
    });
    expect(res.status).toBe(200);
    expect(res.body.nickname).toBe('Rainy day fund');
    const fa = await h.stripe.treasury.financialAccounts.retrieve(
      h.personas.freelancer.financialAccountId,
      {},
      { stripeAccount: h.personas.freelancer.accountId },
    );
    expect(fa.nickname).toBe('Rainy day fund');
  });

  it('accepts 249 characters, the longest nickname', async () => {
    const res = await h.call('freelancer', 'PATCH', '/financial-account', {
      body: { nickname: 'n'.repeat(249) },
    });
    expect(res.status).toBe(200);
    expect(res.body.nickname).toHaveLength(249);
  });
});

describe('revealing the full account number', () => {
  it('is refused by default: 403 account_number_hidden, and the number is never fetched', async () => {
    const since = await logLength();
    const res = await h.call('freelancer', 'GET', '/financial-account?reveal=account_number');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('account_number_hidden');
    expect(JSON.stringify(res.body)).not.toContain(accountNumber);
    const expanded = (await h.stripeRequests())
      .slice(since)
      .filter((r) => JSON.stringify(r.params).includes('account_number'));
    expect(expanded).toEqual([]);
  });

  it('refuses any other reveal value (400 naming reveal)', async () => {
    const res = await h.call('freelancer', 'GET', '/financial-account?reveal=routing_number');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_invalid', param: 'reveal' });
  });

  it('with revealAccountNumber: true, returns the number and tells onAudit who saw it', async () => {
    const audits: AuditEvent[] = [];
    const router = await h.addRouter({
      revealAccountNumber: true,
      onAudit: (event) => {
        audits.push(event);
      },
    });
    const plain = await router.call('freelancer', 'GET', '/financial-account');
    expect(plain.body.address.accountNumber).toBeUndefined();
    expect(audits).toEqual([]);

    const res = await router.call('freelancer', 'GET', '/financial-account?reveal=account_number', {
      headers: { 'user-agent': 'AuditTest/2.0' },
    });
    expect(res.status).toBe(200);
    expect(res.body.address.accountNumber).toBe(accountNumber);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      type: 'account_number_revealed',
      user: h.users.freelancer,
      financialAccountId: h.personas.freelancer.financialAccountId,
      userAgent: 'AuditTest/2.0',
    });
    expect(audits[0]?.ip).toMatch(/127\.0\.0\.1$/);
    expect(Math.abs((audits[0]?.at.getTime() ?? 0) - Date.now())).toBeLessThan(5000);
  });

  it('when the audit hook fails, the number is not revealed', async () => {
    const router = await h.addRouter({
      revealAccountNumber: true,
      onAudit: () => Promise.reject(new Error('audit log is down')),
    });
    const res = await router.call('freelancer', 'GET', '/financial-account?reveal=account_number');
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('internal_error');
    expect(JSON.stringify(res.body)).not.toContain(accountNumber);
    expect(JSON.stringify(res.body)).not.toContain('audit log is down');
  });
});
