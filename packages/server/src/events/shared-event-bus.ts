import type { EventBus } from './event-bus.js';
import { createMemoryEventBus } from './memory-event-bus.js';

let shared: EventBus | undefined;

/**
 * The bus the router and the webhook handler use when neither is given one, so the two meet
 * without extra wiring in a single-process app.
 */
export function sharedEventBus(): EventBus {
  shared ??= createMemoryEventBus();
  return shared;
}
