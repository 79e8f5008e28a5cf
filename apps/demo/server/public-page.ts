/**
 * What the demo needs to be served as a public page: security headers (CSP with
 * `frame-ancestors`, `X-Content-Type-Options`, `Referrer-Policy`, through helmet), a `Host`
 * check against DNS rebinding, plain answers to methods it does not serve, built assets served
 * compressed with long-lived caching on the hashed ones and no source maps, and final handlers
 * that never show a stack trace.
 */
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import compression from 'compression';
import express, {
  type ErrorRequestHandler,
  type Express,
  type RequestHandler,
  type Response,
} from 'express';
import helmet from 'helmet';

/** Hosts every local run answers to; others come from `allowedHosts`. */
const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/** Methods the demo serves; anything else (TRACE, CONNECT, WebDAV verbs) gets a plain 405. */
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

function plain(res: Response, status: number, text: string): void {
  res.status(status).type('text/plain').set('Cache-Control', 'no-store').send(text);
}

/** The host name of a `Host` header, lower-cased, without the port (`[::1]` keeps brackets). */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * Refuses requests whose `Host` is not the demo's: a page on another site whose DNS name has
 * been pointed at 127.0.0.1 (DNS rebinding) would otherwise be same-origin with the demo.
 */
export function hostCheck(allowedHosts: readonly string[]): RequestHandler {
  const allowed = new Set([...LOCAL_HOSTS, ...allowedHosts.map((h) => h.toLowerCase())]);
  return (req, res, next) => {
    const name = hostName(req.headers.host);
    if (name === null || !allowed.has(name)) {
      plain(res, 403, 'Forbidden: unknown Host.');
      return;
    }
    next();
  };
}

export const methodGuard: RequestHandler = (req, res, next) => {
  if (METHODS.includes(req.method)) {
    next();
    return;
  }
  res.set('Allow', METHODS.join(', '));
  plain(res, 405, 'Method Not Allowed');
};

export interface SecurityHeadersOptions {
  mode: 'sandbox' | 'stripe';
  /** Vite's dev server is mounted (its client needs inline scripts and a WebSocket). */
  dev: boolean;
}

export function securityHeaders(options: SecurityHeadersOptions): RequestHandler {
  // Stripe's documented sources for Stripe.js and the Financial Connections modal (Stripe mode).
  const stripe =
    options.mode === 'stripe'
      ? {
          script: ['https://js.stripe.com', 'https://*.js.stripe.com'],
          frame: ['https://js.stripe.com', 'https://*.js.stripe.com', 'https://hooks.stripe.com'],
          connect: ['https://api.stripe.com'],
        }
      : { script: [], frame: [], connect: [] };
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...stripe.script, ...(options.dev ? ["'unsafe-inline'"] : [])],
        // The sandbox's bank-link stand-in adds a <style> element; charts set style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...stripe.connect, ...(options.dev ? ['ws:'] : [])],
        frameSrc: stripe.frame.length > 0 ? stripe.frame : ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // For browsers that predate `frame-ancestors`.
    xFrameOptions: { action: 'deny' },
    // Served over plain HTTP on localhost; a public deployment's proxy sets HSTS for its domain.
    strictTransportSecurity: false,
  });
}

/**
 * Vite's production build: hashed files under `assets/` are cached for a year as immutable,
 * the rest revalidated; JS, CSS, HTML, SVG and JSON go out compressed (brotli or gzip, as the
 * browser accepts); source maps are never served, even if a build left some behind.
 */
export function serveBuiltAssets(app: Express, dist: string): void {
  const compress = compression();
  app.get(/\.map$/i, (_req, res) => {
    plain(res, 404, 'Not Found');
  });
  app.use(
    '/assets',
    compress,
    express.static(join(dist, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: false,
    }),
  );
  app.use(compress, express.static(dist, { index: false, maxAge: 0 }));
  // Client-side routes all load the same page.
  app.get(/^\/(?!api\/|demo\/|webhooks\/|_sandbox\/|assets\/).*/, compress, (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile(join(dist, 'index.html'));
  });
}

/**
 * A state-changing request a browser cannot send cross-site without a CORS preflight: a JSON
 * body (an HTML form can only send form encodings or text/plain). Reads pass.
 */
export const requireJson: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    next();
    return;
  }
  if (!/^application\/json\s*(;|$)/i.test(req.get('content-type') ?? '')) {
    plain(res, 415, 'Send a JSON body (Content-Type: application/json).');
    return;
  }
  next();
};

/** The last handlers: a plain 404 and, for any error, its 4xx or a bare 500, never a stack. */
export function finalHandlers(app: Express, log: (message: string) => void): void {
  app.use((_req, res) => {
    plain(res, 404, 'Not Found');
  });
  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const status =
      typeof (error as { status?: unknown }).status === 'number'
        ? (error as { status: number }).status
        : 500;
    if (status >= 500) log(`[error] ${req.method} ${req.path}: ${String(error)}`);
    if (res.headersSent) return;
    if (status >= 400 && status < 500) plain(res, status, STATUS_CODES[status] ?? 'Bad Request');
    else plain(res, 500, 'Internal Server Error');
  };
  app.use(onError);
}
