import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';
import type { TransferPhase } from '@purse/core';
import type { Catalog } from '../i18n/catalog.js';

export interface TransferStatusMessages {
  title: string;
  /** The badge for each phase. */
  phases: Record<TransferPhase, string>;
  timelineLabel: string;
  /** `source` is e.g. "STRIPEBANK ••6789". */
  fromSource: (source: string) => string;
  toAccount: string;
  unknownBank: string;
  sourceName: (bankName: string, last4: string | null) => string;
  sameDay: string;
  expectedArrival: (dates: string) => string;
  failedTitle: string;
  returnedTitle: string;
  loadErrorTitle: string;
  notFound: string;
  /** The polite announcement when a top-up moves to `phase`. */
  announce: Record<TransferPhase, (amount: string) => string>;
}

const en: TransferStatusMessages = {
  title: 'Top-up',
  phases: {
    review: 'Under review',
    processing: 'Processing',
    succeeded: 'Succeeded',
    failed: 'Failed',
    canceled: 'Canceled',
    returned: 'Returned',
  },
  timelineLabel: 'Progress',
  fromSource: (source) => `From ${source}`,
  toAccount: 'To your financial account',
  unknownBank: 'Bank account',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  sameDay: 'Same-day',
  expectedArrival: (dates) => `Expected to arrive ${dates}`,
  failedTitle: 'This top-up failed',
  returnedTitle: 'Your bank returned the money after it arrived',
  loadErrorTitle: 'We couldn’t load this top-up',
  notFound: 'We couldn’t find this top-up. It may belong to another account.',
  announce: {
    review: (amount) => `Top-up of ${amount} is under review`,
    processing: (amount) => `Top-up of ${amount} is processing`,
    succeeded: (amount) => `Top-up of ${amount} succeeded`,
    failed: (amount) => `Top-up of ${amount} failed`,
    canceled: (amount) => `Top-up of ${amount} canceled`,
    returned: (amount) => `Top-up of ${amount} was returned by your bank`,
  },
};

/** German, loaded with `@purse/react/locales/de`. */
export const transferStatusMessagesDe: TransferStatusMessages = {
  title: 'Einzahlung',
  phases: {
    review: 'In Prüfung',
    processing: 'In Bearbeitung',
    succeeded: 'Erfolgreich',
    failed: 'Fehlgeschlagen',
    canceled: 'Storniert',
    returned: 'Zurückgebucht',
  },
  timelineLabel: 'Fortschritt',
  fromSource: (source) => `Von ${source}`,
  toAccount: 'Auf Ihr Finanzkonto',
  unknownBank: 'Bankkonto',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  sameDay: 'Taggleich',
  expectedArrival: (dates) => `Voraussichtlicher Eingang: ${dates}`,
  failedTitle: 'Diese Einzahlung ist fehlgeschlagen',
  returnedTitle: 'Ihre Bank hat das Geld nach dem Eingang zurückgebucht',
  loadErrorTitle: 'Wir konnten diese Einzahlung nicht laden',
  notFound:
    'Wir konnten diese Einzahlung nicht finden. Sie gehört vielleicht zu einem anderen Konto.',
  announce: {
    review: (amount) => `Einzahlung über ${amount} wird geprüft`,
    processing: (amount) => `Einzahlung über ${amount} wird bearbeitet`,
    succeeded: (amount) => `Einzahlung über ${amount} erfolgreich`,
    failed: (amount) => `Einzahlung über ${amount} fehlgeschlagen`,
    canceled: (amount) => `Einzahlung über ${amount} storniert`,
    returned: (amount) => `Einzahlung über ${amount} wurde von Ihrer Bank zurückgebucht`,
  },
};

/** French, loaded with `@purse/react/locales/fr`. */
export const transferStatusMessagesFr: TransferStatusMessages = {
  title: 'Rechargement',
  phases: {
    review: 'En vérification',
    processing: 'En cours',
    succeeded: 'Réussi',
    failed: 'Échoué',
    canceled: 'Annulé',
    returned: 'Retourné',
  },
  timelineLabel: 'Progression',
  fromSource: (source) => `Depuis ${source}`,
  toAccount: 'Vers votre compte financier',
  unknownBank: 'Compte bancaire',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  sameDay: 'Jour même',
  expectedArrival: (dates) => `Arrivée prévue : ${dates}`,
  failedTitle: 'Ce rechargement a échoué',
  returnedTitle: 'Votre banque a repris l’argent après son arrivée',
  loadErrorTitle: 'Nous n’avons pas pu charger ce rechargement',
  notFound: 'Nous n’avons pas trouvé ce rechargement. Il appartient peut-être à un autre compte.',
  announce: {
    review: (amount) => `Le rechargement de ${amount} est en vérification`,
    processing: (amount) => `Le rechargement de ${amount} est en cours`,
    succeeded: (amount) => `Le rechargement de ${amount} a réussi`,
    failed: (amount) => `Le rechargement de ${amount} a échoué`,
    canceled: (amount) => `Le rechargement de ${amount} a été annulé`,
    returned: (amount) => `Le rechargement de ${amount} a été retourné par votre banque`,
  },
};

/** All three, for tests and translators (components read `transferStatusText`). */
export const transferStatusMessages: Catalog<TransferStatusMessages> = {
  en,
  de: transferStatusMessagesDe,
  fr: transferStatusMessagesFr,
};

/** What the component reads: English built in, other locales from their packs. */
export const transferStatusText: MessageRef<TransferStatusMessages> = defineMessages(
  'transferStatus',
  en,
);
