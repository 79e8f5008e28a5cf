// @vitest-environment node
import { aggregateSpending } from '@purse/core';
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
import { SpendingChart } from './spending-chart.js';
import { SpendingView } from './spending-view.js';
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

  it('renders data as the table and a placeholder for the chart, never the chart itself', () => {
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
