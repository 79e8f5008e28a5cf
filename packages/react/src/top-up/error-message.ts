import type { PurseError } from '@purse/core';
import { TOP_UP_ERROR_CODES, type TopUpStepMessages } from './step-messages.js';

/**
 * Words for a server error during a top-up: our own where we have them, else `fallback`'s (the
 * provider's `describeError`; passed in so the lazy steps import nothing the first load has).
 */
export function topUpErrorMessage(
  error: PurseError,
  m: TopUpStepMessages,
  fallback: (error: PurseError) => string,
): string {
  return (TOP_UP_ERROR_CODES as readonly string[]).includes(error.code)
    ? m.errors[error.code as (typeof TOP_UP_ERROR_CODES)[number]]
    : fallback(error);
}
