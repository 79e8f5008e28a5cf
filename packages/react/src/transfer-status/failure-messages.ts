// `MessageRef`s written out, not made with `defineMessages`: this module is downloaded on its own
// (with the failure note), and anything it imports from the first load's modules would be split
// into a chunk every component ships.
import type { MessageRef } from '../i18n/locale-packs.js';
import type { TopUpFailureCode, TopUpFailureInfo, TransferFailureAction } from '@purse/core';
import { TOP_UP_FAILURE_INFO } from '@purse/core/failure-info';
import type { Catalog } from '../i18n/catalog.js';

/**
 * Why a top-up failed and what to do next, for each of Stripe's 13 InboundTransfer
 * `failure_details.code` values. English is core's `TOP_UP_FAILURE_INFO` (the server's copy too).
 */
/** German, loaded with `@purse/react/locales/de`. */
export const failureMessagesDe: Record<TopUpFailureCode, TopUpFailureInfo> = {
  account_closed: {
    message: 'Das Bankkonto, von dem diese Einzahlung kam, ist geschlossen.',
    nextStep: 'Verknüpfen Sie ein aktives Konto und zahlen Sie dann erneut ein.',
  },
  account_frozen: {
    message: 'Ihre Bank hat das Konto gesperrt, von dem diese Einzahlung kam.',
    nextStep:
      'Bitten Sie Ihre Bank, die Sperre aufzuheben, oder zahlen Sie von einem anderen Konto ein.',
  },
  bank_account_restricted: {
    message: 'Ihr Bankkonto erlaubt diese Art von Abbuchung nicht.',
    nextStep:
      'Bitten Sie Ihre Bank, elektronische Lastschriften (ACH) zu erlauben, oder zahlen Sie von einem anderen Konto ein.',
  },
  bank_ownership_changed: {
    message: 'Das Bankkonto hat seit der Verknüpfung den Inhaber gewechselt.',
    nextStep:
      'Verknüpfen Sie das Konto erneut oder ein anderes Konto und zahlen Sie dann erneut ein.',
  },
  debit_not_authorized: {
    message: 'Ihre Bank gibt an, dass Sie diese Einzahlung nicht autorisiert haben.',
    nextStep:
      'Wenn die Einzahlung gewollt war, bitten Sie Ihre Bank, unsere Abbuchungen zuzulassen, und zahlen Sie erneut ein.',
  },
  incorrect_account_holder_address: {
    message: 'Die bei uns hinterlegte Adresse stimmt nicht mit der Adresse bei Ihrer Bank überein.',
    nextStep:
      'Passen Sie Ihre Adresse an die Angaben Ihrer Bank an und zahlen Sie dann erneut ein.',
  },
  incorrect_account_holder_name: {
    message: 'Der bei uns hinterlegte Name stimmt nicht mit dem Namen auf Ihrem Bankkonto überein.',
    nextStep: 'Passen Sie Ihren Namen an die Angaben Ihrer Bank an und zahlen Sie dann erneut ein.',
  },
  incorrect_account_holder_tax_id: {
    message:
      'Die bei uns hinterlegte Steuernummer stimmt nicht mit den Angaben Ihrer Bank überein.',
    nextStep: 'Prüfen Sie die Steuernummer in Ihrem Profil und zahlen Sie dann erneut ein.',
  },
  insufficient_funds: {
    message: 'Auf Ihrem Bankkonto war nicht genug Geld für diese Einzahlung.',
    nextStep:
      'Zahlen Sie Geld auf dieses Konto ein oder wählen Sie einen kleineren Betrag und versuchen Sie es dann erneut.',
  },
  invalid_account_number: {
    message: 'Die Bank konnte kein Konto mit dieser Nummer finden.',
    nextStep:
      'Verknüpfen Sie das Konto erneut, um die Angaben zu prüfen, oder zahlen Sie von einem anderen Konto ein.',
  },
  invalid_currency: {
    message: 'Ihr Bankkonto kann in dieser Währung kein Geld senden.',
    nextStep: 'Zahlen Sie von einem US-Dollar-Konto ein.',
  },
  no_account: {
    message: 'Die Bank konnte das Konto nicht finden, von dem diese Einzahlung kam.',
    nextStep: 'Verknüpfen Sie das Konto erneut oder zahlen Sie von einem anderen Konto ein.',
  },
  other: {
    message: 'Ihre Bank konnte diese Einzahlung nicht verarbeiten.',
    nextStep:
      'Versuchen Sie es später erneut oder zahlen Sie von einem anderen Konto ein. Wenden Sie sich an uns, wenn das Problem bleibt.',
  },
};

