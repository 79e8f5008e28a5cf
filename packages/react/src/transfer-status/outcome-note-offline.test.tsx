import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { createFixturePurseClient, fixtureTopUp } from '../testing/index.js';
import { TransferStatus } from './transfer-status.js';

// The failure note's code cannot be downloaded (offline, a deploy removed the chunk).
vi.mock('./outcome-note.js', () => {
  throw new Error('Failed to fetch dynamically imported module');
});

describe('TransferStatus when the failure note cannot be downloaded', () => {
  it('still says the top-up failed and why, in the server’s words, and keeps the card', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = createFixturePurseClient({
      topUps: [
        fixtureTopUp({
          status: 'failed',
          cancelable: false,
          failure: { code: 'insufficient_funds', message: 'Not enough money (server copy).' },
        }),
      ],
    });
    renderWithPurse(<TransferStatus topUpId="ibt_fixture" />, client);
    const card = screen.getByRole('group', { name: 'Top-up' });
    await waitFor(() => expect(card).toHaveTextContent('Not enough money (server copy).'));
    expect(card).toHaveAttribute('data-state', 'failed');
    expect(card).toHaveTextContent('This top-up failed');
    expect(screen.getByRole('list', { name: 'Progress' })).toBeInTheDocument();
  });
});
