/**
 * What each operation accepts, as strict zod schemas: unknown fields, wrong types, polluting
 * keys, lone surrogates, control and bidi characters in free text are 400s naming the
 * parameter. Operations parse their own input with these, so the Express router, the
 * web-standard handler and a direct call get the same guarantees from one path.
 */
import { PurseError } from '@purse/core';
import { z } from 'zod';
import { parseInput } from '../http/validate.js';
import {
  DESCRIPTION_MAX_LENGTH,
  EVENT_ID_MAX_LENGTH,
  FORBIDDEN_TEXT_CHARACTERS,
  NICKNAME_MAX_LENGTH,
  PAGE_LIMIT_MAX,
  SOURCE_ID_MAX_LENGTH,
  STATEMENT_DESCRIPTOR,
} from '../rules.js';

/** One line of text a person typed: no control or bidirectional-override characters. */
const freeText = z
  .string()
  .refine((text) => !FORBIDDEN_TEXT_CHARACTERS.test(text), {
    message: 'must not contain control or bidirectional-formatting characters',
  })
  .transform((text) => text.trim());

/** A whole number, from JSON or from a query string. */
const wholeNumber = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,12}$/, 'must be a whole number')
    .transform(Number),
]);
const pageLimit = wholeNumber.pipe(z.number().int().min(1).max(PAGE_LIMIT_MAX));

export const emptyInput = z.strictObject({});

export const transactionQuery = z.strictObject({
  cursor: z.string().optional(),
  limit: pageLimit.optional(),
  from: wholeNumber.optional(),
  to: wholeNumber.optional(),
  after: z.string().optional(),
});

export const topUpQuery = z.strictObject({
  status: z
    .enum(['requires_confirmation', 'processing', 'succeeded', 'failed', 'canceled'])
    .optional(),
  cursor: z.string().optional(),
  limit: pageLimit.optional(),
});

const topUpBody = z.strictObject({
  sourceId: z.string().min(1).max(SOURCE_ID_MAX_LENGTH),
  amount: z.number().int('must be an integer number of cents').positive('must be positive'),
  currency: z.string(),
  description: freeText
    .pipe(z.string().min(1, 'must not be empty').max(DESCRIPTION_MAX_LENGTH))
    .optional(),
  statementDescriptor: z.string().optional(),
  sameDay: z.boolean().optional(),
});

export const nicknameInput = z.strictObject({
  nickname: freeText.pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(NICKNAME_MAX_LENGTH, `must be under ${String(NICKNAME_MAX_LENGTH + 1)} characters`),
  ),
});

export const financialAccountQuery = z.strictObject({
  reveal: z.literal('account_number').optional(),
});
export const eventsQuery = z.strictObject({
  lastEventId: z.string().max(EVENT_ID_MAX_LENGTH).optional(),
});

export type TopUpInput = z.output<typeof topUpBody> & { currency: 'usd' };

/** A top-up request, checked field by field: shape, currency, statement descriptor. */
export function parseTopUpInput(input: unknown): TopUpInput {
  const parsed = parseInput(topUpBody, input);
  if (parsed.currency !== 'usd') {
    throw new PurseError({
      code: 'currency_unsupported',
      param: 'currency',
      message: 'Top-ups are in usd only.',
    });
  }
  const descriptor = parsed.statementDescriptor;
  if (
    descriptor !== undefined &&
    (!STATEMENT_DESCRIPTOR.test(descriptor) || descriptor.trim() === '')
  ) {
    throw new PurseError({
      code: 'statement_descriptor_invalid',
      param: 'statementDescriptor',
      message:
        'The statement descriptor can have at most 10 characters, not all spaces: letters, digits, spaces and - # . $ & *.',
    });
  }
  return { ...parsed, currency: 'usd' };
}
