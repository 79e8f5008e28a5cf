import type { WalletActivityKind } from '@purse/core';
import type { Catalog } from '../i18n/catalog.js';
import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';

export interface WalletActivityMessages {
  title: string;
  kinds: Record<WalletActivityKind, string>;
  pending: string;
  posted: string;
  void: string;
  /** The date line of a posted row. */
  postedOn: (date: string) => string;
  /** The date line of a pending row. */
  startedOn: (date: string) => string;
  receipt: string;
  /** The receipt link's accessible name, naming the row it belongs to. */
  receiptFor: (what: string) => string;
  opensInNewTab: string;
  emptyTitle: string;
  emptyBody: string;
  loadMore: string;
  loadingMore: string;
  loadMoreError: string;
  loadErrorTitle: string;
  /** Announced after more rows arrive. */
  showing: (count: number) => string;
}

const en: WalletActivityMessages = {
  title: 'Activity',
  kinds: {
    top_up: 'Top-up',
    top_up_returned: 'Top-up returned by your bank',
    received_credit: 'Money received',
    received_debit: 'Money taken by a bank',
    outbound: 'Money sent',
    other: 'Adjustment',
  },
  pending: 'Pending',
  posted: 'Posted',
  void: 'Canceled',
  postedOn: (date) => `Posted ${date}`,
  startedOn: (date) => `Started ${date}`,
  receipt: 'Receipt',
  receiptFor: (what) => `Receipt: ${what}`,
  opensInNewTab: '(opens in a new tab)',
  emptyTitle: 'No activity yet',
  emptyBody: 'Money that moves in or out of your account will show up here.',
  loadMore: 'Load more',
  loadingMore: 'Loading more…',
  loadMoreError: 'We couldn’t load more activity.',
  loadErrorTitle: 'We couldn’t load your activity',
  showing: (count) => `Showing ${String(count)} entries`,
};

/** German, loaded with `@purse/react/locales/de`. */
export const walletActivityMessagesDe: WalletActivityMessages = {
  title: 'Umsätze',
  kinds: {
    top_up: 'Einzahlung',
    top_up_returned: 'Einzahlung von Ihrer Bank zurückgebucht',
    received_credit: 'Geld erhalten',
    received_debit: 'Von einer Bank abgebucht',
    outbound: 'Geld gesendet',
    other: 'Korrektur',
  },
  pending: 'Ausstehend',
  posted: 'Gebucht',
  void: 'Storniert',
  postedOn: (date) => `Gebucht am ${date}`,
  startedOn: (date) => `Gestartet am ${date}`,
  receipt: 'Beleg',
  receiptFor: (what) => `Beleg: ${what}`,
  opensInNewTab: '(öffnet in einem neuen Tab)',
  emptyTitle: 'Noch keine Umsätze',
  emptyBody: 'Geld, das auf Ihr Konto eingeht oder es verlässt, erscheint hier.',
  loadMore: 'Mehr laden',
  loadingMore: 'Wird geladen …',
  loadMoreError: 'Wir konnten keine weiteren Umsätze laden.',
  loadErrorTitle: 'Wir konnten Ihre Umsätze nicht laden',
  showing: (count) => `${String(count)} Umsätze angezeigt`,
};

/** French, loaded with `@purse/react/locales/fr`. */
export const walletActivityMessagesFr: WalletActivityMessages = {
  title: 'Activité',
  kinds: {
    top_up: 'Rechargement',
    top_up_returned: 'Rechargement retourné par votre banque',
    received_credit: 'Argent reçu',
    received_debit: 'Prélevé par une banque',
    outbound: 'Argent envoyé',
    other: 'Ajustement',
  },
  pending: 'En attente',
  posted: 'Comptabilisé',
  void: 'Annulé',
  postedOn: (date) => `Comptabilisé le ${date}`,
  startedOn: (date) => `Commencé le ${date}`,
  receipt: 'Reçu',
  receiptFor: (what) => `Reçu : ${what}`,
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
  emptyTitle: 'Aucune activité pour l’instant',
  emptyBody: 'L’argent qui entre sur votre compte ou en sort apparaîtra ici.',
  loadMore: 'Charger plus',
  loadingMore: 'Chargement…',
  loadMoreError: 'Nous n’avons pas pu charger plus d’activité.',
  loadErrorTitle: 'Nous n’avons pas pu charger votre activité',
  showing: (count) => `${String(count)} opérations affichées`,
};

/** All three, for tests and translators (components read `walletActivityText`). */
export const walletActivityMessages: Catalog<WalletActivityMessages> = {
  en,
  de: walletActivityMessagesDe,
  fr: walletActivityMessagesFr,
};

export const walletActivityText: MessageRef<WalletActivityMessages> = defineMessages(
  'walletActivity',
  en,
);
