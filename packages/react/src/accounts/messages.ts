import type { Catalog } from '../i18n/catalog.js';

export interface AccountListMessages {
  listLabel: string;
  emptyTitle: string;
  emptyBody: string;
  loadFailed: string;
}

export const accountListMessages: Catalog<AccountListMessages> = {
  en: {
    listLabel: 'Linked bank accounts',
    emptyTitle: 'No bank accounts linked yet',
    emptyBody: 'Link a bank account to see its balance here.',
    loadFailed: 'We couldn’t load your bank accounts.',
  },
  de: {
    listLabel: 'Verknüpfte Bankkonten',
    emptyTitle: 'Noch keine Bankkonten verknüpft',
    emptyBody: 'Verknüpfen Sie ein Bankkonto, um hier seinen Kontostand zu sehen.',
    loadFailed: 'Ihre Bankkonten konnten nicht geladen werden.',
  },
  fr: {
    listLabel: 'Comptes bancaires associés',
    emptyTitle: 'Aucun compte bancaire associé pour l’instant',
    emptyBody: 'Associez un compte bancaire pour voir son solde ici.',
    loadFailed: 'Impossible de charger vos comptes bancaires.',
  },
};
