/**
 * The sandbox accepts only request parameters Stripe's API has. Every parameter in the
 * sandbox's route table, top-level and (where the spec describes the hash) nested, must exist
 * in the spec's request schema for the same operation — its query parameters or form fields —
 * unless `allowances.ts` lists it as a preview or newer parameter. The route table must serve
 * every operation of the spec, and no other `/v1` operation than the listed extra ones.
 */
import { describe, expect, it } from 'vitest';
import type { Param } from '../../packages/sandbox/src/http/params.js';
import { createRouteTable } from '../../packages/sandbox/src/routes.js';
import { EXTRA_OPERATIONS, PARAM_ALLOWANCES } from './allowances.js';
import {
  alternatives,
  loadSpec,
  matchOperation,
  operationKey,
  requestParams,
  specOperations,
  type OpenApiSpec,
  type Operation,
} from './openapi.js';

type Json = Record<string, unknown>;
type AnyParam = Param<unknown, boolean>;

const spec = loadSpec();
const operations = specOperations(spec);
const table = createRouteTable({ reset: () => ({}), manifest: () => ({}) });
const stripeRoutes = table.all().filter((route) => route.path.startsWith('/v1/'));

/** A concrete path for a spec template: `{customer}` becomes `customer_x`. */
const concrete = (template: string): string => template.replace(/\{([^}]+)\}/g, '$1_x');
/** A matchable path for a sandbox pattern: `:customer` becomes `x`. */
const asConcrete = (pattern: string): string => pattern.replace(/:([^/]+)/g, 'x');

/** The properties the spec allows inside a hash param, or null if it does not say. */
function objectProperties(schema: Json): Record<string, Json> | null {
  const hashes = alternatives(spec, schema).filter(
    (alt) => alt.type === 'object' && typeof alt.properties === 'object',
  );
  if (hashes.length === 0) return null;
  // A property several alternatives describe may be any of their schemas.
  const merged: Record<string, Json[]> = {};
  for (const hash of hashes) {
    for (const [name, property] of Object.entries(hash.properties as Record<string, Json>)) {
      (merged[name] ??= []).push(property);
    }
  }
  return Object.fromEntries(
    Object.entries(merged).map(([name, list]) => [
      name,
      list.length === 1 ? (list[0] ?? {}) : { anyOf: list },
    ]),
  );
}

function arrayItems(schema: Json): Json | null {
  const arrays = alternatives(spec, schema).filter((alt) => alt.type === 'array');
  return (arrays[0]?.items as Json | undefined) ?? null;
}

/** Params the sandbox accepts under `path` that the spec's `schema` lacks, as bracket paths. */
function unknownNested(param: AnyParam, schema: Json, path: string): string[] {
  const shape = param.shape;
  if (!shape) return [];
  if (shape.kind === 'array') {
    const items = arrayItems(schema);
    return items ? unknownNested(shape.items, items, `${path}[]`) : [];
  }
  const properties = objectProperties(schema);
  if (!properties) return []; // a free-form hash (metadata and the like)
  return Object.entries(shape.fields).flatMap(([name, field]) => {
    const child = `${path}[${name}]`;
    const known = properties[name];
    return known ? unknownNested(field, known, child) : [child];
  });
}

/** Every param of the sandbox's route for `op` that the spec does not have. */
function unknownParams(s: OpenApiSpec, op: Operation): string[] {
  const route = table.match(op.method, concrete(op.path)).route;
  if (!route) return [`(no route for ${operationKey(op)})`];
  const known = requestParams(s, op);
  return Object.entries(route.params).flatMap(([name, param]) => {
    const schema = known.get(name);
    return schema ? unknownNested(param, schema, name) : [name];
  });
}

describe('the route table', () => {
  it('serves every operation of the spec', () => {
    const unserved = operations
      .filter((op) => !table.match(op.method, concrete(op.path)).route)
      .map(operationKey);
    expect(unserved).toEqual([]);
  });

  it('serves no /v1 operation outside the spec except the listed extra ones', () => {
    const extra = stripeRoutes
      .filter((route) => !matchOperation(operations, route.method, asConcrete(route.path)))
      .map((route) => `${route.method} ${route.path}`);
    expect(extra.sort()).toEqual(EXTRA_OPERATIONS.map((e) => `${e.method} ${e.path}`).sort());
  });
});

describe('request parameters the sandbox accepts exist in the spec', () => {
  it.each(operations.map((op) => [operationKey(op), op] as const))('%s', (key, op) => {
    const allowed = new Set(
      PARAM_ALLOWANCES.filter((a) => a.operation === key).map((a) => a.param),
    );
    expect(unknownParams(spec, op).filter((name) => !allowed.has(name))).toEqual([]);
  });

  it('lists no allowance that is not needed', () => {
    const needed = new Set(
      operations.flatMap((op) =>
        unknownParams(spec, op).map((name) => `${operationKey(op)} ${name}`),
      ),
    );
    const stale = PARAM_ALLOWANCES.filter((a) => !needed.has(`${a.operation} ${a.param}`));
    expect(stale).toEqual([]);
  });

  it('reports params the spec lacks, top-level and nested (the check can fail)', () => {
    const patched = structuredClone(spec);
    const op: Operation = { method: 'POST', path: '/v1/treasury/inbound_transfers' };
    const form = patched.paths[op.path]?.post?.requestBody?.content?.[
      'application/x-www-form-urlencoded'
    ]?.schema?.properties as Json;
    delete form.amount;
    expect(unknownParams(patched, op)).toContain('amount');

    const sessions: Operation = { method: 'POST', path: '/v1/financial_connections/sessions' };
    expect(unknownParams(spec, sessions)).toEqual(['filters[countries]']);
  });
});
