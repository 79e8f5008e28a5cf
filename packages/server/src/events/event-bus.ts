import type { PurseEvent } from '@purse/core';

/**
 * Where live updates travel from the webhook handler to the users' event streams. Topics are
 * per user (`customer:cus_…`, `account:acct_…`). The in-memory bus suits one server process;
 * with several, implement this on a shared broker (Redis pub/sub, Postgres LISTEN…) so a webhook
 * received by one process reaches a stream held by another.
 */
export interface EventBus {
  /** Publishes an event to a topic; returns the message as stored (with its id). */
  publish(topic: string, event: PurseEvent): BusMessage | Promise<BusMessage>;
  /** Calls `listener` for each new message on any of `topics`; returns the unsubscribe function. */
  subscribe(topics: readonly string[], listener: (message: BusMessage) => void): () => void;
  /** Messages on `topics` after the one with id `afterId`, oldest first, for `Last-Event-ID` resume. */
  replay(topics: readonly string[], afterId: string): BusMessage[] | Promise<BusMessage[]>;
}

export interface BusMessage {
  /** Increasing id, sent as the SSE event id. */
  id: string;
  topic: string;
  event: PurseEvent;
}

/** The topics a user's stream listens to (defined once, in @purse/core). */
export { topicsFor } from '@purse/core';
