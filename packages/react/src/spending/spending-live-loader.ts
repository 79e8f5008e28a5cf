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

type SpendingLiveModule = typeof SpendingLive;

let loading: Promise<SpendingLiveModule> | null = null;
let loaded: SpendingLiveModule | null = null;

/** Starts (once) downloading the live spending code; resolves with its module. */
export function loadSpendingLive(): Promise<SpendingLiveModule> {
  loading ??= import('./spending-live.js').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      // A failed download is tried again by the next view that mounts.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The live spending code once downloaded, else null (and the download starts after mounting).
 * Already loaded (preloaded on the server, or by an earlier view), it is there on the first
 * render: a server that awaits `preloadSpendingChart()` renders the data, not a placeholder.
 */
export function useSpendingLive(): SpendingLiveModule | null {
  const [module, setModule] = useState(loaded);
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
