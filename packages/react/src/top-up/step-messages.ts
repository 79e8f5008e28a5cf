import type { PurseErrorCode } from '@purse/core';
import type { Catalog } from '../i18n/catalog.js';
import type { MessageRef } from '../i18n/locale-packs.js';

/*
 * The words of the steps after the form (review, started, errors), apart from the form's so
 * that they load with those steps, not with the first view of <TopUp>.
 */

/** The server error codes a top-up can meet, each with its own words (the rest fall back to `describeError`). */
export const TOP_UP_ERROR_CODES = [
  'amount_too_small',
  'amount_too_large',
  'balance_insufficient',
  'source_unusable',
  'top_up_refused',
  'same_day_unavailable',
  'idempotency_key_reused',
  'idempotency_key_in_use',
  'parameter_invalid',
  'currency_unsupported',
  'statement_descriptor_invalid',
  'resource_missing',
  'permission_missing',
  'account_inactive',
  'account_disconnected',
  'feature_disabled',
  'financial_account_missing',
  'stripe_unavailable',
  'too_many_open_top_ups',
] as const satisfies readonly PurseErrorCode[];

export type TopUpErrorCode = (typeof TOP_UP_ERROR_CODES)[number];

/** What became of a started top-up, as its heading says. */
export type SubmittedOutcome = 'started' | 'succeeded' | 'failed' | 'returned' | 'canceled';

/** The words of `<TopUp>`'s review, started and error steps. */
export interface TopUpStepMessages {
  reviewTitle: string;
  summaryAmount: string;
  summaryFrom: string;
  summaryTo: string;
  summaryToValue: string;
  summaryArrival: string;
  summaryDescription: string;
  overBalanceReminder: string;
  authorization: (amount: string, source: string) => string;
  back: string;
  confirm: string;
  submitting: string;
  /** The heading and lead after a top-up started, as its transfer goes on. */
  submitted: Record<SubmittedOutcome, { title: string; body: string }>;
  another: string;
  sourcesErrorTitle: string;
  submitErrorTitle: string;
  edit: string;
  /** Words for each server error a top-up can meet. */
  errors: Record<TopUpErrorCode, string>;
}

const en: TopUpStepMessages = {
  reviewTitle: 'Review your top-up',
  summaryAmount: 'Amount',
  summaryFrom: 'From',
  summaryTo: 'To',
  summaryToValue: 'Your wallet',
  summaryArrival: 'Arrives',
  summaryDescription: 'Description',
  overBalanceReminder:
    'This is more than the account shows as available: the top-up may fail and your bank may charge a fee.',
  authorization: (amount, source) =>
    `By confirming, you authorize a one-time debit of ${amount} from ${source}.`,
  back: 'Back',
  confirm: 'Confirm top-up',
  submitting: 'Starting top-up…',
  submitted: {
    started: {
      title: 'Top-up started',
      body: 'You can follow it here. We’ll update the status as your bank sends the money.',
    },
    succeeded: { title: 'Money added', body: 'The money is in your wallet.' },
    failed: {
      title: 'Top-up failed',
      body: 'No money was added. See below why, and what you can do.',
    },
    returned: {
      title: 'Top-up returned',
      body: 'Your bank sent the money back, so it has left your wallet again. See below why.',
    },
    canceled: { title: 'Top-up canceled', body: 'No money moved.' },
  },
  another: 'Make another top-up',
  sourcesErrorTitle: 'We couldn’t load your bank accounts',
  submitErrorTitle: 'Your top-up didn’t start',
  edit: 'Edit top-up',
  errors: {
    amount_too_small: 'This amount is below the smallest top-up allowed. Enter a larger amount.',
    amount_too_large: 'This amount is above the largest top-up allowed. Enter a smaller amount.',
    balance_insufficient:
      'Your bank account doesn’t have enough available for this top-up. Enter a smaller amount or choose another account.',
    source_unusable:
      'This bank account can’t be used for top-ups right now. Choose another account or link it again.',
    top_up_refused:
      'This top-up was declined for security reasons. No money moved. Try a smaller amount or contact support.',
    same_day_unavailable:
      'A same-day transfer isn’t available for this top-up. Turn off same-day and try again.',
    idempotency_key_reused:
      'This top-up changed after you confirmed it. Review it and confirm again.',
    idempotency_key_in_use:
      'Your top-up is still being processed. Wait a moment, then try again: it won’t be sent twice.',
    parameter_invalid: 'Some details of this top-up aren’t valid. Check them and try again.',
    currency_unsupported: 'Top-ups are only possible in US dollars.',
    statement_descriptor_invalid:
      'The text for your bank statement isn’t valid. Check it and try again.',
    resource_missing: 'This bank account is no longer available. Choose another account.',
    permission_missing:
      'This bank account didn’t give permission for top-ups. Link it again to allow them.',
    account_inactive: 'The connection to this bank account has expired. Link it again.',
    account_disconnected: 'This bank account was disconnected. Link it again or choose another.',
    feature_disabled: 'Top-ups aren’t available right now.',
    financial_account_missing: 'Your financial account isn’t ready to receive money yet.',
    stripe_unavailable:
      'Our payments partner isn’t responding. Try again in a moment: it won’t be sent twice.',
    too_many_open_top_ups:
      'You have several top-ups on their way already. Wait for one to arrive, or cancel one, then try again.',
  },
};

