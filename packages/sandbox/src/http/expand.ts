/**
 * `expand[]`: replaces an id with the object it names, or adds an includable field that is
 * left out by default (such as a financial account's full account number). Paths are dotted;
 * on lists they start with `data`. Stripe allows four levels.
 */
import type { RouteContext } from './route.js';
import { invalidParam } from './stripe-error.js';

/** Turns the current value of a field into its expanded form. */
export type Expander = (
  value: unknown,
  context: { parent: Record<string, unknown>; root: Record<string, unknown>; ctx: RouteContext },
) => unknown;

const registry = new Map<string, Map<string, Expander>>();

/**
 * Registers an expandable path for an object type, such as
 * `('treasury.inbound_transfer', 'transaction', ...)`. A path may have dots for includable
 * nested fields (`financial_addresses.aba.account_number`).
 */
export function registerExpander(objectType: string, path: string, expander: Expander): void {
  let paths = registry.get(objectType);
  if (!paths) {
    paths = new Map();
    registry.set(objectType, paths);
  }
  paths.set(path, expander);
}

const MAX_DEPTH = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cannotExpand(path: string): Error {
  return invalidParam('expand', undefined, `This property cannot be expanded (${path}).`);
}

/** Applies each of `paths` to `body`, returning a new value (the input is not changed). */
export function expand(body: unknown, paths: readonly string[], ctx: RouteContext): unknown {
  let result = body;
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > MAX_DEPTH) {
      throw invalidParam(
        'expand',
        undefined,
        `You cannot expand more than ${String(MAX_DEPTH)} levels of a property. Property: ${path}`,
      );
    }
    result = expandPath(result, segments, path, ctx);
  }
  return result;
}

function expandPath(
  value: unknown,
  segments: string[],
  fullPath: string,
  ctx: RouteContext,
): unknown {
  if (segments.length === 0) return value;
  if (Array.isArray(value)) return value.map((item) => expandPath(item, segments, fullPath, ctx));
  if (!isRecord(value)) {
    // Nothing to expand into (a null field): Stripe leaves it as it is.
    if (value === null || value === undefined) return value;
    throw cannotExpand(fullPath);
  }
  const type = typeof value.object === 'string' ? value.object : undefined;
  const expanders = type === undefined ? undefined : registry.get(type);
  // The longest registered prefix of the remaining path, for this object type.
  if (expanders) {
    for (let n = segments.length; n >= 1; n -= 1) {
      const expander = expanders.get(segments.slice(0, n).join('.'));
      if (!expander) continue;
      const expanded = applyAt(value, segments.slice(0, n), (current, parent) =>
        expander(current, { parent, root: value, ctx }),
      );
      if (n === segments.length) return expanded;
      const head = segments.slice(0, n);
      return applyAt(expanded, head, (current) =>
        expandPath(current, segments.slice(n), fullPath, ctx),
      );
    }
  }
  const [first, ...rest] = segments as [string, ...string[]];
  // Descend into nested hashes and embedded lists (`data.x`, `accounts.data.x`).
  const child = Object.hasOwn(value, first) ? value[first] : undefined;
  if (typeof child !== 'object' || child === null || rest.length === 0)
    throw cannotExpand(fullPath);
  return { ...value, [first]: expandPath(value[first], rest, fullPath, ctx) };
}

/** Replaces the value at `path` inside `value` (descending through arrays), copying on the way. */
function applyAt(
  value: unknown,
  path: string[],
  update: (current: unknown, parent: Record<string, unknown>) => unknown,
): unknown {
  if (Array.isArray(value)) return value.map((item) => applyAt(item, path, update));
  if (!isRecord(value)) return value;
  const [first, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) return { ...value, [first]: update(value[first], value) };
  return { ...value, [first]: applyAt(value[first], rest, update) };
}
