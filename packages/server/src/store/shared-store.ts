import { sharedEventBus } from '../events/shared-event-bus.js';
import { createMemoryStore } from './memory-store.js';
import type { PurseStore } from './store.js';

let shared: PurseStore | undefined;

/**
 * The store the handlers and the webhook handler use when none is given: in memory, on the
 * process-wide bus, so a single-process app needs no wiring for them to meet.
 */
export function sharedStore(): PurseStore {
  shared ??= createMemoryStore({ events: sharedEventBus() });
  return shared;
}
