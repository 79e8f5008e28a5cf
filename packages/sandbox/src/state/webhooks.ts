/**
 * Signed webhook delivery, as Stripe does it: a JSON POST with
 * `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body" keyed by the whsec_ secret>`,
 * retried with exponential backoff while the endpoint fails, and in order per object (an
 * object's next event waits until its previous one is delivered or given up).
 *
 * The signature's timestamp is real wall-clock time, not the virtual clock: receivers check it
 * against their own clock with a five-minute tolerance.
 */
import { createHmac } from 'node:crypto';
import type Stripe from 'stripe';
import { newId } from './ids.js';

export interface WebhookEndpointConfig {
  url: string;
  /** The endpoint's signing secret. @default the sandbox's `webhookSecret` */
  secret?: string;
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
}

interface Endpoint {
  id: string;
  url: string;
  secret: string;
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
  ) {}

  add(config: WebhookEndpointConfig): string {
    new URL(config.url); // throws on a malformed URL, before any event is sent
    const endpoint = {
      id: newId('we'),
      url: config.url,
      secret: config.secret ?? this.defaultSecret,
    };
    this.endpoints.push(endpoint);
    return endpoint.id;
  }

  list(): { id: string; url: string }[] {
    return this.endpoints.map(({ id, url }) => ({ id, url }));
  }

  get count(): number {
    return this.endpoints.length;
  }

  deliveries(): WebhookDelivery[] {
    return [...this.log];
  }

  /** Queues `event` for every endpoint; `onSettled` runs as each delivery ends. */
  dispatch(event: Stripe.Event, onSettled: (delivered: boolean) => void): void {
    if (this.closed) return;
    const payload = JSON.stringify(event, null, 2);
    const objectId = (event.data.object as { id?: string }).id ?? null;
    for (const endpoint of this.endpoints) {
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
      };
      this.log.push(delivery);
      if (this.log.length > MAX_DELIVERY_LOG) this.log.shift();
      const key = `${endpoint.id}|${objectId ?? event.id}`;
      const previous = this.chains.get(key) ?? Promise.resolve();
      const next = previous.then(() => this.deliver(endpoint, payload, delivery)).then(onSettled);
      const tracked = next.finally(() => {
        this.inFlight.delete(tracked);
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
      this.inFlight.add(tracked);
      this.chains.set(key, next);
    }
  }

  /** Resolves once every queued delivery has finished (delivered or given up). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
  }

  private async deliver(
    endpoint: Endpoint,
    payload: string,
    delivery: WebhookDelivery,
  ): Promise<boolean> {
    let delay = this.retry.initialDelayMs;
    for (let attempt = 1; attempt <= this.retry.attempts && !this.closed; attempt += 1) {
      delivery.attempts = attempt;
      try {
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });
}
