import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeInSandbox, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('linking a bank account', () => {
  it('creates a session on the caller’s connected account with the server’s permissions', async () => {
    const res = await h.call('new_user', 'POST', '/link-sessions');
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^fcsess_/);
    expect(res.body.clientSecret).toMatch(/^fcsess_client_secret_/);
    const session = await h.stripe.financialConnections.sessions.retrieve(
      res.body.id as string,
      {},
      { stripeAccount: h.personas.new_user.accountId },
    );
    expect(session.account_holder).toEqual({
      type: 'account',
      account: h.personas.new_user.accountId,
    });
    expect(session.permissions.sort()).toEqual(['balances', 'payment_method', 'transactions']);
    expect(session.prefetch?.sort()).toEqual(['balances', 'transactions']);
  });

  it('ignores anything the browser sends: a body naming permissions is refused', async () => {
    const res = await h.call('new_user', 'POST', '/link-sessions', {
      body: { permissions: ['ownership'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'parameter_unknown', param: 'permissions' });
  });

  it('completes: returns the linked accounts and turns the cash ones into top-up sources with a mandate', async () => {
    const account = h.personas.new_user.accountId;
    const created = await h.call('new_user', 'POST', '/link-sessions');
    await completeInSandbox(h, account, created.body.id as string, 'fcinst_stripebank', [
      'checking',
      'credit_card',
    ]);
    const res = await h.call(
      'new_user',
      'POST',
      `/link-sessions/${String(created.body.id)}/complete`,
      {
        headers: { 'user-agent': 'PurseTest/1.0' },
      },
    );
    expect(res.status).toBe(200);
    const accounts = res.body.accounts as {
      id: string;
      displayName: string;
      canFundTopUps: boolean;
    }[];
    expect(accounts.map((a) => a.displayName).sort()).toEqual([
      'Everyday Checking',
      'Rewards Credit Card',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/account_number|acct_/);
    expect(res.body.topUpSources).toHaveLength(1);

    const pm = await h.stripe.paymentMethods.retrieve(
      res.body.topUpSources[0] as string,
      {},
      { stripeAccount: account },
    );
    const checking = accounts.find((a) => a.displayName === 'Everyday Checking');
    expect(pm.us_bank_account?.financial_connections_account).toBe(checking?.id);
    const intents = await h.stripe.setupIntents.list(
      { payment_method: pm.id },
      { stripeAccount: account },
    );
    const intent = intents.data[0];
    expect(intent?.attach_to_self).toBe(true);
    expect(intent?.flow_directions).toEqual(['inbound']);
    const mandate = await h.stripe.setupIntents.retrieve(
      intent?.id ?? '',
      { expand: ['mandate'] },
      { stripeAccount: account },
    );
    const online =
      typeof mandate.mandate === 'object' ? mandate.mandate?.customer_acceptance.online : undefined;
    expect(online?.user_agent).toBe('PurseTest/1.0');
    expect(online?.ip_address).toBe('127.0.0.1');
  });

  it('linking the same bank account twice creates no duplicate account or source', async () => {
    const account = h.personas.new_user.accountId;
    const first = await h.call('new_user', 'GET', '/top-up-sources');
    const again = await h.call('new_user', 'POST', '/link-sessions');
    await completeInSandbox(h, account, again.body.id as string, 'fcinst_stripebank', ['checking']);
    const res = await h.call(
      'new_user',
      'POST',
      `/link-sessions/${String(again.body.id)}/complete`,
    );
    expect(res.status).toBe(200);
    const sources = await h.call('new_user', 'GET', '/top-up-sources');
    expect(sources.body.data).toHaveLength((first.body.data as unknown[]).length);
    const listed = await h.call('new_user', 'GET', '/accounts');
    const checkings = (listed.body.data as { displayName: string }[]).filter(
      (a) => a.displayName === 'Everyday Checking',
    );
    expect(checkings).toHaveLength(1);
  });

  it('a user who left the modal gets an empty list, not an error', async () => {
    const created = await h.call('new_user', 'POST', '/link-sessions');
    await completeInSandbox(
      h,
      h.personas.new_user.accountId,
      created.body.id as string,
      'fcinst_stripebank',
      [],
    );
    const res = await h.call(
      'new_user',
      'POST',
      `/link-sessions/${String(created.body.id)}/complete`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accounts: [], topUpSources: [] });
  });

  it('another user’s session is a 404', async () => {
    const created = await h.call('new_user', 'POST', '/link-sessions');
    const res = await h.call(
      'freelancer',
      'POST',
      `/link-sessions/${String(created.body.id)}/complete`,
    );
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('resource_missing');
  });
});
