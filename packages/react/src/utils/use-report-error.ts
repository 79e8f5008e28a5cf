import type { PurseError } from '@purse/core';
import { useEffect } from 'react';
import type { PurseContextValue } from '../provider/purse-context.js';

// A shared store hands the same error object to every view of it: tell `onError` once.
const reported = new WeakSet<PurseError>();

/** Reports `error` to the provider's `onError` once, however many views or renders show it. */
export function useReportError(
  ctx: Pick<PurseContextValue, 'reportError'>,
  error: PurseError | null | undefined,
  source: string,
): void {
  const { reportError } = ctx;
  useEffect(() => {
    if (!error || reported.has(error)) return;
    reported.add(error);
    reportError(error, source);
  }, [error, reportError, source]);
}
