/**
 * Views a team builds itself from the hooks' prop getters get what the styled cards get: ids
 * that tie controls to their notices, busy and invalid states, focus, and live regions.
 */
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useLinkedAccounts } from '../accounts/use-linked-accounts.js';
import { useFinancialAccount } from '../financial-account/use-financial-account.js';
import { useLinkBankAccount } from '../link-bank-account/use-link-bank-account.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { FIXTURE_NOW, createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureAccount, fixtureFinancialAccount } from '../testing/fixtures.js';
import { useBalance } from './use-balance.js';

function CustomBalance({ accountId }: { accountId: string }): ReactNode {
  const balance = useBalance({ accountId });
  const { state } = balance;
  if (state.status !== 'ready') return null;
  return (
    <section aria-labelledby={balance.ids.heading}>
      <h3 id={balance.ids.heading}>{state.account.displayName}</h3>
      {state.refresh.status === 'failed' ? (
        <p id={balance.ids.notice}>The bank did not answer</p>
      ) : null}
      <button {...balance.getRefreshButtonProps()}>Refresh</button>
      <p {...balance.getLiveRegionProps()}>{balance.outcome ?? ''}</p>
    </section>
  );
}

function CustomRename(): ReactNode {
  const wallet = useFinancialAccount();
  if (wallet.state.status !== 'ready') return null;
  if (!wallet.editing) return <button {...wallet.getRenameButtonProps()}>Rename</button>;
  return (
    <form {...wallet.getRenameFormProps()}>
      <label htmlFor={wallet.ids.nickname}>Name</label>
      <input {...wallet.getNicknameInputProps()} />
      {wallet.renameState.status === 'invalid' ? <p id={wallet.ids.error}>Too short</p> : null}
      <p id={wallet.ids.hint}>Your name for it</p>
      <button {...wallet.getSaveButtonProps()}>Save</button>
    </form>
  );
}

function CustomLinkedList(): ReactNode {
  const linked = useLinkedAccounts();
  return (
    <ul {...linked.getListProps()} aria-label="Banks">
      {linked.state.accounts.map((account) => (
        <li key={account.id}>{account.displayName}</li>
      ))}
    </ul>
  );
}

function CustomLinkButton(): ReactNode {
  const link = useLinkBankAccount();
  return <button {...link.getButtonProps()}>Link</button>;
}

describe('custom views from the hooks’ prop getters', () => {
  it('useBalance: the refresh button is described by the failure and busy once pressed', async () => {
    const user = userEvent.setup();
    const account = fixtureAccount({
      balanceRefresh: {
        status: 'failed',
        lastAttemptedAt: FIXTURE_NOW - 120,
        nextRefreshAvailableAt: null,
      },
    });
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [account], refreshMs: 60_000 })}>
        <CustomBalance accountId={account.id} />
      </PurseProvider>,
    );
    const button = await screen.findByRole('button', { name: 'Refresh' });
    expect(button).toHaveAccessibleDescription('The bank did not answer');
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('region', { name: 'Everyday Checking' })).toBeInTheDocument();

    await user.click(button);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).not.toHaveAttribute('aria-describedby');
    expect(screen.getByRole('status')).toHaveAttribute('aria-atomic', 'true');
  });

  it('useFinancialAccount: the rename flow focuses, limits, describes errors and cancels', async () => {
    const user = userEvent.setup();
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    render(
      <PurseProvider client={client}>
        <CustomRename />
      </PurseProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Rename' }));
    const field = screen.getByRole('textbox', { name: 'Name' });
    expect(field).toHaveFocus();
    expect(field).toHaveValue('Maya’s Purse');
    expect(field).toHaveAttribute('maxLength', '249');
    expect(field).toHaveAccessibleDescription('Your name for it');

    await user.clear(field);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription('Too short Your name for it');
    expect(field).toHaveFocus();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename' })).toHaveFocus();
    expect(client.calls.map(([method]) => method)).not.toContain('renameFinancialAccount');
  });

  it('useLinkedAccounts: the list keeps its role and is busy while it loads', async () => {
    render(
      <PurseProvider client={createFixturePurseClient({ accounts: [fixtureAccount()] })}>
        <CustomLinkedList />
      </PurseProvider>,
    );
    const list = screen.getByRole('list', { name: 'Banks' });
    expect(list).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('Everyday Checking')).toBeInTheDocument();
    expect(list).not.toHaveAttribute('aria-busy');
  });

  it('useLinkBankAccount: without Stripe the button is disabled', () => {
    // The hook tells the developer once that the provider has no Stripe.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <PurseProvider client={createFixturePurseClient({})}>
        <CustomLinkButton />
      </PurseProvider>,
    );
    expect(screen.getByRole('button', { name: 'Link' })).toBeDisabled();
  });
});
