/**
 * `GET /events`: a Server-Sent Events stream of the caller's own updates, as a web `Response`
 * whose body is a ReadableStream. It subscribes to the caller's topics only, replays what the
 * client missed (from `Last-Event-ID`, out of the bus's bounded buffer) before going live,
 * sends keep-alive comments, and unsubscribes when the client goes away.
 *
 * Bounds: the stream's queue holds at most `streamBufferBytes` for a client that does not read;
 * past that the stream is ended with an error (the connection drops) and the client resumes
 * with `Last-Event-ID`. Each user holds at most `maxStreamsPerUser` streams; one more is a 429.
 */
import { PurseError } from '@purse/core';
import type { PurseUser, RouterConfig } from '../options.js';
import { EVENT_ID_MAX_LENGTH } from '../rules.js';
import { type BusMessage, topicsFor } from './event-bus.js';

const RETRY_MS = 3000;

/** Open streams per user, for the per-user cap. One registry per handler. */
export class StreamRegistry {
  private readonly open = new Map<string, number>();

  /** Claims a slot for `user`, or throws 429; returns the release function (idempotent). */
  claim(user: string, max: number): () => void {
    const count = this.open.get(user) ?? 0;
    if (count >= max) {
      throw new PurseError({
        code: 'rate_limited',
        message: `At most ${String(max)} live-update streams per user; close one first.`,
      });
    }
    this.open.set(user, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(user) ?? 1) - 1;
      if (left <= 0) this.open.delete(user);
      else this.open.set(user, left);
    };
  }
}

/** One SSE frame. Data is JSON (one line), ids are the bus's digits, types are ours. */
function frame(message: BusMessage): string {
  return `id: ${message.id}\nevent: ${message.event.type}\ndata: ${JSON.stringify(message.event.data)}\n\n`;
}

/** The id to resume after: the `Last-Event-ID` header (reconnects), else `?lastEventId=`. */
function resumeId(request: Request, queryId: string | undefined): string {
  const header = request.headers.get('last-event-id') ?? '';
  const id = header !== '' && header.length <= EVENT_ID_MAX_LENGTH ? header : (queryId ?? '');
  return /^\d+$/.test(id) ? id : '';
}

export interface StreamOptions {
  request: Request;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  config: RouterConfig;
  registry: StreamRegistry;
  user: PurseUser;
  /** `?lastEventId=`, for a fresh page resuming (EventSource sends the header on reconnects). */
  lastEventId: string | undefined;
}

export function streamEvents(options: StreamOptions): Response {
  const { request, signal, config, registry, user } = options;
  const topics = topicsFor(user);
  const release = registry.claim(topics.join(' '), config.maxStreamsPerUser);
  const lastId = resumeId(request, options.lastEventId);
  const encoder = new TextEncoder();
  let lastSent = Number(lastId) || 0;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let finished = false;

  const finish = (): void => {
    if (finished) return;
    finished = true;
    unsubscribe?.();
    if (heartbeat) clearInterval(heartbeat);
    signal.removeEventListener('abort', finish);
    release();
  };

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // The replay is a one-off burst, bounded by the bus's own buffer: its bytes are allowed on
        // top of `streamBufferBytes`, so only live events a client does not read count against it.
        let replayBytes = 0;
        const write = (text: string, replaying = false): void => {
          if (finished) return;
          const bytes = encoder.encode(text);
          if (replaying) replayBytes += bytes.byteLength;
          try {
            controller.enqueue(bytes);
          } catch {
            finish(); // the consumer cancelled between our check and the write
            return;
          }
          // A client that stopped reading: drop it rather than buffer without end.
          if (!replaying && (controller.desiredSize ?? 0) < -replayBytes) {
            config.logger.warn('a live-update stream fell behind and was closed', {
              buffered: config.streamBufferBytes - (controller.desiredSize ?? 0),
            });
            finish();
            controller.error(new Error('client too slow'));
          }
        };
        const send = (message: BusMessage, replaying = false): void => {
          const seq = Number(message.id);
          if (seq <= lastSent) return;
          lastSent = seq;
          write(frame(message), replaying);
        };
        write(`retry: ${String(RETRY_MS)}\n\n`);
        // Subscribe first and hold live messages while replaying, so nothing falls in between.
        let held: BusMessage[] | null = [];
        unsubscribe = config.events.subscribe(topics, (message) => {
          if (held) held.push(message);
          else send(message);
        });
        if (config.heartbeatMs > 0) {
          heartbeat = setInterval(() => write(':\n\n'), config.heartbeatMs);
          heartbeat.unref();
        }
        if (signal.aborted) finish();
        else signal.addEventListener('abort', finish);
        void (async () => {
          try {
            if (lastId)
              for (const message of await config.events.replay(topics, lastId)) send(message, true);
          } catch (error) {
            config.logger.warn('replaying missed events failed', { error: String(error) });
          } finally {
            const pending = held;
            held = null;
            for (const message of pending) send(message, true);
          }
        })();
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: config.streamBufferBytes, size: (chunk) => chunk.byteLength },
  );

  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
