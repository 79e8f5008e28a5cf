import { defineMessages, type MessageRef } from '../i18n/locale-packs.js';
import type { SpendingBucketSize } from '@purse/core';

export interface SpendingMessages {
  title: string;
  /** `$2,340.10 spent` */
  spent: (amount: string) => string;
  /** `$84.20 pending` */
  pending: (amount: string) => string;
  /** `$5,880.00 in` */
  moneyIn: (amount: string) => string;
  /** `Nothing pending`: said so that an empty pending total is not mistaken for "not shown". */
  pendingNone: string;
  /**
   * Pending money out on a linked account the card does not show: `$42.10 pending on Rewards
   * Credit Card ••1881` (`account` is its name and last digits).
   */
  pendingOn: (amount: string, account: string) => string;
  /** `Last 90 days · Dec 11, 2025 – Mar 10, 2026` */
  period: (days: number, dates: string) => string;
  /** Weekly bars start on a whole week: `Whole weeks · Oct 25 – Nov 25, 2026` */
  periodWeeks: (dates: string) => string;
  /** Own-account transfers and card payments left out (`amount` is formatted). */
  excludedNote: (count: number, amount: string) => string;
  rangeLabel: string;
  rangeOption: (days: number) => string;
  bucketLabel: string;
  bucketOption: Record<SpendingBucketSize, string>;
  includeInflow: string;
  showTable: string;
  showChart: string;
  /** `Loaded 340 transactions…` (`count` is already formatted). */
  progress: (count: number, formatted: string) => string;
  updating: string;
  fetchingTitle: string;
  fetchingDetail: string;
  emptyTitle: (days: number) => string;
  emptyInflowTitle: (days: number) => string;
  emptyHint: string;
  permissionTitle: string;
  permissionDetail: string;
  permissionSome: (count: number) => string;
  failedTitle: string;
  failedDetail: string;
  accountInactive: string;
  accountDisconnected: string;
  refreshNotAvailable: string;
  legendPosted: string;
  legendPending: string;
  legendInflow: string;
  legendInflowPending: string;
  tableCaption: (bucket: SpendingBucketSize, days: number) => string;
  columnPeriod: string;
  columnPosted: string;
  columnPending: string;
  columnInflow: string;
  totalRow: string;
  /** The text alternative read instead of the chart's drawing. */
  chartSummary: (options: {
    bucket: SpendingBucketSize;
    bars: number;
    highest: { period: string; amount: string } | null;
  }) => string;
  topMerchants: string;
  /** `3 payments` (rent, bills and purchases alike: it is what the rows are). */
  payments: (count: number) => string;
}

const en: SpendingMessages = {
  title: 'Spending',
  spent: (amount) => `${amount} spent`,
  pending: (amount) => `${amount} pending`,
  moneyIn: (amount) => `${amount} in`,
  pendingNone: 'nothing pending',
  pendingOn: (amount, account) => `${amount} pending on ${account}`,
  period: (days, dates) => `Last ${days} days · ${dates}`,
  periodWeeks: (dates) => `Whole weeks · ${dates}`,
  excludedNote: (count, amount) =>
    count === 1
      ? `Not counted: 1 transfer between your accounts or card payment (${amount}).`
      : `Not counted: ${count} transfers between your accounts and card payments (${amount}).`,
  rangeLabel: 'Time range',
  rangeOption: (days) => `${days} days`,
  bucketLabel: 'Group by',
  bucketOption: { day: 'Daily', week: 'Weekly', month: 'Monthly' },
  includeInflow: 'Include money in',
  showTable: 'Show as table',
  showChart: 'Show as chart',
  progress: (count, formatted) =>
    count === 1 ? 'Loaded 1 transaction…' : `Loaded ${formatted} transactions…`,
  updating: 'Checking for new transactions…',
  fetchingTitle: 'Fetching your transactions…',
  fetchingDetail: 'Your bank is sending your recent transactions. This can take a minute.',
  emptyTitle: (days) => `No spending in the last ${days} days`,
  emptyInflowTitle: (days) => `No money in or out in the last ${days} days`,
  emptyHint: 'Pick a longer time range to look further back.',
  permissionTitle: 'This account didn’t share its transactions',
  permissionDetail:
    'When you linked it, access to transactions wasn’t granted. Link the account again and allow transactions to see your spending.',
  permissionSome: (count) =>
    count === 1
      ? 'One account didn’t share its transactions and isn’t included.'
      : `${count} accounts didn’t share their transactions and aren’t included.`,
  failedTitle: 'Your bank couldn’t send your transactions',
  failedDetail: 'This is usually temporary. Try again in a few minutes.',
  accountInactive: 'This account needs to be linked again before we can fetch its transactions.',
  accountDisconnected: 'This account was disconnected. Link it again to see its transactions.',
  refreshNotAvailable: 'Your bank was asked for transactions recently. Try again in a few minutes.',
  legendPosted: 'Spent',
  legendPending: 'Pending',
  legendInflow: 'Money in',
  legendInflowPending: 'Money in, pending',
  // The bucket sizes are English nouns (`day`, `week`, `month`).
  tableCaption: (bucket, days) => `Money out per ${bucket}, last ${days} days`,
  columnPeriod: 'Period',
  columnPosted: 'Spent',
  columnPending: 'Pending',
  columnInflow: 'Money in',
  totalRow: 'Total',
  chartSummary: ({ bucket, bars, highest }) =>
    `Bar chart of money out per ${bucket}, ${bars} bars. ` +
    (highest ? `The highest is ${highest.period}: ${highest.amount}. ` : 'No money went out. ') +
    'The table lists every value.',
  topMerchants: 'Top merchants',
  payments: (count) => (count === 1 ? '1 payment' : `${count} payments`),
};

