/** Start a stateful, Stripe-compatible sandbox for Financial Connections and Treasury. */
export { DEFAULT_KEYS, startSandbox } from './start-sandbox.js';
export type { Sandbox, SandboxClock, StartSandboxOptions } from './start-sandbox.js';
export type { SeedManifest, SeedName, SeedPersona } from './seed.js';
export type { SandboxKeys, SimulationTimings } from './state/engine.js';
export type {
  RetryPolicy,
  WebhookChaosOptions,
  WebhookDelivery,
  WebhookEndpointConfig,
} from './state/webhooks.js';
/** The test banks and accounts the sandbox offers. */
export { INSTITUTIONS } from './fc/institutions.js';
export type { Institution, TestAccountTemplate } from './fc/institutions.js';
/** Magic `origin_payment_method` tokens and the 13 InboundTransfer failure codes. */
export { FAILURE_CODES, MAGIC_TOKENS } from './treasury/inbound-transfers.js';
