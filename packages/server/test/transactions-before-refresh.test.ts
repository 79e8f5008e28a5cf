/**
 * Transactions right after linking. Stripe refuses to list an account's transactions until a
 * transaction refresh has succeeded (`financial_connections_no_successful_transaction_refresh`)
 * and refuses accounts linked without the `transactions` permission; the sandbox does both.
 * The router must not assume a list works right after linking: before the first successful
 * refresh the caller gets an empty page (the account's `transactionRefresh` says why), and an
 * account without the permission gets `permission_missing`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeInSandbox, startHarness, type Caller, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** Links one account at `institution` for the new user through `call`'s router; its id. */
async function linkForNewUser(
  call: Caller,
  institution: string,
  bankAccount = 'checking',
): Promise<string> {
  const session = await call('new_user', 'POST', '/link-sessions');
  expect(session.status).toBe(201);
  const sessionId = session.body.id as string;
  await completeInSandbox(h, h.personas.new_user.accountId, sessionId, institution, [bankAccount]);
  const done = await call('new_user', 'POST', `/link-sessions/${sessionId}/complete`);
  expect(done.status).toBe(200);
  const [account] = done.body.accounts as { id: string }[];
  if (!account) throw new Error('nothing linked');
  return account.id;
}

const EMPTY_PAGE = { data: [], hasMore: false, nextCursor: null };

describe('listing transactions before the first successful refresh', () => {
  it('answers an empty page while the prefetched refresh is pending, then the transactions', async () => {
    const id = await linkForNewUser(h.call, 'fcinst_stripebank');
    // What the router relies on: the sandbox, like Stripe, refuses the list at this point.
    const refused = await h.stripe.financialConnections.transactions
      .list({ account: id }, { stripeAccount: h.personas.new_user.accountId })
      .then(
        () => null,
        (error: unknown) => (error as { code?: string }).code,
      );
    expect(refused).toBe('financial_connections_no_successful_transaction_refresh');

    const early = await h.call('new_user', 'GET', `/accounts/${id}/transactions`);
    expect(early.status).toBe(200);
    expect(early.body).toEqual(EMPTY_PAGE);
    const view = await h.call('new_user', 'GET', `/accounts/${id}`);
    expect(view.body).toMatchObject({ transactionRefresh: { status: 'pending' } });

    h.sb.clock.advance(5);
    const later = await h.call('new_user', 'GET', `/accounts/${id}/transactions`);
    expect(later.status).toBe(200);
    expect((later.body.data as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers an empty page when the first refresh failed, and the view says it failed', async () => {
    const id = await linkForNewUser(h.call, 'fcinst_downbank');
    h.sb.clock.advance(5);
    const view = await h.call('new_user', 'GET', `/accounts/${id}`);
    expect(view.body).toMatchObject({ transactionRefresh: { status: 'failed' } });
    const page = await h.call('new_user', 'GET', `/accounts/${id}/transactions`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual(EMPTY_PAGE);
  });

  it('refuses with permission_missing for an account linked without the transactions permission', async () => {
    const balancesOnly = await h.addRouter({
      permissions: ['balances', 'payment_method'],
      prefetch: ['balances'],
    });
    // Another account than the tests above link: relinking an account keeps its permissions.
    const id = await linkForNewUser(balancesOnly.call, 'fcinst_stripebank', 'savings');
    h.sb.clock.advance(5);
    const res = await h.call('new_user', 'GET', `/accounts/${id}/transactions`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'permission_missing' } });
  });
});
