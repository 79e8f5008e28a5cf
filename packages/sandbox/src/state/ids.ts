import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const ALPHABET_CODES = Buffer.from(ALPHABET, 'latin1');

// Random bytes are drawn from a pool refilled 64 KiB at a time: one small `randomBytes` buffer
// per id was 100,000 short-lived native allocations for a large history, which kept the
// process's resident memory high long after they were freed.
const pool = Buffer.alloc(64 * 1024);
let poolUsed = pool.length;

function randomByte(): number {
  if (poolUsed === pool.length) {
    randomFillSync(pool);
    poolUsed = 0;
  }
  return pool[poolUsed++] as number;
}

const scratch = Buffer.alloc(256);

/**
 * `prefix` followed by `length` random base62 characters, as one flat string. Built in a byte
 * buffer rather than by `+=`: concatenation leaves a rope of string pieces behind each id, and
 * ids are most of what 100,000 stored transactions weigh.
 */
function withRandomTail(prefix: string, length: number): string {
  const size = prefix.length + length;
  const out = size <= scratch.length ? scratch : Buffer.alloc(size);
  out.write(prefix, 0, 'latin1');
  let filled = prefix.length;
  while (filled < size) {
    const b = randomByte();
    // Reject values past the largest multiple of 62 so every character is equally likely.
    if (b < 248) out[filled++] = ALPHABET_CODES[b % 62] as number;
  }
  return out.toString('latin1', 0, size);
}

/** A random base62 string of `length` characters. */
export function randomToken(length: number): string {
  return withRandomTail('', length);
}

/**
 * A new object id in Stripe's format: a type prefix and 24 random base62 characters,
 * such as `fca_1Pq8rN2eZvKYlo2C0aBcDeFg`.
 */
export function newId(prefix: string): string {
  return withRandomTail(`${prefix}_1`, 23);
}

/** `length` random decimal digits, for account numbers. */
export function randomDigits(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += String(b % 10);
  return out;
}
