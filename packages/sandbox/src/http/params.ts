/**
 * Declarative request-parameter specs with Stripe's decoding rules.
 *
 * Form-encoded values arrive as strings, nested objects and arrays (see `form.ts`). A spec
 * turns them into typed values or throws Stripe's 400s with the offending `param` path:
 * `parameter_missing`, `parameter_unknown`, `parameter_invalid_integer`, `parameter_invalid_empty`
 * (the codes in Stripe's list); a bad enum value, boolean, string, array or hash gets Stripe's
 * message and `param` but no code, as Stripe sends none. An empty string means "unset": an emptyable param decodes it to `null`; any other
 * param rejects it, as Stripe does.
 */
import { invalidParam, missingParam, unknownParam } from './stripe-error.js';

type Decoder<T> = (raw: unknown, path: string) => T;

/**
 * What a param holds, for tools that inspect the specs (the contract suite compares nested
 * params with Stripe's OpenAPI schema): the fields of a hash, the items of an array.
 */
export type ParamShape =
  | { kind: 'object'; fields: Readonly<Record<string, Param<unknown, boolean>>> }
  | { kind: 'array'; items: Param<unknown, boolean> };

/** A parameter spec; `R` records whether it is required, `T` what it decodes to. */
export class Param<T, R extends boolean = false> {
  /** Phantom field carrying the requiredness for type inference. */
  declare readonly _required: R;

  constructor(
    readonly decodeValue: Decoder<T>,
    readonly isRequired: boolean = false,
    readonly isEmptyable: boolean = false,
    readonly shape?: ParamShape,
  ) {}

  /** The param must be present and non-empty. */
  required(): Param<T, true> {
    return new Param<T, true>(this.decodeValue, true, false, this.shape);
  }

  /** An empty value (`name=`) is accepted and decodes to `null`, meaning "unset". */
  emptyable(): Param<T | null, R> {
    return new Param<T | null, R>(this.decodeValue, this.isRequired, true, this.shape);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance helper for inference
type AnyParam = Param<any, boolean>;
type Fields = Record<string, AnyParam>;

/** The decoded type of an object spec's fields. Optional params become optional keys. */
export type Decoded<F extends Fields> = {
  [K in keyof F as F[K] extends Param<unknown, true> ? K : never]: F[K] extends Param<infer T, true>
    ? T
    : never;
} & {
  [K in keyof F as F[K] extends Param<unknown, true> ? never : K]?: F[K] extends Param<
    infer T,
    boolean
  >
    ? T
    : never;
};

export type Infer<P> = P extends Param<infer T, boolean> ? T : never;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function expectString(raw: unknown, path: string): string {
  if (typeof raw !== 'string') {
    throw invalidParam(path, undefined, `Invalid string: ${describe(raw)}`);
  }
  return raw;
}

function listWords(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')}, or ${values.at(-1) ?? ''}`;
}

export interface StringOptions {
  /** Longest accepted value, in characters. @default 5000 (Stripe's usual limit) */
  maxLength?: number;
  /** A pattern the whole value must match, with the message to give when it does not. */
  pattern?: { regex: RegExp; message: string };
}

function string(options: StringOptions = {}): Param<string> {
  const maxLength = options.maxLength ?? 5000;
  return new Param((raw, path) => {
    const value = expectString(raw, path);
    if (value.length > maxLength) {
      throw invalidParam(
        path,
        undefined,
        `Invalid ${path}: must be at most ${String(maxLength)} characters`,
      );
    }
    if (options.pattern && !options.pattern.regex.test(value)) {
      throw invalidParam(path, undefined, options.pattern.message);
    }
    return value;
  });
}

function enumeration<const E extends string>(values: readonly E[]): Param<E> {
  return new Param((raw, path) => {
    const value = expectString(raw, path);
    if (!(values as readonly string[]).includes(value)) {
      throw invalidParam(path, undefined, `Invalid ${path}: must be one of ${listWords(values)}`);
    }
    return value as E;
  });
}

export interface IntegerOptions {
  min?: number;
  max?: number;
}

function parseInteger(raw: unknown, path: string): number {
  if (typeof raw === 'number' && Number.isSafeInteger(raw)) return raw;
  if (typeof raw !== 'string' || !/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw invalidParam(path, 'parameter_invalid_integer', `Invalid integer: ${describe(raw)}`);
  }
  return Number(raw);
}

function integer(options: IntegerOptions = {}): Param<number> {
  return new Param((raw, path) => {
    const value = parseInteger(raw, path);
    if (options.min !== undefined && value < options.min) {
      throw invalidParam(
        path,
        'parameter_invalid_integer',
        `Invalid ${path}: must be greater than or equal to ${String(options.min)}`,
      );
    }
    if (options.max !== undefined && value > options.max) {
      throw invalidParam(
        path,
        'parameter_invalid_integer',
        `Invalid ${path}: must be less than or equal to ${String(options.max)}`,
      );
    }
    return value;
  });
}

function boolean(): Param<boolean> {
  return new Param((raw, path) => {
    if (raw === true || raw === 'true') return true;
    if (raw === false || raw === 'false') return false;
    throw invalidParam(path, undefined, `Invalid boolean: ${describe(raw)}`);
  });
}

/** Decodes one field of an object, applying the empty-means-unset rule. */
function decodeField(spec: AnyParam, raw: unknown, path: string): unknown {
  if (raw === '') {
    if (spec.isEmptyable) return null;
    throw invalidParam(
      path,
      'parameter_invalid_empty',
      `You passed an empty string for '${path}'. We assume empty values are an attempt to unset a parameter; however '${path}' cannot be unset. You should remove '${path}' from your request or supply a non-empty value.`,
    );
  }
  return spec.decodeValue(raw, path);
}

function decodeFields<F extends Fields>(fields: F, raw: unknown, path: string): Decoded<F> {
  const input: Record<string, unknown> = raw === undefined ? {} : asObject(raw, path);
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(fields, key)) throw unknownParam(path ? `${path}[${key}]` : key);
  }
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(fields)) {
    const childPath = path ? `${path}[${key}]` : key;
    const value = Object.hasOwn(input, key) ? input[key] : undefined;
    if (value === undefined) {
      if (spec.isRequired) throw missingParam(childPath);
      continue;
    }
    out[key] = decodeField(spec, value, childPath);
  }
  return out as Decoded<F>;
}

