import { useEffect, useRef, type RefObject } from 'react';

export interface RetryFocus {
  /** For the heading shown once the content is back. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** For the "Try again" button, where focus goes if the retry fails too. */
  retryRef: RefObject<HTMLButtonElement | null>;
  /** Wraps `reload` for the retry button: reloads, and asks for focus once it has finished. */
  retry: (reload: () => void) => () => void;
}

/**
 * Keeps keyboard users in place across "Try again": the button they pressed is replaced by a
 * skeleton and then by the content (or the error again), so without this their focus would
 * fall back to the page. Once `status` leaves `loading`, focus goes to the heading, or to the
 * retry button when `status` is `error`. Only after a retry: never on first load.
 */
export function useRetryFocus(status: string): RetryFocus {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  const pending = useRef(false);

  useEffect(() => {
    if (!pending.current || status === 'loading') return;
    pending.current = false;
    if (status === 'error') retryRef.current?.focus();
    else headingRef.current?.focus();
  }, [status]);

  const retry = (reload: () => void) => (): void => {
    pending.current = true;
    reload();
  };
  return { headingRef, retryRef, retry };
}
