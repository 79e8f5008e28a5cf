import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';

export interface LinkBankAccountMessages {
  /** The button's label at rest. */
  label: string;
  /** While Stripe.js is still loading or the server is creating a session. */
  preparing: string;
  /** While the bank's own window is open. */
  waiting: string;
  /** While the server stores what was linked. */
  completing: string;
  /** The button's label after a successful link. */
  linkAnother: string;
  /** The button's label after an error. */
  retry: string;
  /** The button's label when the provider has no `stripe`. */
  unavailable: string;
  linked: (count: number) => string;
  cancelled: string;
  alreadyLinked: (name: string) => string;
  sessionUnusable: string;
  stripeUnavailable: string;
}

const en: LinkBankAccountMessages = {
  label: 'Link a bank account',
  preparing: 'Preparing…',
  waiting: 'Waiting for your bank…',
  completing: 'Finishing up…',
  linkAnother: 'Link another account',
  retry: 'Try again',
  unavailable: 'Bank linking is unavailable',
  linked: (count) => (count === 1 ? 'Linked 1 account' : `Linked ${count} accounts`),
  cancelled: 'No accounts were linked.',
  alreadyLinked: (name) => `${name} was already linked.`,
  sessionUnusable:
    'This linking session expired or was already used. Try again to start a new one.',
  stripeUnavailable: 'The bank connection service isn’t responding. Try again in a moment.',
};

/** German, loaded with `@purse/react/locales/de`. */
export const linkBankAccountMessagesDe: LinkBankAccountMessages = {
  label: 'Bankkonto verknüpfen',
  preparing: 'Wird vorbereitet …',
  waiting: 'Warten auf Ihre Bank …',
  completing: 'Wird abgeschlossen …',
  linkAnother: 'Weiteres Konto verknüpfen',
  retry: 'Erneut versuchen',
  unavailable: 'Kontoverknüpfung nicht verfügbar',
  linked: (count) => (count === 1 ? '1 Konto verknüpft' : `${count} Konten verknüpft`),
  cancelled: 'Es wurden keine Konten verknüpft.',
  alreadyLinked: (name) => `${name} war bereits verknüpft.`,
  sessionUnusable:
    'Diese Verknüpfungssitzung ist abgelaufen oder wurde bereits verwendet. Versuchen Sie es erneut, um eine neue zu starten.',
  stripeUnavailable:
    'Der Dienst für die Bankverbindung antwortet nicht. Versuchen Sie es gleich noch einmal.',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const linkBankAccountMessagesFr: LinkBankAccountMessages = {
  label: 'Associer un compte bancaire',
  preparing: 'Préparation…',
  waiting: 'En attente de votre banque…',
  completing: 'Finalisation…',
  linkAnother: 'Associer un autre compte',
  retry: 'Réessayer',
  unavailable: 'Association bancaire indisponible',
  linked: (count) => (count <= 1 ? `${count} compte associé` : `${count} comptes associés`),
  cancelled: 'Aucun compte n’a été associé.',
  alreadyLinked: (name) => `${name} était déjà associé.`,
  sessionUnusable:
    'Cette session d’association a expiré ou a déjà été utilisée. Réessayez pour en démarrer une nouvelle.',
  stripeUnavailable: 'Le service de connexion bancaire ne répond pas. Réessayez dans un instant.',
};

/** What the component reads: English built in, other locales from their packs. */
export const linkBankAccountText: MessageRef<LinkBankAccountMessages> = defineMessages(
  'linkBankAccount',
  en,
);
