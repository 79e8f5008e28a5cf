// @vitest-environment node
import { aggregateSpending } from '@purse/core/spending';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import {
  createFixturePurseClient,
  FIXTURE_NOW,
  fixtureAccount,
  fixtureTransactions,
} from '../testing/index.js';
import { spendingBarsRequested } from './spending-bars-loader.js';
import { SpendingChart, SpendingView } from './spending-chart.js';
import { loadSpendingLive } from './spending-live-loader.js';
import type { SpendingData } from './use-spending.js';

function client() {
  return createFixturePurseClient({
    accounts: [fixtureAccount()],
    transactions: { fca_fixture_checking: fixtureTransactions() },
  });
}

describe('SpendingChart on the server', () => {
  it('renders the loading skeleton without a window and without asking for the chart code', () => {
    expect(typeof window).toBe('undefined');
    const fixture = client();
    const html = renderToString(
      <PurseProvider client={fixture}>
        <SpendingChart accountId="fca_fixture_checking" />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading…');
    // Effects do not run on the server: nothing was fetched.
    expect(fixture.calls).toEqual([]);
    expect(spendingBarsRequested()).toBe(false);
  });

  it('renders data as the table and a placeholder for the chart, never the chart itself', async () => {
    // A server that renders data loads the view's code first (`preloadSpendingChart()` does).
    await loadSpendingLive();
    const summary = aggregateSpending(fixtureTransactions(), {
      range: 90,
      bucket: 'month',
      now: FIXTURE_NOW,
    });
    const spending: SpendingData = {
      state: { status: 'ready', summary, loaded: 200, updating: false },
      range: 90,
      setRange: () => undefined,
      bucket: 'month',
      setBucket: () => undefined,
      includeInflow: false,
      setIncludeInflow: () => undefined,
      currency: 'usd',
      accountsWithoutPermission: [],
      retry: () => undefined,
    };
    const html = renderToString(
      <PurseProvider client={client()} locale="fr">
        <SpendingView spending={spending} />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="ready"');
    expect(html).toContain('<table>');
    expect(html).toContain('Dépenses par mois, 90 derniers jours');
    expect(html).toContain('data-slot="plot-loading"');
    expect(html).not.toContain('<svg');
    expect(spendingBarsRequested()).toBe(false);
  });
});
