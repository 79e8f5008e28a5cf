import { LinkBankAccount, SpendingChart, useLinkedAccounts } from '@purse/react';
import { useState, type ReactNode } from 'react';
import type { DemoMessages } from '../messages.js';

export function SpendingPage({ t }: { t: DemoMessages }): ReactNode {
  const { state: linked } = useLinkedAccounts();
  const accounts =
    linked.status === 'ready'
      ? linked.accounts.filter(
          (a) => a.status !== 'disconnected' && a.permissions.includes('transactions'),
        )
      : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const accountId =
    chosen ?? accounts.find((a) => a.subcategory === 'checking')?.id ?? accounts[0]?.id ?? null;
  return (
    <div className="demo-Page">
      <div className="demo-PageHeader">
        <div>
          <h1>{t.spendingTitle}</h1>
          <p className="demo-Lead">{t.spendingIntro}</p>
        </div>
        {accounts.length > 1 ? (
          <label className="demo-Select">
            <span>{t.account}</span>
            <select value={accountId ?? ''} onChange={(e) => setChosen(e.target.value)}>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.displayName ?? a.institution} ••{a.last4}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {linked.status === 'loading' ? <p className="demo-Muted">{t.loading}</p> : null}
      {linked.status === 'ready' && !accountId ? (
        <div className="demo-Empty">
          <p>{t.noSpendingAccounts}</p>
          <LinkBankAccount>{t.linkBank}</LinkBankAccount>
        </div>
      ) : null}
      {accountId ? (
        <SpendingChart
          key={accountId}
          accountId={accountId}
          // Pending elsewhere is said on the card, and picking another account asks nothing.
          otherAccountIds={accounts.map((a) => a.id)}
          headingLevel={2}
        />
      ) : null}
    </div>
  );
}
