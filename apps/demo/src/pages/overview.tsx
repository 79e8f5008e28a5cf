import {
  BalanceCard,
  FinancialAccountCard,
  LinkBankAccount,
  useLinkedAccounts,
} from '@purse/react';
import type { ReactNode } from 'react';
import type { DemoMessages } from '../messages.js';

export function OverviewPage({ t }: { t: DemoMessages }): ReactNode {
  const { state: linked } = useLinkedAccounts();
  const accounts =
    linked.status === 'ready' ? linked.accounts.filter((a) => a.status !== 'disconnected') : [];
  return (
    <div className="demo-Page">
      <div className="demo-PageHeader">
        <div>
          <h1>{t.overviewTitle}</h1>
          <p className="demo-Lead">{t.overviewIntro}</p>
        </div>
        <LinkBankAccount>{t.linkBank}</LinkBankAccount>
      </div>
      <FinancialAccountCard />
      <section aria-labelledby="linked-title" className="demo-Section">
        <h2 id="linked-title">{t.linkedAccounts}</h2>
        {linked.status === 'loading' ? <p className="demo-Muted">{t.loading}</p> : null}
        {linked.status === 'ready' && accounts.length === 0 ? (
          <p className="demo-Empty">{t.noLinkedAccounts}</p>
        ) : null}
        <div className="demo-Grid">
          {accounts.map((account) => (
            <BalanceCard key={account.id} accountId={account.id} />
          ))}
        </div>
      </section>
    </div>
  );
}
