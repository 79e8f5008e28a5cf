/**
 * Signed webhook delivery, as Stripe does it: a JSON POST with
 * `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body" keyed by the whsec_ secret>`,
 * retried with exponential backoff while the endpoint fails, and in order per object (an
 * object's next event waits until its previous one is delivered or given up).
 *
 * The signature's timestamp is real wall-clock time, not the virtual clock: receivers check it
 * against their own clock with a five-minute tolerance.
 *
 * Stripe promises less than that: it "doesn't guarantee delivery of events in the order in which
 * they're generated", may send an event more than once, and retries failed deliveries for days.
 * An endpoint in chaos mode gets exactly that, seeded so a failing run can be replayed: events
 * close together in time go out shuffled and delayed, some twice, and some only after attempts
 * that were dropped (the retries then deliver them).
 */
import { createHmac } from 'node:crypto';
import type Stripe from 'stripe';
import { newId } from './ids.js';
import { hashString, seededRandom } from './random.js';

/** How disorderly a chaos-mode endpoint's deliveries are. Every choice comes from `seed`. */
export interface WebhookChaosOptions {
  /** Same seed, same events → same order, delays, duplicates and drops. @default 1 */
  seed?: number | string;
  /** Events queued within this many real ms of each other are sent in a shuffled order. @default 100 */
  windowMs?: number;
  /** Longest extra wait before an event is sent, in real ms. @default 50 */
  maxDelayMs?: number;
  /** Share of events sent a second time (a separate delivery of the same event). @default 0.25 */
  duplicateRate?: number;
  /**
   * Share of events whose first one or two attempts are dropped (never reach the endpoint); the
   * retry policy then delivers them. @default 0.25
   */
  dropRate?: number;
}

export interface WebhookEndpointConfig {
  url: string;
  /** The endpoint's signing secret. @default the sandbox's `webhookSecret` */
  secret?: string;
  /**
   * Stripe's `connect`: `true` gets only events from connected accounts (those with `account`),
   * `false` only the platform's own. Left out, the endpoint gets both (a sandbox convenience:
   * Stripe has no such endpoint). @default both
   */
  connect?: boolean;
  /** Disorderly delivery, as Stripe allows (see `WebhookChaosOptions`). @default the sandbox's `webhookChaos`, else off */
  chaos?: WebhookChaosOptions | boolean;
}

export interface RetryPolicy {
  /** Attempts before giving up on one event. @default 8 */
  attempts: number;
  /** Delay before the first retry, in ms; doubles each time. @default 500 */
  initialDelayMs: number;
  /** Longest delay between attempts, in ms. @default 30000 */
  maxDelayMs: number;
  /** Per-attempt timeout, in ms. @default 10000 */
  timeoutMs: number;
}

export interface WebhookDelivery {
  id: string;
  endpoint: string;
  url: string;
  event: string;
  type: string;
  object: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_response_status: number | null;
  last_error: string | null;
  delivered_at: number | null;
  /** Only in chaos mode: whether this delivery is a repeat of one sent already. */
  duplicate?: boolean;
}

type ResolvedChaos = Required<WebhookChaosOptions>;

const CHAOS_DEFAULTS: ResolvedChaos = {
  seed: 1,
  windowMs: 100,
  maxDelayMs: 50,
  duplicateRate: 0.25,
  dropRate: 0.25,
};

interface Endpoint {
  id: string;
  url: string;
  secret: string;
  connect: boolean | undefined;
  chaos: ResolvedChaos | null;
  /** Events queued for this endpoint so far: the n-th event's choices come from (seed, n). */
  sequence: number;
  /** Chaos mode: events waiting for the window to close. */
  batch: ChaosItem[];
}

interface ChaosItem {
  payload: string;
  delivery: WebhookDelivery;
  rng: () => number;
  settle: (delivered: boolean) => void;
}

