/**
 * Request validation with zod. Bodies and queries are parsed against strict schemas (unknown
 * fields rejected), and zod's issues become Purse's 400s naming the parameter at fault.
 */
import { PurseError } from '@purse/core';
import type { z } from 'zod';
import { assertSafeValue } from './json-safety.js';

function paramName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Parses `input` with `schema`, or throws the PurseError for its first problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  assertSafeValue(input);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue)
    throw new PurseError({ code: 'parameter_invalid', message: 'The request is invalid.' });
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = paramName([...issue.path, key]);
    throw new PurseError({
      code: 'parameter_unknown',
      param,
      message: `Unknown parameter: ${param}.`,
    });
  }
  const param = paramName(issue.path);
  if (param === '') {
    // The body as a whole is wrong (an array, a string): there is no parameter to name.
    throw new PurseError({ code: 'body_invalid', message: 'The body must be a JSON object.' });
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    throw new PurseError({
      code: 'parameter_missing',
      param,
      message: `Missing required parameter: ${param}.`,
    });
  }
  throw new PurseError({
    code: 'parameter_invalid',
    param,
    message: `Invalid ${param}: ${issue.message}`,
  });
}

/** Checks that an id from a URL has the Stripe prefix expected there. */
export function assertIdPrefix(id: string, prefix: string, param = 'id'): void {
  if (!id.startsWith(prefix) || id.length > 255 || !/^[A-Za-z0-9_]+$/.test(id)) {
    throw new PurseError({
      code: 'parameter_invalid',
      param,
      message: `Invalid ${param}: expected an id starting with ${prefix}.`,
    });
  }
}
