/**
 * The stand-in modal's words in English, German and French. Stripe.js's own modal follows the
 * `locale` given to `loadStripe`; the stand-in follows its `locale` option, else the page's
 * `<html lang>`. The sandbox's test banks and accounts (ids fixed by the sandbox's seed) get
 * plain-language notes here; a bank the modal does not know keeps the sandbox's note.
 */

export type ModalLocale = 'en' | 'de' | 'fr';

export const MODAL_LOCALES: readonly ModalLocale[] = ['en', 'de', 'fr'];

export interface ModalMessages {
  title: string;
  close: string;
  badge: string;
  badgeTitle: string;
  notice: string;
  step: (index: number, of: number) => string;
  banksTitle: string;
  banksLede: string;
  noBanks: string;
  accountsTitle: (bank: string) => string;
  accountsLegend: (bank: string) => string;
  accountsLede: string;
  accountsNoneAvailable: string;
  endingIn: (last4: string) => string;
  consentTitle: string;
  linking: (accounts: string, bank: string) => string;
  accountInList: (name: string, last4: string) => string;
  canSee: string;
  failed: (message: string) => string;
  fatal: (message: string) => string;
  agree: string;
  tryAgain: string;
  linkingCount: (count: number) => string;
  linked: (count: number) => string;
  linkedLede: (accounts: string, bank: string) => string;
  closesItself: string;
  continue: string;
  back: string;
  cancel: string;
  done: string;
  and: string;
  permissions: Readonly<Record<string, string>>;
  subcategories: Readonly<Record<string, string>>;
  /** Why an account cannot be linked, by the sandbox's English reason. */
  unavailable: Readonly<Record<string, string>>;
  /** Display names of the sandbox's test banks, by institution id. */
  bankNames: Readonly<Record<string, string>>;
  /** Notes on the sandbox's test banks, by institution id. */
  bankNotes: Readonly<Record<string, string>>;
  /** Notes on their accounts, by `institution id/account id`. */
  accountNotes: Readonly<Record<string, string>>;
}

const BANK_NAMES = {
  fcinst_downbank: 'Down Bank',
};

const en: ModalMessages = {
  title: 'Link a bank account',
  close: 'Close',
  badge: 'Sandbox',
  badgeTitle: 'Purse sandbox: test banks and test data, not Stripe',
  notice: 'Purse sandbox: test banks only. Nothing is sent to Stripe or to a real bank.',
  step: (index, of) => `Step ${String(index)} of ${String(of)}`,
  banksTitle: 'Select your bank',
  banksLede: 'Test banks only. Pick one to see its accounts.',
  noBanks: 'The sandbox offers no test banks.',
  accountsTitle: (bank) => `Choose accounts at ${bank}`,
  accountsLegend: (bank) => `Accounts at ${bank}`,
  accountsLede: 'Choose one or more accounts to link.',
  accountsNoneAvailable:
    'None of these accounts can be linked in this session. Go back and choose another bank.',
  endingIn: (last4) => `ending in ${last4}`,
  consentTitle: 'Share your data',
  linking: (accounts, bank) => `You are linking ${accounts} at ${bank}.`,
  accountInList: (name, last4) => `${name} (ending in ${last4})`,
  canSee: 'This app will be able to see:',
  failed: (message) => `Linking failed: ${message}`,
  fatal: (message) => `${message} Close this window and start again.`,
  agree: 'Agree and link',
  tryAgain: 'Try again',
  linkingCount: (count) => `Linking ${String(count)} ${count === 1 ? 'account' : 'accounts'}…`,
  linked: (count) => `Linked ${String(count)} ${count === 1 ? 'account' : 'accounts'}`,
  linkedLede: (accounts, bank) => `${accounts} at ${bank}.`,
  closesItself: 'This window closes on its own.',
  continue: 'Continue',
  back: 'Back',
  cancel: 'Cancel',
  done: 'Done',
  and: 'and',
  permissions: {
    balances: 'Account balances',
    transactions: 'Transaction history',
    payment_method: 'Account and routing numbers, to move money',
    account_numbers: 'Account and routing numbers, to move money',
    ownership: 'Account owner details',
  },
  subcategories: {
    checking: 'Checking',
    savings: 'Savings',
    credit_card: 'Credit card',
    line_of_credit: 'Line of credit',
    mortgage: 'Mortgage',
    other: 'Other',
  },
  unavailable: {
    'Can’t be used for payments': 'Can’t be used for payments',
    'Not an eligible account type': 'Not an eligible account type',
  },
  bankNames: BANK_NAMES,
  bankNotes: {
    fcinst_stripebank: 'A healthy bank: checking, savings, a credit card and a large balance.',
    fcinst_thinfunds: 'Short of money: top-ups from its checking account fail.',
    fcinst_quietbank: 'Shares transactions but never a balance.',
    fcinst_downbank: 'Offline: accounts link, but balance updates fail.',
  },
  accountNotes: {
    'fcinst_stripebank/checking': 'Salary, rent and card spending. Top-ups succeed.',
    'fcinst_stripebank/savings': 'Monthly transfers in and interest.',
    'fcinst_stripebank/credit_card': 'Money owed on the card. It can’t fund a top-up.',
    'fcinst_stripebank/high_balance': 'A very large balance, for big top-ups.',
    'fcinst_thinfunds/checking': 'Only $23.17 available: larger top-ups fail for lack of money.',
    'fcinst_thinfunds/current_only': 'Shows its current balance only, not what is available.',
    'fcinst_quietbank/checking': 'Balance updates succeed but show no balance.',
    'fcinst_downbank/checking': 'Balance updates fail.',
  },
};

