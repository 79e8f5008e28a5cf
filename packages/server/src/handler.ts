/**
 * `createPurseHandler`: Purse for any runtime that speaks web `Request`/`Response` (Next.js App
 * Router route handlers, Hono, Bun, Deno, Cloudflare-style workers). Every route of the HTTP
 * contract, under `basePath`, with the same validation, ownership proofs, idempotency, error
 * envelope and live updates as the Express router, which is a thin adapter over the same core.
 */
import {
  PurseConfigError,
  resolveRouterConfig,
  type PurseCoreOptions,
  type ResolveUser,
} from './options.js';
import { createCoreHandler } from './purse-core.js';

export interface PurseHandlerOptions extends PurseCoreOptions {
  /**
   * Returns the signed-in user for this web `Request` (read your session cookie or token from
   * it), or null (401). May be async. Identity comes only from here.
   */
  resolveUser: ResolveUser<Request>;
  /** Where the routes live in the URL, such as `/api/purse`. @default '' (the root) */
  basePath?: string;
  /**
   * The caller's IP address, for the online mandate a bank debit needs. A web `Request` does not
   * carry it: read it from your platform (for example a trusted proxy's header). @default none
   */
  clientIp?: (request: Request) => string | undefined;
}

/** The web-standard handler: give it every request under `basePath`. */
export type PurseHandler = (request: Request) => Promise<Response>;

function normaliseBasePath(value: unknown): string {
  if (value === undefined || value === '' || value === '/') return '';
  if (typeof value !== 'string' || !value.startsWith('/') || /[?#\s]/.test(value)) {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_OPTION',
      '`basePath` must be a path starting with "/", such as "/api/purse" (ERR_PURSE_INVALID_OPTION)',
    );
  }
  return value.replace(/\/+$/, '');
}

export function createPurseHandler(options: PurseHandlerOptions): PurseHandler {
  const config = resolveRouterConfig(options, 'createPurseHandler');
  const basePath = normaliseBasePath(options.basePath);
  if (options.clientIp !== undefined && typeof options.clientIp !== 'function') {
    throw new PurseConfigError(
      'ERR_PURSE_INVALID_OPTION',
      '`clientIp` must be a function of the request (ERR_PURSE_INVALID_OPTION)',
    );
  }
  const core = createCoreHandler(config);
  const { resolveUser, clientIp } = options;
  const ipOf = (request: Request): string | undefined => {
    try {
      return clientIp?.(request);
    } catch (error) {
      config.logger.warn('clientIp threw; the mandate gets no IP address', {
        error: String(error),
      });
      return undefined;
    }
  };
  return (request) => {
    const pathname = new URL(request.url).pathname;
    const under =
      pathname === basePath || pathname.startsWith(`${basePath}/`)
        ? pathname.slice(basePath.length) || '/'
        : null;
    return core({
      request,
      // Outside basePath: still resolve the caller first, then 404 (no route matches '').
      path: under ?? '',
      resolveUser: () => resolveUser(request),
      ip: ipOf(request),
    });
  };
}
