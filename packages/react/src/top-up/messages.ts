import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';
import type { Catalog } from '../i18n/catalog.js';

export interface TopUpMessages {
  title: string;
  /** `to`: the host's `destinationName`, else `yourWallet`. */
  subtitle: (to: string) => string;
  yourWallet: string;
  noSourcesTitle: string;
  noSourcesBody: string;
  linkBank: string;
  /** `name`: the account's own name ("Everyday Checking"), else its bank's. */
  sourceName: (name: string, last4: string | null) => string;
  unknownBank: string;
}

const en: TopUpMessages = {
  title: 'Add money',
  subtitle: (to) => `Move money from your bank to ${to}.`,
  yourWallet: 'your wallet',
  noSourcesTitle: 'Link a bank account first',
  noSourcesBody: 'To add money, link the bank account it should come from.',
  linkBank: 'Link a bank account',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  unknownBank: 'Bank account',
};

/** German, loaded with `@purse/react/locales/de`. */
export const topUpMessagesDe: TopUpMessages = {
  title: 'Geld einzahlen',
  subtitle: (to) => `Überweisen Sie Geld von Ihrer Bank auf ${to}.`,
  yourWallet: 'Ihr Wallet',
  noSourcesTitle: 'Verknüpfen Sie zuerst ein Bankkonto',
  noSourcesBody: 'Um Geld einzuzahlen, verknüpfen Sie das Bankkonto, von dem es kommen soll.',
  linkBank: 'Bankkonto verknüpfen',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  unknownBank: 'Bankkonto',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const topUpMessagesFr: TopUpMessages = {
  title: 'Ajouter de l’argent',
  subtitle: (to) => `Transférez de l’argent de votre banque vers ${to}.`,
  yourWallet: 'votre portefeuille',
  noSourcesTitle: 'Associez d’abord un compte bancaire',
  noSourcesBody: 'Pour ajouter de l’argent, associez le compte bancaire d’où il doit venir.',
  linkBank: 'Associer un compte bancaire',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  unknownBank: 'Compte bancaire',
};

/** All three, for tests and translators (components read `topUpText`). */
export const topUpMessages: Catalog<TopUpMessages> = {
  en,
  de: topUpMessagesDe,
  fr: topUpMessagesFr,
};

/** What the component reads: English built in, other locales from their packs. */
export const topUpText: MessageRef<TopUpMessages> = defineMessages('topUp', en);