const de: ModalMessages = {
  title: 'Bankkonto verknüpfen',
  close: 'Schließen',
  badge: 'Testumgebung',
  badgeTitle: 'Purse-Testumgebung: Testbanken und Testdaten, nicht Stripe',
  notice:
    'Purse-Testumgebung: nur Testbanken. Nichts wird an Stripe oder an eine echte Bank gesendet.',
  step: (index, of) => `Schritt ${String(index)} von ${String(of)}`,
  banksTitle: 'Wählen Sie Ihre Bank',
  banksLede: 'Nur Testbanken. Wählen Sie eine, um ihre Konten zu sehen.',
  noBanks: 'Die Testumgebung bietet keine Testbanken an.',
  accountsTitle: (bank) => `Konten bei ${bank} wählen`,
  accountsLegend: (bank) => `Konten bei ${bank}`,
  accountsLede: 'Wählen Sie ein oder mehrere Konten zum Verknüpfen.',
  accountsNoneAvailable:
    'Keines dieser Konten kann hier verknüpft werden. Gehen Sie zurück und wählen Sie eine andere Bank.',
  endingIn: (last4) => `endet auf ${last4}`,
  consentTitle: 'Ihre Daten teilen',
  linking: (accounts, bank) => `Sie verknüpfen ${accounts} bei ${bank}.`,
  accountInList: (name, last4) => `${name} (endet auf ${last4})`,
  canSee: 'Diese App kann Folgendes sehen:',
  failed: (message) => `Verknüpfen fehlgeschlagen: ${message}`,
  fatal: (message) => `${message} Schließen Sie dieses Fenster und beginnen Sie neu.`,
  agree: 'Zustimmen und verknüpfen',
  tryAgain: 'Erneut versuchen',
  linkingCount: (count) =>
    `${String(count)} ${count === 1 ? 'Konto' : 'Konten'} werden verknüpft …`,
  linked: (count) => `${String(count)} ${count === 1 ? 'Konto' : 'Konten'} verknüpft`,
  linkedLede: (accounts, bank) => `${accounts} bei ${bank}.`,
  closesItself: 'Dieses Fenster schließt sich von selbst.',
  continue: 'Weiter',
  back: 'Zurück',
  cancel: 'Abbrechen',
  done: 'Fertig',
  and: 'und',
  permissions: {
    balances: 'Kontostände',
    transactions: 'Umsatzhistorie',
    payment_method: 'Konto- und Bankleitzahl, um Geld zu bewegen',
    account_numbers: 'Konto- und Bankleitzahl, um Geld zu bewegen',
    ownership: 'Angaben zum Kontoinhaber',
  },
  subcategories: {
    checking: 'Girokonto',
    savings: 'Sparkonto',
    credit_card: 'Kreditkarte',
    line_of_credit: 'Kreditlinie',
    mortgage: 'Hypothek',
    other: 'Sonstiges',
  },
  unavailable: {
    'Can’t be used for payments': 'Nicht für Zahlungen nutzbar',
    'Not an eligible account type': 'Kontoart nicht zulässig',
  },
  bankNames: BANK_NAMES,
  bankNotes: {
    fcinst_stripebank:
      'Eine gesunde Bank: Girokonto, Sparkonto, Kreditkarte und ein hoher Kontostand.',
    fcinst_thinfunds: 'Zu wenig Geld: Einzahlungen vom Girokonto schlagen fehl.',
    fcinst_quietbank: 'Teilt Umsätze, aber nie einen Kontostand.',
    fcinst_downbank: 'Offline: Konten lassen sich verknüpfen, Kontostände aber nicht abrufen.',
  },
  accountNotes: {
    'fcinst_stripebank/checking': 'Gehalt, Miete und Kartenzahlungen. Einzahlungen gelingen.',
    'fcinst_stripebank/savings': 'Monatliche Überweisungen und Zinsen.',
    'fcinst_stripebank/credit_card': 'Offener Kartenbetrag. Damit ist keine Einzahlung möglich.',
    'fcinst_stripebank/high_balance': 'Ein sehr hoher Kontostand, für große Einzahlungen.',
    'fcinst_thinfunds/checking':
      'Nur 23,17 $ verfügbar: größere Einzahlungen scheitern an fehlender Deckung.',
    'fcinst_thinfunds/current_only': 'Zeigt nur den aktuellen Saldo, nicht den verfügbaren.',
    'fcinst_quietbank/checking': 'Abrufe gelingen, zeigen aber keinen Kontostand.',
    'fcinst_downbank/checking': 'Kontostandsabrufe schlagen fehl.',
  },
};

