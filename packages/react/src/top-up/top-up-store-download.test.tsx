import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixturePurseClient, fixtureSource } from '../testing/index.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { TopUp } from './top-up.js';

afterEach(() => {
  vi.doUnmock('@purse/core/top-up-form');
});

describe('TopUp’s store download', { timeout: 20_000 }, () => {
  it('shows a failed download as a network error with a Retry that downloads it again', async () => {
    // The chunk's download fails once (a flaky network), as a browser's import() rejects.
    vi.doMock('@purse/core/top-up-form', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithPurse(<TopUp />, createFixturePurseClient({ sources: [fixtureSource()] }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(alert).not.toHaveTextContent('Failed to fetch');
    expect(screen.queryByRole('group', { name: 'From' })).toBeNull();

    vi.doUnmock('@purse/core/top-up-form');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('group', { name: 'From' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    vi.mocked(console.error).mockRestore();
  });
});