/** German, loaded with `@purse/react/locales/de`. */
export const spendingMessagesDe: SpendingMessages = {
  title: 'Ausgaben',
  spent: (amount) => `${amount} ausgegeben`,
  pending: (amount) => `${amount} ausstehend`,
  moneyIn: (amount) => `${amount} eingegangen`,
  pendingNone: 'nichts ausstehend',
  pendingOn: (amount, account) => `${amount} ausstehend auf ${account}`,
  period: (days, dates) => `Letzte ${days} Tage · ${dates}`,
  periodWeeks: (dates) => `Ganze Wochen · ${dates}`,
  excludedNote: (count, amount) =>
    count === 1
      ? `Nicht mitgezählt: 1 Umbuchung zwischen Ihren Konten oder Kartenabrechnung (${amount}).`
      : `Nicht mitgezählt: ${count} Umbuchungen zwischen Ihren Konten und Kartenabrechnungen (${amount}).`,
  rangeLabel: 'Zeitraum',
  rangeOption: (days) => `${days} Tage`,
  bucketLabel: 'Gruppieren nach',
  bucketOption: { day: 'Täglich', week: 'Wöchentlich', month: 'Monatlich' },
  includeInflow: 'Eingänge einbeziehen',
  showTable: 'Als Tabelle zeigen',
  showChart: 'Als Diagramm zeigen',
  progress: (count, formatted) =>
    count === 1 ? '1 Umsatz geladen …' : `${formatted} Umsätze geladen …`,
  updating: 'Suche nach neuen Umsätzen …',
  fetchingTitle: 'Ihre Umsätze werden abgerufen …',
  fetchingDetail: 'Ihre Bank übermittelt Ihre letzten Umsätze. Das kann eine Minute dauern.',
  emptyTitle: (days) => `Keine Ausgaben in den letzten ${days} Tagen`,
  emptyInflowTitle: (days) => `Keine Ein- oder Ausgänge in den letzten ${days} Tagen`,
  emptyHint: 'Wählen Sie einen längeren Zeitraum, um weiter zurückzublicken.',
  permissionTitle: 'Dieses Konto hat seine Umsätze nicht freigegeben',
  permissionDetail:
    'Beim Verknüpfen wurde der Zugriff auf Umsätze nicht erlaubt. Verknüpfen Sie das Konto erneut und erlauben Sie Umsätze, um Ihre Ausgaben zu sehen.',
  permissionSome: (count) =>
    count === 1
      ? 'Ein Konto hat seine Umsätze nicht freigegeben und ist nicht enthalten.'
      : `${count} Konten haben ihre Umsätze nicht freigegeben und sind nicht enthalten.`,
  failedTitle: 'Ihre Bank konnte Ihre Umsätze nicht übermitteln',
  failedDetail: 'Das ist meist vorübergehend. Versuchen Sie es in ein paar Minuten erneut.',
  accountInactive:
    'Dieses Konto muss erneut verknüpft werden, bevor wir seine Umsätze abrufen können.',
  accountDisconnected:
    'Dieses Konto wurde getrennt. Verknüpfen Sie es erneut, um seine Umsätze zu sehen.',
  refreshNotAvailable:
    'Ihre Umsätze wurden gerade erst abgefragt. Versuchen Sie es in ein paar Minuten erneut.',
  legendPosted: 'Ausgegeben',
  legendPending: 'Ausstehend',
  legendInflow: 'Eingänge',
  legendInflowPending: 'Eingänge, ausstehend',
  tableCaption: (bucket, days) =>
    `Ausgaben pro ${bucket === 'day' ? 'Tag' : bucket === 'week' ? 'Woche' : 'Monat'}, letzte ${days} Tage`,
  columnPeriod: 'Zeitraum',
  columnPosted: 'Ausgegeben',
  columnPending: 'Ausstehend',
  columnInflow: 'Eingänge',
  totalRow: 'Summe',
  chartSummary: ({ bucket, bars, highest }) =>
    `Balkendiagramm der Ausgaben pro ${bucket === 'day' ? 'Tag' : bucket === 'week' ? 'Woche' : 'Monat'}, ${bars} Balken. ` +
    (highest
      ? `Am höchsten: ${highest.period} mit ${highest.amount}. `
      : 'Es gab keine Ausgaben. ') +
    'Die Tabelle enthält alle Werte.',
  topMerchants: 'Top-Händler',
  payments: (count) => (count === 1 ? '1 Zahlung' : `${count} Zahlungen`),
};