const fr: ModalMessages = {
  title: 'Associer un compte bancaire',
  close: 'Fermer',
  badge: 'Bac à sable',
  badgeTitle: 'Bac à sable Purse : banques et données de test, pas Stripe',
  notice:
    'Bac à sable Purse : banques de test uniquement. Rien n’est envoyé à Stripe ni à une vraie banque.',
  step: (index, of) => `Étape ${String(index)} sur ${String(of)}`,
  banksTitle: 'Choisissez votre banque',
  banksLede: 'Banques de test uniquement. Choisissez-en une pour voir ses comptes.',
  noBanks: 'Le bac à sable ne propose aucune banque de test.',
  accountsTitle: (bank) => `Choisir des comptes chez ${bank}`,
  accountsLegend: (bank) => `Comptes chez ${bank}`,
  accountsLede: 'Choisissez un ou plusieurs comptes à associer.',
  accountsNoneAvailable:
    'Aucun de ces comptes ne peut être associé ici. Revenez en arrière et choisissez une autre banque.',
  endingIn: (last4) => `se terminant par ${last4}`,
  consentTitle: 'Partager vos données',
  linking: (accounts, bank) => `Vous associez ${accounts} chez ${bank}.`,
  accountInList: (name, last4) => `${name} (se terminant par ${last4})`,
  canSee: 'Cette application pourra voir :',
  failed: (message) => `Échec de l’association : ${message}`,
  fatal: (message) => `${message} Fermez cette fenêtre et recommencez.`,
  agree: 'Accepter et associer',
  tryAgain: 'Réessayer',
  linkingCount: (count) => `Association de ${String(count)} ${count === 1 ? 'compte' : 'comptes'}…`,
  linked: (count) => `${String(count)} ${count === 1 ? 'compte associé' : 'comptes associés'}`,
  linkedLede: (accounts, bank) => `${accounts} chez ${bank}.`,
  closesItself: 'Cette fenêtre se ferme toute seule.',
  continue: 'Continuer',
  back: 'Retour',
  cancel: 'Annuler',
  done: 'Terminé',
  and: 'et',
  permissions: {
    balances: 'Soldes des comptes',
    transactions: 'Historique des transactions',
    payment_method: 'Numéros de compte et de routage, pour déplacer de l’argent',
    account_numbers: 'Numéros de compte et de routage, pour déplacer de l’argent',
    ownership: 'Informations sur le titulaire',
  },
  subcategories: {
    checking: 'Compte courant',
    savings: 'Compte épargne',
    credit_card: 'Carte de crédit',
    line_of_credit: 'Ligne de crédit',
    mortgage: 'Prêt immobilier',
    other: 'Autre',
  },
  unavailable: {
    'Can’t be used for payments': 'Inutilisable pour les paiements',
    'Not an eligible account type': 'Type de compte non admis',
  },
  bankNames: BANK_NAMES,
  bankNotes: {
    fcinst_stripebank:
      'Une banque en bonne santé : compte courant, compte épargne, carte de crédit et gros solde.',
    fcinst_thinfunds: 'Manque d’argent : les rechargements depuis son compte courant échouent.',
    fcinst_quietbank: 'Partage ses transactions, jamais son solde.',
    fcinst_downbank:
      'Hors ligne : les comptes s’associent, mais les soldes ne se mettent pas à jour.',
  },
  accountNotes: {
    'fcinst_stripebank/checking':
      'Salaire, loyer et paiements par carte. Les rechargements réussissent.',
    'fcinst_stripebank/savings': 'Virements mensuels et intérêts.',
    'fcinst_stripebank/credit_card':
      'Montant dû sur la carte. Elle ne peut pas financer un rechargement.',
    'fcinst_stripebank/high_balance': 'Un très gros solde, pour les gros rechargements.',
    'fcinst_thinfunds/checking':
      'Seulement 23,17 $ disponibles : les rechargements plus élevés échouent faute de provision.',
    'fcinst_thinfunds/current_only': 'N’indique que le solde actuel, pas le disponible.',
    'fcinst_quietbank/checking': 'Les actualisations réussissent mais sans solde.',
    'fcinst_downbank/checking': 'Les actualisations du solde échouent.',
  },
};

export const modalMessages: Readonly<Record<ModalLocale, ModalMessages>> = { en, de, fr };

/** `locale` if given and supported, else the document's `<html lang>`, else English. */
export function resolveModalLocale(doc: Document, locale?: string): ModalLocale {
  const wanted = (locale ?? doc.documentElement.lang).toLowerCase().split('-')[0] ?? '';
  return (MODAL_LOCALES as readonly string[]).includes(wanted) ? (wanted as ModalLocale) : 'en';
}
