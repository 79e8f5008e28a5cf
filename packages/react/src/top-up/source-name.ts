import type { TopUpSource } from '@purse/core';
import type { TopUpMessages } from './messages.js';

/** A source as the person knows it: "Everyday Checking ••4321" (its bank's name when unnamed). */
export function sourceName(source: TopUpSource, m: TopUpMessages): string {
  return m.sourceName(source.accountName ?? source.bankName ?? m.unknownBank, source.last4);
}
