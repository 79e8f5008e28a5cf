/**
 * Stripe's OpenAPI subset, loaded and turned into ajv validators with OpenAPI 3.0 semantics:
 * `nullable: true` admits null, expandable fields are `anyOf` id-or-object, extra properties in
 * responses are allowed (the schemas never forbid them), and `x-*` keywords and formats ajv does
 * not know (`unix-time`, `decimal`) are ignored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { applySchemaAllowances } from './allowances.js';

/** The repository root: relative spec paths resolve from here. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const DEFAULT_SPEC = 'test/contract/openapi/spec3.subset.json';
/** The `$id` the spec's components are registered under in ajv. */
const SPEC_ID = 'stripe-openapi';
const REF_PREFIX = '#/components/schemas/';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface Operation {
  method: HttpMethod;
  /** The spec's path template, such as `/v1/customers/{customer}`. */
  path: string;
}

export const operationKey = (op: Operation): string => `${op.method} ${op.path}`;

type Json = Record<string, unknown>;

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: Json;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

export interface OpenApiSpec {
  openapi: string;
  info: { version: string };
  paths: Record<string, Partial<Record<'get' | 'post' | 'delete', OperationObject>>>;
  components: { schemas: Record<string, Json> };
}

/** Where the spec is: `PURSE_STRIPE_OPENAPI`, or the subset kept in this repository. */
export function specPath(): string {
  const configured = process.env.PURSE_STRIPE_OPENAPI ?? DEFAULT_SPEC;
  return isAbsolute(configured) ? configured : resolve(REPO_ROOT, configured);
}

