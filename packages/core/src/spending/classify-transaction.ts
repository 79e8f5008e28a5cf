/**
 * What a bank transaction is, as a person reading their spending sees it. Money moved between
 * the user's own accounts, and paying off a credit card (whose purchases are counted where they
 * were made), is not spending: counting it would show rent-sized "spending" that never left.
 */
export type TransactionKind =
  /** Between the user's own accounts (checking ↔ savings). */
  | 'own_transfer'
  /** A credit card bill paid (money out of checking) or received (money into the card). */
  | 'card_payment'
  /** Everything else: purchases, bills, rent, salary, refunds. */
  | 'spending';

// `ONLINE TRANSFER TO SAVINGS XXXXXX4321`, `TRANSFER FROM CHK 6789`, `INTERNAL TRANSFER`.
const OWN_TRANSFER =
  /\b(?:ONLINE |MOBILE |INTERNAL |INTRA ?BANK |BOOK )?(?:TRANSFER|XFER|TFR) (?:TO|FROM) (?:MY |YOUR )?(?:CHECKING|CHK|SAVINGS|SAV|SHARE|MONEY MARKET|MMA)\b|\b(?:INTERNAL|INTRA ?BANK|BOOK) (?:TRANSFER|XFER)\b/;

// `RWDS CARD PAYMENT 1881`, `CHASE CREDIT CRD AUTOPAY`, `AMEX EPAYMENT`, `PAYMENT - THANK YOU`.
const CARD_PAYMENT =
  /\b(?:CARD|CRD|CREDIT CARD|CC) (?:PAYMENT|PMT|PYMT|AUTOPAY|AUTO PAY|EPAY)\b|\b(?:AMEX|AMERICAN EXPRESS|DISCOVER|CAPITAL ONE|CITI CARD) .*\b(?:E-?PAYMENT|PMT|PAYMENT|AUTOPAY)\b|^(?:AUTOMATIC |ONLINE |MOBILE )?PAYMENT[ -]+THANK YOU\b/;

/** Classifies a transaction by its bank-feed description (any case). */
export function classifyTransaction(description: string): TransactionKind {
  const text = description.toUpperCase().replace(/\s+/g, ' ').trim();
  if (OWN_TRANSFER.test(text)) return 'own_transfer';
  if (CARD_PAYMENT.test(text)) return 'card_payment';
  return 'spending';
}
