import { useSyncExternalStore } from 'react';

const noSubscription = (): (() => void) => () => undefined;

/**
 * False on the server and while hydrating, true after: lazily loaded parts render only then, so
 * the server's markup (their placeholder) hydrates without a mismatch.
 */
export function useIsClient(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
