// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { TopUpHistory } from './top-up-history.js';

describe('TopUpHistory on the server', () => {
  it('renders its loading skeleton without touching window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient({ topUps: [fixtureTopUp()] })} locale="fr">
        <TopUpHistory showStatusFilter onSelect={() => undefined} />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Rechargements');
    expect(html).toContain('Chargement…');
  });
});
