import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random base62 string of `length` characters. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i += 1) {
    const b = bytes[i] as number;
    // Reject values past the largest multiple of 62 so every character is equally likely.
    if (b < 248) out += ALPHABET.charAt(b % 62);
  }
  return out.length === length ? out : out + randomToken(length - out.length);
}

/**
 * A new object id in Stripe's format: a type prefix and 24 random base62 characters,
 * such as `fca_1Pq8rN2eZvKYlo2C0aBcDeFg`.
 */
export function newId(prefix: string): string {
  return `${prefix}_1${randomToken(23)}`;
}

/** `length` random decimal digits, for account numbers. */
export function randomDigits(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += String(b % 10);
  return out;
}
