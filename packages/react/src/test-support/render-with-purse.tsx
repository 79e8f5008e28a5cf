/**
 * Renders UI inside a `<PurseProvider>` for the component tests, and hands back the provider's
 * live-updates hub so a test can push server events the way the SSE stream would. Test-only:
 * excluded from the build.
 */
import type { LocaleInput } from '@purse/core';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { PurseClient } from '../client/purse-client.js';
import type { LiveUpdates } from '@purse/core';
import { usePurseContext } from '../provider/purse-context.js';
import { PurseProvider } from '../provider/purse-provider.js';

export function renderWithPurse(
  ui: ReactNode,
  client: PurseClient,
  locale: LocaleInput = 'en',
): ReturnType<typeof render> & { live: () => LiveUpdates } {
  let live: LiveUpdates | null = null;
  function CaptureLive(): null {
    live = usePurseContext('CaptureLive').live;
    return null;
  }
  const utils = render(
    <PurseProvider client={client} locale={locale}>
      <CaptureLive />
      {ui}
    </PurseProvider>,
  );
  return {
    ...utils,
    live: () => {
      if (!live) throw new Error('no provider');
      return live;
    },
  };
}
