/**
 * Matching request paths against core's `PURSE_ROUTES`, so the server never writes a path
 * again: each route's segments are read from PURSE_ROUTES itself (a route that takes an id is
 * called with a marker, and the segment holding it becomes the `:id` parameter).
 */
import { PURSE_ROUTES, PurseError } from '@purse/core';

export type RouteName = keyof typeof PURSE_ROUTES;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Letters only: `encodeURIComponent` leaves it as is, and no real id looks like it. */
const ID_MARKER = 'PurseRouteIdMarker';

function segmentsOf(name: RouteName): string[] {
  const route: string | ((id: string) => string) = PURSE_ROUTES[name];
  const path = typeof route === 'string' ? route : route(ID_MARKER);
  return path.split('/').slice(1);
}

export interface RouteMatch<T> {
  entry: T;
  /** The decoded `:id`, when the route has one. */
  id: string | undefined;
}

/**
 * A matcher for `entries`, each naming a PURSE_ROUTES route and a method. `match` takes the
 * path relative to the mount point (still percent-encoded) and returns the entry and its id,
 * null for no route, or throws 400 for an id that is not valid percent-encoding.
 */
export function createRouteMatcher<T extends { route: RouteName; method: Method }>(
  entries: readonly T[],
): (method: string, path: string) => RouteMatch<T> | null {
  const compiled = entries.map((entry) => ({ entry, segments: segmentsOf(entry.route) }));
  return (method, path) => {
    // One trailing slash is the same route (as Express's non-strict routing has it).
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts = trimmed.split('/').slice(1);
    for (const { entry, segments } of compiled) {
      if (entry.method !== method || segments.length !== parts.length) continue;
      let raw: string | undefined;
      const fits = segments.every((segment, i) => {
        const part = parts[i] ?? '';
        if (segment !== ID_MARKER) return segment === part;
        raw = part;
        return part !== '';
      });
      if (!fits) continue;
      return { entry, id: raw === undefined ? undefined : decodeId(raw) };
    }
    return null;
  };
}

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new PurseError({
      code: 'parameter_invalid',
      param: 'id',
      message: 'Invalid id: it is not valid percent-encoding.',
    });
  }
}
