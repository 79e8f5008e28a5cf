/**
 * The bank-link stand-in's three sandbox endpoints, forwarded so the demo stays on one origin.
 * Only these exact paths and methods pass, matched on the raw request path: no prefix matching,
 * no percent-encoding, no dot segments, so nothing reaches the rest of the sandbox (its seed,
 * request log, reset, faults or webhook registration). The upstream URL is built from the
 * allow-list, never from the request; of the query only `client_secret` is kept.
 */
import express, { type Request, type Response, type Router } from 'express';

const PREFIX = '/_sandbox/client';

/** What `@purse/sandbox/browser` calls (see its `browser/api.ts`), and nothing else. */
const ALLOWED: ReadonlyMap<string, 'GET' | 'POST'> = new Map([
  ['/financial_connections/sessions', 'GET'],
  ['/financial_connections/sessions/complete', 'POST'],
  ['/financial_connections/sessions/cancel', 'POST'],
]);

export interface SandboxClientProxyOptions {
  /** The sandbox's base URL. */
  sandboxUrl: string;
}

function notFound(res: Response): void {
  res.status(404).type('text/plain').send('Not Found');
}

export function createSandboxClientProxy(options: SandboxClientProxyOptions): Router {
  const router = express.Router();
  router.use(express.raw({ type: 'application/json', limit: '16kb' }));
  router.use(async (req: Request, res: Response) => {
    // The raw path as sent: Express has not decoded it, and neither does this check.
    const raw = req.originalUrl;
    const queryAt = raw.indexOf('?');
    const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const endpoint = path.startsWith(`${PREFIX}/`) ? path.slice(PREFIX.length) : null;
    const method = endpoint === null ? undefined : ALLOWED.get(endpoint);
    if (endpoint === null || method === undefined) {
      notFound(res);
      return;
    }
    if (req.method !== method) {
      res.status(405).set('Allow', method).type('text/plain').send('Method Not Allowed');
      return;
    }
    const target = new URL(`${options.sandboxUrl}${PREFIX}${endpoint}`);
    if (method === 'GET') {
      const secret = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1)).get(
        'client_secret',
      );
      if (secret !== null) target.searchParams.set('client_secret', secret);
    }
    const headers: Record<string, string> = {};
    const authorization = req.get('authorization');
    if (authorization) headers.authorization = authorization;
    const body = method === 'POST' && Buffer.isBuffer(req.body) ? req.body : null;
    if (body) headers['content-type'] = 'application/json';
    try {
      const upstream = await fetch(target, {
        method,
        headers,
        ...(body?.length ? { body: new Uint8Array(body) } : {}),
      });
      res
        .status(upstream.status)
        .set('Cache-Control', 'no-store')
        .type(upstream.headers.get('content-type') ?? 'application/json')
        .send(Buffer.from(await upstream.arrayBuffer()));
    } catch {
      res.status(502).type('text/plain').send('The sandbox is not reachable.');
    }
  });
  return router;
}
