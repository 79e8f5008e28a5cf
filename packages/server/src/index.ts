/**
 * @purse/server: web-standard and Express handlers that give a platform's signed-in users their own bank links,
 * balances, transactions, financial account and top-ups, proxied to Stripe with every id
 * proved to belong to the caller; plus a webhook handler and a live-update stream.
 */
export { createPurseHandler } from './handler.js';
export type { PurseHandler, PurseHandlerOptions } from './handler.js';
export { createPurseRouter } from './router.js';
export { createPurseWebhookHandler, createWebhookHandler } from './webhooks.js';
export type { PurseWebhookHandler, WebhookHandlerOptions } from './webhooks.js';
export { PurseConfigError, consoleLogger } from './options.js';
export type {
  AuditEvent,
  FcPermission,
  FcPrefetch,
  PurseLogger,
  PurseCoreOptions,
  PurseRouterOptions,
  ResolveUser,
  PurseUser,
  TopUpOptions,
} from './options.js';
/** Live-update plumbing: the bus interface, its in-memory implementation and the default one. */
export { createMemoryEventBus } from './events/memory-event-bus.js';
export type { MemoryEventBusOptions } from './events/memory-event-bus.js';
export { sharedEventBus } from './events/shared-event-bus.js';
export { topicsFor } from './events/event-bus.js';
export type { BusMessage, EventBus } from './events/event-bus.js';
/** State instances share (live updates, webhook dedup, idempotency, read cache, rate limits). */
export { createMemoryStore } from './store/memory-store.js';
export type { MemoryStoreOptions } from './store/memory-store.js';
export { sharedStore } from './store/shared-store.js';
export { DEFAULT_RATE_LIMITS } from './store/rate-limit.js';
export type { RateLimitedAction, RateLimits } from './store/rate-limit.js';
export type {
  CacheRead,
  IdempotencyClaim,
  IdempotencyClaimInput,
  IdempotencyOutcome,
  IdempotencyStore,
  PurseStore,
  RateLimitResult,
  RateLimitRule,
  RateLimitStore,
  ReadCache,
} from './store/store.js';
/** The operations behind the routes, for wrapping in another framework. */
export * as operations from './operations/index.js';
export type { OperationContext } from './operations/context.js';
export { provisionUser } from './provision-user.js';
export type { ProvisionedUser, ProvisionUserOptions } from './provision-user.js';
