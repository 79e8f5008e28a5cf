/**
 * LinkBankAccount against the real sandbox: the sandbox's Stripe.js stand-in opens its modal, and
 * a small server stand-in (stripe-node pointed at the sandbox) creates and completes sessions.
 */
import { PurseError, type LinkedAccount } from '@purse/core';
import { startSandbox, type Sandbox } from '@purse/sandbox';
import { createSandboxStripe } from '@purse/sandbox/browser';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { LinkBankAccount } from './link-bank-account.js';

type FcAccount = Awaited<
  ReturnType<ReturnType<Sandbox['stripe']>['financialConnections']['accounts']['list']>
>['data'][number];

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0 });
});

afterAll(async () => {
  await sb.close();
});

/** What @purse/server's view of an account keeps, enough for this test. */
function linkedAccountOf(account: FcAccount): LinkedAccount {
  return {
    id: account.id,
    institution: account.institution_name,
    displayName: account.display_name,
    last4: account.last4,
    category: account.category as LinkedAccount['category'],
    subcategory: account.subcategory as LinkedAccount['subcategory'],
    status: account.status as LinkedAccount['status'],
    permissions: (account.permissions ?? []).filter(
      (p): p is LinkedAccount['permissions'][number] => p !== 'account_numbers',
    ),
    subscriptions: [],
    balance: null,
    balanceRefresh: null,
    transactionRefresh: null,
    canFundTopUps: account.category === 'cash',
    created: account.created,
  };
}

/** A server stand-in: the two link routes, through stripe-node against the sandbox. */
function sandboxServer(): PurseClient {
  const stripe = sb.stripe();
  const notInThisTest = (): Promise<never> =>
    Promise.reject(new PurseError({ code: 'internal_error', message: 'Not used in this test.' }));
  return {
    async createLinkSession() {
      const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada' });
      const session = await stripe.financialConnections.sessions.create({
        account_holder: { type: 'customer', customer: customer.id },
        permissions: ['balances', 'payment_method'],
      });
      if (!session.client_secret) throw new Error('the sandbox returned no client secret');
      return { id: session.id, clientSecret: session.client_secret };
    },
    async completeLinkSession(id) {
      const accounts = await stripe.financialConnections.accounts.list({ session: id });
      return { accounts: accounts.data.map(linkedAccountOf), topUpSources: [] };
    },
    listAccounts: () => Promise.resolve({ data: [] }),
    getAccount: notInThisTest,
    refreshBalance: notInThisTest,
    listTransactions: notInThisTest,
    refreshTransactions: notInThisTest,
    setTransactionsSubscription: notInThisTest,
    disconnectAccount: notInThisTest,
    getFinancialAccount: notInThisTest,
    renameFinancialAccount: notInThisTest,
    listTopUpSources: notInThisTest,
    createTopUp: notInThisTest,
    listTopUps: notInThisTest,
    getTopUp: notInThisTest,
    cancelTopUp: notInThisTest,
    eventsUrl: () => null,
    now: () => Math.floor(Date.now() / 1000),
  };
}

// Real HTTP and a real modal: slower than the fixture tests, so a roomier timeout.
describe('LinkBankAccount with the sandbox’s Stripe.js stand-in', { timeout: 30_000 }, () => {
  it('links the accounts chosen in the sandbox modal', async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const stripe = createSandboxStripe({
      apiBase: sb.url,
      publishableKey: sb.publishableKey,
      autoCloseMs: Infinity,
    });
    render(
      <PurseProvider client={sandboxServer()} stripe={stripe}>
        <LinkBankAccount onSuccess={onSuccess} />
      </PurseProvider>,
    );
    const button = screen.getByRole('button', { name: 'Link a bank account' });

    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Link a bank account' });
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /High-Yield Savings/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Done' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Linked 2 accounts');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    const [accounts] = onSuccess.mock.calls[0] as [LinkedAccount[]];
    expect(accounts.map((a) => a.displayName).sort()).toEqual([
      'Everyday Checking',
      'High-Yield Savings',
    ]);
    expect(accounts.every((a) => a.id.startsWith('fca_'))).toBe(true);
    // Focus came back to the button (it stayed focusable while the flow ran).
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Link another account' })).toHaveFocus();
  });

  it('reports leaving the sandbox modal as a cancel', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const onError = vi.fn();
    const stripe = createSandboxStripe({ apiBase: sb.url, publishableKey: sb.publishableKey });
    render(
      <PurseProvider client={sandboxServer()} stripe={stripe}>
        <LinkBankAccount onCancel={onCancel} onError={onError} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));
    await screen.findByRole('dialog', { name: 'Link a bank account' });
    await user.keyboard('{Escape}');

    expect(await screen.findByText('No accounts were linked.')).toBeInTheDocument();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
  });
});
