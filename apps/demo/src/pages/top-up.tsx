import { TopUp, TopUpHistory, TransferStatus } from '@purse/react';
import { useState, type ReactNode } from 'react';
import type { DemoMessages } from '../messages.js';

export function TopUpPage({ t }: { t: DemoMessages }): ReactNode {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="demo-Page">
      <div className="demo-PageHeader">
        <div>
          <h1>{t.topUpTitle}</h1>
          <p className="demo-Lead">{t.topUpIntro}</p>
        </div>
      </div>
      <div className="demo-Columns">
        <TopUp />
        <div className="demo-Stack">
          {selected ? (
            <section aria-labelledby="selected-title" className="demo-Section">
              <h2 id="selected-title">{t.selectedTransfer}</h2>
              <TransferStatus key={selected} topUpId={selected} />
            </section>
          ) : null}
          <section aria-labelledby="history-title" className="demo-Section">
            <h2 id="history-title">{t.history}</h2>
            <TopUpHistory onSelect={(topUp) => setSelected(topUp.id)} />
          </section>
        </div>
      </div>
    </div>
  );
}
