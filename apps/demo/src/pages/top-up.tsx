import { LinkBankAccount, TopUp, TopUpHistory, TransferStatus } from '@purse/react';
import type { TransferFailureAction } from '@purse/core';
import { useState, type ReactNode } from 'react';
import type { DemoMessages } from '../messages.js';
import { navigate } from '../router.js';

/** Where the demo's "Contact support" goes: a host's own help desk in a real app. */
const SUPPORT_HREF = 'mailto:support@fieldwork.example';

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
          destinationName={t.walletName}
          linkSlot={<LinkBankAccount>{t.linkBank}</LinkBankAccount>}
          renderTracker={(topUp, { startOver }) => (
            <TransferStatus
              topUpId={topUp.id}
              initialTopUp={topUp}
              headingLevel={4}
              supportHref={SUPPORT_HREF}
              // A failure's way on leads back into the form, with the field to change focused.
              onFailureAction={(action: TransferFailureAction) => {
                if (action === 'try_smaller_amount') startOver({ focus: 'amount' });
                else if (action === 'choose_another_account') startOver({ focus: 'source' });
                else if (action === 'try_again') startOver();
                else if (action === 'link_account_again') navigate('/');
              }}
            />
          )}
        />
        <div className="demo-Stack">
          {selected ? (
            <TransferStatus
              key={selected}
              topUpId={selected}
              headingLevel={2}
              supportHref={SUPPORT_HREF}
            />
          ) : null}
          <TopUpHistory onSelect={(topUp) => setSelected(topUp.id)} headingLevel={2} />
        </div>
      </div>
    </div>
  );
}
