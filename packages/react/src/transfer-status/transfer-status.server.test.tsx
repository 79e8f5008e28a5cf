// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { TransferStatus } from './transfer-status.js';

describe('TransferStatus on the server', () => {
  it('renders a loading state without touching window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient({ topUps: [fixtureTopUp()] })}>
        <TransferStatus topUpId="ibt_fixture" />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Loading…');
  });

  it('renders a known top-up in full', () => {
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient()}>
        <TransferStatus
          topUpId="ibt_fixture"
          initialTopUp={fixtureTopUp({
            status: 'failed',
            cancelable: false,
            failure: { code: 'account_frozen', message: 'x' },
          })}
        />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="failed"');
    expect(html).toContain('$250.00');
    expect(html).toContain('Your bank has frozen the account this top-up came from.');
  });
});
