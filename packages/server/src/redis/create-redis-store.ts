/**
 * `createRedisStore`: the shared store for many instances of the server, on node-redis
 * (`@redis/client`, the client Redis itself maintains: typed, zero dependencies, RESP3, and it
 * re-subscribes on its own after a reconnect).
 *
 * Commands are never queued while Redis is away (`disableOfflineQueue`): an operation fails at
 * once with `store_unavailable` instead of hanging, so reads fall back to Stripe and money
 * movement answers 503 (never a duplicate transfer); the client reconnects in the background and
 * everything works again when Redis returns, without a restart.
 */
import { PurseError, type PurseEvent } from '@purse/core';
import { createClient, type RedisClientType } from '@redis/client';
import type { BusMessage, EventBus } from '../events/event-bus.js';
import type { IdempotencyClaim, IdempotencyOutcome, PurseStore } from '../store/store.js';
import {
  CACHE_INVALIDATE,
  CACHE_READ,
  CACHE_WRITE,
  IDEMPOTENCY_CLAIM,
  IDEMPOTENCY_COMPLETE,
  IDEMPOTENCY_RELEASE,
  PUBLISH,
  RATE_LIMIT_HIT,
} from './redis-scripts.js';

type RedisClient = RedisClientType;

export type RedisStoreOptions = (
  | {
      /** `redis://[user:password@]host:port[/db]`; the store opens and closes its own connections. */
      url: string;
      client?: never;
    }
  | {
      /**
       * A connected client of your own (from `@redis/client` or `redis`). The store duplicates it
       * once for subscriptions and never closes it.
       */
      client: RedisClient;
      url?: never;
    }
) & {
  /** Prefix of every key and channel, so several apps can share one Redis. @default 'purse:' */
  prefix?: string;
  /** Live events kept per topic for `Last-Event-ID` resume. @default 100 */
  bufferPerTopic?: number;
  /** How long a topic's replay log lives after its last event. @default 86_400_000 (a day) */
  replayTtlMs?: number;
  /** Idempotency keys kept per owner (oldest dropped first). @default 100 */
  idempotencyKeysPerOwner?: number;
  /** How long an operation waits for the first connection before failing. @default 2000 */
  connectTimeoutMs?: number;
  /** Called when Redis reports an error (at most once per outage). @default console.warn */
  onError?: (error: Error) => void;
};

const GENERATION_TTL_MS = 24 * 60 * 60 * 1000;

function unavailable(cause: unknown): PurseError {
  return new PurseError({
    code: 'store_unavailable',
    message: 'The shared store (Redis) cannot be reached right now. Try again in a moment.',
    cause,
  });
}

