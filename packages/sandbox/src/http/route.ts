/**
 * How resource modules declare endpoints: method, path pattern, parameter spec and a handler.
 * Handlers are synchronous: the sandbox's state lives in memory, so a request runs start to
 * finish without interleaving with another one, which keeps every change atomic.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Engine } from '../state/engine.js';
import type { Partition } from '../state/store.js';
import type { Decoded, Param } from './params.js';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** Who may call a route: Stripe's secret key, a publishable key (browser), or anyone (receipts). */
export type RouteAuth = 'secret' | 'publishable' | 'none';

/** A non-JSON answer, such as the HTML of a regulatory receipt. */
export class RawResponse {
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly body: string,
  ) {}
}

export interface RouteContext {
  engine: Engine;
  /** The `Stripe-Account` partition the request acts in. */
  partition: Partition;
  account: string | null;
  requestId: string;
  headers: IncomingHttpHeaders;
  /** The request path without the query string, for list `url`s. */
  path: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance helper for inference
type Fields = Record<string, Param<any, boolean>>;

export interface RouteDef<F extends Fields> {
  method: HttpMethod;
  /** A path with `:name` segments, such as `/v1/customers/:customer`. */
  path: string;
  /** @default 'secret' */
  auth?: RouteAuth;
  params: F;
  /**
   * `/_sandbox` routes also take JSON bodies; Stripe's routes only form encoding.
   * @default 'form'
   */
  body?: 'form' | 'json';
  handle: (ctx: RouteContext, params: Decoded<F>, path: Record<string, string>) => unknown;
}

export interface Route {
  method: HttpMethod;
  path: string;
  segments: string[];
  auth: RouteAuth;
  body: 'form' | 'json';
  params: Fields;
  handle: (ctx: RouteContext, params: never, path: Record<string, string>) => unknown;
}

/** Declares a route; the handler's params are typed from the spec. */
export function route<F extends Fields>(def: RouteDef<F>): Route {
  return {
    method: def.method,
    path: def.path,
    segments: def.path.split('/').filter(Boolean),
    auth: def.auth ?? 'secret',
    body: def.body ?? 'form',
    params: def.params,
    handle: def.handle,
  };
}

/** Finds the route for a method and path, with its path parameters. */
export class RouteTable {
  private readonly routes: Route[] = [];

  add(...routes: Route[]): void {
    this.routes.push(...routes);
  }

  /** Every route, in matching order (for tooling such as the contract suite). */
  all(): readonly Route[] {
    return this.routes;
  }

  match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | { route: undefined; pathExists: boolean } {
    const parts = path.split('/').filter(Boolean);
    let pathExists = false;
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i += 1) {
        const seg = route.segments[i] as string;
        const part = parts[i] as string;
        // Stripe's `/v1/<resource>/search` endpoints are not simulated: `search` is never an id,
        // so `/v1/customers/search` is an unknown URL rather than a lookup of customer "search".
        if (seg.startsWith(':') && part === 'search') {
          ok = false;
          break;
        }
        if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(part);
        else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathExists = true;
      if (route.method === method) return { route, params };
    }
    return { route: undefined, pathExists };
  }
}
