// @vitest-environment node
/**
 * React compatibility, server side: with no `window` or `document` at all (modules are evaluated
 * without them too, as on a server), the provider and every component render to a string.
 */
import { version } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  COMPONENTS,
  expectedMajor,
  exportedComponents,
  inProvider,
  watchConsoleErrors,
} from './react-compat-cases.js';

const consoleErrors = watchConsoleErrors();

describe(`server rendering with React ${expectedMajor}`, () => {
  it(`runs React ${expectedMajor} without a DOM`, () => {
    expect(version.split('.')[0]).toBe(String(expectedMajor));
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('covers every exported component', () => {
    expect(exportedComponents(), 'add the missing components to COMPONENTS').toEqual(
      COMPONENTS.map((c) => c.name).sort(),
    );
  });

  it.each(COMPONENTS)('$name renders to a string', (component) => {
    const html = renderToString(inProvider(component));
    expect(html).toContain('class="purse-Root"');
    expect(consoleErrors()).toEqual([]);
  });
});
