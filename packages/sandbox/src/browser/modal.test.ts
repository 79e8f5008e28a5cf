// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import type Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../index.js';
import { createSandboxStripe, type SandboxStripe } from './index.js';

let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ speed: 0 });
});

afterAll(async () => {
  await sb.close();
});

afterEach(async () => {
  // A test that failed half way leaves its modal open: leave it, so the next test can open one.
  if (screen.queryByRole('dialog')) await userEvent.setup().keyboard('{Escape}');
  document.body.replaceChildren();
});

type SessionParams = Partial<Stripe.FinancialConnections.SessionCreateParams>;

async function newSession(
  params: SessionParams = {},
): Promise<{ id: string; clientSecret: string }> {
  const stripe = sb.stripe();
  const customer = await stripe.customers.create({ email: 'ada@example.com', name: 'Ada' });
  const session = await stripe.financialConnections.sessions.create({
    account_holder: { type: 'customer', customer: customer.id },
    permissions: ['balances', 'payment_method'],
    ...params,
  });
  if (!session.client_secret) throw new Error('the sandbox returned no client secret');
  return { id: session.id, clientSecret: session.client_secret };
}

/** The host app: a root with a button that starts the flow, focused like a user would. */
function renderApp(): { app: HTMLElement; trigger: HTMLButtonElement } {
  const app = document.createElement('div');
  app.id = 'app';
  const trigger = document.createElement('button');
  trigger.textContent = 'Link a bank';
  app.append(trigger);
  document.body.append(app);
  trigger.focus();
  return { app, trigger };
}

function sandboxStripe(options: { autoCloseMs?: number } = {}): SandboxStripe {
  return createSandboxStripe({ apiBase: sb.url, publishableKey: sb.publishableKey, ...options });
}

async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { name: 'Link a bank account' });
}

async function sessionAccounts(session: string): Promise<string[]> {
  const list = await sb.stripe().financialConnections.accounts.list({ session });
  return list.data.map((a) => a.id).sort();
}

