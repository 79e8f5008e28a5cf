import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixturePurseClient, fixtureSource } from '../testing/index.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { TopUp } from './top-up.js';

afterEach(() => {
  vi.doUnmock('@purse/core/top-up-form');
});

describe('TopUp’s lazily loaded store', { timeout: 20_000 }, () => {
  it('downloads the store and the sources at mount, in parallel, with one sources request', async () => {
    // The store's chunk arrives only when `release` is called (a slow network).
    let release = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    vi.doMock('@purse/core/top-up-form', async (importOriginal) => {
      await arrived;
      return importOriginal();
    });
    const client = createFixturePurseClient({ sources: [fixtureSource()] });
    const { container } = renderWithPurse(<TopUp />, client);
    const sourceCalls = (): number =>
      client.calls.filter(([method]) => method === 'listTopUpSources').length;

    // Before the store's code is here: the card, loading, and the sources already asked for.
    await vi.waitFor(() => expect(sourceCalls()).toBe(1));
    expect(container.querySelector('.purse-TopUp')).toHaveAttribute(
      'data-state',
      'loading-sources',
    );
    expect(screen.queryByRole('group', { name: 'From' })).toBeNull();

    await act(async () => {
      release();
      await arrived;
    });
    expect(await screen.findByRole('group', { name: 'From' })).toBeInTheDocument();
    // The store used the request already under way rather than asking again.
    expect(sourceCalls()).toBe(1);
  });

  it('is reached only through import(), so it stays out of the first load', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const staticImport =
      /^(?:import|export)(?!\s+type\b)[^;]*from\s*['"]@purse\/core\/top-up-form['"]/m;
    const files = readdirSync(dir).filter((file) => /\.tsx?$/.test(file) && !/\.test\./.test(file));
    for (const file of files)
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(staticImport);
    expect(readFileSync(join(dir, 'top-up-store-loader.ts'), 'utf8')).toContain(
      "import('@purse/core/top-up-form')",
    );
  });
});