/** German, loaded with `@purse/react/locales/de`. */
export const topUpStepMessagesDe: TopUpStepMessages = {
  reviewTitle: 'Einzahlung prüfen',
  summaryAmount: 'Betrag',
  summaryFrom: 'Von',
  summaryTo: 'An',
  summaryToValue: 'Ihr Wallet',
  summaryArrival: 'Voraussichtlicher Eingang',
  summaryDescription: 'Beschreibung',
  overBalanceReminder:
    'Das ist mehr, als auf dem Konto verfügbar ist: Die Einzahlung kann fehlschlagen und Ihre Bank kann eine Gebühr berechnen.',
  authorization: (amount, source) =>
    `Mit der Bestätigung autorisieren Sie eine einmalige Abbuchung von ${amount} von ${source}.`,
  back: 'Zurück',
  confirm: 'Einzahlung bestätigen',
  submitting: 'Einzahlung wird gestartet …',
  submitted: {
    started: {
      title: 'Einzahlung gestartet',
      body: 'Hier sehen Sie den Fortschritt. Der Status wird aktualisiert, während Ihre Bank das Geld überweist.',
    },
    succeeded: { title: 'Geld eingezahlt', body: 'Das Geld ist in Ihrem Wallet.' },
    failed: {
      title: 'Einzahlung fehlgeschlagen',
      body: 'Es wurde kein Geld eingezahlt. Unten sehen Sie den Grund und was Sie tun können.',
    },
    returned: {
      title: 'Einzahlung zurückgebucht',
      body: 'Ihre Bank hat das Geld zurückgeholt; es wurde wieder von Ihrem Wallet abgebucht. Den Grund sehen Sie unten.',
    },
    canceled: { title: 'Einzahlung storniert', body: 'Es wurde kein Geld bewegt.' },
  },
  another: 'Weitere Einzahlung',
  sourcesErrorTitle: 'Wir konnten Ihre Bankkonten nicht laden',
  submitErrorTitle: 'Ihre Einzahlung wurde nicht gestartet',
  edit: 'Einzahlung bearbeiten',
  errors: {
    amount_too_small:
      'Dieser Betrag liegt unter der kleinsten erlaubten Einzahlung. Geben Sie einen höheren Betrag ein.',
    amount_too_large:
      'Dieser Betrag liegt über der größten erlaubten Einzahlung. Geben Sie einen kleineren Betrag ein.',
    balance_insufficient:
      'Auf Ihrem Bankkonto ist für diese Einzahlung nicht genug verfügbar. Geben Sie einen kleineren Betrag ein oder wählen Sie ein anderes Konto.',
    source_unusable:
      'Dieses Bankkonto kann gerade nicht für Einzahlungen genutzt werden. Wählen Sie ein anderes Konto oder verknüpfen Sie es erneut.',
    top_up_refused:
      'Diese Einzahlung wurde aus Sicherheitsgründen abgelehnt. Es wurde kein Geld bewegt. Versuchen Sie einen kleineren Betrag oder wenden Sie sich an den Support.',
    same_day_unavailable:
      'Eine taggleiche Überweisung ist für diese Einzahlung nicht möglich. Deaktivieren Sie die taggleiche Überweisung und versuchen Sie es erneut.',
    idempotency_key_reused:
      'Diese Einzahlung wurde nach Ihrer Bestätigung geändert. Prüfen und bestätigen Sie sie erneut.',
    idempotency_key_in_use:
      'Ihre Einzahlung wird noch bearbeitet. Warten Sie einen Moment und versuchen Sie es dann erneut: Sie wird nicht doppelt ausgeführt.',
    parameter_invalid:
      'Einige Angaben zu dieser Einzahlung sind ungültig. Prüfen Sie sie und versuchen Sie es erneut.',
    currency_unsupported: 'Einzahlungen sind nur in US-Dollar möglich.',
    statement_descriptor_invalid:
      'Der Text für Ihren Kontoauszug ist ungültig. Prüfen Sie ihn und versuchen Sie es erneut.',
    resource_missing: 'Dieses Bankkonto ist nicht mehr verfügbar. Wählen Sie ein anderes Konto.',
    permission_missing:
      'Für dieses Bankkonto wurden keine Einzahlungen erlaubt. Verknüpfen Sie es erneut, um sie zu erlauben.',
    account_inactive:
      'Die Verbindung zu diesem Bankkonto ist abgelaufen. Verknüpfen Sie es erneut.',
    account_disconnected:
      'Dieses Bankkonto wurde getrennt. Verknüpfen Sie es erneut oder wählen Sie ein anderes.',
    feature_disabled: 'Einzahlungen sind gerade nicht verfügbar.',
    financial_account_missing: 'Ihr Finanzkonto kann noch kein Geld empfangen.',
    stripe_unavailable:
      'Unser Zahlungspartner antwortet nicht. Versuchen Sie es gleich erneut: Die Einzahlung wird nicht doppelt ausgeführt.',
    too_many_open_top_ups:
      'Es sind bereits mehrere Einzahlungen unterwegs. Warten Sie, bis eine eingegangen ist, oder stornieren Sie eine, und versuchen Sie es dann erneut.',
  },
};

