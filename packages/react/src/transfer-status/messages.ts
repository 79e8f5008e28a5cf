import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';
import type { TimelineStepKey, TimelineStepState, TransferPhase } from '@purse/core';
import type { Catalog } from '../i18n/catalog.js';

export interface TransferStatusMessages {
  title: string;
  /** The badge for each phase. */
  phases: Record<TransferPhase, string>;
  timelineLabel: string;
  steps: Record<TimelineStepKey, string>;
  /** Read after a step's name by screen readers. */
  stepStates: Record<TimelineStepState, string>;
  /** `source` is e.g. "STRIPEBANK ••6789". */
  fromSource: (source: string) => string;
  toAccount: string;
  unknownBank: string;
  sourceName: (bankName: string, last4: string | null) => string;
  sameDay: string;
  expectedArrival: (dates: string) => string;
  reviewNote: string;
  processingNote: string;
  succeededNote: string;
  canceledNote: string;
  failedTitle: string;
  nextStepLabel: string;
  returnedTitle: string;
  returnedBody: (amount: string) => string;
  cancel: string;
  cancelConfirmTitle: string;
  cancelConfirmBody: string;
  cancelConfirmYes: string;
  cancelConfirmNo: string;
  canceling: string;
  cancelNotCancelable: string;
  cancelErrorTitle: string;
  receipt: string;
  opensInNewTab: string;
  loadErrorTitle: string;
  notFound: string;
  staleNote: string;
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
  steps: {
    created: 'Requested',
    review: 'Under review',
    processing: 'Processing with your bank',
    succeeded: 'Money arrived',
    failed: 'Failed',
    canceled: 'Canceled',
    returned: 'Returned by your bank',
  },
  stepStates: {
    complete: 'done',
    current: 'current step',
    upcoming: 'expected next',
    skipped: 'skipped',
  },
  fromSource: (source) => `From ${source}`,
  toAccount: 'To your financial account',
  unknownBank: 'Bank account',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  sameDay: 'Same-day',
  expectedArrival: (dates) => `Expected to arrive ${dates}`,
  reviewNote: 'We’re reviewing this top-up before sending it to your bank.',
  processingNote: 'Your bank is sending the money. Bank transfers take 2–4 business days.',
  succeededNote: 'The money is in your financial account.',
  canceledNote: 'This top-up was canceled before it reached your bank. No money moved.',
  failedTitle: 'This top-up failed',
  nextStepLabel: 'What you can do:',
  returnedTitle: 'Your bank returned the money after it arrived',
  returnedBody: (amount) =>
    `The ${amount} was taken back out of your financial account balance. Contact your bank if you don’t know why.`,
  cancel: 'Cancel top-up',
  cancelConfirmTitle: 'Cancel this top-up?',
  cancelConfirmBody: 'We won’t take the money from your bank.',
  cancelConfirmYes: 'Yes, cancel top-up',
  cancelConfirmNo: 'Keep top-up',
  canceling: 'Canceling…',
  cancelNotCancelable:
    'This top-up can no longer be canceled: it’s already on its way to your bank.',
  cancelErrorTitle: 'We couldn’t cancel this top-up',
  receipt: 'View receipt',
  opensInNewTab: '(opens in a new tab)',
  loadErrorTitle: 'We couldn’t load this top-up',
  notFound: 'We couldn’t find this top-up. It may belong to another account.',
  staleNote: 'We couldn’t check for updates. This is the last status we saw.',
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
  steps: {
    created: 'Beauftragt',
    review: 'In Prüfung',
    processing: 'Bearbeitung durch Ihre Bank',
    succeeded: 'Geld eingegangen',
    failed: 'Fehlgeschlagen',
    canceled: 'Storniert',
    returned: 'Von Ihrer Bank zurückgebucht',
  },
  stepStates: {
    complete: 'erledigt',
    current: 'aktueller Schritt',
    upcoming: 'als Nächstes erwartet',
    skipped: 'übersprungen',
  },
  fromSource: (source) => `Von ${source}`,
  toAccount: 'Auf Ihr Finanzkonto',
  unknownBank: 'Bankkonto',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  sameDay: 'Taggleich',
  expectedArrival: (dates) => `Voraussichtlicher Eingang: ${dates}`,
  reviewNote: 'Wir prüfen diese Einzahlung, bevor wir sie an Ihre Bank senden.',
  processingNote: 'Ihre Bank überweist das Geld. Banküberweisungen dauern 2–4 Werktage.',
  succeededNote: 'Das Geld ist auf Ihrem Finanzkonto.',
  canceledNote:
    'Diese Einzahlung wurde storniert, bevor sie Ihre Bank erreicht hat. Es wurde kein Geld bewegt.',
  failedTitle: 'Diese Einzahlung ist fehlgeschlagen',
  nextStepLabel: 'Was Sie tun können:',
  returnedTitle: 'Ihre Bank hat das Geld nach dem Eingang zurückgebucht',
  returnedBody: (amount) =>
    `${amount} wurden wieder von Ihrem Finanzkonto abgezogen. Wenden Sie sich an Ihre Bank, wenn Sie den Grund nicht kennen.`,
  cancel: 'Einzahlung stornieren',
  cancelConfirmTitle: 'Diese Einzahlung stornieren?',
  cancelConfirmBody: 'Wir buchen das Geld dann nicht von Ihrer Bank ab.',
  cancelConfirmYes: 'Ja, Einzahlung stornieren',
  cancelConfirmNo: 'Einzahlung behalten',
  canceling: 'Wird storniert …',
  cancelNotCancelable:
    'Diese Einzahlung kann nicht mehr storniert werden: Sie ist bereits auf dem Weg zu Ihrer Bank.',
  cancelErrorTitle: 'Wir konnten diese Einzahlung nicht stornieren',
  receipt: 'Beleg ansehen',
  opensInNewTab: '(öffnet in einem neuen Tab)',
  loadErrorTitle: 'Wir konnten diese Einzahlung nicht laden',
  notFound:
    'Wir konnten diese Einzahlung nicht finden. Sie gehört vielleicht zu einem anderen Konto.',
  staleNote: 'Wir konnten nicht nach Neuigkeiten suchen. Dies ist der zuletzt bekannte Stand.',
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
  steps: {
    created: 'Demandé',
    review: 'En vérification',
    processing: 'Traitement par votre banque',
    succeeded: 'Argent reçu',
    failed: 'Échoué',
    canceled: 'Annulé',
    returned: 'Retourné par votre banque',
  },
  stepStates: {
    complete: 'terminé',
    current: 'étape en cours',
    upcoming: 'étape attendue',
    skipped: 'ignoré',
  },
  fromSource: (source) => `Depuis ${source}`,
  toAccount: 'Vers votre compte financier',
  unknownBank: 'Compte bancaire',
  sourceName: (bankName, last4) => (last4 ? `${bankName} ••${last4}` : bankName),
  sameDay: 'Jour même',
  expectedArrival: (dates) => `Arrivée prévue : ${dates}`,
  reviewNote: 'Nous vérifions ce rechargement avant de l’envoyer à votre banque.',
  processingNote:
    'Votre banque envoie l’argent. Les virements bancaires prennent 2 à 4 jours ouvrés.',
  succeededNote: 'L’argent est sur votre compte financier.',
  canceledNote:
    'Ce rechargement a été annulé avant d’atteindre votre banque. Aucun argent n’a été déplacé.',
  failedTitle: 'Ce rechargement a échoué',
  nextStepLabel: 'Ce que vous pouvez faire :',
  returnedTitle: 'Votre banque a repris l’argent après son arrivée',
  returnedBody: (amount) =>
    `Les ${amount} ont été retirés du solde de votre compte financier. Contactez votre banque si vous ne savez pas pourquoi.`,
  cancel: 'Annuler le rechargement',
  cancelConfirmTitle: 'Annuler ce rechargement ?',
  cancelConfirmBody: 'Nous ne prélèverons pas l’argent sur votre compte bancaire.',
  cancelConfirmYes: 'Oui, annuler le rechargement',
  cancelConfirmNo: 'Garder le rechargement',
  canceling: 'Annulation…',
  cancelNotCancelable:
    'Ce rechargement ne peut plus être annulé : il est déjà en route vers votre banque.',
  cancelErrorTitle: 'Nous n’avons pas pu annuler ce rechargement',
  receipt: 'Voir le reçu',
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  loadErrorTitle: 'Nous n’avons pas pu charger ce rechargement',
  notFound: 'Nous n’avons pas trouvé ce rechargement. Il appartient peut-être à un autre compte.',
  staleNote: 'Nous n’avons pas pu vérifier les mises à jour. Voici le dernier statut connu.',
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
