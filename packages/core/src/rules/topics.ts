/**
 * Live-event topics: which stream an event is published on. The server subscribes a user to
 * `topicsFor(user)` and publishes a Stripe object's event on the topic of its holder.
 */

/** The topic of a Stripe customer (`cus_…`) or connected account (`acct_…`). */
export function holderTopic(holder: { type: 'account' | 'customer'; id: string }): string {
  return `${holder.type}:${holder.id}`;
}

/** Every topic a user's live stream listens to. */
export function topicsFor(user: {
  customerId?: string | undefined;
  accountId?: string | undefined;
}): string[] {
  const topics: string[] = [];
  if (user.customerId) topics.push(holderTopic({ type: 'customer', id: user.customerId }));
  if (user.accountId) topics.push(holderTopic({ type: 'account', id: user.accountId }));
  return topics;
}
