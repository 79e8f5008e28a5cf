/**
 * The API versions the sandbox answers. Stripe refuses a `Stripe-Version` it never released
 * with 400 `Invalid Stripe API version: …`; the sandbox knows the versions stripe-node 20 to 23
 * pin (each package's CHANGELOG, "changes the pinned API version to …"), the version of the
 * OpenAPI subset the contract suite checks against, and whatever the installed stripe-node pins.
 * It answers every one of them in the same shape (it speaks one version).
 */
import Stripe from 'stripe';

const KNOWN_VERSIONS: ReadonlySet<string> = new Set([
  // stripe-node 20.x
  '2025-11-17.clover',
  '2025-12-15.clover',
  '2026-01-28.clover',
  '2026-02-25.clover',
  // stripe-node 21.x and 22.x
  '2026-03-25.dahlia',
  '2026-04-22.dahlia',
  '2026-05-27.dahlia',
  '2026-06-24.dahlia',
  '2026-07-29.dahlia',
  '2026-08-26.dahlia',
  // stripe-node 23.x
  '2026-09-30.endive',
  '2026-10-28.endive',
  // The base of the OpenAPI subset in /shared/stripe-openapi (Stripe's 2023-08-16 release).
  '2023-08-16',
  Stripe.API_VERSION,
]);

export function isKnownApiVersion(version: string): boolean {
  return KNOWN_VERSIONS.has(version);
}
