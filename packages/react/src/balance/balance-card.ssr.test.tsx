// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { FIXTURE_NOW, createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureAccount } from '../testing/fixtures.js';
import { BalanceCard } from './balance-card.js';

describe('BalanceCard on the server', () => {
  it('renders a skeleton without a window', () => {
    expect(typeof window).toBe('undefined');
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const html = renderToString(
      <PurseProvider client={client}>
        <BalanceCard accountId="fca_fixture_checking" />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-busy="true"');
    // Effects do not run on the server: nothing was fetched.
    expect(client.calls).toEqual([]);
  });

  it('renders the whole card from an account it is given', () => {
    const account = fixtureAccount({
      balanceRefresh: {
        status: 'succeeded',
        lastAttemptedAt: FIXTURE_NOW,
        nextRefreshAvailableAt: FIXTURE_NOW + 42,
      },
    });
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient({ accounts: [account] })} locale="de">
        <BalanceCard accountId={account.id} initialAccount={account} />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="ready"');
    expect(html).toMatch(/4\.218,37\s\$/);
    expect(html).toContain('Aktualisierung möglich in 0:42');
    expect(html).toContain('dateTime="2026-03-10T14:58:00.000Z"');
  });
});