export function createRedisStore(options: RedisStoreOptions): PurseStore {
  const prefix = options.prefix ?? 'purse:';
  const bufferPerTopic = options.bufferPerTopic ?? 100;
  const replayTtlMs = options.replayTtlMs ?? 86_400_000;
  const keysPerOwner = options.idempotencyKeysPerOwner ?? 100;
  const connectTimeoutMs = options.connectTimeoutMs ?? 2000;
  const report =
    options.onError ?? ((error: Error) => console.warn('[purse] redis:', error.message));

  const ownsClient = options.client === undefined;
  const client: RedisClient =
    options.client ??
    createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: connectTimeoutMs,
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1000),
      },
    });
  const subscriber: RedisClient = client.duplicate({ disableOfflineQueue: true });

  // An 'error' event without a listener would crash the process; report each outage once.
  let outage = false;
  for (const connection of [client, subscriber]) {
    connection.on('error', (error: Error) => {
      if (outage) return;
      outage = true;
      report(error);
    });
    connection.on('ready', () => {
      outage = false;
    });
  }

  const connected = Promise.all([
    ownsClient && !client.isOpen ? client.connect() : undefined,
    subscriber.connect(),
  ]);
  // Not awaited here: a first connection that fails is retried by the client and reported above.
  connected.catch(() => undefined);

  async function ready(): Promise<void> {
    if (client.isReady) return;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        connected,
        new Promise((_, reject) => {
          timer = setTimeout(() => {
            reject(new Error('Timed out connecting to Redis'));
          }, connectTimeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async function run(script: string, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      await ready();
      return await client.eval(script, { keys, arguments: args.map(String) });
    } catch (error) {
      throw unavailable(error);
    }
  }

  const key = {
    sequence: `${prefix}events:seq`,
    log: (topic: string) => `${prefix}events:log:${topic}`,
    channel: (topic: string) => `${prefix}events:${topic}`,
    claim: (id: string) => `${prefix}claim:${id}`,
    idempotency: (id: string) => `${prefix}idem:${id}`,
    owner: (owner: string) => `${prefix}idem-owner:${owner}`,
    generation: (scope: string) => `${prefix}cache-gen:${scope}`,
    entries: (scope: string) => `${prefix}cache:${scope}:`,
    counter: (id: string, windowStart: number) => `${prefix}rl:${id}:${String(windowStart)}`,
  };

  const parseMessage = (text: string): BusMessage | undefined => {
    try {
      const parsed = JSON.parse(text) as { id: string; topic: string; event: PurseEvent };
      return { id: parsed.id, topic: parsed.topic, event: parsed.event };
    } catch {
      return undefined;
    }
  };

  // One Redis subscription per topic, shared by every stream on this instance.
  const listeners = new Map<string, Set<(message: BusMessage) => void>>();
  const subscriptions = new Map<string, Promise<void>>();

  const events: EventBus = {
    async publish(topic, event) {
      const text = await run(
        PUBLISH,
        [key.sequence, key.log(topic)],
        [
          key.channel(topic),
          JSON.stringify(topic),
          JSON.stringify(event),
          bufferPerTopic,
          replayTtlMs,
          Date.now() * 1000,
        ],
      );
      const message = typeof text === 'string' ? parseMessage(text) : undefined;
      if (!message) throw unavailable(new Error('Unexpected reply to PUBLISH'));
      return message;
    },

    subscribe(topics, listener) {
      for (const topic of topics) {
        let set = listeners.get(topic);
        if (!set) {
          set = new Set();
          listeners.set(topic, set);
          const receive = (text: string): void => {
            const message = parseMessage(text);
            if (message) for (const each of listeners.get(topic) ?? []) each(message);
          };
          subscriptions.set(
            topic,
            subscriber.subscribe(key.channel(topic), receive).catch((error: unknown) => {
              // Subscribing while Redis is away: node-redis re-subscribes when it reconnects.
              report(error instanceof Error ? error : new Error(String(error)));
            }),
          );
        }
        set.add(listener);
      }
      return () => {
        for (const topic of topics) {
          const set = listeners.get(topic);
          if (!set) continue;
          set.delete(listener);
          if (set.size > 0) continue;
          listeners.delete(topic);
          subscriptions.delete(topic);
          subscriber.unsubscribe(key.channel(topic)).catch(() => undefined);
        }
      };
    },

    async replay(topics, afterId) {
      const after = Number(afterId);
      if (!Number.isFinite(after)) return [];
      // A stream subscribes, then replays: wait for the subscription so nothing falls between.
      await Promise.all(
        topics.flatMap((topic) => {
          const pending = subscriptions.get(topic);
          return pending ? [pending] : [];
        }),
      );
      let logs: string[][];
      try {
        await ready();
        logs = await Promise.all(topics.map((topic) => client.lRange(key.log(topic), 0, -1)));
      } catch (error) {
        throw unavailable(error);
      }
      return logs
        .flat()
        .map(parseMessage)
        .filter((message): message is BusMessage => message !== undefined)
        .filter((message) => Number(message.id) > after)
        .sort((a, b) => Number(a.id) - Number(b.id));
    },
  };

  return {
    events,

    async claimOnce(id, ttlMs) {
      try {
        await ready();
        const reply = await client.set(key.claim(id), '1', {
          condition: 'NX',
          expiration: { type: 'PX', value: ttlMs },
        });
        return reply === 'OK';
      } catch (error) {
        throw unavailable(error);
      }
    },

    async unclaim(id) {
      try {
        await ready();
        await client.del(key.claim(id));
      } catch (error) {
        throw unavailable(error);
      }
    },

    idempotency: {
      async claim({ key: id, owner, fingerprint, ttlMs }): Promise<IdempotencyClaim> {
        const reply = (await run(
          IDEMPOTENCY_CLAIM,
          [key.idempotency(id), key.owner(owner)],
          [owner, fingerprint, ttlMs, Date.now(), keysPerOwner],
        )) as [string, string?];
        switch (reply[0]) {
          case 'started':
            return { status: 'started' };
          case 'in_flight':
            return { status: 'in_flight' };
          case 'mismatch':
            return { status: 'mismatch' };
          default:
            return {
              status: 'completed',
              outcome: JSON.parse(reply[1] ?? 'null') as IdempotencyOutcome,
            };
        }
      },
      async complete(id, outcome) {
        await run(IDEMPOTENCY_COMPLETE, [key.idempotency(id)], [JSON.stringify(outcome)]);
      },
      async release(id) {
        await run(IDEMPOTENCY_RELEASE, [key.idempotency(id)], []);
      },
    },

    cache: {
      async read(scope, field) {
        const [generation, value] = (await run(
          CACHE_READ,
          [key.generation(scope)],
          [key.entries(scope), field],
        )) as [string, string | null];
        return { generation, value: value ?? undefined };
      },
      async write(scope, field, value, ttlMs, generation) {
        if (ttlMs <= 0) return;
        await run(
          CACHE_WRITE,
          [key.generation(scope)],
          [key.entries(scope), field, value, ttlMs, generation],
        );
      },
      async invalidate(scopes) {
        if (scopes.length === 0) return;
        await run(CACHE_INVALIDATE, scopes.map(key.generation), [GENERATION_TTL_MS]);
      },
    },

    rateLimits: {
      async hit(id, rule) {
        const windowStart = Math.floor(Date.now() / rule.windowMs) * rule.windowMs;
        const [count, ttl] = (await run(
          RATE_LIMIT_HIT,
          [key.counter(id, windowStart)],
          [rule.windowMs],
        )) as [number, number];
        const allowed = count <= rule.limit;
        return {
          allowed,
          remaining: Math.max(0, rule.limit - count),
          retryAfterMs: allowed ? 0 : Math.max(0, ttl),
        };
      },
    },

    async close() {
      listeners.clear();
      subscriptions.clear();
      subscriber.destroy();
      if (ownsClient) client.destroy();
      await Promise.resolve();
    },
  };
}
