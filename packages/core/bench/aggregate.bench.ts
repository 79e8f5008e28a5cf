/**
 * How long aggregateSpending takes for 10,000 and 100,000 transactions over 200 days.
 * Run with `tsx packages/core/bench/aggregate.bench.ts`; prints the median and fastest of
 * several runs after a warm-up. The budget is "well under 50 ms" for 100,000.
 */
import type { BankTransaction } from '../src/index.js';
import {
  aggregateSpending,
  type AggregateSpendingOptions,
  type SpendingBucketSize,
} from '../src/spending/index.js';

const RUNS = 15;
const NOW = Date.parse('2026-11-30T17:00:00Z') / 1000;
const DAY = 86_400;

// What the sandbox's bank histories look like.
const DESCRIPTIONS = [
  'WHOLE FOODS MKT #10234 SAN FRANCISCO CA',
  'TRADER JOE S #552 QPS',
  'STARBUCKS STORE 05812',
  'BLUE BOTTLE COFFEE SF',
  'DOORDASH*THAI BASIL',
  'TST* NOPA RESTAURANT',
  'UBER *TRIP HELP.UBER.COM',
  'LYFT *RIDE WED 8PM',
  'SHELL OIL 57444225',
  'AMZN Mktp US*2K4L91',
  'AMAZON.COM*1A2B3C4D',
  'TARGET 00027',
  'PGANDE WEB ONLINE',
  'ACME CORP PAYROLL PPD ID: 9876543210',
];

function generate(count: number, uniqueDescriptions: boolean): BankTransaction[] {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  return Array.from({ length: count }, (_, i) => {
    const transactedAt = NOW - Math.floor(random() * 200 * DAY);
    const roll = random();
    const base = DESCRIPTIONS[i % DESCRIPTIONS.length] ?? 'PURCHASE';
    return {
      id: `fctxn_${String(i)}`,
      accountId: 'fca_bench',
      amount: roll < 0.1 ? Math.round(random() * 300_000) : -Math.round(100 + random() * 20_000),
      currency: 'usd',
      description: uniqueDescriptions ? `SQ *SHOP NUMBER ${String(i)}` : base,
      status: roll > 0.98 ? 'void' : roll > 0.9 ? 'pending' : 'posted',
      transactedAt,
      postedAt: transactedAt + DAY,
      voidAt: null,
      updated: transactedAt + DAY,
    };
  });
}

function time(run: () => void): { median: number; fastest: number } {
  for (let i = 0; i < 3; i += 1) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)] ?? 0, fastest: times[0] ?? 0 };
}

const ms = (value: number): string => `${value.toFixed(2)} ms`.padStart(10);

console.log(
  `aggregateSpending, Node ${process.version}, median and fastest of ${String(RUNS)} runs`,
);
for (const count of [10_000, 100_000]) {
  const transactions = generate(count, false);
  for (const bucket of ['day', 'week', 'month'] satisfies SpendingBucketSize[]) {
    const options: AggregateSpendingOptions = { range: 180, bucket, now: NOW, includeInflow: true };
    const { median, fastest } = time(() => aggregateSpending(transactions, options));
    console.log(
      `${count.toLocaleString('en-US').padStart(7)} transactions, 180 days by ${bucket.padEnd(5)}` +
        `  median ${ms(median)}  fastest ${ms(fastest)}`,
    );
  }
}

// Worst case: every description different, so every one is normalised (first run uncached).
const unique = generate(100_000, true);
const started = performance.now();
aggregateSpending(unique, { range: 180, bucket: 'week', now: NOW });
console.log(
  `100,000 transactions, every description different (cold): ${ms(performance.now() - started)}`,
);
