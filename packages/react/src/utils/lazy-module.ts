/**
 * One door to a lazily loaded module (`import()` alone reaches it, so it stays out of an app's
 * first load): downloaded once, kept once here (a later view has it on its first render), and
 * asked for again after a failed download (a flaky network) rather than failing for good.
 */
export interface LazyModule<M> {
  /** Starts (once) downloading the module; resolves with it. */
  load: () => Promise<M>;
  /** The module if it is already here, else null. */
  loaded: () => M | null;
}

export function lazyModule<M>(download: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | null = null;
  let module: M | null = null;
  return {
    load: () => {
      loading ??= download().then(
        (next) => {
          module = next;
          return next;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => module,
  };
}
