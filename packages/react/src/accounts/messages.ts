import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';

export interface AccountListMessages {
  listLabel: string;
  emptyTitle: string;
  emptyBody: string;
  loadFailed: string;
}

const en: AccountListMessages = {
  listLabel: 'Linked bank accounts',
  emptyTitle: 'No bank accounts linked yet',
  emptyBody: 'Link a bank account to see its balance here.',
  loadFailed: 'We couldn’t load your bank accounts.',
};

/** German, loaded with `@purse/react/locales/de`. */
export const accountListMessagesDe: AccountListMessages = {
  listLabel: 'Verknüpfte Bankkonten',
  emptyTitle: 'Noch keine Bankkonten verknüpft',
  emptyBody: 'Verknüpfen Sie ein Bankkonto, um hier seinen Kontostand zu sehen.',
  loadFailed: 'Ihre Bankkonten konnten nicht geladen werden.',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const accountListMessagesFr: AccountListMessages = {
  listLabel: 'Comptes bancaires associés',
  emptyTitle: 'Aucun compte bancaire associé pour l’instant',
  emptyBody: 'Associez un compte bancaire pour voir son solde ici.',
  loadFailed: 'Impossible de charger vos comptes bancaires.',
};

/** What the component reads: English built in, other locales from their packs. */
export const accountListText: MessageRef<AccountListMessages> = defineMessages('accountList', en);
