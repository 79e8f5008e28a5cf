/**
 * The one door to the live spending code (`spending-live.tsx`: the store and rules from
 * `@purse/core/spending`, and the view). Only a dynamic `import()` reaches it, so an app's
 * first load holds `<SpendingChart>`'s placeholder card and nothing more (esbuild and Vite
 * alike); the chunk is fetched when a chart or `useSpending` first mounts in the browser, or
 * earlier with `preloadSpendingChart()`.
 */
import { useEffect, useState } from 'react';
// A type only (erased): the module itself is reached by `import()` alone.
import type * as SpendingLive from './spending-live.js';
import { lazyModule } from '../utils/lazy-module.js';

type SpendingLiveModule = typeof SpendingLive;

const code = lazyModule<SpendingLiveModule>(() => import('./spending-live.js'));

/** Starts (once) downloading the live spending code; resolves with its module. */
export const loadSpendingLive: () => Promise<SpendingLiveModule> = code.load;

/**
 * The live spending code once downloaded, else null (and the download starts after mounting).
 * Already loaded (preloaded on the server, or by an earlier view), it is there on the first
 * render: a server that awaits `preloadSpendingChart()` renders the data, not a placeholder.
 */
export function useSpendingLive(): SpendingLiveModule | null {
  const [module, setModule] = useState(code.loaded);
  useEffect(() => {
    if (module) return;
    let active = true;
    loadSpendingLive().then(
      (next) => {
        if (active) setModule(next);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, [module]);
  return module;
}