/** French, loaded with `@purse/react/locales/fr`. */
export const failureMessagesFr: Record<TopUpFailureCode, TopUpFailureInfo> = {
  account_closed: {
    message: 'Le compte bancaire d’où provenait ce rechargement est clôturé.',
    nextStep: 'Associez un compte ouvert, puis rechargez à nouveau.',
  },
  account_frozen: {
    message: 'Votre banque a gelé le compte d’où provenait ce rechargement.',
    nextStep: 'Contactez votre banque pour le débloquer, ou rechargez depuis un autre compte.',
  },
  bank_account_restricted: {
    message: 'Votre compte bancaire n’autorise pas ce type de prélèvement.',
    nextStep:
      'Demandez à votre banque d’autoriser les prélèvements électroniques (ACH) sur ce compte, ou rechargez depuis un autre compte.',
  },
  bank_ownership_changed: {
    message: 'Le titulaire du compte bancaire a changé depuis que vous l’avez associé.',
    nextStep: 'Associez à nouveau ce compte, ou un autre, puis rechargez à nouveau.',
  },
  debit_not_authorized: {
    message: 'Votre banque indique que vous n’avez pas autorisé ce rechargement.',
    nextStep:
      'Si ce rechargement était voulu, demandez à votre banque d’accepter nos prélèvements, puis rechargez à nouveau.',
  },
  incorrect_account_holder_address: {
    message: 'L’adresse que nous avons ne correspond pas à celle connue de votre banque.',
    nextStep:
      'Mettez à jour votre adresse selon les informations de votre banque, puis rechargez à nouveau.',
  },
  incorrect_account_holder_name: {
    message: 'Le nom que nous avons ne correspond pas au titulaire de votre compte bancaire.',
    nextStep:
      'Mettez à jour votre nom selon les informations de votre banque, puis rechargez à nouveau.',
  },
  incorrect_account_holder_tax_id: {
    message: 'Le numéro fiscal que nous avons ne correspond pas à celui connu de votre banque.',
    nextStep: 'Vérifiez le numéro fiscal de votre profil, puis rechargez à nouveau.',
  },
  insufficient_funds: {
    message: 'Votre compte bancaire n’avait pas assez d’argent pour ce rechargement.',
    nextStep:
      'Approvisionnez ce compte ou choisissez un montant plus petit, puis rechargez à nouveau.',
  },
  invalid_account_number: {
    message: 'La banque n’a trouvé aucun compte avec ce numéro.',
    nextStep:
      'Associez à nouveau le compte pour vérifier ses coordonnées, ou rechargez depuis un autre compte.',
  },
  invalid_currency: {
    message: 'Votre compte bancaire ne peut pas envoyer d’argent dans cette devise.',
    nextStep: 'Rechargez depuis un compte en dollars américains.',
  },
  no_account: {
    message: 'La banque n’a pas trouvé le compte d’où provenait ce rechargement.',
    nextStep: 'Associez à nouveau le compte, ou rechargez depuis un autre compte.',
  },
  other: {
    message: 'Votre banque n’a pas pu traiter ce rechargement.',
    nextStep:
      'Réessayez plus tard, ou rechargez depuis un autre compte. Contactez-nous si le problème persiste.',
  },
};

/** All three, for tests and translators (components read `failureText`). */
export const failureMessages: Catalog<Record<TopUpFailureCode, TopUpFailureInfo>> = {
  en: TOP_UP_FAILURE_INFO,
  de: failureMessagesDe,
  fr: failureMessagesFr,
};

/** What the component reads: English (core's copy) built in, other locales from their packs. */
export const failureText: MessageRef<Record<TopUpFailureCode, TopUpFailureInfo>> = {
  key: 'failures',
  en: TOP_UP_FAILURE_INFO,
};

/** The button for each way on after a failure or a return (core's `failureAction`). */
export type FailureActionMessages = Record<TransferFailureAction, string>;

const actionsEn: FailureActionMessages = {
  try_smaller_amount: 'Try a smaller amount',
  choose_another_account: 'Choose another account',
  link_account_again: 'Link the account again',
  try_again: 'Try again',
  contact_support: 'Contact support',
};

/** German, loaded with `@purse/react/locales/de`. */
export const failureActionMessagesDe: FailureActionMessages = {
  try_smaller_amount: 'Kleineren Betrag wählen',
  choose_another_account: 'Anderes Konto wählen',
  link_account_again: 'Konto erneut verknüpfen',
  try_again: 'Erneut versuchen',
  contact_support: 'Support kontaktieren',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const failureActionMessagesFr: FailureActionMessages = {
  try_smaller_amount: 'Essayer un montant plus petit',
  choose_another_account: 'Choisir un autre compte',
  link_account_again: 'Associer à nouveau le compte',
  try_again: 'Réessayer',
  contact_support: 'Contacter le support',
};

/** All three, for tests and translators (components read `failureActionText`). */
export const failureActionMessages: Catalog<FailureActionMessages> = {
  en: actionsEn,
  de: failureActionMessagesDe,
  fr: failureActionMessagesFr,
};

/** What the component reads: English built in, other locales from their packs. */
export const failureActionText: MessageRef<FailureActionMessages> = {
  key: 'failureActions',
  en: actionsEn,
};