describe('collectFinancialConnectionsAccounts', () => {
  it('links the chosen accounts and resolves with them once the modal closes', async () => {
    const user = userEvent.setup();
    const { app, trigger } = renderApp();
    const { id, clientSecret } = await newSession();
    const pending = sandboxStripe({ autoCloseMs: Infinity }).collectFinancialConnectionsAccounts({
      clientSecret,
    });

    const dialog = await openDialog();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByText('Sandbox')).toBeVisible();
    expect(app).toHaveAttribute('inert');
    expect(document.getElementById('purse-sandbox-stripe-styles')).not.toBeNull();

    // Step 1: banks, each with its note.
    expect(within(dialog).getByRole('heading', { name: 'Select your bank' })).toHaveFocus();
    const bank = within(dialog).getByRole('button', { name: /^StripeBank/ });
    // Named by what it shows (name, then note): no label-content mismatch.
    expect(bank).toHaveAccessibleName(
      `StripeBank ${bank.querySelector('.purse-sbx-note')?.textContent ?? ''}`,
    );
    expect(bank).toHaveAccessibleName(/A healthy bank/);
    expect(within(dialog).getByRole('button', { name: /^Thin Funds Credit Union/ })).toBeVisible();
    await user.click(bank);

    // Step 2: accounts, Continue disabled until one is chosen.
    expect(
      within(dialog).getByRole('heading', { name: 'Choose accounts at StripeBank' }),
    ).toHaveFocus();
    const cont = within(dialog).getByRole('button', { name: 'Continue' });
    expect(cont).toBeDisabled();
    const checking = within(dialog).getByRole('checkbox', {
      name: 'Everyday Checking Checking · ending in 6789',
    });
    await user.click(checking);
    expect(checking).toBeChecked();
    expect(cont).toBeEnabled();
    await user.click(within(dialog).getByRole('checkbox', { name: /High-Yield Savings/ }));
    await user.click(cont);

    // Step 3: consent, the session's permissions in plain words.
    const permissions = within(dialog).getByRole('list', { name: 'This app will be able to see:' });
    expect(
      within(permissions)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Account balances', 'Account and routing numbers, to move money']);
    expect(dialog).toHaveTextContent(
      'You are linking Everyday Checking (ending in 6789) and High-Yield Savings (ending in 4321) at StripeBank.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));

    // Step 4: done.
    await within(dialog).findByRole('heading', { name: 'Linked 2 accounts' });
    const done = within(dialog).getByRole('button', { name: 'Done' });
    expect(done).toHaveFocus();
    await user.click(done);

    const result = await pending;
    expect(result.error).toBeUndefined();
    const session = result.financialConnectionsSession;
    expect(session?.id).toBe(id);
    expect(session?.object).toBe('financial_connections.session');
    expect(Array.isArray(session?.accounts)).toBe(true);
    expect(session?.accounts.map((a) => a.display_name).sort()).toEqual([
      'Everyday Checking',
      'High-Yield Savings',
    ]);
    // What the sandbox recorded is what the browser was told.
    expect(await sessionAccounts(id)).toEqual(session?.accounts.map((a) => a.id).sort());

    expect(dialog).not.toBeInTheDocument();
    expect(app).not.toHaveAttribute('inert');
    expect(trigger).toHaveFocus();
  });

  it('closes by itself after the done step', async () => {
    const user = userEvent.setup();
    renderApp();
    const { clientSecret } = await newSession({ permissions: ['transactions', 'ownership'] });
    const pending = sandboxStripe({ autoCloseMs: 50 }).collectFinancialConnectionsAccounts({
      clientSecret,
    });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^Quiet Community Bank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Community Checking/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Transaction history', 'Account owner details']);
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));
    const result = await pending;
    expect(result.financialConnectionsSession?.accounts).toHaveLength(1);
    expect(dialog).not.toBeInTheDocument();
  });

  it('Escape leaves: empty accounts, and the used session then fails to launch', async () => {
    const user = userEvent.setup();
    const { app, trigger } = renderApp();
    const { id, clientSecret } = await newSession();
    const stripe = sandboxStripe();
    const pending = stripe.collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    await user.keyboard('{Escape}');

    const result = await pending;
    expect(result.error).toBeUndefined();
    expect(result.financialConnectionsSession).toMatchObject({ id, accounts: [] });
    expect(dialog).not.toBeInTheDocument();
    expect(app).not.toHaveAttribute('inert');
    expect(trigger).toHaveFocus();
    expect(await sessionAccounts(id)).toEqual([]);

    const again = await stripe.collectFinancialConnectionsAccounts({ clientSecret });
    expect(again.financialConnectionsSession).toBeUndefined();
    expect(again.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'session_already_used',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('the Close button leaves too, from any step', async () => {
    const user = userEvent.setup();
    renderApp();
    const { id, clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    const result = await pending;
    expect(result.financialConnectionsSession).toMatchObject({ id, accounts: [] });
    expect(await sessionAccounts(id)).toEqual([]);
  });

  it('the Cancel button on the consent step leaves without linking', async () => {
    const user = userEvent.setup();
    renderApp();
    const { id, clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const result = await pending;
    expect(result.financialConnectionsSession).toMatchObject({ id, accounts: [] });
    expect(await sessionAccounts(id)).toEqual([]);
  });

  it('shows accounts the session cannot link as disabled, with the reason', async () => {
    const user = userEvent.setup();
    renderApp();
    const { id, clientSecret } = await newSession({
      filters: { require_payment_method_support: 'all' },
    });
    const pending = sandboxStripe({ autoCloseMs: 0 }).collectFinancialConnectionsAccounts({
      clientSecret,
    });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));

    const card = within(dialog).getByRole('checkbox', { name: /Rewards Credit Card/ });
    expect(card).toBeDisabled();
    expect(card).toHaveAccessibleDescription(/Can’t be used for payments/);
    expect(within(dialog).getByText('Can’t be used for payments')).toBeVisible();
    await user.click(card);
    await user.click(within(dialog).getByText('Rewards Credit Card'));
    expect(card).not.toBeChecked();
    expect(within(dialog).getByRole('button', { name: 'Continue' })).toBeDisabled();

    // The eligible ones still link.
    await user.click(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(dialog).toHaveTextContent('You are linking Everyday Checking (ending in 6789)');
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));
    const result = await pending;
    expect(result.financialConnectionsSession?.accounts.map((a) => a.subcategory)).toEqual([
      'checking',
    ]);
    expect(await sessionAccounts(id)).toHaveLength(1);
  });

  it('keeps focus inside the dialog and returns it to the trigger', async () => {
    const user = userEvent.setup();
    const { trigger } = renderApp();
    const { clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    const close = within(dialog).getByRole('button', { name: 'Close' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const banks = within(dialog).getAllByRole('button').length;
    const seen = new Set<Element | null>();
    for (let i = 0; i < banks + 2; i += 1) {
      await user.tab();
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
      seen.add(document.activeElement);
    }
    // Every button was reached (close, the banks, cancel), and Tab wrapped around.
    expect(seen.size).toBe(banks);
    close.focus();
    await user.tab({ shift: true });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();

    // Focus that escapes (a click on the inert page behind) is brought back.
    trigger.focus();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    // Keyboard only: choose a bank, an account, and leave.
    await user.tab(); // from the heading to the first bank
    expect(within(dialog).getByRole('button', { name: /^StripeBank/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.tab();
    await user.keyboard(' ');
    expect(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ })).toBeChecked();
    await user.keyboard('{Escape}');
    await pending;
    expect(trigger).toHaveFocus();
  });

  it('goes Back from accounts to banks and keeps a choice made at the same bank', async () => {
    const user = userEvent.setup();
    renderApp();
    const { clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /High-Yield Savings/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByRole('checkbox', { name: /High-Yield Savings/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(within(dialog).getByRole('heading', { name: 'Select your bank' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: /^Thin Funds Credit Union/ }));
    expect(within(dialog).getByRole('button', { name: 'Continue' })).toBeDisabled();
    await user.keyboard('{Escape}');
    await pending;
  });

  it('shows a failed link inline and lets the user retry', async () => {
    const user = userEvent.setup();
    renderApp();
    // A session that allows one account: choosing two is refused by the sandbox.
    const { id, clientSecret } = await newSession({ limits: { accounts: 1 } });
    const pending = sandboxStripe({ autoCloseMs: 0 }).collectFinancialConnectionsAccounts({
      clientSecret,
    });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /High-Yield Savings/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Linking failed: This session allows at most 1 account(s).');
    const retry = within(dialog).getByRole('button', { name: 'Try again' });
    expect(retry).toHaveFocus();
    expect(await sessionAccounts(id)).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    await user.click(within(dialog).getByRole('checkbox', { name: /High-Yield Savings/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));
    const result = await pending;
    expect(result.financialConnectionsSession?.accounts.map((a) => a.display_name)).toEqual([
      'Everyday Checking',
    ]);
    expect(await sessionAccounts(id)).toHaveLength(1);
  });

  it('resolves { error } when the session expires while the modal is open', async () => {
    const user = userEvent.setup();
    renderApp();
    const { id, clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Everyday Checking/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    sb.clock.advance(3601);
    await user.click(within(dialog).getByRole('button', { name: 'Agree and link' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/expired/);
    expect(within(dialog).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    // The footer's Close (the header has one too): both end the flow the same way.
    const closes = within(dialog).getAllByRole('button', { name: 'Close' });
    expect(closes).toHaveLength(2);
    await user.click(closes[1] as HTMLElement);
    const result = await pending;
    expect(result.financialConnectionsSession).toBeUndefined();
    expect(result.error).toMatchObject({ code: 'session_expired' });
    expect(await sessionAccounts(id)).toEqual([]);
  });

  it('does not open a second dialog while one is open or loading', async () => {
    renderApp();
    const { clientSecret } = await newSession();
    const other = await newSession();
    const stripe = sandboxStripe();

    // Two calls in the same tick: the second does not wait for the first to load.
    const first = stripe.collectFinancialConnectionsAccounts({ clientSecret });
    const racing = await stripe.collectFinancialConnectionsAccounts({
      clientSecret: other.clientSecret,
    });
    expect(racing.error).toMatchObject({ code: 'sandbox_flow_in_progress' });

    await openDialog();
    // Another stand-in in the same document is refused too.
    const second = await sandboxStripe().collectFinancialConnectionsAccounts({
      clientSecret: other.clientSecret,
    });
    expect(second.financialConnectionsSession).toBeUndefined();
    expect(second.error?.message).toMatch(/already open/);
    expect(screen.getAllByRole('dialog')).toHaveLength(1);

    await userEvent.setup().keyboard('{Escape}');
    expect((await first).financialConnectionsSession?.accounts).toEqual([]);
    // The refused calls did not touch the other session: it still launches.
    const later = sandboxStripe().collectFinancialConnectionsAccounts({
      clientSecret: other.clientSecret,
    });
    await openDialog();
    await userEvent.setup().keyboard('{Escape}');
    expect((await later).error).toBeUndefined();
  });

  it('resolves { error } and opens nothing for an unknown client secret', async () => {
    renderApp();
    const result = await sandboxStripe().collectFinancialConnectionsAccounts({
      clientSecret: 'fcsess_client_secret_nope',
    });
    expect(result.financialConnectionsSession).toBeUndefined();
    expect(result.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'resource_missing',
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(document.getElementById('app')).not.toHaveAttribute('inert');
  });

  it('resolves { error } when the sandbox cannot be reached or the key is wrong', async () => {
    renderApp();
    const { clientSecret } = await newSession();
    const unreachable = await createSandboxStripe({
      apiBase: 'http://127.0.0.1:9',
      publishableKey: sb.publishableKey,
    }).collectFinancialConnectionsAccounts({ clientSecret });
    expect(unreachable.error).toMatchObject({ type: 'api_connection_error' });

    const wrongKey = await createSandboxStripe({
      apiBase: sb.url,
      publishableKey: 'pk_test_not_the_sandbox',
    }).collectFinancialConnectionsAccounts({ clientSecret });
    expect(wrongKey.error?.message).toMatch(/Invalid API Key/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    // Neither attempt used the session.
    const stillOpen = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    await openDialog();
    await userEvent.setup().keyboard('{Escape}');
    expect((await stillOpen).error).toBeUndefined();
  });

  it('rejects a call without a client secret, as Stripe.js throws', async () => {
    await expect(
      sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret: '' }),
    ).rejects.toThrow(/clientSecret/);
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
  });

  it('leaves inert attributes the app set itself alone', async () => {
    const user = userEvent.setup();
    const { app } = renderApp();
    const drawer = document.createElement('div');
    drawer.setAttribute('inert', '');
    document.body.append(drawer);
    const { clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    await openDialog();
    // A toast the app shows while the modal is open is inert too.
    const toast = document.createElement('div');
    document.body.append(toast);
    await waitFor(() => {
      expect(toast).toHaveAttribute('inert');
    });
    await user.keyboard('{Escape}');
    await pending;
    expect(app).not.toHaveAttribute('inert');
    expect(toast).not.toHaveAttribute('inert');
    expect(drawer).toHaveAttribute('inert');
  });

  it('treats the app removing the modal as leaving, so the next call can open one', async () => {
    renderApp();
    const { id, clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    await openDialog();
    document.body.replaceChildren();
    expect((await pending).financialConnectionsSession).toMatchObject({ id, accounts: [] });

    const next = await newSession();
    const again = sandboxStripe().collectFinancialConnectionsAccounts({
      clientSecret: next.clientSecret,
    });
    await openDialog();
    await userEvent.setup().keyboard('{Escape}');
    expect((await again).error).toBeUndefined();
  });
  it('puts Close first in tab order, as it is first to the eye', async () => {
    renderApp();
    const { clientSecret } = await newSession();
    const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await openDialog();
    const controls = Array.from(dialog.querySelectorAll('button'));
    expect(controls[0]).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await userEvent.setup().keyboard('{Escape}');
    await pending;
  });

  it('speaks the page’s language, in plain words without developer text', async () => {
    const user = userEvent.setup();
    renderApp();
    document.documentElement.lang = 'de';
    try {
      const { clientSecret } = await newSession();
      const pending = sandboxStripe().collectFinancialConnectionsAccounts({ clientSecret });
      const dialog = await screen.findByRole('dialog', { name: 'Bankkonto verknüpfen' });
      expect(within(dialog).getByRole('heading', { name: 'Wählen Sie Ihre Bank' })).toHaveFocus();
      expect(within(dialog).getByRole('button', { name: 'Schließen' })).toBeVisible();
      // "Down Bank (Unscheduled)" and "insufficient_funds" are for developers, not customers.
      expect(dialog).not.toHaveTextContent(/Unscheduled|insufficient_funds|`/);
      expect(within(dialog).getByRole('button', { name: /^Down Bank Offline/ })).toBeVisible();
      await user.click(within(dialog).getByRole('button', { name: /^StripeBank/ }));
      expect(
        within(dialog).getByRole('heading', { name: 'Konten bei StripeBank wählen' }),
      ).toHaveFocus();
      expect(dialog).not.toHaveTextContent(/`used`/);
      expect(
        within(dialog).getByRole('checkbox', { name: /Girokonto · endet auf 6789/ }),
      ).toBeVisible();
      await user.keyboard('{Escape}');
      await pending;
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('takes the locale option over the page’s language', async () => {
    renderApp();
    const { clientSecret } = await newSession();
    const pending = createSandboxStripe({
      apiBase: sb.url,
      publishableKey: sb.publishableKey,
      locale: 'fr',
    }).collectFinancialConnectionsAccounts({ clientSecret });
    const dialog = await screen.findByRole('dialog', { name: 'Associer un compte bancaire' });
    expect(within(dialog).getByText('Étape 1 sur 3')).toBeVisible();
    await userEvent.setup().keyboard('{Escape}');
    await pending;
  });
});
