// One source per rule, for @purse/react, @purse/server and @purse/sandbox.
export { MAX_NICKNAME_LENGTH, nicknameProblem } from './nickname.js';
export type { NicknameProblem } from './nickname.js';
export {
  DEFAULT_TOP_UP_MAX_AMOUNT,
  DEFAULT_TOP_UP_MIN_AMOUNT,
  STATEMENT_DESCRIPTOR,
  STATEMENT_DESCRIPTOR_CHARSET,
  STATEMENT_DESCRIPTOR_MAX_LENGTH,
  TOP_UP_CURRENCY,
  TOP_UP_DESCRIPTION_MAX_LENGTH,
  sourceAvailable,
  spendableBalance,
  topUpLimits,
} from './top-up.js';
export type { TopUpAmountProblem, TopUpBalanceCheck } from './top-up.js';
export { holderTopic, topicsFor } from './topics.js';
export { asOfTime } from './as-of.js';
