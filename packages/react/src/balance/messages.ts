import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';
import type { AccountSubcategory } from '@purse/core';

export interface BalanceCardMessages {
  available: string;
  current: string;
  owed: string;
  creditUsed: string;
  /** "as of 2 minutes ago": `relative` comes from `formatRelativeTime`. */
  asOf: (relative: string) => string;
  /** The exact time, for the tooltip and screen readers. */
  asOfExact: (dateTime: string) => string;
  endingIn: (last4: string) => string;
  subcategory: Partial<Record<AccountSubcategory, string>>;
  noBalanceYet: string;
  noBalanceYetHint: string;
  /** Instead of "No balance yet" while the first refresh runs. */
  gettingBalance: string;
  notShared: string;
  notSharedHint: string;
  noPermission: string;
  disconnectedBalance: string;
  refresh: string;
  refreshing: string;
  /** `time` is `0:42` on screen and "42 seconds" for screen readers. */
  refreshIn: (time: string) => string;
  tryAgain: string;
  /** `time` as in `refreshIn`. */
  tryAgainIn: (time: string) => string;
  failed: string;
  updated: string;
  failedAnnouncement: string;
  inactive: string;
  disconnected: string;
  permissionMissing: string;
  reconnect: string;
  badgeInactive: string;
  badgeDisconnected: string;
  refreshError: string;
  accountMissing: string;
}

const en: BalanceCardMessages = {
  available: 'Available',
  current: 'Current balance',
  owed: 'Balance owed',
  creditUsed: 'Credit used',
  asOf: (relative) => `as of ${relative}`,
  asOfExact: (dateTime) => `Balance as of ${dateTime}`,
  endingIn: (last4) => `ending in ${last4}`,
  subcategory: {
    checking: 'Checking',
    savings: 'Savings',
    credit_card: 'Credit card',
    line_of_credit: 'Line of credit',
    mortgage: 'Mortgage',
  },
  noBalanceYet: 'No balance yet',
  noBalanceYetHint: 'Refresh to get the latest balance from your bank.',
  gettingBalance: 'Getting your balance from your bank…',
  notShared: 'This bank doesn’t share balances',
  notSharedHint: 'Your bank didn’t send a balance for this account.',
  noPermission: 'Balance not shared',
  disconnectedBalance: 'No balance available',
  refresh: 'Refresh balance',
  refreshing: 'Refreshing…',
  refreshIn: (countdown) => `Refresh available in ${countdown}`,
  tryAgain: 'Try again',
  tryAgainIn: (countdown) => `Try again in ${countdown}`,
  failed: 'Your bank didn’t respond to the last refresh.',
  updated: 'Balance updated',
  failedAnnouncement: 'The balance couldn’t be refreshed',
  inactive: 'Reconnect this account to refresh its balance. Your bank needs you to sign in again.',
  disconnected: 'This account was disconnected. Link it again to see its balance.',
  permissionMissing:
    'This account was linked without access to its balance. Link it again and allow balances to see it here.',
  reconnect: 'Reconnect',
  badgeInactive: 'Needs reconnecting',
  badgeDisconnected: 'Disconnected',
  refreshError: 'We couldn’t start a refresh.',
  accountMissing: 'We couldn’t find this account. It may have been removed.',
};