function asObject(raw: unknown, path: string): Record<string, unknown> {
  if (!isPlainObject(raw)) {
    throw invalidParam(path, undefined, `Invalid object: ${path} must be a hash`);
  }
  return raw;
}

function object<F extends Fields>(fields: F): Param<Decoded<F>> {
  return new Param((raw, path) => decodeFields(fields, raw, path), false, false, {
    kind: 'object',
    fields,
  });
}

/** Arrays arrive as `a[]=x`, `a[0]=x` or, past qs's array limit, as `{ "0": x }` maps. */
function toArray(raw: unknown, path: string): unknown[] {
  if (Array.isArray(raw)) return raw;
  if (isPlainObject(raw) && Object.keys(raw).every((k) => /^\d+$/.test(k))) {
    return Object.entries(raw)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, v]) => v);
  }
  throw invalidParam(path, undefined, `Invalid array: ${path} must be an array`);
}

function array<T>(items: Param<T, boolean>, options: { maxItems?: number } = {}): Param<T[]> {
  const shape: ParamShape = { kind: 'array', items };
  return new Param(
    (raw, path) => {
      const values = toArray(raw, path);
      if (options.maxItems !== undefined && values.length > options.maxItems) {
        throw invalidParam(
          path,
          undefined,
          `Invalid ${path}: must have at most ${String(options.maxItems)} items`,
        );
      }
      return values.map((v, i) => decodeField(items, v, `${path}[${String(i)}]`) as T);
    },
    false,
    false,
    shape,
  );
}

/** Stripe metadata: up to 50 keys, keys up to 40 characters, values up to 500. */
function metadata(): Param<Record<string, string>> {
  return new Param((raw, path) => {
    const input = asObject(raw, path);
    const entries = Object.entries(input);
    if (entries.length > 50) {
      throw invalidParam(path, undefined, 'Metadata can have at most 50 keys.');
    }
    const out: Record<string, string> = {};
    for (const [key, value] of entries) {
      const childPath = `${path}[${key}]`;
      if (key.length > 40) {
        throw invalidParam(childPath, undefined, 'Metadata keys can be at most 40 characters.');
      }
      const text = expectString(value, childPath);
      if (text.length > 500) {
        throw invalidParam(childPath, undefined, 'Metadata values can be at most 500 characters.');
      }
      // An empty value unsets the key on update; keep it so the handler can remove it.
      out[key] = text;
    }
    return out;
  });
}

/** A range filter: an integer (exact) or `{ gt, gte, lt, lte }`. */
export interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

function range(): Param<Range> {
  const bounds = object({ gt: integer(), gte: integer(), lt: integer(), lte: integer() });
  return new Param((raw, path) => {
    if (typeof raw === 'string') {
      const exact = parseInteger(raw, path);
      return { gte: exact, lte: exact };
    }
    return bounds.decodeValue(raw, path);
  });
}

/** Builders for parameter specs. */
export const p = {
  string,
  enum: enumeration,
  integer,
  boolean,
  object,
  array,
  metadata,
  range,
  /** Anything, passed through undecoded (for the sandbox's own structured bodies). */
  any: (): Param<unknown> => new Param((raw) => raw),
};

/** `expand[]`, accepted by every endpoint. */
export const expandParam: Param<string[]> = array(string({ maxLength: 500 }), { maxItems: 20 });

/** Pagination params accepted by every list endpoint. */
export const listParams = {
  limit: integer({ min: 1, max: 100 }),
  starting_after: string({ maxLength: 255 }),
  ending_before: string({ maxLength: 255 }),
};

/** Decodes a whole request's params against an object spec (top level, no path prefix). */
export function decodeParams<F extends Fields>(
  fields: F,
  raw: Record<string, unknown>,
): Decoded<F> {
  return decodeFields(fields, raw, '');
}

/** Whether `range` admits `value`. */
export function inRange(value: number, r: Range | undefined): boolean {
  if (!r) return true;
  if (r.gt !== undefined && !(value > r.gt)) return false;
  if (r.gte !== undefined && !(value >= r.gte)) return false;
  if (r.lt !== undefined && !(value < r.lt)) return false;
  if (r.lte !== undefined && !(value <= r.lte)) return false;
  return true;
}
