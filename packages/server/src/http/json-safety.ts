/**
 * Checks on parsed JSON (or any plain value an operation is handed) before a schema sees it:
 * bounded nesting, no keys that could pollute a prototype if ever merged, and no lone UTF-16
 * surrogates (stripe-node cannot encode them). The walk is iterative, so a body nested
 * thousands deep under the size limit cannot overflow the stack.
 */
import { PurseError } from '@purse/core';
import { BODY_MAX_DEPTH, LONE_SURROGATE } from '../rules.js';

const POLLUTING_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function assertSafeValue(value: unknown): void {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value, path: '', depth: 0 },
  ];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { path, depth } = item;
    if (typeof item.value === 'string') {
      if (LONE_SURROGATE.test(item.value)) {
        throw new PurseError({
          code: path === '' ? 'body_invalid' : 'parameter_invalid',
          ...(path === '' ? {} : { param: path }),
          message: `Invalid ${path || 'body'}: the text is not valid Unicode.`,
        });
      }
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (depth >= BODY_MAX_DEPTH) {
      throw new PurseError({ code: 'body_invalid', message: 'The body is nested too deeply.' });
    }
    for (const [key, child] of Object.entries(item.value)) {
      const param = path ? `${path}.${key}` : key;
      if (POLLUTING_KEYS.has(key) || LONE_SURROGATE.test(key)) {
        throw new PurseError({
          code: 'parameter_unknown',
          param: LONE_SURROGATE.test(key) ? path || 'body' : param,
          message: `Unknown parameter: ${LONE_SURROGATE.test(key) ? 'a key that is not valid Unicode' : param}.`,
        });
      }
      pending.push({ value: child, path: param, depth: depth + 1 });
    }
  }
}
