import { describe, expect, it } from 'vitest';
import { classifyTransaction } from './classify-transaction.js';

describe('classifyTransaction', () => {
  it('knows money moved between the user’s own accounts', () => {
    for (const description of [
      'ONLINE TRANSFER TO SAVINGS XXXXXX4321',
      'ONLINE TRANSFER FROM CHECKING XXXXXX6789',
      'Online Transfer to Checking xxxxxx6789',
      'MOBILE XFER TO SAV 4321',
      'INTERNAL TRANSFER 000123',
    ]) {
      expect(classifyTransaction(description), description).toBe('own_transfer');
    }
  });

  it('knows a credit card bill paid from checking and received by the card', () => {
    for (const description of [
      'RWDS CARD PAYMENT 1881',
      'CHASE CREDIT CRD AUTOPAY',
      'AMEX EPAYMENT ACH PMT',
      'PAYMENT - THANK YOU',
      'AUTOMATIC PAYMENT - THANK YOU',
    ]) {
      expect(classifyTransaction(description), description).toBe('card_payment');
    }
  });

  it('leaves purchases, bills, rent, salary and transfers to other people as spending', () => {
    for (const description of [
      'OAKWOOD APARTMENTS RENT WEB PMT',
      'VERIZON WIRELESS PAYMENTS',
      'METRO PCS PAYMENT',
      'WHOLE FOODS MKT #10234 SAN FRANCISCO CA',
      'WIRE TRANSFER IN ORIG: SUMMIT CAPITAL LLC',
      'STRIPE TRANSFER ST-K3L9P2',
      'ACME CORP PAYROLL PPD ID: 9876543210',
      'INTEREST PAYMENT',
      'CASH APP*JAMIE',
    ]) {
      expect(classifyTransaction(description), description).toBe('spending');
    }
  });
});