function resolveChaos(chaos: WebhookChaosOptions | boolean | undefined): ResolvedChaos | null {
  if (chaos === undefined || chaos === false) return null;
  return { ...CHAOS_DEFAULTS, ...(chaos === true ? {} : chaos) };
}

const MAX_DELIVERY_LOG = 2000;

/** The `Stripe-Signature` header value for a payload. */
export function signPayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret)
    .update(`${String(timestamp)}.${payload}`, 'utf8')
    .digest('hex');
  return `t=${String(timestamp)},v1=${signature}`;
}

export class WebhookDispatcher {
  private readonly endpoints: Endpoint[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private readonly log: WebhookDelivery[] = [];
  private closed = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly defaultSecret: string,
    private readonly retry: RetryPolicy,
    /** Chaos for endpoints that do not say. @default off */
    private readonly defaultChaos: WebhookChaosOptions | boolean = false,
  ) {}

  add(config: WebhookEndpointConfig): string {
    new URL(config.url); // throws on a malformed URL, before any event is sent
    const endpoint: Endpoint = {
      id: newId('we'),
      url: config.url,
      secret: config.secret ?? this.defaultSecret,
      connect: config.connect,
      chaos: resolveChaos(config.chaos ?? this.defaultChaos),
      sequence: 0,
      batch: [],
    };
    this.endpoints.push(endpoint);
    return endpoint.id;
  }

  list(): { id: string; url: string; connect: boolean | null; chaos: boolean }[] {
    return this.endpoints.map(({ id, url, connect, chaos }) => ({
      id,
      url,
      connect: connect ?? null,
      chaos: chaos !== null,
    }));
  }

  get count(): number {
    return this.endpoints.length;
  }

  /** How many endpoints an event of `account` (null: the platform's own) goes to. */
  countFor(account: string | null | undefined): number {
    return this.endpoints.filter((e) => receives(e, account)).length;
  }

  deliveries(): WebhookDelivery[] {
    return [...this.log];
  }

  /** Queues `event` for every endpoint that takes it; `onSettled` runs as each delivery ends. */
  dispatch(event: Stripe.Event, onSettled: (delivered: boolean) => void): void {
    if (this.closed) return;
    const payload = JSON.stringify(event, null, 2);
    const objectId = (event.data.object as { id?: string }).id ?? null;
    for (const endpoint of this.endpoints) {
      if (!receives(endpoint, event.account)) continue;
      const delivery = this.record(endpoint, event, objectId);
      if (endpoint.chaos) {
        this.queueChaos(endpoint, endpoint.chaos, payload, delivery, onSettled);
        continue;
      }
      const key = `${endpoint.id}|${objectId ?? event.id}`;
      const previous = this.chains.get(key) ?? Promise.resolve();
      const next = previous.then(() => this.deliver(endpoint, payload, delivery)).then(onSettled);
      this.chains.set(key, next);
      this.track(
        next.finally(() => {
          if (this.chains.get(key) === next) this.chains.delete(key);
        }),
      );
    }
  }

  private record(
    endpoint: Endpoint,
    event: Stripe.Event,
    objectId: string | null,
  ): WebhookDelivery {
    const delivery: WebhookDelivery = {
      id: newId('whdel'),
      endpoint: endpoint.id,
      url: endpoint.url,
      event: event.id,
      type: event.type,
      object: objectId,
      status: 'pending',
      attempts: 0,
      last_response_status: null,
      last_error: null,
      delivered_at: null,
      ...(endpoint.chaos ? { duplicate: false } : {}),
    };
    this.log.push(delivery);
    if (this.log.length > MAX_DELIVERY_LOG) this.log.shift();
    return delivery;
  }