/** German, loaded with `@purse/react/locales/de`. */
export const balanceCardMessagesDe: BalanceCardMessages = {
  available: 'Verfügbar',
  current: 'Aktueller Kontostand',
  owed: 'Offener Betrag',
  creditUsed: 'Genutzter Kreditrahmen',
  asOf: (relative) => `Stand: ${relative}`,
  asOfExact: (dateTime) => `Kontostand vom ${dateTime}`,
  endingIn: (last4) => `endet auf ${last4}`,
  subcategory: {
    checking: 'Girokonto',
    savings: 'Sparkonto',
    credit_card: 'Kreditkarte',
    line_of_credit: 'Kreditlinie',
    mortgage: 'Hypothek',
  },
  noBalanceYet: 'Noch kein Kontostand',
  noBalanceYetHint: 'Aktualisieren Sie, um den aktuellen Kontostand von Ihrer Bank abzurufen.',
  gettingBalance: 'Kontostand wird von Ihrer Bank abgerufen …',
  notShared: 'Diese Bank teilt keine Kontostände',
  notSharedHint: 'Ihre Bank hat für dieses Konto keinen Kontostand übermittelt.',
  noPermission: 'Kontostand nicht freigegeben',
  disconnectedBalance: 'Kein Kontostand verfügbar',
  refresh: 'Kontostand aktualisieren',
  refreshing: 'Wird aktualisiert …',
  refreshIn: (countdown) => `Aktualisierung möglich in ${countdown}`,
  tryAgain: 'Erneut versuchen',
  tryAgainIn: (countdown) => `Erneut versuchen in ${countdown}`,
  failed: 'Ihre Bank hat auf die letzte Aktualisierung nicht geantwortet.',
  updated: 'Kontostand aktualisiert',
  failedAnnouncement: 'Der Kontostand konnte nicht aktualisiert werden',
  inactive:
    'Verbinden Sie dieses Konto neu, um den Kontostand zu aktualisieren. Ihre Bank verlangt eine erneute Anmeldung.',
  disconnected:
    'Die Verbindung zu diesem Konto wurde getrennt. Verknüpfen Sie es erneut, um den Kontostand zu sehen.',
  permissionMissing:
    'Dieses Konto wurde ohne Zugriff auf den Kontostand verknüpft. Verknüpfen Sie es erneut und erlauben Sie den Zugriff auf Kontostände.',
  reconnect: 'Neu verbinden',
  badgeInactive: 'Neu verbinden nötig',
  badgeDisconnected: 'Getrennt',
  refreshError: 'Die Aktualisierung konnte nicht gestartet werden.',
  accountMissing: 'Dieses Konto wurde nicht gefunden. Möglicherweise wurde es entfernt.',
};

/** French, loaded with `@purse/react/locales/fr`. */
export const balanceCardMessagesFr: BalanceCardMessages = {
  available: 'Disponible',
  current: 'Solde actuel',
  owed: 'Montant dû',
  creditUsed: 'Crédit utilisé',
  asOf: (relative) => `mis à jour ${relative}`,
  asOfExact: (dateTime) => `Solde au ${dateTime}`,
  endingIn: (last4) => `se terminant par ${last4}`,
  subcategory: {
    checking: 'Compte courant',
    savings: 'Compte épargne',
    credit_card: 'Carte de crédit',
    line_of_credit: 'Ligne de crédit',
    mortgage: 'Prêt immobilier',
  },
  noBalanceYet: 'Pas encore de solde',
  noBalanceYetHint: 'Actualisez pour obtenir le dernier solde auprès de votre banque.',
  gettingBalance: 'Récupération du solde auprès de votre banque…',
  notShared: 'Cette banque ne partage pas les soldes',
  notSharedHint: 'Votre banque n’a transmis aucun solde pour ce compte.',
  noPermission: 'Solde non partagé',
  disconnectedBalance: 'Aucun solde disponible',
  refresh: 'Actualiser le solde',
  refreshing: 'Actualisation…',
  refreshIn: (countdown) => `Actualisation possible dans ${countdown}`,
  tryAgain: 'Réessayer',
  tryAgainIn: (countdown) => `Réessayer dans ${countdown}`,
  failed: 'Votre banque n’a pas répondu à la dernière actualisation.',
  updated: 'Solde mis à jour',
  failedAnnouncement: 'Le solde n’a pas pu être actualisé',
  inactive:
    'Reconnectez ce compte pour actualiser son solde. Votre banque vous demande de vous identifier à nouveau.',
  disconnected: 'Ce compte a été déconnecté. Associez-le à nouveau pour voir son solde.',
  permissionMissing:
    'Ce compte a été associé sans accès à son solde. Associez-le à nouveau en autorisant l’accès aux soldes.',
  reconnect: 'Reconnecter',
  badgeInactive: 'À reconnecter',
  badgeDisconnected: 'Déconnecté',
  refreshError: 'Impossible de lancer l’actualisation.',
  accountMissing: 'Ce compte est introuvable. Il a peut-être été supprimé.',
};

/** What the component reads: English built in, other locales from their packs. */
export const balanceCardText: MessageRef<BalanceCardMessages> = defineMessages('balanceCard', en);
