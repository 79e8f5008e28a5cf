// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient, fixtureSource } from '../testing/index.js';
import { TopUp } from './top-up.js';

describe('TopUp on the server', () => {
  it('renders its loading state without touching window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient({ sources: [fixtureSource()] })} locale="de">
        <TopUp allowSameDay />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading-sources"');
    expect(html).toContain('Geld einzahlen');
    expect(html).toContain('aria-busy="true"');
  });
});
