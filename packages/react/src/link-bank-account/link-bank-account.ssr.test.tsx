// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { StripeLike } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';
import { createFixturePurseClient } from '../testing/fixture-client.js';
import { LinkBankAccount } from './link-bank-account.js';

const stripe: StripeLike = {
  collectFinancialConnectionsAccounts: () =>
    Promise.resolve({ financialConnectionsSession: { id: 'fcsess_1', accounts: [] } }),
};

describe('LinkBankAccount on the server', () => {
  it('renders without a window', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient()} stripe={stripe}>
        <LinkBankAccount />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="idle"');
    expect(html).toContain('Link a bank account');
  });

  it('renders a loading button while the Stripe promise is pending, asking nothing of the server', () => {
    const client = createFixturePurseClient();
    const html = renderToString(
      <PurseProvider client={client} stripe={new Promise<StripeLike>(() => undefined)}>
        <LinkBankAccount />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="loading"');
    expect(html).toContain('aria-disabled="true"');
    expect(client.calls).toEqual([]);
  });

  it('renders the unavailable button without Stripe (logging only in the browser)', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const html = renderToString(
      <PurseProvider client={createFixturePurseClient()} stripe={null}>
        <LinkBankAccount />
      </PurseProvider>,
    );
    expect(html).toContain('data-state="unavailable"');
    expect(html).toContain('Bank linking is unavailable');
    expect(consoleError).not.toHaveBeenCalled();
  });
});
