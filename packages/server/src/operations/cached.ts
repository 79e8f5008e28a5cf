/**
 * Reads through the store's cache. Entries live under the same topic a webhook about the object
 * publishes to (so that webhook drops them on every instance before its live event goes out),
 * and every field names the caller in full, so an entry is only ever served to the caller who
 * caused it. Account numbers are never cached.
 */
import { readThrough } from '../store/read-through.js';
import { accountHolderOf, connectedAccountOf, type OperationContext } from './context.js';

/** The topic of the caller's Financial Connections objects (their holder). */
export function fcScope(ctx: OperationContext): string {
  const holder = accountHolderOf(ctx);
  return holder.type === 'account' ? `account:${holder.account}` : `customer:${holder.customer}`;
}

/** The topic of the caller's Treasury objects (their connected account). */
export function treasuryScope(ctx: OperationContext): string {
  return `account:${connectedAccountOf(ctx)}`;
}

export function cached<T>(
  ctx: OperationContext,
  scope: string,
  resource: string,
  load: () => Promise<T>,
): Promise<T> {
  const { user, config } = ctx;
  const caller = `${user.accountId ?? ''}|${user.customerId ?? ''}|${user.financialAccountId ?? ''}`;
  return readThrough(
    config.store,
    {
      scope,
      field: `${caller}:${resource}`,
      ttlMs: config.cacheTtlMs,
      onStoreError: (error) => {
        config.logger.warn('read cache skipped: the store is unavailable', {
          error: String(error),
        });
      },
    },
    load,
  );
}
