/**
 * The one door to `@purse/core/top-up-form` (the form's store, money parsing, the arrival date),
 * reached only by a dynamic `import()`: an app's first load holds `<TopUp>`'s card and
 * `useTopUp`'s bridge, and the store's code downloads when a form mounts (esbuild and Vite alike).
 */
// Types only (erased): the module itself is reached by `import()` alone.
import type * as TopUpForm from '@purse/core/top-up-form';

export type TopUpFormModule = typeof TopUpForm;

let loading: Promise<TopUpFormModule> | null = null;
let loaded: TopUpFormModule | null = null;

/** Starts (once) downloading the form's store; a failed download is asked for again next time. */
export function loadTopUpStore(): Promise<TopUpFormModule> {
  loading ??= import('@purse/core/top-up-form').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The store's code if it is already here (a second form, or preloaded), else null. */
export function loadedTopUpStore(): TopUpFormModule | null {
  return loaded;
}
