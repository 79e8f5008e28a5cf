import { LinkBankAccount, TopUp, TopUpHistory, TransferStatus } from '@purse/react';
import { useState, type ReactNode } from 'react';
import type { DemoMessages } from '../messages.js';

export function TopUpPage({ t }: { t: DemoMessages }): ReactNode {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="demo-Page">
      {/* No intro of the page's own: the form right below says what it does (one heading, one
          explanation, not two). */}
      <div className="demo-PageHeader">
        <h1>{t.topUpTitle}</h1>
      </div>
      <div className="demo-Columns">
        {/* With nothing linked, the form's empty state offers the link flow: no dead end. */}
        <TopUp
          linkSlot={<LinkBankAccount>{t.linkBank}</LinkBankAccount>}
          renderTracker={(topUp) => (
            <TransferStatus topUpId={topUp.id} initialTopUp={topUp} headingLevel={4} />
          )}
        />
        <div className="demo-Stack">
          {selected ? <TransferStatus key={selected} topUpId={selected} headingLevel={2} /> : null}
          <TopUpHistory onSelect={(topUp) => setSelected(topUp.id)} headingLevel={2} />
        </div>
      </div>
    </div>
  );
}
