/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with Rack-style brackets,
 * `a[b]=c`, `a[]=x` and `a[0]=x` (stripe-node sends indexed arrays; curl examples use `[]`).
 * Brackets may be raw or percent-encoded. Parsed into null-prototype objects, so keys such as
 * `__proto__` are plain data and can only ever be reported as unknown parameters.
 */
import qs from 'qs';

const QS_OPTIONS: qs.IParseOptions = {
  depth: 8,
  arrayLimit: 250,
  parameterLimit: 5000,
  plainObjects: true,
  allowPrototypes: true,
  parseArrays: true,
  charset: 'utf-8',
};

/** Parses a form-encoded body or query string into nested objects and arrays of strings. */
export function parseForm(text: string): Record<string, unknown> {
  if (!text) return Object.create(null) as Record<string, unknown>;
  return qs.parse(text, QS_OPTIONS);
}

/** Parses a JSON body for the sandbox's own `/_sandbox` endpoints. */
export function parseJsonObject(text: string): Record<string, unknown> {
  if (!text.trim()) return Object.create(null) as Record<string, unknown>;
  const value: unknown = JSON.parse(text, (k, v: unknown) => (k === '__proto__' ? undefined : v));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SyntaxError('The body must be a JSON object');
  }
  return value as Record<string, unknown>;
}
