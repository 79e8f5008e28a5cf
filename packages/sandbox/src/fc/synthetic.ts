/**
 * Synthetic ledgers of any size, for load tests and benchmarks (`generate_transactions`).
 * Replaces an account's not-yet-revealed history with `count` card-style transactions spread
 * evenly over the last `days` days, all posted.
 */
import type { FcAccountRecord } from '../state/records.js';
import { hashString, seededRandom } from './history.js';

const DESCRIPTIONS = [
  'STARBUCKS STORE 05812',
  'WHOLE FOODS MKT #10234',
  'UBER *TRIP',
  'AMZN Mktp US*2K4L91',
  'SHELL OIL 57444225',
];

export function generateSyntheticHistory(
  record: FcAccountRecord,
  count: number,
  days: number,
  now: number,
): void {
  const rng = seededRandom(hashString(record.api.id));
  const start = now - days * 86_400;
  const step = (now - 60 - start) / count;
  record.timeline = Array.from({ length: count }, (_, i) => {
    const transactedAt = Math.floor(start + i * step);
    return {
      amount: -Math.round(100 + rng() * 9_900),
      description: DESCRIPTIONS[i % DESCRIPTIONS.length] ?? 'PURCHASE',
      transactedAt,
      postedAt: transactedAt,
      voidAt: null,
      revealedAs: undefined,
    };
  });
  record.revealedUpTo = 0;
  record.unsettled.clear();
}
