// `MessageRef` written out, not made with `defineMessages`: this module is downloaded with the
// card past its summary (`transfer-details.tsx`), and anything it imports from the first load's
// modules would be split into a chunk every component ships.
import type { TimelineStepKey, TimelineStepState } from '@purse/core';
import type { Catalog } from '../i18n/catalog.js';
import type { MessageRef } from '../i18n/locale-packs.js';

/**
 * The words of a loaded top-up's card past its summary: the note on where it stands, the
 * timeline's steps, the cancel question and the receipt. The rest of the card's words (title,
 * badge, summary, failure title, announcements) are in `TransferStatusMessages`.
 */
export interface TransferDetailsMessages {
  steps: Record<TimelineStepKey, string>;
  /** Read after a step's name by screen readers. */
  stepStates: Record<TimelineStepState, string>;
  reviewNote: string;
  processingNote: string;
  succeededNote: string;
  canceledNote: string;
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
  staleNote: string;
  nextStepLabel: string;
  returnedBody: (amount: string) => string;
}

const en: TransferDetailsMessages = {
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
  reviewNote: 'We’re reviewing this top-up before sending it to your bank.',
  processingNote: 'Your bank is sending the money. Bank transfers take 2–4 business days.',
  succeededNote: 'The money is in your financial account.',
  canceledNote: 'This top-up was canceled before it reached your bank. No money moved.',
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
  staleNote: 'We couldn’t check for updates. This is the last status we saw.',
  nextStepLabel: 'What you can do:',
  returnedBody: (amount) =>
    `The ${amount} was taken back out of your financial account balance. Contact your bank if you don’t know why.`,
};

/** German, loaded with `@purse/react/locales/de`. */
export const transferDetailsMessagesDe: TransferDetailsMessages = {
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
  reviewNote: 'Wir prüfen diese Einzahlung, bevor wir sie an Ihre Bank senden.',
  processingNote: 'Ihre Bank überweist das Geld. Banküberweisungen dauern 2–4 Werktage.',
  succeededNote: 'Das Geld ist auf Ihrem Finanzkonto.',
  canceledNote:
    'Diese Einzahlung wurde storniert, bevor sie Ihre Bank erreicht hat. Es wurde kein Geld bewegt.',
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
  staleNote: 'Wir konnten nicht nach Neuigkeiten suchen. Dies ist der zuletzt bekannte Stand.',
  nextStepLabel: 'Was Sie tun können:',
  returnedBody: (amount) =>
    `${amount} wurden wieder von Ihrem Finanzkonto abgezogen. Wenden Sie sich an Ihre Bank, wenn Sie den Grund nicht kennen.`,
};

/** French, loaded with `@purse/react/locales/fr`. */
export const transferDetailsMessagesFr: TransferDetailsMessages = {
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
  reviewNote: 'Nous vérifions ce rechargement avant de l’envoyer à votre banque.',
  processingNote:
    'Votre banque envoie l’argent. Les virements bancaires prennent 2 à 4 jours ouvrés.',
  succeededNote: 'L’argent est sur votre compte financier.',
  canceledNote:
    'Ce rechargement a été annulé avant d’atteindre votre banque. Aucun argent n’a été déplacé.',
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
  staleNote: 'Nous n’avons pas pu vérifier les mises à jour. Voici le dernier statut connu.',
  nextStepLabel: 'Ce que vous pouvez faire :',
  returnedBody: (amount) =>
    `Les ${amount} ont été retirés du solde de votre compte financier. Contactez votre banque si vous ne savez pas pourquoi.`,
};

/** All three, for tests and translators (components read `transferDetailsText`). */
export const transferDetailsMessages: Catalog<TransferDetailsMessages> = {
  en,
  de: transferDetailsMessagesDe,
  fr: transferDetailsMessagesFr,
};

/** What the details read: English built in, other locales from their packs. */
export const transferDetailsText: MessageRef<TransferDetailsMessages> = {
  key: 'transferDetails',
  en,
};