/** French, loaded with `@purse/react/locales/fr`. */
export const topUpStepMessagesFr: TopUpStepMessages = {
  reviewTitle: 'Vérifiez votre rechargement',
  summaryAmount: 'Montant',
  summaryFrom: 'Depuis',
  summaryTo: 'Vers',
  summaryToValue: 'Votre portefeuille',
  summaryArrival: 'Arrivée prévue',
  summaryDescription: 'Description',
  overBalanceReminder:
    'C’est plus que le disponible du compte : le rechargement peut échouer et votre banque peut facturer des frais.',
  authorization: (amount, source) =>
    `En confirmant, vous autorisez un prélèvement unique de ${amount} sur ${source}.`,
  back: 'Retour',
  confirm: 'Confirmer le rechargement',
  submitting: 'Lancement du rechargement…',
  submitted: {
    started: {
      title: 'Rechargement lancé',
      body: 'Suivez-le ici. Le statut se met à jour pendant que votre banque envoie l’argent.',
    },
    succeeded: { title: 'Argent ajouté', body: 'L’argent est dans votre portefeuille.' },
    failed: {
      title: 'Échec du rechargement',
      body: 'Aucun argent n’a été ajouté. Voyez ci-dessous pourquoi, et ce que vous pouvez faire.',
    },
    returned: {
      title: 'Rechargement retourné',
      body: 'Votre banque a repris l’argent : il a de nouveau quitté votre portefeuille. Voyez pourquoi ci-dessous.',
    },
    canceled: { title: 'Rechargement annulé', body: 'Aucun argent n’a bougé.' },
  },
  another: 'Faire un autre rechargement',
  sourcesErrorTitle: 'Nous n’avons pas pu charger vos comptes bancaires',
  submitErrorTitle: 'Votre rechargement n’a pas démarré',
  edit: 'Modifier le rechargement',
  errors: {
    amount_too_small:
      'Ce montant est inférieur au plus petit rechargement autorisé. Saisissez un montant plus élevé.',
    amount_too_large:
      'Ce montant dépasse le plus grand rechargement autorisé. Saisissez un montant plus petit.',
    balance_insufficient:
      'Votre compte bancaire n’a pas assez de disponible pour ce rechargement. Saisissez un montant plus petit ou choisissez un autre compte.',
    source_unusable:
      'Ce compte bancaire ne peut pas servir aux rechargements pour le moment. Choisissez un autre compte ou associez-le à nouveau.',
    top_up_refused:
      'Ce rechargement a été refusé pour des raisons de sécurité. Aucun argent n’a été déplacé. Essayez un montant plus petit ou contactez le support.',
    same_day_unavailable:
      'Le virement le jour même n’est pas disponible pour ce rechargement. Désactivez-le et réessayez.',
    idempotency_key_reused:
      'Ce rechargement a changé après votre confirmation. Vérifiez-le et confirmez à nouveau.',
    idempotency_key_in_use:
      'Votre rechargement est encore en traitement. Patientez un instant puis réessayez : il ne sera pas envoyé deux fois.',
    parameter_invalid:
      'Certaines informations de ce rechargement ne sont pas valides. Vérifiez-les et réessayez.',
    currency_unsupported: 'Les rechargements ne sont possibles qu’en dollars américains.',
    statement_descriptor_invalid:
      'Le libellé de votre relevé bancaire n’est pas valide. Vérifiez-le et réessayez.',
    resource_missing: 'Ce compte bancaire n’est plus disponible. Choisissez un autre compte.',
    permission_missing:
      'Ce compte bancaire n’a pas autorisé les rechargements. Associez-le à nouveau pour les autoriser.',
    account_inactive: 'La connexion à ce compte bancaire a expiré. Associez-le à nouveau.',
    account_disconnected:
      'Ce compte bancaire a été déconnecté. Associez-le à nouveau ou choisissez-en un autre.',
    feature_disabled: 'Les rechargements ne sont pas disponibles pour le moment.',
    financial_account_missing: 'Votre compte financier ne peut pas encore recevoir d’argent.',
    stripe_unavailable:
      'Notre partenaire de paiement ne répond pas. Réessayez dans un instant : le rechargement ne sera pas envoyé deux fois.',
    too_many_open_top_ups:
      'Plusieurs rechargements sont déjà en cours. Attendez qu’un rechargement arrive, ou annulez-en un, puis réessayez.',
  },
};

/** All three, for tests and translators (the steps read `topUpStepText`). */
export const topUpStepMessages: Catalog<TopUpStepMessages> = {
  en,
  de: topUpStepMessagesDe,
  fr: topUpStepMessagesFr,
};

/** What the steps read: English built in, other locales from their packs. */
// A literal, not `defineMessages`: this module is loaded lazily and must not import the
// message helpers (see top-up-steps.tsx).
export const topUpStepText: MessageRef<TopUpStepMessages> = { key: 'topUpSteps', en };
