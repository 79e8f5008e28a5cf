/**
 * Turns bank-feed descriptions into merchant names people recognise:
 * `WHOLE FOODS MKT #10234 SAN FRANCISCO CA` → `Whole Foods Market`.
 */

// Well-known brands, matched against the cleaned-up description's start. More specific first.
const BRANDS: readonly (readonly [RegExp, string])[] = [
  [/^(?:AWS\b|AMAZON WEB SERVICES)/, 'Amazon Web Services'],
  [/^(?:AMZN|AMAZON)/, 'Amazon'],
  [/^(?:WHOLE ?FOODS|WHOLEFDS|WFM\b)/, 'Whole Foods Market'],
  [/^UBER ?EATS/, 'Uber Eats'],
  [/^UBER\b/, 'Uber'],
  [/^EARNIN\b/, 'EarnIn'],
  [/^LYFT\b/, 'Lyft'],
  [/^(?:DOORDASH|DD ?\*? ?DOORDASH)/, 'DoorDash'],
  [/^(?:STARBUCKS|SBUX\b)/, 'Starbucks'],
  [/^NETFLIX/, 'Netflix'],
  [/^SPOTIFY/, 'Spotify'],
  [/^(?:APPLE\b|APL ?\*|ITUNES)/, 'Apple'],
  [/^TARGET\b/, 'Target'],
  [/^SAFEWAY/, 'Safeway'],
  [/^TRADER JOE/, "Trader Joe's"],
  [/^SHELL\b/, 'Shell'],
  [/^(?:PGANDE\b|PG ?& ?E\b|PG AND E\b|PACIFIC GAS)/, 'PG&E'],
  [/^(?:COMCAST|XFINITY)/, 'Comcast'],
  [/^(?:VERIZON|VZWRLSS|VZW\b)/, 'Verizon'],
  [/^CHIPOTLE/, 'Chipotle'],
  [/^SWEETGREEN/, 'Sweetgreen'],
  [/^7[- ]?ELEVEN/, '7-Eleven'],
  [/^MC ?DONALD'?S?\b/, "McDonald's"],
  [/^DOLLAR ?GENERAL/, 'Dollar General'],
  [/^BLUE ?BOTTLE/, 'Blue Bottle'],
  [/^GOOGLE\b/, 'Google'],
  [/^AIRBNB/, 'Airbnb'],
  [/^MARRIOTT/, 'Marriott'],
  [/^CASH ?APP\b/, 'Cash App'],
  [/^ADOBE\b/, 'Adobe'],
];

// Payment processors that put their own tag before the merchant: `SQ *BLUE BOTTLE` is Blue Bottle.
const PROCESSOR_PREFIX = /^(?:SQ|TST|PAYPAL|PP|SP|SUMUP|IZ|ZETTLE_?|CKO|FS|2CO|EB|PY) ?\* ?/;

// Card and ACH wording in front of the merchant.
const BOILERPLATE_PREFIX =
  /^(?:POS (?:PURCHASE|DEBIT) |POS |DEBIT CARD PURCHASE |DEBIT PURCHASE |CHECKCARD \d{4} |(?:RECURRING PAYMENT |PURCHASE )AUTHORIZED ON \d\d\/\d\d |PURCHASE |ACH (?:DEBIT|CREDIT) |PREAUTHORIZED DEBIT )/;

// An ACH originator named after a label: `WIRE TRANSFER IN ORIG: SUMMIT CAPITAL LLC`,
// `ORIG CO NAME:ACME CORP ORIG ID:123 DESC DATE:…`.
const ORIGINATOR =
  /\bORIG(?:INATOR)?(?: CO)?(?: NAME)? ?: ?(.+?)(?= (?:ORIG ID|DESC DATE|CO ENTRY DESCR|SEC|TRACE|EED|IND ID|IND NAME|ID) ?:|$)/;

// Where the merchant name ends and ACH reference data begins.
const ACH_DETAILS =
  / (?:(?:PPD|CCD|WEB|TEL|CTX|IAT|CO)? ?ID ?:|DES ?:|INDN ?:|TRACE ?#|REF ?#|CONF ?#)/;

// Trailing ACH and bill-pay wording: `OAKWOOD APARTMENTS RENT WEB PMT`.
const TRAILING_BOILERPLATE =
  / (?:PPD|CCD|WEB|TEL|ACH|WEB PMTS?|WEB ONLINE|ONLINE PMTS?|AUTOPAY|AUTO PAY|BILL ?PAY|RECURRING)$/;

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  CTR: 'CENTER',
  DEPT: 'DEPARTMENT',
  INTL: 'INTERNATIONAL',
  MKT: 'MARKET',
  MKTP: 'MARKETPLACE',
  PMT: 'PAYMENT',
  RWDS: 'REWARDS',
  SVC: 'SERVICE',
  SVCS: 'SERVICES',
};

// State codes that are also English words are left alone (`WIRE TRANSFER IN`).
const US_STATES = new Set(
  (
    'AL AK AZ AR CA CT FL GA IA ID IL KS KY LA MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH ' +
    'PA RI SC SD TN TX UT VT VA WA WV WI WY DC'
  ).split(' '),
);

const ACRONYMS = new Set(['USA', 'US', 'ATM', 'ACH', 'AWS', 'IRS', 'ID', 'UPS', 'LLC', 'NA']);
const SMALL_WORDS = new Set([
  'A',
  'AN',
  'AND',
  'AT',
  'BY',
  'FOR',
  'FROM',
  'IN',
  'OF',
  'ON',
  'OR',
  'THE',
  'TO',
  'VIA',
  'WITH',
]);

// All brand patterns as one alternation (in order, so the first listed still wins): one regex
// call instead of thirty. The patterns start with `^` and have no capturing groups of their own.
const ANY_BRAND = new RegExp(`^(?:${BRANDS.map(([p]) => `(${p.source.slice(1)})`).join('|')})`);

function brandOf(text: string): string | undefined {
  const match = ANY_BRAND.exec(text);
  if (!match) return undefined;
  // Group i + 1 is brand i; only the alternative that matched has a value.
  for (let i = 1; i < match.length; i += 1) if (match[i] !== undefined) return BRANDS[i - 1]?.[1];
  return undefined;
}

function capitalize(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

function titleCase(words: readonly string[]): string {
  return words
    .map((word, index) => {
      if (ACRONYMS.has(word) || word.includes('&')) return word;
      if (index > 0 && SMALL_WORDS.has(word)) return word.toLowerCase();
      // Letters without a vowel are an abbreviation: NSF, PCS, CVS.
      if (/^[A-Z]{2,}$/.test(word) && !/[AEIOUY]/.test(word)) return word;
      return word.includes('-') ? word.split('-').map(capitalize).join('-') : capitalize(word);
    })
    .join(' ');
}

/** A token like `NETFLIX.COM` or `APPLE.COM/BILL` reduced to the name in it. */
function stripDomain(token: string): string {
  if (!token.includes('.') && !token.includes('/')) return token;
  const domain = /^(?:WWW\.)?([A-Z0-9-]+)\.(?:COM|NET|ORG|IO|CO|US|APP)\b/.exec(token);
  return (domain?.[1] ?? token).split('/')[0] ?? token;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 5000;

/**
 * A merchant name from a bank-feed description. It strips processor tags (`SQ *`, `TST*`,
 * `PAYPAL *`), card and ACH wording (`POS PURCHASE`, `PPD ID: …`, `WEB PMT`), store numbers,
 * reference codes after `*` or containing digits, and a trailing US state; expands a few bank
 * abbreviations (`MKT`, `RWDS`); maps well-known brands to their names (`AMZN Mktp US*2K4L91` →
 * `Amazon`); and title-cases the rest (`ACME CORP PAYROLL PPD ID: 9876543210` →
 * `Acme Corp Payroll`). An empty description gives `''`.
 */
export function normalizeMerchant(description: string): string {
  const cached = cache.get(description);
  if (cached !== undefined) return cached;
  const name = normalize(description);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(description, name);
  return name;
}

function normalize(description: string): string {
  // NFKC folds full-width letters and odd spaces; plain ASCII (most feeds) does not need it.
  const original = (
    /^[\x20-\x7e]*$/.test(description) ? description : description.normalize('NFKC')
  )
    .toUpperCase()
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (original === '') return '';

  let text = ORIGINATOR.exec(original)?.[1] ?? original;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(BOILERPLATE_PREFIX, '').replace(PROCESSOR_PREFIX, '');
  }
  const brand = brandOf(text);
  if (brand) return brand;

  // `DOORDASH*THAI BASIL`: the part before `*` names the merchant, the rest is a reference.
  const star = text.indexOf('*');
  if (star > 0) text = text.slice(0, star);
  else if (star === 0) text = text.slice(1);
  const details = ACH_DETAILS.exec(text);
  if (details) text = text.slice(0, details.index);
  text = text.trim();
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(TRAILING_BOILERPLATE, '');
  }

  const words: string[] = [];
  for (const token of text.split(' ')) {
    const word = stripDomain(token);
    // Store numbers, masked account numbers and codes end the name (what follows is a place).
    if (words.length > 0 && (/\d|^#|^X{4,}/.test(word) || word === '')) break;
    if (/^[^A-Z0-9]+$/.test(word) && word !== '&') continue;
    words.push(ABBREVIATIONS[word] ?? word);
  }
  if (words.length >= 3 && US_STATES.has(words[words.length - 1] ?? '')) words.pop();

  const cleaned = words.join(' ');
  if (cleaned === '') return titleCase(original.split(' '));
  return brandOf(cleaned) ?? titleCase(words);
}
