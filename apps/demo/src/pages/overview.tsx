import {
  BalanceCard,
  FinancialAccountCard,
  LinkBankAccount,
  useLinkedAccounts,
  WalletActivity,
} from '@purse/react';
import type { ReactNode } from 'react';
import type { DemoMessages } from '../messages.js';
import { navigate } from '../router.js';

export function OverviewPage({ t }: { t: DemoMessages }): ReactNode {
  const { state: linked } = useLinkedAccounts();
  const accounts =
    linked.status === 'ready' ? linked.accounts.filter((a) => a.status !== 'disconnected') : [];
  // The page's main action is the next useful step: link a bank first, then add money (from the
  // wallet itself); once linked, linking more becomes the secondary action.
  const hasAccounts = accounts.length > 0;
  return (
    <div className="demo-Page">
      <div className="demo-PageHeader">
        <div>
          <h1>{t.overviewTitle}</h1>
          <p className="demo-Lead">{t.overviewIntro}</p>
        </div>
        {hasAccounts ? (
          <LinkBankAccount variant="secondary">{t.linkAnother}</LinkBankAccount>
        ) : (
          <LinkBankAccount>{t.linkBank}</LinkBankAccount>
        )}
      </div>
      <section aria-label={t.wallet} className="demo-Section demo-Wallet">
        {/* The host names its wallet; "Add money" shows once there is a bank to take it from. */}
        <FinancialAccountCard
          headingLevel={2}
          name={t.walletName}
          onAddMoney={
            hasAccounts
              ? () => {
                  navigate('/top-up');
                }
              : undefined
          }
        />
        <WalletActivity headingLevel={3} pageSize={5} />
      </section>
      <section aria-labelledby="linked-title" className="demo-Section">
        <h2 id="linked-title">{t.linkedAccounts}</h2>
        {linked.status === 'loading' ? <p className="demo-Muted">{t.loading}</p> : null}
        {linked.status === 'ready' && accounts.length === 0 ? (
          <div className="demo-Empty">
            <p>{t.noLinkedAccounts}</p>
          </div>
        ) : null}
        <div className="demo-Grid">
          {accounts.map((account) => (
            <BalanceCard key={account.id} accountId={account.id} headingLevel={3} />
          ))}
        </div>
      </section>
    </div>
  );
}
