import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';
import type { TopUpStatus } from '@purse/core';
import type { Catalog } from '../i18n/catalog.js';

export interface TopUpHistoryMessages {
  title: string;
  filterLabel: string;
  filterAll: string;
  filters: Record<TopUpStatus, string>;
  emptyTitle: string;
  emptyBody: string;
  emptyFiltered: string;
  loadMore: string;
  loadingMore: string;
  loadMoreError: string;
  loadErrorTitle: string;
  /** Announced after more rows arrive. */
  showing: (count: number) => string;
  fromSource: (source: string) => string;
  sameDay: string;
}

const en: TopUpHistoryMessages = {
  title: 'Top-ups',
  filterLabel: 'Show',
  filterAll: 'All top-ups',
  filters: {
    requires_confirmation: 'Under review',
    processing: 'Processing',
    succeeded: 'Succeeded',
    failed: 'Failed',
    canceled: 'Canceled',
  },
  emptyTitle: 'No top-ups yet',
  emptyBody: 'Money you add from your bank will show up here.',
  emptyFiltered: 'No top-ups with this status.',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  loadMoreError: 'We couldn’t load more top-ups.',
  loadErrorTitle: 'We couldn’t load your top-ups',
  showing: (count) => `Showing ${String(count)} top-ups`,
  fromSource: (source) => `from ${source}`,
  sameDay: 'Same-day',
};

/** German, loaded with `@purse/react/locales/de`. */
export const topUpHistoryMessagesDe: TopUpHistoryMessages = {
  title: 'Einzahlungen',
  filterLabel: 'Anzeigen',
  filterAll: 'Alle Einzahlungen',
  filters: {
    requires_confirmation: 'In Prüfung',
    processing: 'In Bearbeitung',
    succeeded: 'Erfolgreich',
    failed: 'Fehlgeschlagen',
    canceled: 'Storniert',
  },
  emptyTitle: 'Noch keine Einzahlungen',
  emptyBody: 'Geld, das Sie von Ihrer Bank einzahlen, erscheint hier.',
  emptyFiltered: 'Keine Einzahlungen mit diesem Status.',
  loadMore: 'Mehr laden',
  loadingMore: 'Wird geladen …',
  loadMoreError: 'Wir konnten keine weiteren Einzahlungen laden.',
  loadErrorTitle: 'Wir konnten Ihre Einzahlungen nicht laden',
  showing: (count) => `${String(count)} Einzahlungen angezeigt`,
  fromSource: (source) => `von ${source}`,
  sameDay: 'Taggleich',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const topUpHistoryMessagesFr: TopUpHistoryMessages = {
  title: 'Rechargements',
  filterLabel: 'Afficher',
  filterAll: 'Tous les rechargements',
  filters: {
    requires_confirmation: 'En vérification',
    processing: 'En cours',
    succeeded: 'Réussis',
    failed: 'Échoués',
    canceled: 'Annulés',
  },
  emptyTitle: 'Aucun rechargement pour l’instant',
  emptyBody: 'L’argent que vous ajoutez depuis votre banque apparaîtra ici.',
  emptyFiltered: 'Aucun rechargement avec ce statut.',
  loadMore: 'Charger plus',
  loadingMore: 'Chargement…',
  loadMoreError: 'Nous n’avons pas pu charger plus de rechargements.',
  loadErrorTitle: 'Nous n’avons pas pu charger vos rechargements',
  showing: (count) => `${String(count)} rechargements affichés`,
  fromSource: (source) => `depuis ${source}`,
  sameDay: 'Jour même',
};

/** All three, for tests and translators (components read `topUpHistoryText`). */
export const topUpHistoryMessages: Catalog<TopUpHistoryMessages> = {
  en,
  de: topUpHistoryMessagesDe,
  fr: topUpHistoryMessagesFr,
};

/** What the component reads: English built in, other locales from their packs. */
export const topUpHistoryText: MessageRef<TopUpHistoryMessages> = defineMessages(
  'topUpHistory',
  en,
);
