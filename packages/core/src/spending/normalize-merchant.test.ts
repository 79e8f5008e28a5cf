import { describe, expect, it } from 'vitest';
import { normalizeMerchant } from './normalize-merchant.js';

/**
 * Every description the sandbox generates (packages/sandbox/src/fc/history.ts and synthetic.ts,
 * plus the seed's opening deposit), with the name a person should see.
 */
const SANDBOX_DESCRIPTIONS: Readonly<Record<string, string>> = {
  // Wage advances (the short-of-funds persona repays one each payday)
  'EARNIN ACTIVEHOURS REPAYMT': 'EarnIn',
  // Groceries
  'WHOLE FOODS MKT #10234 SAN FRANCISCO CA': 'Whole Foods Market',
  'TRADER JOE S #552 QPS': "Trader Joe's",
  'SAFEWAY #1711': 'Safeway',
  'WHOLEFDS MKT 10234': 'Whole Foods Market',
  'WHOLE FOODS MKT #10234': 'Whole Foods Market',
  // Coffee
  'STARBUCKS STORE 05812': 'Starbucks',
  'BLUE BOTTLE COFFEE SF': 'Blue Bottle',
  'STARBUCKS STORE 11937': 'Starbucks',
  // Dining
  'CHIPOTLE 1234': 'Chipotle',
  'SWEETGREEN MISSION': 'Sweetgreen',
  'DOORDASH*THAI BASIL': 'DoorDash',
  'TST* NOPA RESTAURANT': 'Nopa Restaurant',
  // Transport
  'UBER *TRIP HELP.UBER.COM': 'Uber',
  'UBER *TRIP': 'Uber',
  'LYFT *RIDE WED 8PM': 'Lyft',
  'SHELL OIL 57444225': 'Shell',
  'CLIPPER SERVICE': 'Clipper Service',
  // Shopping
  'AMZN Mktp US*2K4L91': 'Amazon',
  'AMAZON.COM*1A2B3C4D': 'Amazon',
  'TARGET 00027': 'Target',
  'APPLE.COM/BILL': 'Apple',
  // Travel
  'UNITED AIRLINES 0162': 'United Airlines',
  'MARRIOTT SAN DIEGO': 'Marriott',
  'AIRBNB * HMQ2XY': 'Airbnb',
  // Convenience
  'DOLLAR GENERAL #1234': 'Dollar General',
  '7-ELEVEN 33012': '7-Eleven',
  "MCDONALD'S F1234": "McDonald's",
  'CASH APP*JAMIE': 'Cash App',
  // Software
  'AWS EMEA AWS.AMAZON.CO': 'Amazon Web Services',
  'GOOGLE *GSUITE_ACME': 'Google',
  'SLACK T012ABC': 'Slack',
  'ADOBE *CREATIVE CLD': 'Adobe',
  // Everyday checking
  'ACME CORP PAYROLL PPD ID: 9876543210': 'Acme Corp Payroll',
  'OAKWOOD APARTMENTS RENT WEB PMT': 'Oakwood Apartments Rent',
  'ONLINE TRANSFER TO SAVINGS XXXXXX4321': 'Online Transfer to Savings',
  'PGANDE WEB ONLINE': 'PG&E',
  'NETFLIX.COM': 'Netflix',
  'COMCAST CABLE COMM': 'Comcast',
  'SPOTIFY USA': 'Spotify',
  'VERIZON WIRELESS PAYMENTS': 'Verizon',
  'RWDS CARD PAYMENT 1881': 'Rewards Card Payment',
  // Savings
  'ONLINE TRANSFER FROM CHECKING XXXXXX6789': 'Online Transfer from Checking',
  'INTEREST PAYMENT': 'Interest Payment',
  'ONLINE TRANSFER TO CHECKING XXXXXX6789': 'Online Transfer to Checking',
  // Credit card
  'PAYMENT - THANK YOU': 'Payment Thank You',
  // High balance
  'WIRE TRANSFER IN ORIG: SUMMIT CAPITAL LLC': 'Summit Capital LLC',
  'SCHWAB BROKERAGE MONEYLINK': 'Schwab Brokerage Moneylink',
  'COUNTY TAX COLLECTOR PROPERTY TAX': 'County Tax Collector Property Tax',
  // Tight budget
  'QUICKSERVE LLC PAYROLL': 'Quickserve LLC Payroll',
  'MAPLE COURT RENT': 'Maple Court Rent',
  'METRO PCS PAYMENT': 'Metro PCS Payment',
  'CITY UTILITIES AUTOPAY': 'City Utilities',
  'NSF FEE': 'NSF Fee',
  // Small business
  'STRIPE TRANSFER ST-K3L9P2': 'Stripe Transfer',
  'GUSTO PAYROLL NET PAY': 'Gusto Payroll Net Pay',
  'HARBOR OFFICE LEASE': 'Harbor Office Lease',
  // Fallback and seed
  PURCHASE: 'Purchase',
  'Opening deposit': 'Opening Deposit',
};

