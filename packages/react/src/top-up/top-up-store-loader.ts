/**
 * The one door to `@purse/core/top-up-form` (the form's store, money parsing, the arrival date),
 * reached only by a dynamic `import()`: an app's first load holds `<TopUp>`'s card and
 * `useTopUp`'s bridge, and the store's code downloads when a form mounts (esbuild and Vite alike).
 */
// Types only (erased): the module itself is reached by `import()` alone.
import type * as TopUpForm from '@purse/core/top-up-form';
import { lazyModule } from '../utils/lazy-module.js';

export type TopUpFormModule = typeof TopUpForm;

/** `load()` starts (once) downloading the store's code; `loaded()` is it if already here. */
export const topUpStoreCode = lazyModule<TopUpFormModule>(() => import('@purse/core/top-up-form'));
