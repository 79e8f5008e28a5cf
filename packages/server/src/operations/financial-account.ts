/**
 * The caller's Treasury FinancialAccount: read it (the full account number only through an
 * explicit, audited reveal) and rename it.
 */
import { PurseError, type FinancialAccountView } from '@purse/core';
import { z } from 'zod';
import { parseInput } from '../http/validate.js';
import { financialAccountView } from '../views.js';
import { nicknameInput } from './input.js';
import { treasuryRequestOptions, type OperationContext } from './context.js';
import { ownedFinancialAccount, ownedFinancialAccountView } from './ownership.js';

const readOptions = z.strictObject({ revealAccountNumber: z.boolean().optional() });

export async function getFinancialAccount(
  ctx: OperationContext,
  input: { revealAccountNumber?: boolean } = {},
): Promise<FinancialAccountView> {
  const options = parseInput(readOptions, input);
  if (!options.revealAccountNumber) return ownedFinancialAccountView(ctx);
  if (!ctx.config.revealAccountNumber) {
    throw new PurseError({
      code: 'account_number_hidden',
      message: 'Revealing the full account number is turned off on this server.',
    });
  }
  const fa = await ownedFinancialAccount(ctx, ['financial_addresses.aba.account_number']);
  const accountNumber =
    fa.financial_addresses.find((address) => address.aba)?.aba?.account_number ?? undefined;
  await ctx.config.onAudit?.({
    type: 'account_number_revealed',
    user: ctx.user,
    financialAccountId: fa.id,
    at: new Date(),
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
  });
  return financialAccountView(fa, accountNumber);
}

export async function renameFinancialAccount(
  ctx: OperationContext,
  /** `{ nickname }` (or the nickname itself); checked here, whoever calls. */
  input: unknown,
): Promise<FinancialAccountView> {
  const { nickname } = parseInput(
    nicknameInput,
    typeof input === 'string' ? { nickname: input } : input,
  );
  const fa = await ownedFinancialAccount(ctx);
  if (fa.status === 'closed')
    throw new PurseError({
      code: 'parameter_invalid',
      param: 'nickname',
      message: 'A closed account cannot be renamed.',
    });
  const updated = await ctx.config.stripe.treasury.financialAccounts.update(
    fa.id,
    { nickname },
    treasuryRequestOptions(ctx),
  );
  return financialAccountView(updated);
}
