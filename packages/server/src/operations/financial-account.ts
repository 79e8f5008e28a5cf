/**
 * The caller's Treasury FinancialAccount: read it (the full account number only through an
 * explicit, audited reveal) and rename it.
 */
import { PurseError, type FinancialAccountView } from '@purse/core';
import { financialAccountView } from '../views.js';
import { treasuryRequestOptions, type OperationContext } from './context.js';
import { ownedFinancialAccount } from './ownership.js';

export async function getFinancialAccount(
  ctx: OperationContext,
  options: { revealAccountNumber: boolean },
): Promise<FinancialAccountView> {
  if (!options.revealAccountNumber) return financialAccountView(await ownedFinancialAccount(ctx));
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
  nickname: string,
): Promise<FinancialAccountView> {
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
