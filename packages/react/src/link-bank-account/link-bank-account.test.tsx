import { PurseError, type LinkedAccount } from '@purse/core';
import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { AccountList } from '../accounts/account-list.js';
import type { CollectAccountsResult, StripeLike } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureAccount, fixtureCreditAccount } from '../testing/fixtures.js';
import { LinkBankAccount } from './link-bank-account.js';

/** Stripe.js at the boundary: resolves what `collectFinancialConnectionsAccounts` would. */
function stubStripe(
  answer: (clientSecret: string) => CollectAccountsResult | Promise<CollectAccountsResult>,
): StripeLike & { collect: Mock<StripeLike['collectFinancialConnectionsAccounts']> } {
  const collect = vi.fn(({ clientSecret }: { clientSecret: string }) =>
    Promise.resolve(answer(clientSecret)),
  );
  return { collect, collectFinancialConnectionsAccounts: collect };
}

function linked(...accounts: LinkedAccount[]): (secret: string) => CollectAccountsResult {
  return () => ({
    financialConnectionsSession: {
      id: 'fcsess_fixture_1',
      accounts: accounts.map((a) => ({ id: a.id })),
    },
  });
}

function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations).toEqual([]);
}

describe('LinkBankAccount', () => {
  it('links accounts on click, announces them and hands onSuccess the server’s accounts', async () => {
    const user = userEvent.setup();
    const checking = fixtureAccount();
    const credit = fixtureCreditAccount();
    const client = createFixturePurseClient({ accounts: [checking, credit] });
    const stripe = stubStripe(linked(checking, credit));
    const onSuccess = vi.fn();
    const onEvent = vi.fn();
    render(
      <PurseProvider client={client} stripe={stripe}>
        <LinkBankAccount onSuccess={onSuccess} onEvent={onEvent} />
      </PurseProvider>,
    );

    // Nothing is asked of the server before the click.
    expect(client.calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Linked 2 accounts');
    expect(stripe.collect).toHaveBeenCalledWith({
      clientSecret: 'fcsess_client_secret_fixture_1',
    });
    expect(client.calls).toContainEqual(['completeLinkSession', 'fcsess_fixture_1']);
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess.mock.calls[0]?.[0]).toEqual([checking, credit]);
    expect(onEvent.mock.calls.map(([name]) => name)).toEqual([
      'session_created',
      'open',
      'completing',
      'success',
    ]);
    expect(screen.getByRole('button', { name: 'Link another account' })).toBeEnabled();
    expect(screen.getByRole('button').closest('.purse-LinkBankAccount')).toHaveAttribute(
      'data-state',
      'success',
    );
  });

  it('shows a just-linked account in a sibling account list at once', async () => {
    const user = userEvent.setup();
    const checking = fixtureAccount();
    const fixture = createFixturePurseClient({ accounts: [checking] });
    // The list was loaded before anything was linked.
    const client = { ...fixture, listAccounts: () => Promise.resolve({ data: [] }) };
    render(
      <PurseProvider client={client} stripe={stubStripe(linked(checking))}>
        <AccountList />
        <LinkBankAccount />
      </PurseProvider>,
    );
    expect(await screen.findByText('No bank accounts linked yet')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));

    const list = await screen.findByRole('list', { name: 'Linked bank accounts' });
    expect(
      within(list).getByRole('heading', { name: 'Everyday Checking ending in 6789' }),
    ).toBeInTheDocument();
    expect(within(list).getByText('$4,218.37')).toBeInTheDocument();
  });

  it('treats an empty account list as a cancel, not an error', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const onCancel = vi.fn();
    const onError = vi.fn();
    const onEvent = vi.fn();
    render(
      <PurseProvider client={client} stripe={stubStripe(linked())}>
        <LinkBankAccount onCancel={onCancel} onError={onError} onEvent={onEvent} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));

    expect(await screen.findByText('No accounts were linked.')).toBeInTheDocument();
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onError).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(client.calls.map(([method]) => method)).not.toContain('completeLinkSession');
    expect(onEvent.mock.calls.map(([name]) => name)).toEqual(['session_created', 'open', 'cancel']);
    expect(screen.getByRole('button', { name: 'Link a bank account' })).toBeEnabled();
  });

  it('explains an expired session from Stripe.js and starts a new one on retry', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    let attempt = 0;
    const stripe = stubStripe((): CollectAccountsResult => {
      attempt += 1;
      return attempt === 1
        ? {
            error: {
              type: 'invalid_request_error',
              code: 'session_expired',
              message: 'The Financial Connections Session has expired.',
            },
          }
        : linked(fixtureAccount())('');
    });
    const onError = vi.fn();
    const onProviderError = vi.fn();
    render(
      <PurseProvider client={client} stripe={stripe} onError={onProviderError}>
        <LinkBankAccount onError={onError} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This linking session expired or was already used. Try again to start a new one.',
    );
    expect(onError).toHaveBeenCalledTimes(1);
    const [error] = onError.mock.calls[0] as [PurseError];
    expect(error).toBeInstanceOf(PurseError);
    expect(error.code).toBe('link_session_unusable');
    expect(onProviderError).toHaveBeenCalledTimes(1);
    expect(onProviderError).toHaveBeenCalledWith(error, { source: 'LinkBankAccount' });

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText('Linked 1 account')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(client.calls.filter(([method]) => method === 'createLinkSession')).toHaveLength(2);
  });

  it('explains a server failure in the user’s language', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ fail: { createLinkSession: 'network_error' } });
    const stripe = stubStripe(linked());
    render(
      <PurseProvider client={client} stripe={stripe} locale="de">
        <LinkBankAccount />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Bankkonto verknüpfen' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    );
    expect(screen.getByRole('button', { name: 'Erneut versuchen' })).toBeInTheDocument();
    expect(stripe.collect).not.toHaveBeenCalled();
  });

  it('reports a failure to complete the session in French', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({
      accounts: [fixtureAccount()],
      fail: { completeLinkSession: 'stripe_unavailable' },
    });
    const onSuccess = vi.fn();
    render(
      <PurseProvider client={client} stripe={stubStripe(linked(fixtureAccount()))} locale="fr">
        <LinkBankAccount onSuccess={onSuccess} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Associer un compte bancaire' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Le service de connexion bancaire ne répond pas. Réessayez dans un instant.',
    );
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('opens one flow for a double click, and ignores clicks while the bank window is open', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const result = deferred<CollectAccountsResult>();
    const stripe = stubStripe(() => result.promise);
    const onSuccess = vi.fn();
    render(
      <PurseProvider client={client} stripe={stripe}>
        <LinkBankAccount onSuccess={onSuccess} />
      </PurseProvider>,
    );
    const button = screen.getByRole('button', { name: 'Link a bank account' });

    await user.dblClick(button);
    await screen.findByText('Waiting for your bank…');
    await user.click(button);

    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    expect(client.calls.filter(([method]) => method === 'createLinkSession')).toHaveLength(1);
    expect(stripe.collect).toHaveBeenCalledTimes(1);

    result.resolve(linked(fixtureAccount())(''));
    expect(await screen.findByText('Linked 1 account')).toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('notes an account that was already linked', async () => {
    const user = userEvent.setup();
    const again = fixtureAccount({ id: 'fca_linked_again' });
    const fixture = createFixturePurseClient({ accounts: [again] });
    const client = {
      ...fixture,
      listAccounts: () => Promise.resolve({ data: [fixtureAccount()] }),
    };
    const onSuccess = vi.fn();
    render(
      <PurseProvider client={client} stripe={stubStripe(linked(again))}>
        <LinkBankAccount onSuccess={onSuccess} />
      </PurseProvider>,
    );

    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      'Linked 1 account. Everyday Checking ••6789 was already linked.',
    );
    expect(onSuccess.mock.calls[0]?.[1]).toEqual({
      sessionId: 'fcsess_fixture_1',
      alreadyLinked: [again],
    });
  });

  it('tells the developer once when the provider has no Stripe, and disables the button', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = createFixturePurseClient();
    render(
      <PurseProvider client={client}>
        <LinkBankAccount />
        <LinkBankAccount />
      </PurseProvider>,
    );

    const buttons = screen.getAllByRole('button', { name: 'Bank linking is unavailable' });
    expect(buttons).toHaveLength(2);
    for (const button of buttons) expect(button).toBeDisabled();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toMatch(/needs Stripe\.js.*<PurseProvider>/);
    expect(client.calls).toEqual([]);
  });

  it('shows a loading state while the Stripe promise resolves', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const loading = deferred<StripeLike | null>();
    render(
      <PurseProvider client={client} stripe={loading.promise}>
        <LinkBankAccount />
      </PurseProvider>,
    );
    const button = screen.getByRole('button', { name: 'Preparing…' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(client.calls).toEqual([]);

    loading.resolve(stubStripe(linked(fixtureAccount())));

    const ready = await screen.findByRole('button', { name: 'Link a bank account' });
    expect(ready).not.toHaveAttribute('aria-disabled');
    await user.click(ready);
    expect(await screen.findByText('Linked 1 account')).toBeInTheDocument();
  });

  it('says so, instead of loading forever, when Stripe.js fails to load', async () => {
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const loading = deferred<StripeLike | null>();
    render(
      <PurseProvider client={client} stripe={loading.promise}>
        <LinkBankAccount />
      </PurseProvider>,
    );
    expect(screen.getByRole('button', { name: 'Preparing…' })).toBeInTheDocument();
    loading.reject(new Error('Failed to load Stripe.js'));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Preparing…' })).not.toBeInTheDocument();
    expect(client.calls).toEqual([]);
  });

  it('calls onSuccess once under StrictMode', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const onSuccess = vi.fn();
    render(
      <StrictMode>
        <PurseProvider client={client} stripe={stubStripe(linked(fixtureAccount()))}>
          <LinkBankAccount onSuccess={onSuccess} />
        </PurseProvider>
      </StrictMode>,
    );

    await user.click(screen.getByRole('button', { name: 'Link a bank account' }));

    expect(await screen.findByText('Linked 1 account')).toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(client.calls.filter(([method]) => method === 'createLinkSession')).toHaveLength(1);
  });

  it(
    'has no axe violations at rest, after success and after an error',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const client = createFixturePurseClient({
        accounts: [fixtureAccount()],
        fail: { completeLinkSession: 'internal_error' },
      });
      const { container } = render(
        <PurseProvider client={client} stripe={stubStripe(linked(fixtureAccount()))}>
          <LinkBankAccount />
        </PurseProvider>,
      );
      await expectNoAxeViolations(container);

      await user.click(screen.getByRole('button', { name: 'Link a bank account' }));
      await screen.findByRole('alert');
      await expectNoAxeViolations(container);
    },
  );

  it('forwards its ref and spreads HTML props on the root', () => {
    let root: HTMLDivElement | null = null;
    render(
      <PurseProvider client={createFixturePurseClient()} stripe={stubStripe(linked())}>
        <LinkBankAccount
          ref={(element) => {
            root = element;
          }}
          className="custom"
          data-testid="link"
        >
          Connect your bank
        </LinkBankAccount>
      </PurseProvider>,
    );
    const element = screen.getByTestId('link');
    expect(root).toBe(element);
    expect(element).toHaveClass('purse-LinkBankAccount', 'custom');
    expect(element).toHaveAttribute('data-state', 'idle');
    expect(screen.getByRole('button', { name: 'Connect your bank' })).toBeInTheDocument();
  });
});
