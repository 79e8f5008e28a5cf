/**
 * Stripe's idempotency layer. The first request with a key saves its status and body, success
 * or failure; a repeat with the same parameters replays them (`Idempotent-Replayed: true`); a
 * repeat with other parameters is a 400 `idempotency_error`; a repeat while the first is still
 * running is a 409 `idempotency_key_in_use`. Requests that fail parameter validation are not
 * saved. Keys are scoped to the API key and the `Stripe-Account`, and kept for 24 hours of
 * virtual time (Stripe prunes keys "at least 24 hours old"), so advancing the clock a day lets a
 * key be used afresh, as it would on Stripe a day later.
 */
import { StripeApiError } from './stripe-error.js';

export interface SavedResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

interface Entry {
  fingerprint: string;
  savedAt: number;
  response: SavedResponse | undefined; // undefined while the first request runs
}

const TTL_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 255;

export type Reservation =
  | { kind: 'new'; save: (response: SavedResponse) => void; release: () => void }
  | { kind: 'replay'; response: SavedResponse };

export interface IdempotencyStoreOptions {
  /** The current time in unix seconds: the sandbox's virtual clock. @default the real time */
  now?: () => number;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(options: IdempotencyStoreOptions = {}) {
    this.now = options.now ?? (() => Date.now() / 1000);
  }

  /** Claims `key` for a request, or returns the saved response to replay. Throws on misuse. */
  reserve(scope: string, key: string, fingerprint: string): Reservation {
    if (key.length > MAX_KEY_LENGTH) {
      throw new StripeApiError(
        400,
        {
          type: 'idempotency_error',
          message: `Idempotency keys can be at most ${String(MAX_KEY_LENGTH)} characters long.`,
        },
        { saveIdempotent: false },
      );
    }
    this.prune();
    const id = `${scope}\u0000${key}`;
    const existing = this.entries.get(id);
    if (existing) {
      if (existing.fingerprint !== fingerprint) {
        // Fingerprints start with `METHOD /path `: a key reused on another endpoint gets
        // Stripe's endpoint message (new path vs the first one), other params the params one.
        const endpointOf = (print: string): string => print.split(' ', 2).join(' ');
        const [first, now] = [endpointOf(existing.fingerprint), endpointOf(fingerprint)];
        throw new StripeApiError(
          400,
          {
            type: 'idempotency_error',
            message:
              first === now
                ? `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
                : `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${now.split(' ')[1] ?? now}' vs '${first.split(' ')[1] ?? first}'). Try using a key other than '${key}' if you meant to execute a different request.`,
          },
          { saveIdempotent: false },
        );
      }
      if (!existing.response) {
        throw new StripeApiError(
          409,
          {
            type: 'idempotency_error',
            code: 'idempotency_key_in_use',
            message:
              'There is currently another in-progress request using this Stripe token (that probably means you clicked twice, and the other request is still going through). Please try again later.',
          },
          { saveIdempotent: false },
        );
      }
      return { kind: 'replay', response: existing.response };
    }
    const entry: Entry = { fingerprint, savedAt: this.now(), response: undefined };
    this.entries.set(id, entry);
    return {
      kind: 'new',
      save: (response) => {
        entry.response = response;
        entry.savedAt = this.now();
      },
      release: () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
      },
    };
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(): void {
    const cutoff = this.now() - TTL_SECONDS;
    for (const [id, entry] of this.entries) {
      if (entry.savedAt > cutoff) break; // insertion order is age order: virtual time only moves on
      if (entry.response) this.entries.delete(id);
    }
  }
}
