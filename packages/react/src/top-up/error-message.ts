import type { PurseError } from '@purse/core';
import type { CommonMessages } from '../i18n/catalog.js';
import { describeError } from '../i18n/use-messages.js';
import { TOP_UP_ERROR_CODES, type TopUpStepMessages } from './step-messages.js';

/** Words for a server error during a top-up: our own where we have them, else `describeError`. */
export function topUpErrorMessage(
  error: PurseError,
  m: TopUpStepMessages,
  common: CommonMessages,
): string {
  return (TOP_UP_ERROR_CODES as readonly string[]).includes(error.code)
    ? m.errors[error.code as (typeof TOP_UP_ERROR_CODES)[number]]
    : describeError(error, common);
}
