/**
 * Node's `http` request and response as web `Request` and `Response`, for the Express adapter:
 * the request body streams in (not buffered here: the core bounds it), and the response body
 * streams out with back-pressure, so a live-update stream to a client that stops reading fills
 * the core's bounded queue instead of Node's memory. A client that disconnects cancels the
 * body (which unsubscribes a stream) and aborts the request's signal.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { jsonTextOf } from './json-response.js';

/** The parts of an Express request the bridge reads (Express 4 and 5 alike). */
export interface NodeRequestLike extends IncomingMessage {
  /** Set by a body parser the host app mounted before Purse (such as `express.json()`). */
  body?: unknown;
  _body?: boolean;
}

/**
 * The request as a web `Request` for `path` (relative to the mount point, with its query). It
 * carries no signal (following one is costly in undici): the adapter passes its own alongside.
 */
export function toWebRequest(req: NodeRequestLike, path: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A header value the fetch standard refuses: Purse reads none it could matter for.
      }
    }
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const url = `http://localhost${path.startsWith('/') ? path : `/${path}`}`;
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    if (req._body === true || req.readableEnded) {
      // The host app parsed the body already (express.json() before Purse): send it on as JSON.
      if (req.body !== undefined) {
        init.body = JSON.stringify(req.body);
        headers.set('content-type', 'application/json');
        headers.delete('content-length');
      }
    } else {
      init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

/** Writes `response` to `res`, streaming its body with back-pressure until it ends or the client leaves. */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  if (response.body === null) {
    res.end();
    return;
  }
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    // A JSON answer: small and complete, sent in one piece with its length.
    const text = jsonTextOf(response);
    const bytes =
      text === undefined ? Buffer.from(await response.arrayBuffer()) : Buffer.from(text, 'utf8');
    res.setHeader('content-length', bytes.byteLength);
    res.end(bytes);
    return;
  }
  const reader = response.body.getReader();
  const client = { gone: false };
  const onClose = (): void => {
    client.gone = true;
    reader.cancel().catch(() => undefined);
  };
  res.once('close', onClose);
  res.flushHeaders();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || client.gone) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const go = (): void => {
            res.off('drain', go);
            res.off('close', go);
            resolve();
          };
          res.on('drain', go);
          res.on('close', go);
        });
      }
    }
    res.end();
  } catch {
    // The body ended in error (a live-update stream dropping a slow client): cut the connection
    // so the client notices and reconnects.
    res.destroy();
  } finally {
    res.off('close', onClose);
  }
}
