import { TOP_UP_FAILURE_INFO, type TopUpFailureCode } from '@purse/core';

/** The safe English message for a failed top-up (UIs translate by `code`). */
export function failureMessage(code: TopUpFailureCode): string {
  return TOP_UP_FAILURE_INFO[code].message;
}
