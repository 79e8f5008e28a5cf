/**
 * React compatibility, client side: the provider and every component hydrate the server's markup
 * without mismatches and render with the client renderer in StrictMode, without React warnings,
 * under React 19 (`react` project) and React 18.3 (`react18` project). The server side is in
 * `react-compat.server.test.tsx`; the list of components in `react-compat-cases.tsx`.
 */
import { act, render } from '@testing-library/react';
import { StrictMode, version } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
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

/** Lets fixture answers (promises and zero-delay timers) land and their renders commit. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  }
}

describe(`client rendering with React ${expectedMajor}`, () => {
  it(`runs React ${expectedMajor}`, () => {
    expect(version.split('.')[0]).toBe(String(expectedMajor));
  });

  it('covers every exported component', () => {
    expect(exportedComponents(), 'add the missing components to COMPONENTS').toEqual(
      COMPONENTS.map((c) => c.name).sort(),
    );
  });

  describe.each(COMPONENTS)('$name', (component) => {
    it('hydrates the server markup without mismatches', async () => {
      // Server rendering itself is checked (without a DOM) in react-compat.server.test.tsx; here
      // it only makes the markup, so what it logs under jsdom is not this test's business.
      const container = document.createElement('div');
      container.innerHTML = renderToString(inProvider(component));
      document.body.append(container);
      const before = consoleErrors().length;
      const recoverable: unknown[] = [];
      let root: Root | undefined;
      // An async callback keeps React's act environment on until the first commits are done.
      // eslint-disable-next-line @typescript-eslint/require-await
      await act(async () => {
        root = hydrateRoot(container, inProvider(component), {
          onRecoverableError: (error) => recoverable.push(error),
        });
      });
      await settle();
      expect(recoverable).toEqual([]);
      expect(consoleErrors().slice(before)).toEqual([]);
      act(() => {
        root?.unmount();
      });
      container.remove();
    });

    it('renders on the client in StrictMode', async () => {
      const { container, unmount } = render(<StrictMode>{inProvider(component)}</StrictMode>);
      await settle();
      expect(container.querySelector('.purse-Root')).not.toBeNull();
      expect(consoleErrors()).toEqual([]);
      unmount();
    });

    if (component.forwardsRef) {
      // React 19 passes `ref` to function components as a prop; React 18 drops it (with a
      // warning) unless the component is wrapped in `forwardRef`.
      it('forwards a ref to its root element', async () => {
        const seen: { node: HTMLElement | null } = { node: null };
        const { container, unmount } = render(
          inProvider(component, (node) => {
            seen.node = node;
          }),
        );
        await settle();
        expect(
          seen.node,
          'the ref reaches an element (React 18 passes refs only through forwardRef)',
        ).toBeInstanceOf(HTMLElement);
        expect(container.querySelector('.purse-Root')?.contains(seen.node)).toBe(true);
        expect(consoleErrors()).toEqual([]);
        unmount();
      });
    }
  });
});
