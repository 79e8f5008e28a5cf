/** Helpers for the transfer views' tests (not exported from the package). */
import type { TopUp } from '@purse/core';
import { createFixturePurseClient, type FixturePurseClient } from '../testing/index.js';

/** A fixture client whose `getTopUp` answers with whatever `views.current` is when asked. */
export function clientServing(views: { current: TopUp }): FixturePurseClient {
  const base = createFixturePurseClient({ topUps: [views.current] });
  return {
    ...base,
    getTopUp: (id) => {
      base.calls.push(['getTopUp', id]);
      return Promise.resolve(structuredClone(views.current));
    },
  };
}
