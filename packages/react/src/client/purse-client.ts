/**
 * The typed client for @purse/server's routes. Every component and hook talks to the server
 * only through a `PurseClient`, so tests and stories can hand the provider a fixture client
 * that implements the same interface.
 */
// The client now lives in @purse/core (framework-free); re-exported here for the hooks.
export { createPurseClient } from '@purse/core';
export type { CreatePurseClientOptions, PurseClient } from '@purse/core';
