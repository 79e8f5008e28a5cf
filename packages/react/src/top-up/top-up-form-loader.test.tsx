import { readFileSync } from 'node:fs';
import { screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFixturePurseClient, fixtureSource } from '../testing/index.js';
import { renderWithPurse } from '../test-support/render-with-purse.js';
import { TopUp } from './top-up.js';

const read = (file: string): string => readFileSync(new URL(file, import.meta.url), 'utf8');

afterEach(() => {
  vi.doUnmock('./top-up-form.js');
});

describe('TopUp’s lazily loaded form', { timeout: 20_000 }, () => {
  it('shows a failed download as an error with a Retry that downloads the form again', async () => {
    // The chunk's download fails once (a flaky network), as a browser's import() rejects.
    vi.doMock('./top-up-form.js', () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithPurse(<TopUp />, createFixturePurseClient({ sources: [fixtureSource()] }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(screen.queryByRole('group', { name: 'From' })).toBeNull();

    vi.doUnmock('./top-up-form.js');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('group', { name: 'From' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Amount/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    vi.mocked(console.error).mockRestore();
  });

  it('is reached only through the loader’s import(), and imports nothing the first load has', () => {
    for (const file of ['top-up.tsx', 'index.ts', 'use-top-up.ts', 'prop-getters.ts']) {
      expect(read(file), file).not.toMatch(/^import(?!\s+type)[^;]*['"]\.\/top-up-form\.js['"]/m);
    }
    expect(read('top-up-form-loader.tsx')).toContain("import('./top-up-form.js')");
    // Its run-time imports (not `import type`): only its own helpers, which nothing else imports.
    const runtimeImports = [
      ...read('top-up-form.tsx').matchAll(/^import(?!\s+type)[^;]*from\s*['"]([^'"]+)['"]/gm),
    ].map((match) => match[1]);
    expect(runtimeImports.sort()).toEqual(['./currency-affix.js', './form-messages.js']);
    for (const file of [
      'top-up.tsx',
      'index.ts',
      'use-top-up.ts',
      'prop-getters.ts',
      'messages.ts',
    ])
      expect(read(file), file).not.toMatch(
        /^import(?!\s+type)[^;]*['"]\.\/(currency-affix|form-messages)\.js['"]/m,
      );
  });
});