/** French, loaded with `@purse/react/locales/fr`. */
export const spendingMessagesFr: SpendingMessages = {
  title: 'Dépenses',
  spent: (amount) => `${amount} dépensés`,
  pending: (amount) => `${amount} en attente`,
  moneyIn: (amount) => `${amount} reçus`,
  pendingNone: 'rien en attente',
  pendingOn: (amount, account) => `${amount} en attente sur ${account}`,
  period: (days, dates) => `${days} derniers jours · ${dates}`,
  periodWeeks: (dates) => `Semaines entières · ${dates}`,
  excludedNote: (count, amount) =>
    count === 1
      ? `Non compté : 1 virement entre vos comptes ou remboursement de carte (${amount}).`
      : `Non comptés : ${count} virements entre vos comptes et remboursements de carte (${amount}).`,
  rangeLabel: 'Période',
  rangeOption: (days) => `${days} jours`,
  bucketLabel: 'Regrouper par',
  bucketOption: { day: 'Jour', week: 'Semaine', month: 'Mois' },
  includeInflow: 'Inclure les entrées d’argent',
  showTable: 'Afficher en tableau',
  showChart: 'Afficher en graphique',
  progress: (count, formatted) =>
    count === 1 ? '1 opération chargée…' : `${formatted} opérations chargées…`,
  updating: 'Recherche de nouvelles opérations…',
  fetchingTitle: 'Récupération de vos opérations…',
  fetchingDetail: 'Votre banque envoie vos opérations récentes. Cela peut prendre une minute.',
  emptyTitle: (days) => `Aucune dépense ces ${days} derniers jours`,
  emptyInflowTitle: (days) => `Aucune entrée ni sortie d’argent ces ${days} derniers jours`,
  emptyHint: 'Choisissez une période plus longue pour remonter plus loin.',
  permissionTitle: 'Ce compte n’a pas partagé ses opérations',
  permissionDetail:
    'L’accès aux opérations n’a pas été accordé lors de la connexion. Reconnectez le compte et autorisez les opérations pour voir vos dépenses.',
  permissionSome: (count) =>
    count === 1
      ? 'Un compte n’a pas partagé ses opérations et n’est pas inclus.'
      : `${count} comptes n’ont pas partagé leurs opérations et ne sont pas inclus.`,
  failedTitle: 'Votre banque n’a pas pu envoyer vos opérations',
  failedDetail: 'C’est généralement temporaire. Réessayez dans quelques minutes.',
  accountInactive:
    'Ce compte doit être reconnecté avant que nous puissions récupérer ses opérations.',
  accountDisconnected: 'Ce compte a été déconnecté. Reconnectez-le pour voir ses opérations.',
  refreshNotAvailable:
    'Vos opérations ont été demandées il y a peu. Réessayez dans quelques minutes.',
  legendPosted: 'Dépensé',
  legendPending: 'En attente',
  legendInflow: 'Entrées',
  legendInflowPending: 'Entrées en attente',
  tableCaption: (bucket, days) =>
    `Dépenses par ${bucket === 'day' ? 'jour' : bucket === 'week' ? 'semaine' : 'mois'}, ${days} derniers jours`,
  columnPeriod: 'Période',
  columnPosted: 'Dépensé',
  columnPending: 'En attente',
  columnInflow: 'Entrées',
  totalRow: 'Total',
  chartSummary: ({ bucket, bars, highest }) =>
    `Graphique en barres des dépenses par ${bucket === 'day' ? 'jour' : bucket === 'week' ? 'semaine' : 'mois'}, ${bars} barres. ` +
    (highest ? `La plus haute : ${highest.period}, ${highest.amount}. ` : 'Aucune dépense. ') +
    'Le tableau donne toutes les valeurs.',
  topMerchants: 'Principaux commerçants',
  payments: (count) => (count === 1 ? '1 paiement' : `${count} paiements`),
};

/** What the component reads: English built in, other locales from their packs. */
export const spendingText: MessageRef<SpendingMessages> = defineMessages('spending', en);