function readJson(path: string, what: string): unknown {
  if (!existsSync(path)) {
    throw new Error(
      `The contract suite needs ${what}, but ${path} does not exist. Point PURSE_STRIPE_OPENAPI at spec3.subset.json (default: ${DEFAULT_SPEC} from the repository root); see test/contract/openapi/SOURCE.md.`,
    );
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Loads the spec, failing with a clear message when it is missing. */
export function loadSpec(): OpenApiSpec {
  const spec = readJson(specPath(), 'the Stripe OpenAPI subset') as OpenApiSpec;
  if (!spec.openapi.startsWith('3.0')) {
    throw new Error(`Expected an OpenAPI 3.0 document at ${specPath()}, got ${spec.openapi}`);
  }
  return spec;
}

/** The operations SOURCE.md (beside the spec) lists under "Included paths". */
export function operationsFromSourceMd(): Operation[] {
  const path = join(dirname(specPath()), 'SOURCE.md');
  if (!existsSync(path)) {
    throw new Error(`SOURCE.md, which lists the operations to exercise, is missing at ${path}.`);
  }
  const text = readFileSync(path, 'utf8');
  const section = text.split('## Included paths')[1] ?? '';
  const operations: Operation[] = [];
  for (const line of section.split('\n')) {
    const match = /^- `(\/v1\/[^`]+)` — ([A-Z, ]+?)(?: ★)?$/.exec(line.trim());
    if (!match) continue;
    for (const method of (match[2] ?? '').split(',').map((m) => m.trim())) {
      operations.push({ method: method as HttpMethod, path: match[1] ?? '' });
    }
  }
  return operations;
}

/** Every operation the spec defines. */
export function specOperations(spec: OpenApiSpec): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of ['get', 'post', 'delete'] as const) {
      if (item[method]) out.push({ method: method.toUpperCase() as HttpMethod, path });
    }
  }
  return out;
}

function operationObject(spec: OpenApiSpec, op: Operation): OperationObject {
  const found = spec.paths[op.path]?.[op.method.toLowerCase() as 'get' | 'post' | 'delete'];
  if (!found) throw new Error(`The spec has no operation ${operationKey(op)}`);
  return found;
}

/** Finds the spec operation a concrete request path belongs to (literal segments win). */
export function matchOperation(
  operations: readonly Operation[],
  method: string,
  path: string,
): Operation | undefined {
  const parts = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  let best: { op: Operation; literals: number } | undefined;
  for (const op of operations) {
    if (op.method !== method) continue;
    const segments = op.path.split('/').filter(Boolean);
    if (segments.length !== parts.length) continue;
    let literals = 0;
    const ok = segments.every((segment, i) => {
      if (segment.startsWith('{')) return true;
      literals += 1;
      return segment === parts[i];
    });
    if (ok && (!best || literals > best.literals)) best = { op, literals };
  }
  return best?.op;
}

/**
 * An operation's request parameters by top-level name, with their schemas: its query
 * parameters and the fields of its form body.
 */
export function requestParams(spec: OpenApiSpec, op: Operation): Map<string, Json> {
  const operation = operationObject(spec, op);
  const params = new Map<string, Json>();
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'query') params.set(parameter.name, parameter.schema ?? {});
  }
  const form = operation.requestBody?.content?.['application/x-www-form-urlencoded']?.schema;
  for (const [name, schema] of Object.entries((form?.properties as Json | undefined) ?? {})) {
    params.set(name, schema as Json);
  }
  return params;
}

/** Top-level request parameter names of an operation. */
export function requestParamNames(spec: OpenApiSpec, op: Operation): Set<string> {
  return new Set(requestParams(spec, op).keys());
}

/** A request schema's alternatives, with `$ref`s resolved (`anyOf: [hash, ""]` and the like). */
export function alternatives(spec: OpenApiSpec, schema: Json): Json[] {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith(REF_PREFIX)) {
    const target = spec.components.schemas[ref.slice(REF_PREFIX.length)];
    return target ? alternatives(spec, target) : [];
  }
  const branches = [schema.anyOf, schema.oneOf].find(Array.isArray) as Json[] | undefined;
  return branches ? branches.flatMap((b) => alternatives(spec, b)) : [schema];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts one OpenAPI 3.0 schema to JSON Schema (draft-07) for ajv. */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'nullable' || key === 'description') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith(REF_PREFIX) ? `${SPEC_ID}${value}` : value;
    } else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key) && isObject(value)) {
      out[key] = toJsonSchema(value);
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && Array.isArray(value)) {
      out[key] = value.map(toJsonSchema);
    } else {
      out[key] = value;
    }
  }
  return node.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export interface Validation {
  valid: boolean;
  errors: string[];
}

function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}

/** ajv validators for the spec's responses, compiled on first use. */
export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly spec: OpenApiSpec) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    // Stripe's own formats carry no constraint JSON Schema can check.
    this.ajv.addFormat('unix-time', true);
    this.ajv.addFormat('decimal', true);
    const schemas = applySchemaAllowances(structuredClone(spec.components.schemas));
    this.ajv.addSchema({
      $id: SPEC_ID,
      components: {
        schemas: Object.fromEntries(
          Object.entries(schemas).map(([name, schema]) => [name, toJsonSchema(schema)]),
        ),
      },
    });
  }

  private compile(key: string, schema: unknown): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.cache.set(key, validate);
    }
    return validate;
  }

  /** Validates `body` against the operation's 200 response schema. */
  response(op: Operation, body: unknown): Validation {
    const schema = operationObject(this.spec, op).responses['200']?.content?.['application/json']
      ?.schema;
    if (!schema) throw new Error(`${operationKey(op)} has no 200 JSON schema`);
    return this.run(this.compile(operationKey(op), schema), body);
  }

  /** Validates `body` against a named component schema. */
  component(name: string, body: unknown): Validation {
    if (!(name in this.spec.components.schemas)) throw new Error(`The spec has no schema ${name}`);
    return this.run(this.compile(`#${name}`, { $ref: `${REF_PREFIX}${name}` }), body);
  }

  private run(validate: ValidateFunction, body: unknown): Validation {
    const valid = validate(body);
    return { valid, errors: valid ? [] : describeErrors(validate.errors) };
  }
}
