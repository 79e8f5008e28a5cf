/**
 * Injected faults for reliability suites: a share of requests answered with 500/503/429,
 * added latency, or connections dropped after the request ran (so the caller never learns the
 * outcome and must retry with its idempotency key). Configured through `POST /_sandbox/faults`.
 */
import { invalidParam } from './stripe-error.js';

export type FaultAction = 'error' | 'latency' | 'drop';

export interface FaultRule {
  action: FaultAction;
  /** Only requests whose path starts with this. @default every `/v1` path */
  path: string;
  /** Only this HTTP method. @default any */
  method: string | undefined;
  /** Share of matching requests affected, 0–1. @default 1 */
  rate: number;
  /** Affect at most this many requests, then the rule retires. @default unlimited */
  times: number | undefined;
  /** For `error`: 500, 503 or 429. @default 500 */
  status: number;
  /** For `latency`: milliseconds added before the handler runs. @default 0 */
  latencyMs: number;
}

export interface FaultDecision {
  error: number | undefined;
  latencyMs: number;
  drop: boolean;
}

const ERROR_STATUSES = new Set([500, 503, 429]);

export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: () => number;

  constructor(random: () => number = Math.random) {
    this.random = random;
  }

  set(rules: FaultRule[]): void {
    this.rules = rules;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Decides what happens to one request. */
  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { error: undefined, latencyMs: 0, drop: false };
    for (const rule of this.rules) {
      if (!path.startsWith(rule.path)) continue;
      if (rule.method && rule.method !== method) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (this.random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times -= 1;
      if (rule.action === 'error') decision.error ??= rule.status;
      else if (rule.action === 'latency') decision.latencyMs += rule.latencyMs;
      else decision.drop = true;
    }
    this.rules = this.rules.filter((r) => r.times === undefined || r.times > 0);
    return decision;
  }
}

/** Reads fault rules from a `/_sandbox/faults` body (JSON or form). */
export function parseFaultRules(body: Record<string, unknown>): FaultRule[] {
  const raw: unknown = body.rules ?? [body];
  // Form bodies past qs's array limit arrive as `{ "0": {...} }` maps.
  const list: unknown[] = Array.isArray(raw)
    ? raw
    : typeof raw === 'object' && raw !== null
      ? Object.values(raw)
      : [];
  return list.map((item, i) => {
    const param = `rules[${String(i)}]`;
    if (typeof item !== 'object' || item === null)
      throw invalidParam(param, 'parameter_invalid_object', 'Each rule must be an object');
    const r = item as Record<string, unknown>;
    const action = typeof r.action === 'string' ? r.action : '';
    if (action !== 'error' && action !== 'latency' && action !== 'drop') {
      throw invalidParam(
        `${param}[action]`,
        'parameter_invalid_enum',
        'action must be one of error, latency, or drop',
      );
    }
    const num = (key: string, fallback: number | undefined): number | undefined => {
      const value = r[key];
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0)
        throw invalidParam(
          `${param}[${key}]`,
          'parameter_invalid_integer',
          `${key} must be a non-negative number`,
        );
      return n;
    };
    const status = num('status', 500) ?? 500;
    if (action === 'error' && !ERROR_STATUSES.has(status)) {
      throw invalidParam(
        `${param}[status]`,
        'parameter_invalid_integer',
        'status must be 500, 503 or 429',
      );
    }
    const rate = num('rate', 1) ?? 1;
    if (rate > 1)
      throw invalidParam(
        `${param}[rate]`,
        'parameter_invalid_integer',
        'rate must be between 0 and 1',
      );
    return {
      action,
      path: typeof r.path === 'string' && r.path ? r.path : '/v1/',
      method: typeof r.method === 'string' && r.method ? r.method.toUpperCase() : undefined,
      rate,
      times: num('times', undefined),
      status,
      latencyMs: num('latency_ms', 0) ?? 0,
    };
  });
}
