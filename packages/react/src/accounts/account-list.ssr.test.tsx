// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/fixture-client.js';
import { fixtureAccount } from '../testing/fixtures.js';
import { AccountList } from './account-list.js';

describe('AccountList on the server', () => {
  it('renders its loading state without a window or a request', () => {
    expect(typeof window).toBe('undefined');
    const client = createFixturePurseClient({ accounts: [fixtureAccount()] });
    const html = renderToString(
      <PurseProvider client={client}>
        <AccountList />
      </PurseProvider>,
    );
    expect(html).toContain('purse-AccountList');
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-busy="true"');
    expect(client.calls).toEqual([]);
  });
});
