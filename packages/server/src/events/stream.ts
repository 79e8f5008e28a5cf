/**
 * `GET /events`: a Server-Sent Events stream of the caller's own updates. It subscribes to the
 * caller's topics only, replays what the client missed (from `Last-Event-ID`, out of the bus's
 * bounded buffer) before going live, sends keep-alive comments, and unsubscribes when the
 * connection closes.
 */
import type { Request, Response } from 'express';
import { createSession } from 'better-sse';
import type { PurseUser, RouterConfig } from '../options.js';
import { type BusMessage, topicsFor } from './event-bus.js';

export async function streamEvents(
  req: Request,
  res: Response,
  config: RouterConfig,
  user: PurseUser,
): Promise<void> {
  const topics = topicsFor(user);
  const session = await createSession(req, res, {
    keepAlive: config.heartbeatMs > 0 ? config.heartbeatMs : null,
    retry: 3000,
    headers: { 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' },
  });
  // EventSource sends Last-Event-ID on reconnects; a fresh page can pass ?lastEventId=.
  const queryId = typeof req.query.lastEventId === 'string' ? req.query.lastEventId : '';
  const lastId = session.lastId || queryId;
  let lastSent = Number(lastId) || 0;
  const send = (message: BusMessage): void => {
    const seq = Number(message.id);
    if (seq <= lastSent || !session.isConnected) return;
    lastSent = seq;
    session.push(message.event.data, message.event.type, message.id);
  };
  // Subscribe first and hold live messages while replaying, so nothing falls in between.
  let held: BusMessage[] | null = [];
  const unsubscribe = config.events.subscribe(topics, (message) => {
    if (held) held.push(message);
    else send(message);
  });
  // Both the session and the response report the close: unsubscribe once (a shared bus may count).
  let subscribed = true;
  const cleanup = (): void => {
    if (!subscribed) return;
    subscribed = false;
    unsubscribe();
  };
  session.once('disconnected', cleanup);
  res.once('close', cleanup);
  // A client that left while the session was being set up sends no further close event.
  if (res.destroyed || res.closed) cleanup();
  try {
    if (lastId) for (const message of await config.events.replay(topics, lastId)) send(message);
  } finally {
    const pending = held;
    held = null;
    for (const message of pending) send(message);
  }
}
