/**
 * Deterministic bank histories for the test accounts. Each account gets a ledger from 180 days
 * before it was linked to 120 days after (the later part surfaces as the clock moves on):
 * salary, rent, bills, card spending with messy real-world descriptions, a few pending and
 * voided card payments. The same template always produces the same pattern relative to the day
 * it was linked, and the opening balance is chosen so the balance at link time is the
 * template's, which keeps balances and transactions consistent.
 */
import {
  addCalendarDays,
  calendarDateOf,
  unixAt,
  type CalendarDate,
} from '@purse/core/top-up-form';
import type { BankTransaction } from '../state/records.js';
import { hashString, seededRandom } from '../state/random.js';
import type { HistoryProfile, TestAccountTemplate } from './institutions.js';

const DAYS_BEFORE = 180;
const DAYS_AFTER = 120;
const DAY = 86_400;

// Re-exported: the bank simulation (accounts, synthetic ledgers) takes them from here.
export { hashString, seededRandom } from '../state/random.js';

interface Merchant {
  names: readonly string[];
  min: number;
  max: number;
}

const GROCERIES: Merchant = {
  names: [
    'WHOLE FOODS MKT #10234 SAN FRANCISCO CA',
    'TRADER JOE S #552 QPS',
    'SAFEWAY #1711',
    'WHOLEFDS MKT 10234',
  ],
  min: 18_00,
  max: 126_00,
};
const COFFEE: Merchant = {
  names: ['STARBUCKS STORE 05812', 'BLUE BOTTLE COFFEE SF', 'STARBUCKS STORE 11937'],
  min: 4_50,
  max: 9_80,
};
const DINING: Merchant = {
  names: ['CHIPOTLE 1234', 'SWEETGREEN MISSION', 'DOORDASH*THAI BASIL', 'TST* NOPA RESTAURANT'],
  min: 12_00,
  max: 68_00,
};
const TRANSPORT: Merchant = {
  names: [
    'UBER *TRIP HELP.UBER.COM',
    'LYFT *RIDE WED 8PM',
    'SHELL OIL 57444225',
    'CLIPPER SERVICE',
  ],
  min: 8_00,
  max: 58_00,
};
const SHOPPING: Merchant = {
  names: ['AMZN Mktp US*2K4L91', 'AMAZON.COM*1A2B3C4D', 'TARGET 00027', 'APPLE.COM/BILL'],
  min: 9_99,
  max: 119_00,
};
const TRAVEL: Merchant = {
  names: ['UNITED AIRLINES 0162', 'MARRIOTT SAN DIEGO', 'AIRBNB * HMQ2XY'],
  min: 89_00,
  max: 480_00,
};
const CONVENIENCE: Merchant = {
  names: ['DOLLAR GENERAL #1234', '7-ELEVEN 33012', "MCDONALD'S F1234", 'CASH APP*JAMIE'],
  min: 3_00,
  max: 24_00,
};
const SAAS: Merchant = {
  names: ['AWS EMEA AWS.AMAZON.CO', 'GOOGLE *GSUITE_ACME', 'SLACK T012ABC', 'ADOBE *CREATIVE CLD'],
  min: 12_00,
  max: 240_00,
};

interface Draft {
  day: number; // offset from the link day
  hour: number;
  /** Fixed for entries that must come in a set order within the hour (pay before bills). */
  minute?: number;
  amount: number;
  description: string;
  /** 'ach' posts the same day; 'card' one or two days later and may be voided. */
  kind: 'ach' | 'card';
}

type Rng = () => number;