  private track(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Chaos mode: hold the event until the window closes, then send the batch disorderly. */
  private queueChaos(
    endpoint: Endpoint,
    chaos: ResolvedChaos,
    payload: string,
    delivery: WebhookDelivery,
    onSettled: (delivered: boolean) => void,
  ): void {
    const rng = seededRandom(hashString(`${String(chaos.seed)}:${String(endpoint.sequence++)}`));
    let settle: (delivered: boolean) => void = () => undefined;
    const settled = new Promise<boolean>((resolve) => (settle = resolve));
    this.track(settled.then(onSettled));
    endpoint.batch.push({ payload, delivery, rng, settle });
    if (endpoint.batch.length > 1) return; // the window is already open
    const timer = setTimeout(() => this.flushChaos(endpoint, chaos), chaos.windowMs);
    timer.unref();
  }

  private flushChaos(endpoint: Endpoint, chaos: ResolvedChaos): void {
    const batch = endpoint.batch.splice(0);
    // Each event draws its own choices (seeded by its place in the endpoint's sequence), so the
    // same events give the same order, delays, drops and duplicates.
    const planned = batch.map((item) => ({
      item,
      order: item.rng(),
      delayMs: item.rng() * chaos.maxDelayMs,
      drops: item.rng() < chaos.dropRate ? 1 + Math.floor(item.rng() * 2) : 0,
      duplicateDelayMs: item.rng() < chaos.duplicateRate ? item.rng() * chaos.maxDelayMs * 2 : null,
    }));
    planned.sort((a, b) => a.order - b.order);
    for (const [index, plan] of planned.entries()) {
      const { item } = plan;
      // Shuffled order: later places also wait longer, so the shuffle reaches the endpoint.
      const wait = index + plan.delayMs;
      const drops = Math.min(plan.drops, this.retry.attempts - 1);
      void sleep(wait)
        .then(() => this.deliver(endpoint, item.payload, item.delivery, drops))
        .then(item.settle);
      if (plan.duplicateDelayMs !== null) {
        const copy: WebhookDelivery = {
          ...item.delivery,
          id: newId('whdel'),
          status: 'pending',
          attempts: 0,
          duplicate: true,
        };
        this.log.push(copy);
        if (this.log.length > MAX_DELIVERY_LOG) this.log.shift();
        this.track(
          sleep(wait + plan.duplicateDelayMs).then(() =>
            this.deliver(endpoint, item.payload, copy, 0),
          ),
        );
      }
    }
  }

  /** Resolves once every queued delivery has finished (delivered or given up). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
  }

  /** Sends with retries; the first `drops` attempts are lost on the way (chaos mode). */
  private async deliver(
    endpoint: Endpoint,
    payload: string,
    delivery: WebhookDelivery,
    drops = 0,
  ): Promise<boolean> {
    let delay = this.retry.initialDelayMs;
    for (let attempt = 1; attempt <= this.retry.attempts && !this.closed; attempt += 1) {
      delivery.attempts = attempt;
      try {
        if (attempt <= drops) throw new Error('dropped by webhook chaos (the retry will send it)');
        const timestamp = Math.floor(Date.now() / 1000);
        const response = await fetch(endpoint.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
            'Stripe-Signature': signPayload(payload, endpoint.secret, timestamp),
          },
          body: payload,
          signal: AbortSignal.timeout(this.retry.timeoutMs),
        });
        delivery.last_response_status = response.status;
        await response.body?.cancel();
        if (response.ok) {
          delivery.status = 'delivered';
          delivery.delivered_at = Math.floor(Date.now() / 1000);
          delivery.last_error = null;
          return true;
        }
        delivery.last_error = `HTTP ${String(response.status)}`;
      } catch (error) {
        delivery.last_error = error instanceof Error ? error.message : String(error);
      }
      if (attempt < this.retry.attempts) {
        await sleep(delay);
        delay = Math.min(delay * 2, this.retry.maxDelayMs);
      }
    }
    delivery.status = 'failed';
    return false;
  }
}

/** Stripe's split: Connect endpoints get connected accounts' events, others the platform's. */
function receives(endpoint: Endpoint, account: string | null | undefined): boolean {
  if (endpoint.connect === undefined) return true;
  return endpoint.connect === (typeof account === 'string' && account.length > 0);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
