/**
 * The demo's overview page, as a host app writes it, in StrictMode: every view of the same
 * resource shares the provider's cache, so the page asks for each resource once.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useLinkedAccounts } from '../accounts/use-linked-accounts.js';
import { BalanceCard } from '../balance/balance-card.js';
import { FinancialAccountCard } from '../financial-account/financial-account-card.js';
import {
  createFixturePurseClient,
  fixtureAccount,
  fixtureFinancialAccount,
} from '../testing/index.js';
import { PurseProvider } from './purse-provider.js';

function Overview(): ReactNode {
  const { state } = useLinkedAccounts();
  return (
    <>
      <FinancialAccountCard />
      {state.accounts.map((account) => (
        <BalanceCard key={account.id} accountId={account.id} />
      ))}
    </>
  );
}

/** The demo's simulator panel reads the same list. */
function Simulator(): ReactNode {
  const { state } = useLinkedAccounts();
  return <p>{state.status === 'ready' ? `${String(state.accounts.length)} banks` : '…'}</p>;
}

describe('PurseProvider request sharing', () => {
  it('asks for the account list and the financial account once per page, and no account twice', async () => {
    const client = createFixturePurseClient({
      accounts: [fixtureAccount({ id: 'fca_a' }), fixtureAccount({ id: 'fca_b' })],
      financialAccount: fixtureFinancialAccount(),
    });
    render(
      <StrictMode>
        <PurseProvider client={client}>
          <Overview />
          <Simulator />
        </PurseProvider>
      </StrictMode>,
    );
    expect(await screen.findByText('2 banks')).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelectorAll('.purse-BalanceCard[data-state="ready"]')).toHaveLength(2),
    );
    await waitFor(() =>
      expect(document.querySelector('.purse-FinancialAccountCard')).toHaveAttribute(
        'data-state',
        'ready',
      ),
    );
    const count = (method: string): number =>
      client.calls.filter(([name]) => name === method).length;
    expect(count('listAccounts')).toBe(1);
    expect(count('getFinancialAccount')).toBe(1);
    // The balance cards read their accounts from the list: no request of their own.
    expect(count('getAccount')).toBe(0);
  });
});
