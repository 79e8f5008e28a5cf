import type { PurseEvent } from '@purse/core';
import type { BusMessage, EventBus } from './event-bus.js';

export interface MemoryEventBusOptions {
  /** Messages kept per topic for `Last-Event-ID` resume. @default 100 */
  bufferPerTopic?: number;
  /** Topics whose buffers are kept (least recently used are dropped). @default 10000 */
  maxTopics?: number;
}

/**
 * An in-process event bus with a bounded replay buffer per topic. Ids are a process-wide
 * sequence, so a client can resume from the last id it saw across all its topics.
 */
export function createMemoryEventBus(options: MemoryEventBusOptions = {}): EventBus {
  const bufferPerTopic = options.bufferPerTopic ?? 100;
  const maxTopics = options.maxTopics ?? 10_000;
  const buffers = new Map<string, BusMessage[]>();
  const listeners = new Map<string, Set<(message: BusMessage) => void>>();
  let sequence = 0;

  return {
    publish(topic: string, event: PurseEvent): BusMessage {
      sequence += 1;
      const message: BusMessage = { id: String(sequence), topic, event };
      let buffer = buffers.get(topic);
      if (buffer) buffers.delete(topic); // re-insert: the Map's order is recency
      buffer ??= [];
      buffer.push(message);
      if (buffer.length > bufferPerTopic) buffer.shift();
      buffers.set(topic, buffer);
      if (buffers.size > maxTopics) {
        const oldest = buffers.keys().next().value;
        if (oldest !== undefined) buffers.delete(oldest);
      }
      for (const listener of listeners.get(topic) ?? []) listener(message);
      return message;
    },
    subscribe(topics, listener) {
      for (const topic of topics) {
        let set = listeners.get(topic);
        if (!set) {
          set = new Set();
          listeners.set(topic, set);
        }
        set.add(listener);
      }
      return () => {
        for (const topic of topics) {
          const set = listeners.get(topic);
          set?.delete(listener);
          if (set?.size === 0) listeners.delete(topic);
        }
      };
    },
    replay(topics, afterId) {
      const after = Number(afterId);
      if (!Number.isFinite(after)) return [];
      return topics
        .flatMap((topic) => buffers.get(topic) ?? [])
        .filter((message) => Number(message.id) > after)
        .sort((a, b) => Number(a.id) - Number(b.id));
    },
  };
}
