// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/index.js';
import { WalletActivity } from './wallet-activity.js';

describe('WalletActivity on the server', () => {
  it('renders its loading skeleton without touching window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient()} locale="fr">
        <WalletActivity />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('Activité');
    expect(html).toContain('Chargement…');
  });
});
