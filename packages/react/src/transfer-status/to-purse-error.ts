import { PurseError, isPurseError } from '@purse/core';

/** Any thrown value as a PurseError (a bug or an unexpected rejection becomes `internal_error`). */
export function toPurseError(error: unknown): PurseError {
  if (isPurseError(error)) return error;
  return new PurseError({
    code: 'internal_error',
    message: error instanceof Error ? error.message : 'Unexpected error.',
    cause: error,
  });
}
