import type { TopUpFailureCode } from '@purse/core';
import { TOP_UP_FAILURE_INFO } from '@purse/core/failure-info';

/** The safe English message for a failed top-up (UIs translate by `code`). */
export function failureMessage(code: TopUpFailureCode): string {
  return TOP_UP_FAILURE_INFO[code].message;
}
