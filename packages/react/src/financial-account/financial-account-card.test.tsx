import { PurseError } from '@purse/core';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureFinancialAccount } from '../testing/fixtures.js';
import { FinancialAccountCard } from './financial-account-card.js';
import { MAX_NICKNAME_LENGTH, validateNickname } from './use-financial-account.js';

async function expectNoAxeViolations(container: HTMLElement): Promise<void> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations).toEqual([]);
}

let live: LiveUpdates | undefined;
function CaptureLive(): null {
  live = usePurseContext('CaptureLive').live;
  return null;
}

afterEach(() => {
  live = undefined;
});

describe('FinancialAccountCard', () => {
  it('shows the balance, nickname, account and routing numbers', async () => {
    render(
      <PurseProvider
        client={createFixturePurseClient({ financialAccount: fixtureFinancialAccount() })}
      >
        <FinancialAccountCard />
      </PurseProvider>,
    );

    const group = await screen.findByRole('group', { name: 'Maya’s Purse' });
    expect(group).toHaveAttribute('data-state', 'ready');
    expect(group).toHaveAttribute('data-details', 'active');
    expect(within(group).getByText('Balance').nextElementSibling).toHaveTextContent('$1,250.00');
    expect(within(group).getByText('Account number').nextElementSibling).toHaveTextContent(
      'ending in 8912',
    );
    expect(within(group).getByText('Routing number').nextElementSibling).toHaveTextContent(
      '101019644',
    );
    expect(within(group).getByText('Stripe Sandbox Bank')).toBeInTheDocument();
    // Nothing pending: no pending rows.
    expect(within(group).queryByText('Outgoing (pending)')).not.toBeInTheDocument();
    expect(within(group).queryByText('Incoming (pending)')).not.toBeInTheDocument();
  });

  it('takes the host’s name for the wallet, and is called “Wallet” without name or nickname', async () => {
    const client = createFixturePurseClient({
      financialAccount: fixtureFinancialAccount({ nickname: null }),
    });
    const { rerender } = render(
      <PurseProvider client={client} locale="de">
        <FinancialAccountCard />
      </PurseProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Geldbörse' })).toBeInTheDocument();

    rerender(
      <PurseProvider client={client} locale="de">
        <FinancialAccountCard name="Fieldwork Wallet" />
      </PurseProvider>,
    );
    expect(screen.getByRole('group', { name: 'Fieldwork Wallet' })).toBeInTheDocument();
    // The host names it: the user does not rename it here.
    expect(screen.queryByRole('button', { name: 'Umbenennen' })).not.toBeInTheDocument();
  });

  it('offers “Add money” when the host passes onAddMoney', async () => {
    const user = userEvent.setup();
    const onAddMoney = vi.fn();
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    const { rerender } = render(
      <PurseProvider client={client}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    await screen.findByRole('group', { name: 'Maya’s Purse' });
    expect(screen.queryByRole('button', { name: 'Add money' })).not.toBeInTheDocument();

    rerender(
      <PurseProvider client={client}>
        <FinancialAccountCard onAddMoney={onAddMoney} />
      </PurseProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Add money' }));
    expect(onAddMoney).toHaveBeenCalledWith(expect.objectContaining({ nickname: 'Maya’s Purse' }));
  });

  it('shows pending amounts when there are some', async () => {
    const financialAccount = fixtureFinancialAccount({
      balance: { currency: 'usd', cash: 1_250_00, inboundPending: 75_00, outboundPending: 300_00 },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ financialAccount })}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    expect((await screen.findByText('Outgoing (pending)')).nextElementSibling).toHaveTextContent(
      '$300.00',
    );
    expect(screen.getByText('Incoming (pending)').nextElementSibling).toHaveTextContent('$75.00');
  });

  it('says the account details are being set up while the ABA address is pending', async () => {
    const financialAccount = fixtureFinancialAccount({
      address: null,
      features: {
        active: ['inbound_transfers.ach'],
        pending: ['financial_addresses.aba'],
        restricted: [],
      },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ financialAccount })}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    expect(
      await screen.findByText(
        'Account details are being set up. They usually appear within a few minutes.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText('Routing number')).not.toBeInTheDocument();
    expect(screen.getByRole('group')).toHaveAttribute('data-details', 'pending');
  });

  it('says there is no account yet when the server has none', async () => {
    const onError = vi.fn();
    render(
      <PurseProvider
        client={createFixturePurseClient({ financialAccount: null })}
        onError={onError}
      >
        <FinancialAccountCard />
      </PurseProvider>,
    );
    const group = await screen.findByRole('group', { name: 'No account yet' });
    expect(group).toHaveAttribute('data-state', 'missing');
    expect(group).toHaveTextContent('Your account will appear here as soon as it’s opened.');
    expect(onError).not.toHaveBeenCalled();
  });

  it('shows an error with a retry that focuses the loaded card', async () => {
    const user = userEvent.setup();
    const fixture = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    let attempts = 0;
    const client: PurseClient = {
      ...fixture,
      getFinancialAccount: (options) => {
        attempts += 1;
        return attempts === 1
          ? Promise.reject(new PurseError({ code: 'stripe_unavailable', message: 'Down.' }))
          : fixture.getFinancialAccount(options);
      },
    };
    const onError = vi.fn();
    render(
      <PurseProvider client={client} onError={onError}>
        <FinancialAccountCard />
      </PurseProvider>,
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Something went wrong on our side. Please try again.',
    );
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[1]).toEqual({ source: 'FinancialAccountCard' });

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Maya’s Purse' })).toHaveFocus();
  });

  it('shows a skeleton while loading', () => {
    const { container } = render(
      <PurseProvider client={createFixturePurseClient({ hang: ['getFinancialAccount'] })}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    const root = container.querySelector('.purse-FinancialAccountCard');
    expect(root).toHaveAttribute('data-state', 'loading');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(root).toHaveTextContent('Loading…');
  });

  it('updates from a live financial_account.updated event', async () => {
    render(
      <PurseProvider
        client={createFixturePurseClient({ financialAccount: fixtureFinancialAccount() })}
      >
        <CaptureLive />
        <FinancialAccountCard />
      </PurseProvider>,
    );
    await screen.findByText('$1,250.00');
    act(() => {
      live?.emit({
        type: 'financial_account.updated',
        data: fixtureFinancialAccount({
          balance: { currency: 'usd', cash: 1_500_00, inboundPending: 0, outboundPending: 0 },
        }),
      });
    });
    expect(screen.getByText('$1,500.00')).toBeInTheDocument();
  });

  it('formats money in the provider’s locale', async () => {
    render(
      <PurseProvider
        client={createFixturePurseClient({ financialAccount: fixtureFinancialAccount() })}
        locale="de"
      >
        <FinancialAccountCard />
      </PurseProvider>,
    );
    expect((await screen.findByText('Kontostand')).nextElementSibling?.textContent).toMatch(
      /^1\.250,00\s\$$/,
    );
    expect(screen.getByRole('button', { name: 'Umbenennen' })).toBeInTheDocument();
  });
});

describe('FinancialAccountCard rename', () => {
  it('validates on the field without asking the server', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    render(
      <PurseProvider client={client}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Account nickname' });
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Maya’s Purse');

    await user.clear(field);
    await user.type(field, '   ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      'Enter a name for this account. Up to 249 characters.',
    );
    expect(field).toHaveFocus();

    await user.clear(field);
    expect(field).not.toHaveAttribute('aria-invalid');
    // The field holds at most the core rule's length; a longer value set by script still fails.
    expect(field).toHaveAttribute('maxLength', String(MAX_NICKNAME_LENGTH));
    await user.click(field);
    await user.paste('x'.repeat(250));
    expect(field).toHaveValue('x'.repeat(249));
    fireEvent.change(field, { target: { value: 'x'.repeat(250) } });
    await user.keyboard('{Enter}');

    expect(screen.getByRole('alert')).toHaveTextContent(
      'Use at most 249 characters (this name has 250).',
    );
    expect(client.calls.map(([method]) => method)).not.toContain('renameFinancialAccount');
  });

  it('saves a trimmed nickname, announces it and returns focus to Rename', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    const onRename = vi.fn();
    render(
      <PurseProvider client={client}>
        <FinancialAccountCard onRename={onRename} />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Account nickname' });
    await user.clear(field);
    await user.type(field, '  Rainy day fund  ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('heading', { name: 'Rainy day fund' })).toBeVisible();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Account renamed to Rainy day fund');
    expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus();
    expect(client.calls).toContainEqual(['renameFinancialAccount', 'Rainy day fund']);
    expect(onRename).toHaveBeenCalledWith(expect.objectContaining({ nickname: 'Rainy day fund' }));
  });

  it('shows a refusal from the server on the field', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({
      financialAccount: fixtureFinancialAccount(),
      fail: { renameFinancialAccount: 'parameter_invalid' },
    });
    render(
      <PurseProvider client={client} locale="fr">
        <FinancialAccountCard />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Renommer' }));
    const field = screen.getByRole('textbox', { name: 'Nom du compte' });
    await user.clear(field);
    await user.type(field, 'Vacances{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Ce nom ne peut pas être utilisé. Essayez-en un autre.',
    );
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
  });

  it('cancels with Escape, keeping the old name', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    render(
      <PurseProvider client={client}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    await user.type(screen.getByRole('textbox', { name: 'Account nickname' }), ' 2{Escape}');

    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Maya’s Purse' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus();
    expect(client.calls.map(([method]) => method)).not.toContain('renameFinancialAccount');
  });

  it('validates nicknames as the server does', () => {
    expect(validateNickname('')).toBe('empty');
    expect(validateNickname('  \n ')).toBe('empty');
    expect(validateNickname('x'.repeat(249))).toBeNull();
    expect(validateNickname(` ${'x'.repeat(249)} `)).toBeNull();
    expect(validateNickname('x'.repeat(250))).toBe('too_long');
  });
});

describe('FinancialAccountCard integration', () => {
  it('renames under StrictMode', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    render(
      <StrictMode>
        <PurseProvider client={client}>
          <FinancialAccountCard />
        </PurseProvider>
      </StrictMode>,
    );
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Account nickname' });
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Savings pot{Enter}');
    expect(await screen.findByRole('heading', { name: 'Savings pot' })).toBeInTheDocument();
    expect(client.calls.filter(([method]) => method === 'renameFinancialAccount')).toHaveLength(1);
  });

  it('forwards its ref, spreads HTML props and uses the heading level asked for', async () => {
    let root: HTMLDivElement | null = null;
    render(
      <PurseProvider
        client={createFixturePurseClient({ financialAccount: fixtureFinancialAccount() })}
      >
        <FinancialAccountCard
          headingLevel={2}
          className="custom"
          data-testid="fa"
          ref={(element) => {
            root = element;
          }}
        />
      </PurseProvider>,
    );
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Maya’s Purse' }),
    ).toBeInTheDocument();
    expect(root).toBe(screen.getByTestId('fa'));
    expect(screen.getByTestId('fa')).toHaveClass(
      'purse-Card',
      'purse-FinancialAccountCard',
      'custom',
    );
  });

  it(
    'has no axe violations when ready, renaming with an error, missing and failed',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const { container, unmount } = render(
        <PurseProvider
          client={createFixturePurseClient({ financialAccount: fixtureFinancialAccount() })}
        >
          <FinancialAccountCard />
        </PurseProvider>,
      );
      await screen.findByRole('button', { name: 'Rename' });
      await expectNoAxeViolations(container);
      await user.click(screen.getByRole('button', { name: 'Rename' }));
      await user.clear(screen.getByRole('textbox', { name: 'Account nickname' }));
      await user.click(screen.getByRole('button', { name: 'Save' }));
      await screen.findByRole('alert');
      await expectNoAxeViolations(container);
      unmount();

      const other = render(
        <PurseProvider client={createFixturePurseClient({ financialAccount: null })}>
          <FinancialAccountCard />
          <PurseProvider
            client={createFixturePurseClient({ fail: { getFinancialAccount: 'network_error' } })}
          >
            <FinancialAccountCard />
          </PurseProvider>
        </PurseProvider>,
      );
      await screen.findByRole('alert');
      await screen.findByText('No account yet');
      await expectNoAxeViolations(other.container);
    },
  );
});