describe('normalizeMerchant', () => {
  it('names the merchants in the brief', () => {
    expect(normalizeMerchant('WHOLE FOODS MKT #10234 SAN FRANCISCO CA')).toBe('Whole Foods Market');
    expect(normalizeMerchant('WHOLEFDS MKT 10234')).toBe('Whole Foods Market');
    expect(normalizeMerchant('STARBUCKS STORE 05812')).toBe('Starbucks');
    expect(normalizeMerchant('UBER *TRIP HELP.UBER.COM')).toBe('Uber');
    expect(normalizeMerchant('AMZN Mktp US*2K4L91')).toBe('Amazon');
    expect(normalizeMerchant('AMAZON.COM*1A2B3C4D')).toBe('Amazon');
    expect(normalizeMerchant('TST* NOPA RESTAURANT')).toBe('Nopa Restaurant');
    expect(normalizeMerchant('DOORDASH*THAI BASIL')).toBe('DoorDash');
    expect(normalizeMerchant('SQ *BLUE BOTTLE')).toBe('Blue Bottle');
    expect(normalizeMerchant('PGANDE WEB ONLINE')).toBe('PG&E');
    expect(normalizeMerchant('ACME CORP PAYROLL PPD ID: 9876543210')).toBe('Acme Corp Payroll');
  });

  it('gives every description the sandbox generates a sensible name', () => {
    for (const [description, name] of Object.entries(SANDBOX_DESCRIPTIONS)) {
      expect(normalizeMerchant(description), description).toBe(name);
    }
  });

  it('knows every description in the sandbox’s source, so new ones get a name here first', () => {
    // Read as text, not imported: core never depends on the sandbox.
    const fs = (
      globalThis as {
        process?: { getBuiltinModule?: (id: string) => unknown };
      }
    ).process?.getBuiltinModule?.('node:fs') as
      { readFileSync: (path: URL, encoding: 'utf8') => string } | undefined;
    expect(fs).toBeDefined();
    const sources = ['history.ts', 'synthetic.ts'].map((file) =>
      fs?.readFileSync(new URL(`../../../sandbox/src/fc/${file}`, import.meta.url), 'utf8'),
    );
    const literals = Array.from(
      sources.join('\n').matchAll(/'((?:[^'\\\n]|\\.)*)'|"([^"\n]*)"/g),
      (match) => (match[1] ?? match[2] ?? '').replace(/\\'/g, "'"),
    ).filter((text) => /[A-Z]{3}/.test(text)); // descriptions shout; imports and profiles do not
    expect(literals.length).toBeGreaterThan(50);
    for (const literal of literals) {
      expect(Object.keys(SANDBOX_DESCRIPTIONS), literal).toContain(literal);
    }
  });

  it('strips payment processor tags', () => {
    expect(normalizeMerchant('SQ *JOE\u2019S PIZZA')).toBe("Joe's Pizza");
    expect(normalizeMerchant('SQ*BLUE BOTTLE')).toBe('Blue Bottle');
    expect(normalizeMerchant('PAYPAL *NETFLIX')).toBe('Netflix');
    expect(normalizeMerchant('TST*NOPA RESTAURANT 415')).toBe('Nopa Restaurant');
  });

  it('strips card wording, store numbers and the place after them', () => {
    expect(normalizeMerchant('POS PURCHASE CORNER DELI 1234 BROOKLYN NY')).toBe('Corner Deli');
    expect(normalizeMerchant('PURCHASE AUTHORIZED ON 01/02 CORNER DELI S123456 CARD 1234')).toBe(
      'Corner Deli',
    );
    expect(normalizeMerchant('CHECKCARD 0102 JOES PIZZA #12 BROOKLYN NY')).toBe('Joes Pizza');
  });

  it('drops a trailing state code but keeps the rest of a place it cannot tell apart', () => {
    expect(normalizeMerchant('JOES PIZZA NEW YORK NY')).toBe('Joes Pizza New York');
  });

  it('names the originator of ACH credits and wires', () => {
    expect(
      normalizeMerchant(
        'ORIG CO NAME:ACME CORP ORIG ID:1234567890 DESC DATE:260101 CO ENTRY DESCR:PAYROLL SEC:PPD',
      ),
    ).toBe('Acme Corp');
    expect(normalizeMerchant('ACME CORP DES:PAYROLL ID:XXXXX INDN:JANE DOE CO ID:XXXXX PPD')).toBe(
      'Acme Corp',
    );
  });

  it('keeps acronyms and ampersands in capitals and small words in lower case', () => {
    expect(normalizeMerchant('H&M 0123')).toBe('H&M');
    expect(normalizeMerchant('AT&T *PAYMENT')).toBe('AT&T');
    expect(normalizeMerchant('CVS/PHARMACY #09876')).toBe('CVS');
    expect(normalizeMerchant('BANK OF THE WEST')).toBe('Bank of the West');
    expect(normalizeMerchant('IN-N-OUT BURGER 123')).toBe('In-N-Out Burger');
  });

  it('maps brand spellings from different feeds to one name', () => {
    expect(normalizeMerchant('SBUX 1234')).toBe('Starbucks');
    expect(normalizeMerchant('WFM #10234')).toBe('Whole Foods Market');
    expect(normalizeMerchant('UBER EATS')).toBe('Uber Eats');
    expect(normalizeMerchant('DD *DOORDASH SWEETGREEN')).toBe('DoorDash');
    expect(normalizeMerchant('VZWRLSS*APOCC VISB')).toBe('Verizon');
    expect(normalizeMerchant('XFINITY MOBILE')).toBe('Comcast');
    expect(normalizeMerchant('7 ELEVEN 123')).toBe('7-Eleven');
    expect(normalizeMerchant('PG&E WEB ONLINE')).toBe('PG&E');
    expect(normalizeMerchant('TRADER JOE\u2019S #123')).toBe("Trader Joe's");
    expect(normalizeMerchant('APPLEBEES 123')).toBe('Applebees');
  });

  it('reads mixed-case and oddly spaced descriptions', () => {
    expect(normalizeMerchant('  starbucks   store  123 ')).toBe('Starbucks');
    expect(normalizeMerchant('Opening deposit')).toBe('Opening Deposit');
  });

  it('gives an empty name for an empty description and keeps what it cannot clean', () => {
    expect(normalizeMerchant('')).toBe('');
    expect(normalizeMerchant('   ')).toBe('');
    expect(normalizeMerchant('#1234')).toBe('#1234');
  });
});
