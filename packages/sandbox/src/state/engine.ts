/**
 * The sandbox's state and shared machinery: the virtual clock, the partitioned store, event
 * creation and webhook fan-out, idempotency, faults and the request log. Resource modules read
 * and change state through it; the HTTP layer feeds it requests.
 */
import Stripe from 'stripe';
import { type Scheduled, VirtualClock } from './clock.js';
import { newId } from './ids.js';
import type { EventRecord } from './records.js';
import { type Partition, Store } from './store.js';
import {
  type RetryPolicy,
  type WebhookChaosOptions,
  type WebhookEndpointConfig,
  WebhookDispatcher,
} from './webhooks.js';
import { FaultInjector } from '../http/faults.js';
import { IdempotencyStore } from '../http/idempotency.js';

/** Timing of simulated work, in virtual seconds. */
export interface SimulationTimings {
  /** How long a Financial Connections refresh stays `pending`. @default 2 */
  refreshSeconds: number;
  /** Wait after a refresh finishes before the next one may start. @default 60 */
  refreshCooldownSeconds: number;
  /** How long an FC session's client secret can launch the flow. @default 3600 */
  sessionTtlSeconds: number;
  /** How long after creation an InboundTransfer is submitted to ACH (and stops being cancelable). @default 1800 */
  transferSubmitSeconds: number;
  /** Business days until an InboundTransfer settles. @default 2 */
  transferSettleBusinessDays: number;
  /** Business days until a failing InboundTransfer is returned by the bank. @default 1 */
  transferFailBusinessDays: number;
  /** Business days after which an unreviewed transfer is canceled. @default 5 */
  reviewExpiryBusinessDays: number;
}

export const DEFAULT_TIMINGS: SimulationTimings = {
  refreshSeconds: 2,
  refreshCooldownSeconds: 60,
  sessionTtlSeconds: 3600,
  transferSubmitSeconds: 1800,
  transferSettleBusinessDays: 2,
  transferFailBusinessDays: 1,
  reviewExpiryBusinessDays: 5,
};

export interface SandboxKeys {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
}

export interface RequestLogEntry {
  id: string;
  method: string;
  path: string;
  account: string | null;
  params: Record<string, unknown>;
  status: number;
  idempotency_key: string | null;
  replayed: boolean;
  at: number;
}

const REQUEST_LOG_SIZE = 5000;

export interface EngineOptions {
  keys: SandboxKeys;
  clock: { start?: number; speed?: number };
  timings?: Partial<SimulationTimings>;
  webhooks?: WebhookEndpointConfig[];
  webhookRetry?: Partial<RetryPolicy>;
  /** Chaos for every endpoint that does not set its own. @default off */
  webhookChaos?: WebhookChaosOptions | boolean;
}

export interface EmitOptions {
  previousAttributes?: Record<string, unknown>;
}

export class Engine {
  readonly keys: SandboxKeys;
  /** Where the sandbox is reachable, for URLs it hands out (receipts). Set when it listens. */
  publicUrl = 'http://localhost:12111';
  readonly clock: VirtualClock;
  readonly store = new Store();
  readonly webhooks: WebhookDispatcher;
  /** Keys expire on the virtual clock, as every other time in the sandbox. */
  readonly idempotency = new IdempotencyStore({ now: () => this.clock.now() });
  readonly faults = new FaultInjector();
  readonly timings: SimulationTimings;
  /** Institutions taken down through `/_sandbox` (their refreshes fail). */
  readonly downInstitutions = new Set<string>();
  /** Partitions whose next InboundTransfer creation gets a 402 risk refusal (null = any). */
  readonly riskRefusals: (string | null)[] = [];
  private readonly requestLog: RequestLogEntry[] = [];
  /** The API request being handled, for events' `request` field; null for clock-driven work. */
  currentRequest: { id: string; idempotencyKey: string | null } | null = null;
  /** Bumped by `reset`, so work scheduled before a reset never touches the new state. */
  private epoch = 0;

  private readonly startAt: number | undefined;

  constructor(options: EngineOptions) {
    this.keys = options.keys;
    this.startAt = options.clock.start;
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.clock = new VirtualClock(options.clock);
    this.webhooks = new WebhookDispatcher(
      options.keys.webhookSecret,
      {
        attempts: 8,
        initialDelayMs: 500,
        maxDelayMs: 30_000,
        timeoutMs: 10_000,
        ...options.webhookRetry,
      },
      options.webhookChaos ?? false,
    );
    for (const endpoint of options.webhooks ?? []) this.webhooks.add(endpoint);
  }

  /**
   * Schedules simulated work at a virtual time; it is dropped if the sandbox is reset first.
   * It runs as clock-driven work, so its events have a null `request` even when the clock is
   * moved by an HTTP call (`/_sandbox/clock/advance`).
   */
  at(time: number, label: string, run: () => void): Scheduled {
    const epoch = this.epoch;
    return this.clock.schedule(time, label, () => {
      if (epoch !== this.epoch) return;
      const request = this.currentRequest;
      this.currentRequest = null;
      try {
        run();
      } finally {
        this.currentRequest = request;
      }
    });
  }

  /** Schedules simulated work `seconds` of virtual time from now. */
  after(seconds: number, label: string, run: () => void): Scheduled {
    return this.at(this.clock.now() + seconds, label, run);
  }

  /** Now, in virtual unix seconds. */
  now(): number {
    return this.clock.now();
  }

  /**
   * Records an event for a state change and sends it to every webhook endpoint. `data.object`
   * is a snapshot, so later changes to the object do not leak into the event.
   */
  emit(
    partition: Partition,
    type: Stripe.Event.Type,
    object: { id: string },
    options: EmitOptions = {},
  ): Stripe.Event {
    const request = this.currentRequest;
    const data: Record<string, unknown> = { object: structuredClone(object) };
    if (options.previousAttributes) data.previous_attributes = options.previousAttributes;
    const event = {
      id: newId('evt'),
      object: 'event',
      ...(partition.account ? { account: partition.account } : {}),
      api_version: Stripe.API_VERSION,
      created: this.now(),
      data,
      livemode: false,
      pending_webhooks: this.webhooks.countFor(partition.account),
      request: { id: request?.id ?? null, idempotency_key: request?.idempotencyKey ?? null },
      type,
    } as unknown as Stripe.Event; // the union of event shapes cannot be built generically
    const record: EventRecord = { api: event };
    partition.events.insert(record);
    this.webhooks.dispatch(event, (delivered) => {
      if (delivered) event.pending_webhooks = Math.max(0, event.pending_webhooks - 1);
    });
    return event;
  }

  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    if (this.requestLog.length > REQUEST_LOG_SIZE) this.requestLog.shift();
  }

  requests(): RequestLogEntry[] {
    return [...this.requestLog];
  }

  /**
   * Forgets everything: objects, events, idempotency keys, faults and the request log; the clock
   * goes back to its start (the `startAt` it was given, else the real time now).
   */
  reset(): void {
    this.epoch += 1;
    this.clock.reset(this.startAt ?? Date.now() / 1000);
    this.store.clear();
    this.idempotency.clear();
    this.faults.clear();
    this.downInstitutions.clear();
    this.riskRefusals.length = 0;
    this.requestLog.length = 0;
  }
}
