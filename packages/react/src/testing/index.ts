/** Test and story helpers: an in-memory PurseClient and fixture data. Not for production code. */
export { FIXTURE_NOW, createFixturePurseClient } from './fixture-client.js';
export type { FixtureClientOptions, FixturePurseClient } from './fixture-client.js';
export {
  fixtureAccount,
  fixtureCreditAccount,
  fixtureFinancialAccount,
  fixtureSource,
  fixtureTopUp,
  fixtureTransactions,
} from './fixtures.js';