function between(rng: Rng, min: number, max: number): number {
  return Math.round(min + rng() * (max - min));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function spend(rng: Rng, day: number, merchant: Merchant): Draft {
  return {
    day,
    hour: between(rng, 7, 22),
    amount: -between(rng, merchant.min, merchant.max),
    description: pick(rng, merchant.names),
    kind: 'card',
  };
}

function ach(day: number, amount: number, description: string, hour = 6, minute?: number): Draft {
  return {
    day,
    hour,
    amount,
    description,
    kind: 'ach',
    ...(minute === undefined ? {} : { minute }),
  };
}

/** What happens on one day of an account's life, by profile. */
function draftsForDay(profile: HistoryProfile, rng: Rng, day: number, date: CalendarDate): Draft[] {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  const dom = date.day;
  const lastDom = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  // Paydays fall on alternate Fridays, counted from a fixed epoch so they are stable.
  const weekIndex = Math.floor(Date.UTC(date.year, date.month - 1, date.day) / (7 * DAY * 1000));
  const out: Draft[] = [];
  const times = (n: number, merchant: Merchant): void => {
    for (let i = 0; i < n; i += 1) out.push(spend(rng, day, merchant));
  };
  switch (profile) {
    case 'everyday': {
      if (weekday === 5 && weekIndex % 2 === 0)
        out.push(ach(day, 2_940_00, 'ACME CORP PAYROLL PPD ID: 9876543210'));
      if (dom === 1) out.push(ach(day, -1_850_00, 'OAKWOOD APARTMENTS RENT WEB PMT'));
      if (dom === 2) out.push(ach(day, -300_00, 'ONLINE TRANSFER TO SAVINGS XXXXXX4321'));
      if (dom === 5) out.push(ach(day, -between(rng, 72_00, 138_00), 'PGANDE WEB ONLINE'));
      if (dom === 7) out.push(spend(rng, day, { names: ['NETFLIX.COM'], min: 15_49, max: 15_49 }));
      if (dom === 12) out.push(ach(day, -89_99, 'COMCAST CABLE COMM'));
      if (dom === 15) out.push(spend(rng, day, { names: ['SPOTIFY USA'], min: 11_99, max: 11_99 }));
      if (dom === 18) out.push(ach(day, -65_00, 'VERIZON WIRELESS PAYMENTS'));
      if (dom === 20) out.push(ach(day, -between(rng, 420_00, 760_00), 'RWDS CARD PAYMENT 1881'));
      if (rng() < 0.45) times(1, COFFEE);
      if (rng() < 0.3) times(1, GROCERIES);
      if (rng() < 0.3) times(1, DINING);
      if (rng() < 0.25) times(1, TRANSPORT);
      if (rng() < 0.12) times(1, SHOPPING);
      break;
    }
    case 'savings': {
      if (dom === 2) out.push(ach(day, 300_00, 'ONLINE TRANSFER FROM CHECKING XXXXXX6789'));
      if (dom === lastDom) out.push(ach(day, between(rng, 38_00, 52_00), 'INTEREST PAYMENT'));
      if (dom === 14 && date.month % 3 === 0)
        out.push(ach(day, -750_00, 'ONLINE TRANSFER TO CHECKING XXXXXX6789'));
      break;
    }
    case 'credit_card': {
      if (dom === 20) out.push(ach(day, between(rng, 420_00, 760_00), 'PAYMENT - THANK YOU'));
      if (rng() < 0.35) times(1, DINING);
      if (rng() < 0.25) times(1, SHOPPING);
      if (rng() < 0.03) times(1, TRAVEL);
      break;
    }
    case 'high_balance': {
      if (dom === 1) out.push(ach(day, 18_500_00, 'WIRE TRANSFER IN ORIG: SUMMIT CAPITAL LLC'));
      if (dom === 10) out.push(ach(day, -12_000_00, 'SCHWAB BROKERAGE MONEYLINK'));
      if (dom === 15 && date.month % 6 === 4)
        out.push(ach(day, -9_850_00, 'COUNTY TAX COLLECTOR PROPERTY TAX'));
      if (rng() < 0.2) times(1, DINING);
      if (rng() < 0.1) times(1, TRAVEL);
      break;
    }
    case 'tight_budget': {
      // Paid weekly; the week's rent and any bill that fell due since the last payday go out
      // the same minute as the pay arrives (listed after it).
      if (weekday === 5) {
        out.push(ach(day, 415_00, 'QUICKSERVE LLC PAYROLL', 6, 0));
        out.push(ach(day, -200_00, 'MAPLE COURT RENT', 6, 0));
        if (dom >= 9 && dom <= 15) out.push(ach(day, -54_00, 'METRO PCS PAYMENT', 6, 0));
        if (dom >= 16 && dom <= 22) out.push(ach(day, -112_00, 'CITY UTILITIES AUTOPAY', 6, 0));
      }
      if (rng() < 0.6) times(1, CONVENIENCE);
      if (rng() < 0.25) times(1, GROCERIES);
      break;
    }
    case 'small_business': {
      if (weekday >= 1 && weekday <= 5 && rng() < 0.5) {
        out.push(ach(day, between(rng, 150_00, 1_400_00), 'STRIPE TRANSFER ST-K3L9P2'));
      }
      if (dom === 15 || dom === lastDom)
        out.push(ach(day, -between(rng, 2_100_00, 2_600_00), 'GUSTO PAYROLL NET PAY'));
      if (dom === 3) out.push(ach(day, -1_200_00, 'HARBOR OFFICE LEASE'));
      if (rng() < 0.2) times(1, SAAS);
      break;
    }
    default: {
      profile satisfies never;
    }
  }
  return out;
}

export interface GeneratedHistory {
  timeline: BankTransaction[];
  /** The current balance before the first transaction, so that at link time it is the template's. */
  openingBalance: number;
}

/** The balance (sum of posted amounts, plus `opening`) at virtual time `at`. */
export function postedBalanceAt(
  timeline: readonly BankTransaction[],
  opening: number,
  at: number,
): number {
  let sum = opening;
  for (const t of timeline) {
    if (t.transactedAt > at) break;
    if (t.postedAt !== null && t.postedAt <= at && !(t.voidAt !== null && t.voidAt <= at))
      sum += t.amount;
  }
  return sum;
}

/** The sum of amounts still pending at `at` (authorised, neither posted nor voided). */
export function pendingAt(timeline: readonly BankTransaction[], at: number): number {
  let sum = 0;
  for (const t of timeline) {
    if (t.transactedAt > at) break;
    const posted = t.postedAt !== null && t.postedAt <= at;
    const voided = t.voidAt !== null && t.voidAt <= at;
    if (!posted && !voided) sum += t.amount;
  }
  return sum;
}

const noons = new Map<string, number>();

/**
 * The unix time of `hour:minute` on `date` in the banks' time zone. Same result as `unixAt`, but
 * it costs one `unixAt` per calendar date (memoised), not one per transaction: `unixAt` builds
 * `Intl` formatters on every call, which made linking an account take about 100 ms. From 03:00
 * on, a day's UTC offset no longer changes (DST switches at 02:00), so counting from noon is exact.
 */
function wallClock(date: CalendarDate, hour: number, minute: number): number {
  if (hour < 3) return unixAt(date, { hour, minute });
  const key = `${String(date.year)}-${String(date.month)}-${String(date.day)}`;
  let noon = noons.get(key);
  if (noon === undefined) {
    noon = unixAt(date, { hour: 12 });
    noons.set(key, noon);
  }
  return noon + (hour - 12) * 3600 + minute * 60;
}

/**
 * The most a profile's account ever has available after it is linked, for the profiles whose
 * story depends on it: the short-of-funds account lives paycheck to paycheck, so a top-up
 * larger than this fails whatever the day (a payday between the top-up and the bank's
 * presentment must not cover it). Pay above the cap repays wage advances the same minute.
 */
export const AVAILABLE_CAP: Partial<Record<HistoryProfile, number>> = { tight_budget: 60_00 };

interface Entry extends BankTransaction {
  kind: Draft['kind'];
}

/**
 * Keeps an account's available balance (posted plus pending, what an ACH debit meets) between
 * 0 and `cap` at every instant after `linkedAt`, given that it is `atLink` then: card payments
 * it cannot cover are declined (they never reach the ledger), and money arriving above the cap
 * leaves at once as a wage-advance repayment. Before the link the same rules run from
 * `atLink`, so the earlier history looks alike.
 */
function keepWithinCap(
  entries: Entry[],
  rng: Rng,
  linkedAt: number,
  atLink: number,
  cap: number,
): BankTransaction[] {
  type Step = { at: number; entry: Entry; release: boolean };
  const steps: Step[] = [];
  for (const entry of entries) {
    steps.push({ at: entry.transactedAt, entry, release: false });
    if (entry.voidAt !== null) steps.push({ at: entry.voidAt, entry, release: true });
  }
  steps.sort((a, b) => a.at - b.at); // stable: same-instant entries keep their order
  const declined = new Set<Entry>();
  const out: BankTransaction[] = [];
  let available = atLink;
  let linked = false;
  for (const [index, step] of steps.entries()) {
    if (!linked && step.at > linkedAt) {
      linked = true;
      available = atLink;
    }
    const { entry } = step;
    if (declined.has(entry)) continue;
    if (step.release) {
      available -= entry.amount; // a voided card payment gives its hold back
    } else {
      if (entry.kind === 'card' && entry.amount < 0 && available + entry.amount < 0) {
        declined.add(entry);
        continue;
      }
      available += entry.amount;
      out.push(toBankTransaction(entry));
    }
    // Money above the cap leaves once everything at this instant is booked (pay, then bills).
    if (available > cap && steps[index + 1]?.at !== step.at) {
      const keep = between(rng, Math.round(cap / 3), cap);
      out.push({
        amount: keep - available,
        description: 'EARNIN ACTIVEHOURS REPAYMT',
        transactedAt: step.at,
        postedAt: step.at + 60 * 60,
        voidAt: null,
        revealedAs: undefined,
      });
      available = keep;
    }
  }
  return out.sort((a, b) => a.transactedAt - b.transactedAt);
}

function toBankTransaction(entry: Entry): BankTransaction {
  return {
    amount: entry.amount,
    description: entry.description,
    transactedAt: entry.transactedAt,
    postedAt: entry.postedAt,
    voidAt: entry.voidAt,
    revealedAs: undefined,
  };
}

/** Generates a template's history around `linkedAt` (virtual unix seconds). */
export function generateHistory(
  seedKey: string,
  template: TestAccountTemplate,
  linkedAt: number,
): GeneratedHistory {
  const rng = seededRandom(hashString(seedKey));
  const linkDay = calendarDateOf(linkedAt);
  const entries: Entry[] = [];
  for (let day = -DAYS_BEFORE; day <= DAYS_AFTER; day += 1) {
    const date = addCalendarDays(linkDay, day);
    for (const draft of draftsForDay(template.history, rng, day, date)) {
      const transactedAt = wallClock(date, draft.hour, draft.minute ?? between(rng, 0, 59));
      let postedAt: number | null = transactedAt + 60 * 60;
      let voidAt: number | null = null;
      if (draft.kind === 'card') {
        postedAt = transactedAt + between(rng, 1, 2) * DAY;
        // About one card payment in fifty is authorised and then released.
        if (rng() < 0.02) {
          voidAt = transactedAt + DAY;
          postedAt = null;
        }
      }
      entries.push({
        kind: draft.kind,
        amount: draft.amount,
        description: draft.description,
        transactedAt,
        postedAt,
        voidAt,
      });
    }
  }
  entries.sort((a, b) => a.transactedAt - b.transactedAt);
  const cap = AVAILABLE_CAP[template.history];
  const timeline =
    cap === undefined
      ? entries.map(toBankTransaction)
      : keepWithinCap(entries, rng, linkedAt, template.balanceAtLink, cap);
  // Cash accounts are defined by what is available at link time (posted plus pending); credit
  // accounts by their current balance.
  const pending = template.category === 'cash' ? pendingAt(timeline, linkedAt) : 0;
  const openingBalance = template.balanceAtLink - postedBalanceAt(timeline, 0, linkedAt) - pending;
  return { timeline, openingBalance };
}
