// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureFinancialAccount } from '../testing/fixtures.js';
import { FinancialAccountCard } from './financial-account-card.js';

describe('FinancialAccountCard on the server', () => {
  it('renders a skeleton without a window or a request', () => {
    expect(typeof window).toBe('undefined');
    const client = createFixturePurseClient({ financialAccount: fixtureFinancialAccount() });
    const html = renderToString(
      <PurseProvider client={client}>
        <FinancialAccountCard />
      </PurseProvider>,
    );
    expect(html).toContain('purse-FinancialAccountCard');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Loading…');
    expect(client.calls).toEqual([]);
  });
});
